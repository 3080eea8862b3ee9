package office_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

// reportForm is the settings form as a browser posts it: ticked boxes only.
func reportForm(s forms.ReportSettings) url.Values {
	v := url.Values{"paper": {string(s.Paper)}, "compiled_by": {s.CompiledBy}, "v": {fmt.Sprint(s.Version)}}
	for name, on := range map[string]bool{"appendix": s.Appendix, "department_tables": s.DepartmentTables, "comments": s.Comments,
		"drafts": s.Drafts, "chart": s.Chart, "empty_statuses": s.EmptyStatuses} {
		if on {
			v.Set(name, "1")
		}
	}
	return v
}

// reportBoxes returns which of the form's checkboxes are ticked, by name.
func reportBoxes(t *testing.T, doc *html.Node) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, in := range webtest.FindAll(webtest.ByID(t, doc, "report-settings"), "input", "type=checkbox") {
		name, _ := webtest.LookupAttr(in, "name")
		_, out[name] = webtest.LookupAttr(in, "checked")
	}
	return out
}

func TestOfficeReportSettings(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	r := consNewRound(t, f, 3)
	path := reportPath(r.id)

	t.Run("LinkedFromTheRound", func(t *testing.T) {
		_, body := f.Get(t, f.Reader, roundPath(r.id)).StatusBody()
		if href, _ := webtest.LookupAttr(webtest.ByID(t, webtest.Parse(t, body), "report-settings-link"), "href"); href != path {
			t.Errorf("the round links to %q, want %q", href, path)
		}
	})
	t.Run("DefaultsBeforeTheFirstSave", func(t *testing.T) {
		code, body := f.Get(t, f.Admin, path).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		doc := webtest.Parse(t, body)
		want := map[string]bool{"appendix": true, "department_tables": true, "comments": true, "drafts": false, "chart": true, "empty_statuses": false}
		if got := reportBoxes(t, doc); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("boxes %v, want %v", got, want)
		}
		if _, on := webtest.LookupAttr(webtest.ByID(t, doc, "paper-a4-portrait"), "checked"); !on {
			t.Error("A4 portrait is not chosen")
		}
		if len(webtest.FindAll(doc, "input", "name=v", "value=0")) != 1 {
			t.Error("the form should be based on version 0")
		}
	})
	t.Run("SaveRedirectsWithNotice", func(t *testing.T) {
		in := forms.DefaultReportSettings()
		in.Appendix, in.Drafts, in.CompiledBy = false, true, "Säkerhetsenheten, kommunledningskontoret"
		res := f.PostForm(t, f.Admin, path, reportForm(in))
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path+"?sparad=1#notice" {
			t.Fatalf("got %d %q, want 303 to the page with its notice", res.StatusCode, res.Header.Get("Location"))
		}
		got, err := f.DB.ReportSettings(ctx, r.id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Appendix || !got.Drafts || !got.Chart || got.CompiledBy != in.CompiledBy || got.Version != 1 {
			t.Errorf("stored %+v", got)
		}
		_, body := f.Get(t, f.Admin, res.Header.Get("Location")).StatusBody()
		doc := webtest.Parse(t, body)
		notice := webtest.ByID(t, doc, "notice")
		if role, _ := webtest.LookupAttr(notice, "role"); role != "status" || !strings.Contains(webtest.Text(notice), "version 1") {
			t.Errorf("notice %q (role %q)", webtest.Text(notice), role)
		}
		if b := reportBoxes(t, doc); b["appendix"] || !b["drafts"] {
			t.Errorf("the form shows %v, not what was saved", b)
		}
		if v, _ := webtest.LookupAttr(webtest.ByID(t, doc, "compiled_by"), "value"); v != in.CompiledBy {
			t.Errorf("compiled by %q", v)
		}
	})
	t.Run("ErrTooLongKeepsEverythingTyped", func(t *testing.T) {
		in := forms.ReportSettings{Chart: true, EmptyStatuses: true, Paper: forms.PaperA4Portrait, Version: 1,
			CompiledBy: strings.Repeat("Säkerhetsenheten ", 20)}
		res := f.PostForm(t, f.Admin, path, reportForm(in))
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		link := webtest.FindAll(webtest.ByID(t, doc, "error-summary"), "a", "href=#compiled_by")
		if len(link) != 1 || !strings.Contains(webtest.Text(link[0]), "Texten är för lång (högst 200 tecken).") {
			t.Error("the error summary should link to the name with the limit")
		}
		if v, _ := webtest.LookupAttr(webtest.ByID(t, doc, "compiled_by"), "value"); v != in.CompiledBy {
			t.Errorf("the field holds %q, want what was typed", v)
		}
		want := map[string]bool{"appendix": false, "department_tables": false, "comments": false, "drafts": false, "chart": true, "empty_statuses": true}
		if got := reportBoxes(t, doc); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("boxes %v, want as typed %v", got, want)
		}
		if got, _ := f.DB.ReportSettings(ctx, r.id); got.Version != 1 {
			t.Errorf("a refused save stored version %d", got.Version)
		}
	})
	t.Run("ErrUnknownPaper", func(t *testing.T) {
		in := forms.DefaultReportSettings()
		in.Paper, in.Version = "a3-landscape", 1
		res := f.PostForm(t, f.Admin, path, reportForm(in))
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		link := webtest.FindAll(webtest.ByID(t, webtest.Parse(t, body), "error-summary"), "a", "href=#paper-a4-portrait")
		if len(link) != 1 || !strings.Contains(webtest.Text(link[0]), "Välj ett pappersformat i listan.") {
			t.Error("the error summary should link to the paper choice")
		}
	})
	t.Run("ConflictKeepsInputInPlainSwedish", func(t *testing.T) {
		in := forms.DefaultReportSettings()
		in.CompiledBy, in.Version = "Min egen rubrik", 0 // based on the defaults, saved over since
		res := f.PostForm(t, f.Admin, path, reportForm(in))
		body := res.Body
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		conflict := webtest.ByID(t, doc, "conflict")
		if role, _ := webtest.LookupAttr(conflict, "role"); role != "alert" {
			t.Error("the conflict should be announced")
		}
		text := webtest.Text(conflict)
		for _, want := range []string{"Någon annan sparade inställningarna först", "Dina val står kvar i formuläret nedan", "Säkerhetsenheten, kommunledningskontoret"} {
			if !strings.Contains(text, want) {
				t.Errorf("conflict %q lacks %q", text, want)
			}
		}
		if v, _ := webtest.LookupAttr(webtest.ByID(t, doc, "compiled_by"), "value"); v != "Min egen rubrik" {
			t.Errorf("the field holds %q, want what was typed", v)
		}
		if len(webtest.FindAll(doc, "input", "name=v", "value=1")) != 1 {
			t.Error("the form should now be based on the saved version 1")
		}
		if got, _ := f.DB.ReportSettings(ctx, r.id); got.CompiledBy != "Säkerhetsenheten, kommunledningskontoret" {
			t.Errorf("a stale save stored %q", got.CompiledBy)
		}
	})
	t.Run("ReaderSeesSettingsReadOnly", func(t *testing.T) {
		code, body := f.Get(t, f.Reader, path).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		main := webtest.FindOne(t, webtest.Parse(t, body), "main")
		for _, tag := range []string{"form", "input", "textarea", "button"} {
			if n := webtest.FindAll(main, tag); len(n) > 0 {
				t.Errorf("a reader sees %d <%s>", len(n), tag)
			}
		}
		if !strings.Contains(webtest.Text(main), "Säkerhetsenheten, kommunledningskontoret") {
			t.Error("a reader should see the saved settings")
		}
		res := f.PostForm(t, f.Reader, path, reportForm(forms.DefaultReportSettings()))
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("a reader's save: %d, want 403", res.StatusCode)
		}
	})
	t.Run("UnknownRound404", func(t *testing.T) {
		if code, _ := f.Get(t, f.Admin, "/kontor/omgangar/999999/rapport").StatusBody(); code != http.StatusNotFound {
			t.Errorf("status %d", code)
		}
	})
}

