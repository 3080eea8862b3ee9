package office_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

// TestOfficePagesByResponseState is the counting rule's table for the
// office's pages: one department in each state of its response, all
// answering the same activity, and what the matrix, the consolidation
// page (its rows, counts and suggestion) and the round's progress show for
// each. Drafts and returned responses are shown, marked; only submitted
// answers count, "Ej aktuellt" among them but left out of the suggestion.
func TestOfficePagesByResponseState(t *testing.T) {
	f := webtest.New(t)
	r := consNewRound(t, f, 5)
	const (
		notStarted = iota
		draft
		submitted
		returned
		notApplicable
	)
	r.answer(t, f, draft, 0, "Pågår")
	r.answer(t, f, submitted, 0, "Genomfört")
	r.answer(t, f, returned, 0, "Ej påbörjat")
	r.answer(t, f, notApplicable, 0, "Ej aktuellt")
	r.submit(t, f, submitted)
	r.submit(t, f, returned)
	r.returnResponse(t, f, returned)
	r.submit(t, f, notApplicable)

	_, mbody := f.Get(t, f.Admin, fmt.Sprintf("/kontor/omgangar/%d/matris", r.id)).StatusBody()
	matrix := webtest.Parse(t, mbody)
	_, cbody := f.Get(t, f.Admin, r.path(0)).StatusBody()
	cons := webtest.Parse(t, cbody)
	_, pbody := f.Get(t, f.Admin, fmt.Sprintf("/kontor/omgangar/%d", r.id)).StatusBody()
	progress := webtest.Parse(t, pbody)

	for _, tc := range []struct {
		name string
		dep  int
		// The matrix cell: its link's classes and its text (the status,
		// for screen readers, and the mark).
		cellClass, cellText string
		// The consolidation page's row: status and mark.
		row string
		// The progress table's state.
		state string
	}{
		{"NotStarted", notStarted, "mx-link mx-empty", "Ej inlämnad", "Ej inlämnad", "Ej påbörjad"},
		{"Draft", draft, "mx-link st-%d mx-draft", "Pågår, utkast, räknas inte", "Pågår Utkast, räknas inte", "Utkast"},
		{"Submitted", submitted, "mx-link st-%d", "Genomfört", "Genomfört", "Inlämnad"},
		{"Returned", returned, "mx-link st-%d mx-returned", "Ej påbörjat, återsänd för komplettering, räknas inte", "Ej påbörjat Återsänd, räknas inte", "Återsänd för komplettering"},
		{"SubmittedNotApplicable", notApplicable, "mx-link st-%d", "Ej aktuellt", "Ej aktuellt", "Inlämnad"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := r.deps[tc.dep]
			cell := webtest.ByID(t, matrix, fmt.Sprintf("cell-%d-%d", r.acts[0].ID, d.ID))
			links := webtest.FindAll(cell, "a", "class^=mx-link")
			if len(links) != 1 {
				t.Fatalf("cell of %s has %d links", d.Name, len(links))
			}
			class, _ := webtest.LookupAttr(links[0], "class")
			want := tc.cellClass
			if strings.Contains(want, "%d") {
				want = fmt.Sprintf(want, statusIDIn(r, tc.row))
			}
			if class != want {
				t.Errorf("matrix cell class %q, want %q", class, want)
			}
			if got := spokenText(links[0]); got != tc.cellText {
				t.Errorf("matrix cell says %q to a screen reader, want %q", got, tc.cellText)
			}
			if got := webtest.Text(webtest.ByID(t, cons, fmt.Sprintf("dept-%d", d.ID))); !strings.HasPrefix(got, d.Name+" "+tc.row) {
				t.Errorf("consolidation row %q, want %q after the name", got, tc.row)
			}
			if got := progressState(t, progress, d.ID); got != tc.state {
				t.Errorf("progress state %q, want %q", got, tc.state)
			}
		})
	}
	t.Run("Counts", func(t *testing.T) {
		if got, want := webtest.Text(webtest.ByID(t, cons, "counts")), "Svar: 1 av 5 Genomfört, 1 Ej aktuellt, 3 utan inlämnat svar; 1 utkast och 1 återsänt svar räknas inte."; got != want {
			t.Errorf("consolidation counts %q, want %q", got, want)
		}
		rep, err := f.DB.RoundReport(context.Background(), r.id)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := webtest.Text(webtest.ByID(t, cons, "counts")), "Svar: "+forms.CountsText(rep.Plan.Statuses, rep.Tally(r.acts[0]))+"."; got != want {
			t.Errorf("the page counts %q, the domain %q", got, want)
		}
		want := "2 av 5 har lämnat in; 1 utkast och 1 återsänt svar räknas inte; 1 har inte börjat."
		if got := webtest.Text(webtest.ByID(t, matrix, "matrix-count")); got != want {
			t.Errorf("matrix count %q, want %q", got, want)
		}
		if got := webtest.Text(webtest.ByID(t, progress, "progress-count")); got != want {
			t.Errorf("progress count %q, want %q", got, want)
		}
	})
	t.Run("SuggestionIgnoresDrafts", func(t *testing.T) {
		// Counted: Genomfört and Ej aktuellt (left out): all done. Were the
		// draft's Pågår or the returned Ej påbörjat counted, it would be
		// Pågår.
		if got := webtest.Text(webtest.ByID(t, cons, "suggested")); got != "Föreslagen status: Genomfört" {
			t.Errorf("suggested %q, want Genomfört", got)
		}
	})
	t.Run("LegendNamesEveryMark", func(t *testing.T) {
		legend := webtest.Text(webtest.FindAll(matrix, "section", "class=mx-legend")[0])
		for _, want := range []string{"Utkast: visas men räknas inte", "Återsänd för komplettering", "ej besvarad",
			"Aktiviteten ingår inte för verksamheten", "Verksamheten behöver stöd", "Ej påbörjat", "Genomfört", "Ej aktuellt", "Ej inlämnad"} {
			if !strings.Contains(legend, want) {
				t.Errorf("legend lacks %q", want)
			}
		}
	})
}

// statusIDIn returns the id of the status a row's text begins with.
func statusIDIn(r *consRound, row string) int64 {
	best := ""
	for name := range r.status {
		if strings.HasPrefix(row, name) && len(name) > len(best) {
			best = name
		}
	}
	return r.status[best]
}

// progressState is the state column of a department's row on the round
// page.
func progressState(t *testing.T, doc *html.Node, depID int64) string {
	t.Helper()
	rows := webtest.FindAll(doc, "tr", fmt.Sprintf("data-department=%d", depID))
	if len(rows) != 1 {
		t.Fatalf("%d progress rows for department %d", len(rows), depID)
	}
	cells := webtest.FindAll(rows[0], "td")
	return strings.TrimSpace(cells[0].FirstChild.Data)
}

// spokenText is an element's text without what is hidden from screen
// readers (aria-hidden), white space collapsed.
func spokenText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if v, _ := webtest.LookupAttr(n, "aria-hidden"); v == "true" {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
