package web

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"followup/cmd/followup/web/i18n"
	"followup/forms"
)

// Helpers of the department and plan page tests (prefix deptTest).

// deptTestDoc parses a page.
func deptTestDoc(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return doc
}

// deptTestFind returns the elements of a page that match.
func deptTestFind(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// deptTestAttr returns an element's attribute.
func deptTestAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func deptTestHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// deptTestTag matches elements by tag name.
func deptTestTag(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

// deptTestByID returns the element with the id, or nil.
func deptTestByID(doc *html.Node, id string) *html.Node {
	found := deptTestFind(doc, func(n *html.Node) bool { return deptTestAttr(n, "id") == id })
	if len(found) == 0 {
		return nil
	}
	return found[0]
}

// deptTestText is an element's text.
func deptTestText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// deptTestPostActions lists the actions of a page's post forms.
func deptTestPostActions(doc *html.Node) []string {
	var out []string
	for _, f := range deptTestFind(doc, deptTestTag("form")) {
		if strings.EqualFold(deptTestAttr(f, "method"), "post") {
			out = append(out, deptTestAttr(f, "action"))
		}
	}
	return out
}

// deptTestFormValues collects the named inputs of the post form with the
// given action, as a browser would send them without changes.
func deptTestFormValues(t *testing.T, doc *html.Node, action string) url.Values {
	t.Helper()
	return deptTestFormWith(t, doc, action, "")
}

// deptTestFormWith is deptTestFormValues for the form with the action that
// has a field of the given name ("" for any).
func deptTestFormWith(t *testing.T, doc *html.Node, action, field string) url.Values {
	t.Helper()
	for _, f := range deptTestFind(doc, deptTestTag("form")) {
		if deptTestAttr(f, "action") != action {
			continue
		}
		if field != "" && len(deptTestFind(f, func(n *html.Node) bool { return deptTestAttr(n, "name") == field })) == 0 {
			continue
		}
		v := url.Values{}
		for _, in := range deptTestFind(f, func(n *html.Node) bool { return n.Data == "input" || n.Data == "textarea" || n.Data == "select" }) {
			name := deptTestAttr(in, "name")
			if name == "" {
				continue
			}
			switch {
			case in.Data == "textarea":
				v.Add(name, deptTestText(in))
			case in.Data == "select":
				for _, o := range deptTestFind(in, deptTestTag("option")) {
					if deptTestHasAttr(o, "selected") {
						v.Add(name, deptTestAttr(o, "value"))
					}
				}
			case deptTestAttr(in, "type") == "checkbox" || deptTestAttr(in, "type") == "radio":
				if deptTestHasAttr(in, "checked") {
					v.Add(name, deptTestAttr(in, "value"))
				}
			default:
				v.Add(name, deptTestAttr(in, "value"))
			}
		}
		return v
	}
	t.Fatalf("no form with action %q", action)
	return nil
}

// deptTestUpload posts a file as multipart/form-data in the field "file".
func deptTestUpload(e *officeEnv, c *http.Client, path, filename string, content []byte) (*http.Response, string) {
	e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		e.t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+path, &body)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// deptTestByName returns the stored department with the name.
func deptTestByName(t *testing.T, e *officeEnv, name string) (forms.Department, bool) {
	t.Helper()
	deps, err := e.db.Departments(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range deps {
		if d.Name == name {
			return d, true
		}
	}
	return forms.Department{}, false
}

func deptTestCount(t *testing.T, e *officeEnv) int {
	t.Helper()
	deps, err := e.db.Departments(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	return len(deps)
}

// deptTestNoChangeControls fails unless the only post forms of a page are
// signing out and choosing the language.
func deptTestNoChangeControls(t *testing.T, path, body string) {
	t.Helper()
	for _, a := range deptTestPostActions(deptTestDoc(t, body)) {
		if a != "/logga-ut" && a != "/sprak" {
			t.Errorf("%s shows a reader the post form %q", path, a)
		}
	}
}

// deptTestWantStatus fails unless the response has the status.
func deptTestWantStatus(t *testing.T, res *http.Response, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d", res.Request.Method, res.Request.URL.Path, res.StatusCode, want)
	}
}

func TestOfficeDepartmentList(t *testing.T) {
	e := newOfficeEnv(t)
	t.Run("AdminSeesTablesAndControls", func(t *testing.T) {
		status, body := e.get(e.admin, "/kontor/verksamheter")
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		doc := deptTestDoc(t, body)
		ths := deptTestFind(doc, deptTestTag("th"))
		if len(ths) == 0 {
			t.Fatal("no table headers")
		}
		for _, th := range ths {
			if s := deptTestAttr(th, "scope"); s != "col" && s != "row" {
				t.Errorf("<th> %q without scope", deptTestText(th))
			}
		}
		if !strings.Contains(body, "Socialförvaltningen") || !strings.Contains(body, "Räddningstjänsten Västra Dalen") {
			t.Error("the demo's departments are not listed")
		}
		if len(deptTestPostActions(doc)) < 3 {
			t.Error("an admin should see deactivate buttons")
		}
		if deptTestByID(doc, "inactive-heading") != nil {
			t.Error("no department is inactive yet, but the inactive table is shown")
		}
	})
	t.Run("ReaderSeesNoControls", func(t *testing.T) {
		status, body := e.get(e.reader, "/kontor/verksamheter")
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		deptTestNoChangeControls(t, "/kontor/verksamheter", body)
		if strings.Contains(body, "/kontor/verksamheter/ny") || strings.Contains(body, "/kontor/verksamheter/import") {
			t.Error("a reader sees links to change departments")
		}
	})
	t.Run("English", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+"/kontor/verksamheter", nil)
		req.AddCookie(&http.Cookie{Name: i18n.Cookie, Value: "en"})
		res, err := e.admin.Do(req)
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
	e := newOfficeEnv(t)
	t.Run("AddOK", func(t *testing.T) {
		_, body := e.get(e.admin, "/kontor/verksamheter/ny")
		doc := deptTestDoc(t, body)
		for _, id := range []string{"dept-name", "dept-kind", "dept-email"} {
			if len(deptTestFind(doc, func(n *html.Node) bool { return n.Data == "label" && deptTestAttr(n, "for") == id })) != 1 {
				t.Errorf("no visible label for #%s", id)
			}
		}
		res, _ := e.post(e.admin, "/kontor/verksamheter", url.Values{"name": {"  Miljö- och  hälsoskyddsförvaltningen "}, "kind": {"förvaltning"}, "email": {"mhf@exempelby.se"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); loc != "/kontor/verksamheter?tillagd=1" {
			t.Fatalf("Location %q", loc)
		}
		d, ok := deptTestByName(t, e, "Miljö- och hälsoskyddsförvaltningen")
		if !ok || d.Email != "mhf@exempelby.se" || d.Kind != forms.KindAdministration || !d.Active {
			t.Fatalf("stored %+v (found %v)", d, ok)
		}
		_, body = e.get(e.admin, "/kontor/verksamheter?tillagd=1")
		st := deptTestByID(deptTestDoc(t, body), "status")
		if st == nil || deptTestAttr(st, "role") != "status" {
			t.Error("no role=status notice after adding")
		}
	})
	t.Run("ErrInvalidKeepsInput", func(t *testing.T) {
		before := deptTestCount(t, e)
		res, body := e.post(e.admin, "/kontor/verksamheter", url.Values{"name": {""}, "kind": {"myndighet"}, "email": {"inte-en-adress"}})
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		doc := deptTestDoc(t, body)
		sum := deptTestByID(doc, "error-summary")
		if sum == nil || deptTestAttr(sum, "role") != "alert" {
			t.Fatal("no error summary with role=alert")
		}
		links := deptTestFind(sum, deptTestTag("a"))
		var hrefs []string
		for _, a := range links {
			hrefs = append(hrefs, deptTestAttr(a, "href"))
		}
		if strings.Join(hrefs, " ") != "#dept-name #dept-kind #dept-email" {
			t.Errorf("summary links %v", hrefs)
		}
		email := deptTestByID(doc, "dept-email")
		if deptTestAttr(email, "value") != "inte-en-adress" {
			t.Error("the typed e-mail is lost")
		}
		if !strings.Contains(deptTestAttr(email, "aria-describedby"), "dept-email-error") || deptTestAttr(email, "aria-invalid") != "true" {
			t.Error("the e-mail field does not point at its error")
		}
		if !strings.Contains(body, "Skriv en giltig e-postadress.") {
			t.Error("no Swedish message beside the e-mail field")
		}
		if got := deptTestCount(t, e); got != before {
			t.Fatalf("departments %d, want %d", got, before)
		}
	})
	t.Run("ErrNameTaken", func(t *testing.T) {
		res, body := e.post(e.admin, "/kontor/verksamheter", url.Values{"name": {"socialförvaltningen"}, "kind": {"förvaltning"}})
		deptTestWantStatus(t, res, http.StatusConflict)
		if !strings.Contains(body, "Det finns redan en verksamhet med det namnet.") {
			t.Error("no message about the name")
		}
	})
	d, _ := deptTestByName(t, e, "Socialförvaltningen")
	path := "/kontor/verksamheter/" + deptTestID(d.ID)
	t.Run("EditOK", func(t *testing.T) {
		status, body := e.get(e.admin, path)
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		form := deptTestFormValues(t, deptTestDoc(t, body), path)
		if form.Get("name") != "Socialförvaltningen" || form.Get("kind") != "förvaltning" {
			t.Fatalf("edit form %v", form)
		}
		form.Set("email", "socialtjansten@exempelby.se")
		res, _ := e.post(e.admin, path, form)
		deptTestWantStatus(t, res, http.StatusSeeOther)
		got, _ := deptTestByName(t, e, "Socialförvaltningen")
		if got.Email != "socialtjansten@exempelby.se" {
			t.Fatalf("e-mail %q", got.Email)
		}
	})
	t.Run("EditInvalid422", func(t *testing.T) {
		res, body := e.post(e.admin, path, url.Values{"name": {strings.Repeat("x", 201)}, "kind": {"bolag"}})
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "högst 200 tecken") {
			t.Error("no message about the name's length")
		}
	})
	t.Run("DeactivateAndReactivate", func(t *testing.T) {
		res, _ := e.post(e.admin, path+"/aktiv", url.Values{"active": {"0"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		got, _ := deptTestByName(t, e, "Socialförvaltningen")
		if got.Active {
			t.Fatal("still active")
		}
		_, body := e.get(e.admin, "/kontor/verksamheter")
		doc := deptTestDoc(t, body)
		inactive := deptTestFind(doc, func(n *html.Node) bool {
			return n.Data == "table" && strings.Contains(deptTestAttr(n, "class"), "dp-inactive")
		})
		if len(inactive) != 1 || !strings.Contains(deptTestText(inactive[0]), "Socialförvaltningen") {
			t.Fatal("the inactive department is not shown apart")
		}
		res, _ = e.post(e.admin, path+"/aktiv", url.Values{"active": {"1"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		if got, _ := deptTestByName(t, e, "Socialförvaltningen"); !got.Active {
			t.Fatal("not reactivated")
		}
	})
	t.Run("UnknownDepartment404", func(t *testing.T) {
		if status, _ := e.get(e.admin, "/kontor/verksamheter/99999"); status != http.StatusNotFound {
			t.Fatalf("status %d", status)
		}
	})
	t.Run("HTMLEscaped", func(t *testing.T) {
		res, _ := e.post(e.admin, "/kontor/verksamheter", url.Values{"name": {`<script>alert("x")</script> AB`}, "kind": {"bolag"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		_, body := e.get(e.admin, "/kontor/verksamheter")
		if strings.Contains(body, `<script>alert`) || !strings.Contains(body, "&lt;script&gt;alert") {
			t.Fatal("the name is not escaped")
		}
	})
}

const deptTestCSV = "namn;typ;e-post\r\nSocialförvaltningen;förvaltning;ny-soc@exempelby.se\r\nExempelby Hamn AB;bolag;hamn@exempelby.se\r\nExempelby Bostäder AB;bolag;bostader@exempelby.se\r\n"

func TestOfficeDepartmentImportCSV(t *testing.T) {
	e := newOfficeEnv(t)
	before := deptTestCount(t, e)
	res, body := deptTestUpload(e, e.admin, "/kontor/verksamheter/import", "verksamheter.csv", []byte(deptTestCSV))
	deptTestWantStatus(t, res, http.StatusOK)
	doc := deptTestDoc(t, body)
	t.Run("PreviewWritesNothing", func(t *testing.T) {
		if got := deptTestCount(t, e); got != before {
			t.Fatalf("departments %d after preview, want %d", got, before)
		}
		if d, _ := deptTestByName(t, e, "Socialförvaltningen"); d.Email != "soc@exempelby.se" {
			t.Fatalf("e-mail changed by the preview: %q", d.Email)
		}
		text := deptTestText(doc)
		for _, want := range []string{"Exempelby Hamn AB", "ny-soc@exempelby.se", "Oförändrade verksamheter (1)", "Importera (1 ny, 1 ändrad)"} {
			if !strings.Contains(text, want) {
				t.Errorf("preview lacks %q", want)
			}
		}
	})
	form := deptTestFormValues(t, doc, "/kontor/verksamheter/import/bekrafta")
	t.Run("ErrTamperedPreview", func(t *testing.T) {
		bad := url.Values{}
		for k, v := range form {
			bad[k] = append([]string(nil), v...)
		}
		bad["name"][1] = "Någon annan AB"
		res, body := e.post(e.admin, "/kontor/verksamheter/import/bekrafta", bad)
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "Ladda upp filen igen") {
			t.Error("no message about the changed preview")
		}
		if got := deptTestCount(t, e); got != before {
			t.Fatal("a tampered confirmation wrote")
		}
	})
	t.Run("ConfirmWrites", func(t *testing.T) {
		res, _ := e.post(e.admin, "/kontor/verksamheter/import/bekrafta", form)
		deptTestWantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); !strings.Contains(loc, "tillagda=1") || !strings.Contains(loc, "andrade=1") {
			t.Errorf("Location %q", loc)
		}
		if got := deptTestCount(t, e); got != before+1 {
			t.Fatalf("departments %d, want %d", got, before+1)
		}
		if d, _ := deptTestByName(t, e, "Socialförvaltningen"); d.Email != "ny-soc@exempelby.se" {
			t.Fatalf("e-mail %q", d.Email)
		}
		_, body := e.get(e.admin, res.Header.Get("Location"))
		if !strings.Contains(body, "Importen är klar: 1 ny verksamhet och 1 ändrad.") {
			t.Error("no notice after the import")
		}
	})
	t.Run("SameAgainChangesNothing", func(t *testing.T) {
		res, body := deptTestUpload(e, e.admin, "/kontor/verksamheter/import", "verksamheter.csv", []byte(deptTestCSV))
		deptTestWantStatus(t, res, http.StatusOK)
		doc := deptTestDoc(t, body)
		for _, a := range deptTestPostActions(doc) {
			if a == "/kontor/verksamheter/import/bekrafta" {
				t.Error("a file that changes nothing is offered for import")
			}
		}
		if !strings.Contains(body, "Filen innebär inga ändringar") {
			t.Error("no message that nothing changes")
		}
		// Confirming the earlier preview again changes nothing either.
		res, _ = e.post(e.admin, "/kontor/verksamheter/import/bekrafta", form)
		deptTestWantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); !strings.Contains(loc, "tillagda=0&andrade=0") {
			t.Errorf("Location %q", loc)
		}
		if got := deptTestCount(t, e); got != before+1 {
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
	e := newOfficeEnv(t)
	before := deptTestCount(t, e)
	data := deptTestWorkbook(t, [][]any{
		{"Namn", "Typ", "E-post"},
		{"Västra Dalens Vatten AB", "Bolag", "vatten@vastradalen.se"},
		{},
		{"Överförmyndarnämndens kansli", "forvaltning", ""},
	})
	res, body := deptTestUpload(e, e.admin, "/kontor/verksamheter/import", "verksamheter.xlsx", data)
	deptTestWantStatus(t, res, http.StatusOK)
	if got := deptTestCount(t, e); got != before {
		t.Fatal("the preview wrote")
	}
	doc := deptTestDoc(t, body)
	if !strings.Contains(deptTestText(doc), "Överförmyndarnämndens kansli") {
		t.Fatal("the preview lacks a row")
	}
	res, _ = e.post(e.admin, "/kontor/verksamheter/import/bekrafta", deptTestFormValues(t, doc, "/kontor/verksamheter/import/bekrafta"))
	deptTestWantStatus(t, res, http.StatusSeeOther)
	d, ok := deptTestByName(t, e, "Överförmyndarnämndens kansli")
	if !ok || d.Kind != forms.KindAdministration {
		t.Fatalf("stored %+v", d)
	}
	if d, _ := deptTestByName(t, e, "Västra Dalens Vatten AB"); d.Kind != forms.KindCompany || d.Email != "vatten@vastradalen.se" {
		t.Fatalf("stored %+v", d)
	}
}

func TestOfficeDepartmentImportRefused(t *testing.T) {
	e := newOfficeEnv(t)
	before := deptTestCount(t, e)
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
			res, body := deptTestUpload(e, e.admin, "/kontor/verksamheter/import", tt.file, tt.data)
			deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
			doc := deptTestDoc(t, body)
			sum := deptTestByID(doc, "error-summary")
			if sum == nil || deptTestAttr(sum, "role") != "alert" {
				t.Fatal("no error summary")
			}
			for _, w := range tt.want {
				if !strings.Contains(deptTestText(sum), w) {
					t.Errorf("summary %q lacks %q", deptTestText(sum), w)
				}
			}
			if got := deptTestCount(t, e); got != before {
				t.Fatal("a refused file wrote")
			}
		})
	}
	t.Run("NoFile", func(t *testing.T) {
		res, body := deptTestUpload(e, e.admin, "/kontor/verksamheter/import", "tom.csv", nil)
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "Välj en fil att importera.") {
			t.Error("no message about the missing file")
		}
	})
	t.Run("TooLarge413", func(t *testing.T) {
		big := bytes.Repeat([]byte("x"), 11<<20)
		res, body := deptTestUpload(e, e.admin, "/kontor/verksamheter/import", "stor.csv", big)
		deptTestWantStatus(t, res, http.StatusRequestEntityTooLarge)
		if !strings.Contains(body, "för stort") {
			t.Error("the 413 page is not in Swedish")
		}
	})
}

func TestOfficeDepartmentReaderCannotChange(t *testing.T) {
	e := newOfficeEnv(t)
	d, _ := deptTestByName(t, e, "Socialförvaltningen")
	id := deptTestID(d.ID)
	for _, p := range []string{"/kontor/verksamheter/ny", "/kontor/verksamheter/" + id, "/kontor/verksamheter/import"} {
		if status, _ := e.get(e.reader, p); status != http.StatusForbidden {
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
		res, _ := e.post(e.reader, p, form)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s as reader: %d, want 403", p, res.StatusCode)
		}
	}
	res, _ := deptTestUpload(e, e.reader, "/kontor/verksamheter/import", "v.csv", []byte(deptTestCSV))
	deptTestWantStatus(t, res, http.StatusForbidden)
	if got, _ := deptTestByName(t, e, "Socialförvaltningen"); got != d {
		t.Fatalf("a reader changed the department: %+v", got)
	}
	if _, ok := deptTestByName(t, e, "Läsarens AB"); ok {
		t.Fatal("a reader added a department")
	}
}

func deptTestID(n int64) string { return strconv.FormatInt(n, 10) }