func TestOfficeReportTexts(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	r := consNewRound(t, f, 3)
	path := reportTextPath(r.id, forms.TextIntroduction)
	first := "Planen antogs i februari.\n\nUnderlaget består av:\n- verksamheternas svar\n- samordnarnas iakttagelser"
	save := func(c *http.Client, body string, base int, action string) (*webtest.Result, string) {
		res := f.PostForm(t, c, path, url.Values{"body": {body}, "v": {fmt.Sprint(base)}, "action": {action}})
		return res, res.Body
	}

	t.Run("EmptyBeforeTheFirstSave", func(t *testing.T) {
		code, body := f.Get(t, f.Admin, path).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.FindAll(doc, "h1")[0]); got != "Inledning" {
			t.Errorf("heading %q", got)
		}
		if got := webtest.Text(webtest.ByID(t, doc, "body")); got != "" {
			t.Errorf("the editor holds %q", got)
		}
	})
	t.Run("PreviewSavesNothing", func(t *testing.T) {
		res, body := save(f.Admin, first, 0, "preview")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		preview := webtest.ByID(t, doc, "preview")
		if n := len(webtest.FindAll(preview, "li")); n != 2 {
			t.Errorf("the preview has %d list entries, want 2", n)
		}
		if got := webtest.Text(webtest.ByID(t, doc, "body")); got != strings.Join(strings.Fields(first), " ") {
			t.Errorf("the editor holds %q", got)
		}
		if texts, _ := f.DB.RoundTexts(ctx, r.id); len(texts) != 0 {
			t.Errorf("a preview saved %v", texts)
		}
	})
	t.Run("SaveShowsParagraphsListsAndHistory", func(t *testing.T) {
		res, _ := save(f.Admin, first, 0, "save")
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path+"?sparad=1#notice" {
			t.Fatalf("got %d %q", res.StatusCode, res.Header.Get("Location"))
		}
		if res, _ := save(f.Admin, first+"\n- incidentrapporter", 1, "save"); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("second save: %d", res.StatusCode)
		}
		_, body := f.Get(t, f.Admin, path+"?sparad=1").StatusBody()
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.ByID(t, doc, "notice")); got != "Inledning är sparad (version 2)." {
			t.Errorf("notice %q", got)
		}
		preview := webtest.ByID(t, doc, "preview")
		var paras []string
		for _, p := range webtest.FindAll(preview, "p") {
			paras = append(paras, webtest.Text(p))
		}
		if !strings.Contains(strings.Join(paras, "|"), "Planen antogs i februari.|Underlaget består av:") {
			t.Errorf("paragraphs %q", paras)
		}
		if n := len(webtest.FindAll(preview, "li")); n != 3 {
			t.Errorf("%d list entries, want 3", n)
		}
		rows := webtest.FindAll(webtest.FindAll(doc, "table", "class=cons-history report-history")[0], "th", "scope=row")
		if len(rows) != 2 || webtest.Text(rows[0]) != "2" || webtest.Text(rows[1]) != "1" {
			t.Errorf("history rows %d, want versions 2 and 1, newest first", len(rows))
		}
		_, report := f.Get(t, f.Admin, reportPath(r.id)).StatusBody()
		if got := webtest.Text(webtest.ByID(t, webtest.Parse(t, report), "text-inledning")); !strings.Contains(got, "Version 2") || !strings.Contains(got, "Planen antogs i februari.") {
			t.Errorf("the report page lists the introduction as %q", got)
		}
	})
	t.Run("ConflictKeepsTypedText", func(t *testing.T) {
		res, body := save(f.Admin, "Min egen inledning.", 1, "save")
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.ByID(t, doc, "body")); got != "Min egen inledning." {
			t.Errorf("the editor holds %q", got)
		}
		if got := webtest.Text(webtest.ByID(t, doc, "conflict-text")); !strings.Contains(got, "incidentrapporter") {
			t.Errorf("the saved text shown is %q", got)
		}
		if len(webtest.FindAll(doc, "input", "name=v", "value=2")) != 1 {
			t.Error("the form should now be based on version 2")
		}
		if hist, _ := f.DB.RoundTextHistory(ctx, r.id, forms.TextIntroduction); len(hist) != 2 {
			t.Errorf("a stale save stored something: %d versions", len(hist))
		}
	})
	t.Run("ErrTooLongNamesTheLimit", func(t *testing.T) {
		res, body := save(f.Admin, strings.Repeat("x", forms.MaxTextRunes+1), 2, "save")
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.ByID(t, doc, "body-error")); got != "Texten är för lång (högst 20 000 tecken)." {
			t.Errorf("message %q", got)
		}
		if len(webtest.FindAll(webtest.ByID(t, doc, "error-summary"), "a", "href=#body")) != 1 {
			t.Error("the error summary should link to the text")
		}
	})
	t.Run("ReaderReadsWithoutEditor", func(t *testing.T) {
		code, body := f.Get(t, f.Reader, path).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		main := webtest.FindOne(t, webtest.Parse(t, body), "main")
		if n := webtest.FindAll(main, "textarea"); len(n) > 0 {
			t.Error("a reader sees the editor")
		}
		if !strings.Contains(webtest.Text(main), "incidentrapporter") {
			t.Error("a reader should see the text")
		}
		if res, _ := save(f.Reader, "Läsaren försöker", 2, "save"); res.StatusCode != http.StatusForbidden {
			t.Errorf("a reader's save: %d, want 403", res.StatusCode)
		}
	})
	t.Run("AssessmentHasItsOwnPage", func(t *testing.T) {
		code, body := f.Get(t, f.Admin, reportTextPath(r.id, forms.TextAssessment)).StatusBody()
		if code != http.StatusOK || !strings.Contains(body, "<h1>Samlad bedömning</h1>") {
			t.Errorf("status %d", code)
		}
	})
	t.Run("UnknownKind404", func(t *testing.T) {
		if code, _ := f.Get(t, f.Admin, reportPath(r.id)+"/texter/forord").StatusBody(); code != http.StatusNotFound {
			t.Errorf("status %d", code)
		}
	})
}
