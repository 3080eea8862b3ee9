package office_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"followup/cmd/followup/web"
	"followup/cmd/followup/web/site"
	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

// TestOfficeMatrixFilter narrows the matrix by area, department kind and
// response state with the plain GET form, on the server, and keeps the
// filter when paging.
func TestOfficeMatrixFilter(t *testing.T) {
	f := webtest.New(t)
	rep, err := f.DB.RoundReport(context.Background(), f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("/kontor/omgangar/%d/matris", f.Demo.AnnualID)
	columns := func(t *testing.T, query string) ([]string, []int64) {
		t.Helper()
		code, body := f.Get(t, f.Reader, base+query).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("%s: status %d", query, code)
		}
		doc := webtest.Parse(t, body)
		var names []string
		for _, col := range webtest.FindAll(doc, "th", "scope=col", "class=mx-dept") {
			names = append(names, webtest.Text(webtest.FindAll(col, "a")[0]))
		}
		var rows []int64
		for _, a := range rep.Plan.Activities() {
			if len(webtest.FindAll(doc, "tr", fmt.Sprintf("id=row-%d", a.ID))) == 1 {
				rows = append(rows, a.ID)
			}
		}
		return names, rows
	}
	all := len(rep.Plan.Activities())

	t.Run("Area", func(t *testing.T) {
		area := rep.Plan.Areas[1]
		names, rows := columns(t, fmt.Sprintf("?omrade=%d", area.ID))
		if len(names) != len(rep.Departments) {
			t.Errorf("%d departments, want all %d", len(names), len(rep.Departments))
		}
		if len(rows) != len(area.Activities) || rows[0] != area.Activities[0].ID {
			t.Errorf("rows %v, want the %d activities of %q", rows, len(area.Activities), area.Title)
		}
	})
	t.Run("Kind", func(t *testing.T) {
		names, rows := columns(t, "?typ=bolag")
		var want []string
		for _, d := range rep.Departments {
			if d.Kind == forms.KindCompany {
				want = append(want, d.Name)
			}
		}
		if len(want) == 0 || strings.Join(names, ";") != strings.Join(want, ";") {
			t.Errorf("columns %q, want the companies %q", names, want)
		}
		if len(rows) != all {
			t.Errorf("%d rows, want all %d", len(rows), all)
		}
	})
	t.Run("State", func(t *testing.T) {
		names, _ := columns(t, "?lage=utkast")
		var want []string
		for _, d := range rep.Departments {
			if rep.ResponseState(d.ID) == forms.ResponseDraft {
				want = append(want, d.Name)
			}
		}
		if len(want) == 0 || strings.Join(names, ";") != strings.Join(want, ";") {
			t.Errorf("columns %q, want the departments with drafts %q", names, want)
		}
	})
	t.Run("FormShowsTheChoice", func(t *testing.T) {
		_, body := f.Get(t, f.Reader, base+"?typ=bolag&lage=inskickad&omrade=").StatusBody()
		doc := webtest.Parse(t, body)
		form := webtest.ByID(t, doc, "matrix-filter")
		if m, _ := webtest.LookupAttr(form, "method"); m != "get" {
			t.Errorf("the filter form's method is %q, want get", m)
		}
		for name, want := range map[string]string{"typ": "bolag", "lage": "inskickad", "omrade": ""} {
			sel := webtest.FindAll(form, "select", "name="+name)
			if len(sel) != 1 {
				t.Fatalf("no list %s", name)
			}
			chosen := webtest.FindAll(sel[0], "option", "selected")
			if v, _ := webtest.LookupAttr(chosen[0], "value"); len(chosen) != 1 || v != want {
				t.Errorf("%s: chosen %q, want %q", name, v, want)
			}
		}
		if title := webtest.Text(webtest.FindAll(doc, "title")[0]); !strings.Contains(title, "(filtrerad)") {
			t.Errorf("the title %q does not say the matrix is filtered", title)
		}
	})
	t.Run("NoMatch", func(t *testing.T) {
		_, body := f.Get(t, f.Reader, base+"?typ=forbund&lage=aterskickad").StatusBody()
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.ByID(t, doc, "matrix-empty")); !strings.Contains(got, "Ingen verksamhet eller aktivitet passar filtret.") {
			t.Errorf("empty result says %q", got)
		}
		if n := len(webtest.FindAll(doc, "table", "class=matrix")); n != 0 {
			t.Errorf("an empty result shows %d tables", n)
		}
	})
	t.Run("UnknownValuesShowEverything", func(t *testing.T) {
		names, rows := columns(t, "?typ=okand&lage=x&omrade=999999")
		if len(names) != len(rep.Departments) || len(rows) != all {
			t.Errorf("%d columns and %d rows, want all", len(names), len(rows))
		}
	})
	t.Run("PagerKeepsTheFilter", func(t *testing.T) {
		f := webtest.New(t)
		f.Reconfigure(t, func(cfg *web.Config) { cfg.MatrixColumns = 2 })
		_, body := f.Get(t, f.Reader, base+"?typ=forvaltning").StatusBody()
		next := webtest.FindAll(webtest.Parse(t, body), "a", "rel=next")
		if len(next) != 1 {
			t.Fatal("no link to the next page")
		}
		if href, _ := webtest.LookupAttr(next[0], "href"); href != base+"?sida=2&typ=forvaltning" {
			t.Errorf("next page %q, want the filter kept", href)
		}
	})
}

// TestStatusAbbrevs gives every status of a scale a short abbreviation of
// its own, and the scale's stylesheet a fill pattern per status.
func TestStatusAbbrevs(t *testing.T) {
	scale := forms.DefaultScale()
	for i := range scale {
		scale[i].ID, scale[i].Position = int64(i+1), i
	}
	var got []string
	for _, st := range scale {
		got = append(got, site.StatusAbbrevs(scale)[st.ID])
	}
	if want := "EP Påb Påg Gen FTN EA"; strings.Join(got, " ") != want {
		t.Errorf("abbreviations %q, want %q", strings.Join(got, " "), want)
	}
	clash := forms.Scale{{ID: 1, Name: "Pågår"}, {ID: 2, Name: "Pågående", Position: 1}, {ID: 3, Name: "Ej klar", Position: 2}, {ID: 4, Name: "Ej känd", Position: 3}}
	a := site.StatusAbbrevs(clash)
	seen := map[string]bool{}
	for _, st := range clash {
		if seen[a[st.ID]] || a[st.ID] == "" {
			t.Errorf("abbreviations %v are not unique", a)
		}
		seen[a[st.ID]] = true
	}

	f := webtest.New(t)
	round, _ := f.DB.Round(context.Background(), f.Demo.AnnualID)
	res, err := f.Admin.Get(fmt.Sprintf("%s/farger/%d.css", f.URL, round.PlanID))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if n := strings.Count(string(b), "--pattern:"); n != len(scale) {
		t.Errorf("the scale's stylesheet has %d patterns, want %d:\n%s", n, len(scale), b)
	}
}
