package office_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

// Helpers of the department and plan page tests (prefix deptTest).

func deptTestCount(t *testing.T, f *webtest.Fixture) int {
	t.Helper()
	deps, err := f.DB.Departments(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	return len(deps)
}

// deptTestNoChangeControls fails unless the only post forms of a page are
// signing out and choosing the language.
func deptTestNoChangeControls(t *testing.T, path, body string) {
	t.Helper()
	for _, a := range webtest.PostActions(webtest.Parse(t, body)) {
		if a != "/logga-ut" && a != "/sprak" {
			t.Errorf("%s shows a reader the post form %q", path, a)
		}
	}
}

func TestOfficeDepartmentList(t *testing.T) {
	f := webtest.New(t)
	t.Run("AdminSeesTablesAndControls", func(t *testing.T) {
		status, body := f.Get(t, f.Admin, "/kontor/verksamheter").StatusBody()
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		doc := webtest.Parse(t, body)
		ths := webtest.FindAll(doc, "th")
		if len(ths) == 0 {
			t.Fatal("no table headers")
		}
		for _, th := range ths {
			if s := webtest.Attr(th, "scope"); s != "col" && s != "row" {
				t.Errorf("<th> %q without scope", webtest.Text(th))
			}
		}
		if !strings.Contains(body, "Socialförvaltningen") || !strings.Contains(body, "Räddningstjänsten Västra Dalen") {
			t.Error("the demo's departments are not listed")
		}
		if len(webtest.PostActions(doc)) < 3 {
			t.Error("an admin should see deactivate buttons")
		}
		if len(webtest.FindAll(doc, "", "id="+"inactive-heading")) != 0 {
			t.Error("no department is inactive yet, but the inactive table is shown")
		}
	})
	t.Run("ReaderSeesNoControls", func(t *testing.T) {
		status, body := f.Get(t, f.Reader, "/kontor/verksamheter").StatusBody()
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		deptTestNoChangeControls(t, "/kontor/verksamheter", body)
		if strings.Contains(body, "/kontor/verksamheter/ny") || strings.Contains(body, "/kontor/verksamheter/import") {
			t.Error("a reader sees links to change departments")
		}
	})
	t.Run("English", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, f.URL+"/kontor/verksamheter", nil)
		req.AddCookie(&http.Cookie{Name: i18n.Cookie, Value: "en"})
		res, err := f.Admin.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if !strings.Contains(string(b), "Active organisations") {
			t.Error("the English page is not in English")
		}
	})
}

