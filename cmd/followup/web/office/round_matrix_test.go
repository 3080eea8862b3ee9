package office_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"followup/cmd/followup/web"
	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/cmd/followup/web/webtest"
	"followup/forms"

	"golang.org/x/net/html"
)

func TestOfficeMatrix(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	rep, err := f.DB.RoundReport(ctx, f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/kontor/omgangar/%d/matris", f.Demo.AnnualID)
	code, body := f.Get(t, f.Admin, path).StatusBody()
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	doc := webtest.Parse(t, body)
	cell := func(t *testing.T, activityID, deptID int64) *html.Node {
		t.Helper()
		return webtest.ByID(t, doc, fmt.Sprintf("cell-%d-%d", activityID, deptID))
	}

	t.Run("RowPerActivityColumnPerParticipant", func(t *testing.T) {
		acts := rep.Plan.Activities()
		rows := webtest.FindAll(doc, "tr", "id^=row-")
		if len(rows) != len(acts) {
			t.Errorf("%d rows, want %d", len(rows), len(acts))
		}
		for _, a := range acts {
			row := webtest.ByID(t, doc, fmt.Sprintf("row-%d", a.ID))
			link := webtest.FindAll(row, "a", fmt.Sprintf("href=/kontor/omgangar/%d/aktiviteter/%d", f.Demo.AnnualID, a.ID))
			if len(link) != 1 {
				t.Errorf("row of %q does not link to its consolidation", a.Title)
			}
		}
		cols := webtest.FindAll(doc, "th", "scope=col", "class=mx-dept")
		if len(cols) != len(rep.Departments) {
			t.Fatalf("%d department columns, want %d", len(cols), len(rep.Departments))
		}
		for i, d := range rep.Departments {
			links := webtest.FindAll(cols[i], "a", fmt.Sprintf("href=/kontor/omgangar/%d/verksamheter/%d", f.Demo.AnnualID, d.ID))
			if len(links) != 1 {
				t.Errorf("column %d does not link to the response of %s", i, d.Name)
				continue
			}
			// The whole name is the link's, for screen readers, and shown
			// on hover and focus however the header cuts it.
			if got := webtest.Text(links[0]); got != d.Name {
				t.Errorf("column %d is named %q, want %q", i, got, d.Name)
			}
			if tips := webtest.FindAll(cols[i], "span", "class=mx-dept-tip", "aria-hidden=true"); len(tips) != 1 || webtest.Text(tips[0]) != d.Name {
				t.Errorf("column %d has no full name to show on hover and focus", i)
			}
		}
		if got := len(webtest.FindAll(doc, "th", "scope=rowgroup")); got != len(rep.Plan.Areas) {
			t.Errorf("%d area rows, want %d", got, len(rep.Plan.Areas))
		}
	})
	t.Run("CellShowsStatusAbbreviatedWithColourAndWord", func(t *testing.T) {
		abbrs := site.StatusAbbrevs(rep.Plan.Statuses)
		var counted, drafts int
		for _, a := range rep.Plan.Activities() {
			for _, d := range rep.Departments {
				rc := rep.Cell(d.ID, a, true)
				if !rc.Shown() || !rc.HasStatus {
					continue
				}
				c := cell(t, a.ID, d.ID)
				links := webtest.FindAll(c, "a", "class^=mx-link st-"+fmt.Sprint(rc.Status.ID))
				if len(links) != 1 {
					t.Errorf("cell %s / %s is not coloured as %s", a.Title, d.Name, rc.Status.Name)
					continue
				}
				if got := spokenText(links[0]); !strings.HasPrefix(got, rc.Status.Name) {
					t.Errorf("cell %s / %s says %q, want the whole word %q", a.Title, d.Name, got, rc.Status.Name)
				}
				abbr := webtest.FindAll(c, "span", "class=mx-abbr", "aria-hidden=true")
				if len(abbr) != 1 || webtest.Text(abbr[0]) != abbrs[rc.Status.ID] {
					t.Errorf("cell %s / %s lacks the abbreviation %q", a.Title, d.Name, abbrs[rc.Status.ID])
				}
				class, _ := webtest.LookupAttr(links[0], "class")
				if draft := strings.Contains(class, "mx-draft"); draft != (rc.Mark == forms.MarkDraft) {
					t.Errorf("cell %s / %s: marked as a draft %t, want %t", a.Title, d.Name, draft, rc.Mark == forms.MarkDraft)
				}
				if rc.Mark == forms.MarkDraft {
					drafts++
				} else {
					counted++
				}
			}
		}
		if counted == 0 || drafts == 0 {
			t.Fatalf("the demo's annual round should have counted (%d) and draft (%d) answers", counted, drafts)
		}
	})
	t.Run("UnassignedAndUnansweredMarked", func(t *testing.T) {
		var unassigned, unanswered int
		for _, a := range rep.Plan.Activities() {
			for _, d := range rep.Departments {
				c := cell(t, a.ID, d.ID)
				rc := rep.Cell(d.ID, a, true)
				switch answered := rc.Shown(); {
				case !a.AssignedTo(d.ID):
					unassigned++
					if got := webtest.Text(c); !strings.Contains(got, "–") || !strings.Contains(got, "Ingår inte") {
						t.Errorf("unassigned cell %q", got)
					}
					if len(webtest.FindAll(c, "a")) != 0 {
						t.Error("an unassigned cell should have nothing to focus")
					}
				case !answered:
					unanswered++
					// In the reports' words: nothing saved in a response
					// that does not count is "Ej inlämnad".
					want := "Ej besvarad"
					if !rc.State.Counts() {
						want = "Ej inlämnad"
					}
					if got := spokenText(webtest.FindAll(c, "a")[0]); got != want {
						t.Errorf("unanswered cell says %q, want %q", got, want)
					}
				}
			}
		}
		if unassigned == 0 || unanswered == 0 {
			t.Fatalf("the demo should have unassigned (%d) and unanswered (%d) cells", unassigned, unanswered)
		}
		legend := webtest.Text(webtest.FindAll(doc, "section", "class=mx-legend")[0])
		for _, want := range []string{"Ej inlämnad eller ej besvarad: inget svar om aktiviteten", "Aktiviteten ingår inte för verksamheten", "Genomfört",
			"Utkast: visas men räknas inte", "Återsänd för komplettering", "Statusen har ändrats sedan delårsrapporten"} {
			if !strings.Contains(legend, want) {
				t.Errorf("legend lacks %q", want)
			}
		}
	})
	t.Run("InterimChangeShown", func(t *testing.T) {
		n := 0
		for _, a := range rep.Plan.Activities() {
			for _, d := range rep.Departments {
				rc := rep.Cell(d.ID, a, true)
				now, ok1 := rc.Status, rc.HasStatus
				then, ok2 := rep.InterimStatus(d.ID, a.ID)
				changes := webtest.FindAll(cell(t, a.ID, d.ID), "span", "class=mx-change")
				if !ok1 || !ok2 || now.ID == then.ID {
					if len(changes) != 0 {
						t.Errorf("cell %s / %s shows a change that is not there", a.Title, d.Name)
					}
					continue
				}
				n++
				if len(changes) != 1 || !strings.Contains(webtest.Text(changes[0]), then.Name) {
					t.Errorf("cell %s / %s: want the change from %s", a.Title, d.Name, then.Name)
				}
			}
		}
		if n == 0 {
			t.Fatal("no changed answers in the demo")
		}
	})
	t.Run("FocusableCellsDescribedByComment", func(t *testing.T) {
		checked := 0
		for _, a := range rep.Plan.Activities() {
			for _, d := range rep.Departments {
				if !a.AssignedTo(d.ID) {
					continue
				}
				links := webtest.FindAll(cell(t, a.ID, d.ID), "a", "href", "aria-describedby")
				if len(links) != 1 {
					t.Fatalf("cell %s / %s has no focusable element described by a tooltip", a.Title, d.Name)
				}
				id, _ := webtest.LookupAttr(links[0], "aria-describedby")
				tip := webtest.ByID(t, doc, id)
				if role, _ := webtest.LookupAttr(tip, "role"); role != "tooltip" {
					t.Errorf("description %s has role %q", id, role)
				}
				if rc := rep.Cell(d.ID, a, true); rc.Shown() && rc.Answer.Comment != "" {
					if !strings.Contains(webtest.Text(tip), strings.Join(strings.Fields(rc.Answer.Comment), " ")) {
						t.Errorf("tooltip %s lacks the comment %q", id, rc.Answer.Comment)
					}
					if rc.Mark == forms.MarkDraft && !strings.Contains(webtest.Text(tip), "utkast, räknas inte") {
						t.Errorf("tooltip %s does not say the answer is a draft", id)
					}
					checked++
				}
			}
		}
		if checked == 0 {
			t.Fatal("no comments in the demo")
		}
		scroll := webtest.FindAll(doc, "div", "class=table-scroll mx-scroll", "tabindex=0", "role=region", "aria-label")
		if len(scroll) != 1 {
			t.Error("the table should sit in a focusable, labelled scroll region")
		}
	})
	t.Run("ReaderSeesNothingThatChanges", func(t *testing.T) {
		code, body := f.Get(t, f.Reader, path).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		main := webtest.FindOne(t, webtest.Parse(t, body), "main")
		for _, f := range webtest.FindAll(main, "form") {
			if m, _ := webtest.LookupAttr(f, "method"); m != "get" {
				t.Errorf("a reader sees a form that posts")
			}
		}
		if n := webtest.FindAll(main, "textarea"); len(n) > 0 {
			t.Errorf("a reader sees %d text fields", len(n))
		}
	})
	t.Run("CountingRuleStated", func(t *testing.T) {
		want := i18n.ResponseCount(i18n.NewCatalog().For(i18n.Swedish), rep.ResponseCount()) + "."
		if got := webtest.Text(webtest.ByID(t, doc, "matrix-count")); got != want || !strings.Contains(got, "utkast räknas inte") {
			t.Errorf("count %q, want %q with the drafts left out", got, want)
		}
	})
	t.Run("InterimRoundHasNoChanges", func(t *testing.T) {
		code, body := f.Get(t, f.Admin, fmt.Sprintf("/kontor/omgangar/%d/matris", f.Demo.InterimID)).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		if n := webtest.FindAll(webtest.Parse(t, body), "span", "class=mx-change"); len(n) != 0 {
			t.Errorf("an interim round shows %d changes", len(n))
		}
	})
	t.Run("UnknownRound404", func(t *testing.T) {
		if code, _ := f.Get(t, f.Admin, "/kontor/omgangar/999999/matris").StatusBody(); code != http.StatusNotFound {
			t.Errorf("status %d", code)
		}
	})
}

// TestOfficeMatrixShortensLongComments keeps the matrix light on large
// rounds: a long comment is cut in its cell's tooltip, with a mark, and the
// department's response page still shows it whole.
func TestOfficeMatrixShortensLongComments(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	link, act := f.EditableLink(t)
	plan := f.Plan
	long := strings.Repeat("Lång kommentar om riskanalysen. ", 20) // 640 characters
	cur, _ := f.DB.Response(ctx, f.Demo.AnnualID, link.Department.ID)
	if _, err := f.DB.SaveResponse(ctx, f.Loc, f.Demo.AnnualID, link.Department.ID, forms.SaveInput{Answers: []forms.AnswerInput{
		{ActivityID: act.ID, StatusID: plan.Statuses[2].ID, Comment: long, BaseVersion: cur.Answers[act.ID].Version}}}, "test"); err != nil {
		t.Fatal(err)
	}
	_, matrix := f.Get(t, f.Admin, fmt.Sprintf("/kontor/omgangar/%d/matris", f.Demo.AnnualID)).StatusBody()
	if strings.Contains(matrix, strings.TrimSpace(long)) {
		t.Error("the matrix carries the whole long comment")
	}
	if !strings.Contains(matrix, strings.TrimSpace(long[:150])) || !strings.Contains(matrix, "…") {
		t.Error("the matrix lacks the start of the comment or the mark of the cut")
	}
	_, resp := f.Get(t, f.Admin, fmt.Sprintf("/kontor/omgangar/%d/verksamheter/%d", f.Demo.AnnualID, link.Department.ID)).StatusBody()
	if !strings.Contains(resp, strings.TrimSpace(long)) {
		t.Error("the response page does not show the whole comment")
	}
}

// TestOfficeMatrixPages shows the departments a page at a time when they do
// not fit one page: here three a page for the demo's eight.
func TestOfficeMatrixPages(t *testing.T) {
	f := webtest.New(t)
	rep, err := f.DB.RoundReport(context.Background(), f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("/kontor/omgangar/%d/matris", f.Demo.AnnualID)

	code, body := f.Get(t, f.Admin, base).StatusBody()
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if n := len(webtest.FindAll(webtest.Parse(t, body), "nav", "class=cons-pager mx-pager")); n != 0 {
		t.Errorf("eight departments fit one page, but the matrix has %d pagers", n)
	}

	f.Reconfigure(t, func(cfg *web.Config) { cfg.MatrixColumns = 3 })
	deps := rep.Departments
	if len(deps) != 8 {
		t.Fatalf("the demo has %d departments; the test expects 8", len(deps))
	}
	for _, tc := range []struct {
		query      string
		from, to   int
		prev, next string
	}{
		{"", 1, 3, "", base + "?sida=2"},
		{"?sida=1", 1, 3, "", base + "?sida=2"},
		{"?sida=2", 4, 6, base + "?sida=1", base + "?sida=3"},
		{"?sida=3", 7, 8, base + "?sida=2", ""},
	} {
		t.Run("Page"+tc.query, func(t *testing.T) {
			code, body := f.Get(t, f.Reader, base+tc.query).StatusBody()
			if code != http.StatusOK {
				t.Fatalf("status %d", code)
			}
			doc := webtest.Parse(t, body)
			cols := webtest.FindAll(doc, "th", "scope=col", "class=mx-dept")
			if len(cols) != tc.to-tc.from+1 {
				t.Fatalf("%d department columns, want %d", len(cols), tc.to-tc.from+1)
			}
			for i, col := range cols {
				if d := deps[tc.from-1+i]; webtest.Text(webtest.FindAll(col, "a")[0]) != d.Name {
					t.Errorf("column %d is %q, want %q", i+1, webtest.Text(col), d.Name)
				}
			}
			for _, a := range rep.Plan.Activities() {
				if got := len(webtest.FindAll(webtest.ByID(t, doc, fmt.Sprintf("row-%d", a.ID)), "td", "class=mx-cell")); got != len(cols) {
					t.Errorf("the row of %q has %d cells, want %d", a.Title, got, len(cols))
				}
			}
			if title := webtest.Text(webtest.FindAll(doc, "title")[0]); !strings.Contains(title, fmt.Sprintf("verksamhet %d–%d", tc.from, tc.to)) {
				t.Errorf("the page's title %q does not name its departments", title)
			}
			pager := webtest.FindAll(doc, "nav", "class=cons-pager mx-pager")
			if len(pager) != 1 {
				t.Fatalf("%d pagers, want 1", len(pager))
			}
			if want := fmt.Sprintf("Verksamhet %d–%d av 8 visas.", tc.from, tc.to); !strings.Contains(webtest.Text(pager[0]), want) {
				t.Errorf("pager says %q, want %q", webtest.Text(pager[0]), want)
			}
			for rel, want := range map[string]string{"prev": tc.prev, "next": tc.next} {
				links := webtest.FindAll(pager[0], "a", "rel="+rel)
				if want == "" && len(links) != 0 || want != "" && (len(links) != 1 || !strings.Contains(body, `href="`+want+`"`)) {
					t.Errorf("%s links %d, want %q", rel, len(links), want)
				}
			}
			current := webtest.FindAll(pager[0], "a", "aria-current=page")
			if len(current) != 1 || !strings.HasSuffix(webtest.Text(current[0]), fmt.Sprintf("%d–%d", tc.from, tc.to)) {
				t.Errorf("the current page is not marked as %d–%d", tc.from, tc.to)
			}
		})
	}
	for _, q := range []string{"?sida=0", "?sida=4", "?sida=två", "?sida=", "?sida=02", "?sida=+2"} {
		if code, _ := f.Get(t, f.Admin, base+q).StatusBody(); code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", q, code)
		}
	}
}