func TestOfficeDepartmentAddEditDeactivate(t *testing.T) {
	f := webtest.New(t)
	t.Run("AddOK", func(t *testing.T) {
		_, body := f.Get(t, f.Admin, "/kontor/verksamheter/ny").StatusBody()
		doc := webtest.Parse(t, body)
		for _, id := range []string{"dept-name", "dept-kind", "dept-email"} {
			if len(webtest.FindAll(doc, "label", "for="+id)) != 1 {
				t.Errorf("no visible label for #%s", id)
			}
		}
		res := f.PostForm(t, f.Admin, "/kontor/verksamheter", url.Values{"name": {"  Miljö- och  hälsoskyddsförvaltningen "}, "kind": {"förvaltning"}, "email": {"mhf@exempelby.se"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); loc != "/kontor/verksamheter?tillagd=1" {
			t.Fatalf("Location %q", loc)
		}
		d, ok := f.LookupDep(t, "Miljö- och hälsoskyddsförvaltningen")
		if !ok || d.Email != "mhf@exempelby.se" || d.Kind != forms.KindAdministration || !d.Active {
			t.Fatalf("stored %+v (found %v)", d, ok)
		}
		_, body = f.Get(t, f.Admin, "/kontor/verksamheter?tillagd=1").StatusBody()
		st := webtest.ByID(t, webtest.Parse(t, body), "status")
		if st == nil || webtest.Attr(st, "role") != "status" {
			t.Error("no role=status notice after adding")
		}
	})
	t.Run("ErrInvalidKeepsInput", func(t *testing.T) {
		before := deptTestCount(t, f)
		res := f.PostForm(t, f.Admin, "/kontor/verksamheter", url.Values{"name": {""}, "kind": {"myndighet"}, "email": {"inte-en-adress"}})
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		doc := webtest.Parse(t, body)
		sum := webtest.ByID(t, doc, "error-summary")
		if sum == nil || webtest.Attr(sum, "role") != "alert" {
			t.Fatal("no error summary with role=alert")
		}
		links := webtest.FindAll(sum, "a")
		var hrefs []string
		for _, a := range links {
			hrefs = append(hrefs, webtest.Attr(a, "href"))
		}
		if strings.Join(hrefs, " ") != "#dept-name #dept-kind #dept-email" {
			t.Errorf("summary links %v", hrefs)
		}
		email := webtest.ByID(t, doc, "dept-email")
		if webtest.Attr(email, "value") != "inte-en-adress" {
			t.Error("the typed e-mail is lost")
		}
		if !strings.Contains(webtest.Attr(email, "aria-describedby"), "dept-email-error") || webtest.Attr(email, "aria-invalid") != "true" {
			t.Error("the e-mail field does not point at its error")
		}
		if !strings.Contains(body, "Skriv en giltig e-postadress.") {
			t.Error("no Swedish message beside the e-mail field")
		}
		if got := deptTestCount(t, f); got != before {
			t.Fatalf("departments %d, want %d", got, before)
		}
	})
	t.Run("ErrNameTaken", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, "/kontor/verksamheter", url.Values{"name": {"socialförvaltningen"}, "kind": {"förvaltning"}})
		body := res.Body
		webtest.WantStatus(t, res, http.StatusConflict)
		if !strings.Contains(body, "Det finns redan en verksamhet med det namnet.") {
			t.Error("no message about the name")
		}
	})
	d, _ := f.LookupDep(t, "Socialförvaltningen")
	path := "/kontor/verksamheter/" + deptTestID(d.ID)
	t.Run("EditOK", func(t *testing.T) {
		status, body := f.Get(t, f.Admin, path).StatusBody()
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		form := webtest.FormByAction(t, webtest.Parse(t, body), path, "")
		if form.Get("name") != "Socialförvaltningen" || form.Get("kind") != "förvaltning" {
			t.Fatalf("edit form %v", form)
		}
		form.Set("email", "socialtjansten@exempelby.se")
		res := f.PostForm(t, f.Admin, path, form)
		webtest.WantStatus(t, res, http.StatusSeeOther)
		got, _ := f.LookupDep(t, "Socialförvaltningen")
		if got.Email != "socialtjansten@exempelby.se" {
			t.Fatalf("e-mail %q", got.Email)
		}
	})
	t.Run("EditInvalid422", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, path, url.Values{"name": {strings.Repeat("x", 201)}, "kind": {"bolag"}})
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "högst 200 tecken") {
			t.Error("no message about the name's length")
		}
	})
	t.Run("DeactivateAndReactivate", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, path+"/aktiv", url.Values{"active": {"0"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		got, _ := f.LookupDep(t, "Socialförvaltningen")
		if got.Active {
			t.Fatal("still active")
		}
		_, body := f.Get(t, f.Admin, "/kontor/verksamheter").StatusBody()
		doc := webtest.Parse(t, body)
		inactive := webtest.FindFunc(doc, func(n *html.Node) bool {
			return n.Data == "table" && strings.Contains(webtest.Attr(n, "class"), "dp-inactive")
		})
		if len(inactive) != 1 || !strings.Contains(webtest.Text(inactive[0]), "Socialförvaltningen") {
			t.Fatal("the inactive department is not shown apart")
		}
		res = f.PostForm(t, f.Admin, path+"/aktiv", url.Values{"active": {"1"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if got, _ := f.LookupDep(t, "Socialförvaltningen"); !got.Active {
			t.Fatal("not reactivated")
		}
	})
	t.Run("UnknownDepartment404", func(t *testing.T) {
		if status, _ := f.Get(t, f.Admin, "/kontor/verksamheter/99999").StatusBody(); status != http.StatusNotFound {
			t.Fatalf("status %d", status)
		}
	})
	t.Run("HTMLEscaped", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, "/kontor/verksamheter", url.Values{"name": {`<script>alert("x")</script> AB`}, "kind": {"bolag"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		_, body := f.Get(t, f.Admin, "/kontor/verksamheter").StatusBody()
		if strings.Contains(body, `<script>alert`) || !strings.Contains(body, "&lt;script&gt;alert") {
			t.Fatal("the name is not escaped")
		}
	})
}

const deptTestCSV = "namn;typ;e-post\r\nSocialförvaltningen;förvaltning;ny-soc@exempelby.se\r\nExempelby Hamn AB;bolag;hamn@exempelby.se\r\nExempelby Bostäder AB;bolag;bostader@exempelby.se\r\n"

func TestOfficeDepartmentImportCSV(t *testing.T) {
	f := webtest.New(t)
	before := deptTestCount(t, f)
	res := f.Upload(t, f.Admin, "/kontor/verksamheter/import", "verksamheter.csv", []byte(deptTestCSV))
	body := res.Body
	webtest.WantStatus(t, res, http.StatusOK)
	doc := webtest.Parse(t, body)
	t.Run("PreviewWritesNothing", func(t *testing.T) {
		if got := deptTestCount(t, f); got != before {
			t.Fatalf("departments %d after preview, want %d", got, before)
		}
		if d, _ := f.LookupDep(t, "Socialförvaltningen"); d.Email != "soc@exempelby.se" {
			t.Fatalf("e-mail changed by the preview: %q", d.Email)
		}
		text := webtest.Text(doc)
		for _, want := range []string{"Exempelby Hamn AB", "ny-soc@exempelby.se", "Oförändrade verksamheter (1)", "Importera (1 ny, 1 ändrad)"} {
			if !strings.Contains(text, want) {
				t.Errorf("preview lacks %q", want)
			}
		}
	})
	form := webtest.FormByAction(t, doc, "/kontor/verksamheter/import/bekrafta", "")
	t.Run("ErrTamperedPreview", func(t *testing.T) {
		bad := url.Values{}
		for k, v := range form {
			bad[k] = append([]string(nil), v...)
		}
		bad["name"][1] = "Någon annan AB"
		res := f.PostForm(t, f.Admin, "/kontor/verksamheter/import/bekrafta", bad)
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "Ladda upp filen igen") {
			t.Error("no message about the changed preview")
		}
		if got := deptTestCount(t, f); got != before {
			t.Fatal("a tampered confirmation wrote")
		}
	})
	t.Run("ConfirmWrites", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, "/kontor/verksamheter/import/bekrafta", form)
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); !strings.Contains(loc, "tillagda=1") || !strings.Contains(loc, "andrade=1") {
			t.Errorf("Location %q", loc)
		}
		if got := deptTestCount(t, f); got != before+1 {
			t.Fatalf("departments %d, want %d", got, before+1)
		}
		if d, _ := f.LookupDep(t, "Socialförvaltningen"); d.Email != "ny-soc@exempelby.se" {
			t.Fatalf("e-mail %q", d.Email)
		}
		_, body := f.Get(t, f.Admin, res.Header.Get("Location")).StatusBody()
		if !strings.Contains(body, "Importen är klar: 1 ny verksamhet och 1 ändrad.") {
			t.Error("no notice after the import")
		}
	})
	t.Run("SameAgainChangesNothing", func(t *testing.T) {
		res := f.Upload(t, f.Admin, "/kontor/verksamheter/import", "verksamheter.csv", []byte(deptTestCSV))
		body := res.Body
		webtest.WantStatus(t, res, http.StatusOK)
		doc := webtest.Parse(t, body)
		for _, a := range webtest.PostActions(doc) {
			if a == "/kontor/verksamheter/import/bekrafta" {
				t.Error("a file that changes nothing is offered for import")
			}
		}
		if !strings.Contains(body, "Filen innebär inga ändringar") {
			t.Error("no message that nothing changes")
		}
		// Confirming the earlier preview again changes nothing either.
		res = f.PostForm(t, f.Admin, "/kontor/verksamheter/import/bekrafta", form)
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); !strings.Contains(loc, "tillagda=0&andrade=0") {
			t.Errorf("Location %q", loc)
		}
		if got := deptTestCount(t, f); got != before+1 {
			t.Fatalf("departments %d, want %d", got, before+1)
		}
	})
}

// deptTestWorkbook builds an .xlsx file whose first sheet holds rows.
func deptTestWorkbook(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Verksamheter")
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Verksamheter", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOfficeDepartmentImportXLSX(t *testing.T) {
	f := webtest.New(t)
	before := deptTestCount(t, f)
	data := deptTestWorkbook(t, [][]any{
		{"Namn", "Typ", "E-post"},
		{"Västra Dalens Vatten AB", "Bolag", "vatten@vastradalen.se"},
		{},
		{"Överförmyndarnämndens kansli", "forvaltning", ""},
	})
	res := f.Upload(t, f.Admin, "/kontor/verksamheter/import", "verksamheter.xlsx", data)
	body := res.Body
	webtest.WantStatus(t, res, http.StatusOK)
	if got := deptTestCount(t, f); got != before {
		t.Fatal("the preview wrote")
	}
	doc := webtest.Parse(t, body)
	if !strings.Contains(webtest.Text(doc), "Överförmyndarnämndens kansli") {
		t.Fatal("the preview lacks a row")
	}
	res = f.PostForm(t, f.Admin, "/kontor/verksamheter/import/bekrafta", webtest.FormByAction(t, doc, "/kontor/verksamheter/import/bekrafta", ""))
	webtest.WantStatus(t, res, http.StatusSeeOther)
	d, ok := f.LookupDep(t, "Överförmyndarnämndens kansli")
	if !ok || d.Kind != forms.KindAdministration {
		t.Fatalf("stored %+v", d)
	}
	if d, _ := f.LookupDep(t, "Västra Dalens Vatten AB"); d.Kind != forms.KindCompany || d.Email != "vatten@vastradalen.se" {
		t.Fatalf("stored %+v", d)
	}
}

func TestOfficeDepartmentImportRefused(t *testing.T) {
	f := webtest.New(t)
	before := deptTestCount(t, f)
	tests := []struct {
		name, file string
		data       []byte
		want       []string
	}{
		{"BadCSVLine", "fel.csv", []byte("name,kind,email\nNya AB,bolag,\nMyndigheten,myndighet,x@y.se\nTredje,bolag,inte-epost\n"),
			[]string{"Rad 3: typen ska vara förvaltning, bolag eller förbund", "Rad 4: e-postadressen är inte giltig"}},
		{"BadXLSXRow", "fel.xlsx", deptTestWorkbook(t, [][]any{{"namn", "typ"}, {"Nya AB", "bolag"}, {"", "bolag"}}),
			[]string{"Rad 3: namnet saknas"}},
		{"NoHeader", "fel.csv", []byte("Nya AB,bolag\n"), []string{"Rad 1: rubrikraden ska namnge kolumnerna"}},
		{"LegacyXLS", "gammal.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, []string{".xls"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := f.Upload(t, f.Admin, "/kontor/verksamheter/import", tt.file, tt.data)
			body := res.Body
			webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
			doc := webtest.Parse(t, body)
			sum := webtest.ByID(t, doc, "error-summary")
			if sum == nil || webtest.Attr(sum, "role") != "alert" {
				t.Fatal("no error summary")
			}
			for _, w := range tt.want {
				if !strings.Contains(webtest.Text(sum), w) {
					t.Errorf("summary %q lacks %q", webtest.Text(sum), w)
				}
			}
			if got := deptTestCount(t, f); got != before {
				t.Fatal("a refused file wrote")
			}
		})
	}
	t.Run("NoFile", func(t *testing.T) {
		res := f.Upload(t, f.Admin, "/kontor/verksamheter/import", "tom.csv", nil)
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "Välj en fil att importera.") {
			t.Error("no message about the missing file")
		}
	})
	t.Run("TooLarge413", func(t *testing.T) {
		big := bytes.Repeat([]byte("x"), 11<<20)
		res := f.Upload(t, f.Admin, "/kontor/verksamheter/import", "stor.csv", big)
		body := res.Body
		webtest.WantStatus(t, res, http.StatusRequestEntityTooLarge)
		if !strings.Contains(body, "för stort") {
			t.Error("the 413 page is not in Swedish")
		}
	})
}

func TestOfficeDepartmentReaderCannotChange(t *testing.T) {
	f := webtest.New(t)
	d, _ := f.LookupDep(t, "Socialförvaltningen")
	id := deptTestID(d.ID)
	for _, p := range []string{"/kontor/verksamheter/ny", "/kontor/verksamheter/" + id, "/kontor/verksamheter/import"} {
		if status, _ := f.Get(t, f.Reader, p).StatusBody(); status != http.StatusForbidden {
			t.Errorf("GET %s as reader: %d, want 403", p, status)
		}
	}
	posts := map[string]url.Values{
		"/kontor/verksamheter":                  {"name": {"Läsarens AB"}, "kind": {"bolag"}},
		"/kontor/verksamheter/" + id:            {"name": {"Ändrat namn"}, "kind": {"bolag"}},
		"/kontor/verksamheter/" + id + "/aktiv": {"active": {"0"}},
		"/kontor/verksamheter/import/bekrafta":  {"line": {"2"}, "name": {"Läsarens AB"}, "kind": {"bolag"}, "email": {""}},
	}
	for p, form := range posts {
		res := f.PostForm(t, f.Reader, p, form)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s as reader: %d, want 403", p, res.StatusCode)
		}
	}
	res := f.Upload(t, f.Reader, "/kontor/verksamheter/import", "v.csv", []byte(deptTestCSV))
	webtest.WantStatus(t, res, http.StatusForbidden)
	if got, _ := f.LookupDep(t, "Socialförvaltningen"); got != d {
		t.Fatalf("a reader changed the department: %+v", got)
	}
	if _, ok := f.LookupDep(t, "Läsarens AB"); ok {
		t.Fatal("a reader added a department")
	}
}

func deptTestID(n int64) string { return strconv.FormatInt(n, 10) }
