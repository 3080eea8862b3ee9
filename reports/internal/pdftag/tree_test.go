package pdftag

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// fakeWriter keeps the objects a tree writes, numbering pages from 100.
type fakeWriter struct {
	next    int
	objects map[int]string
	pages   int
}

func newWriter(pages int) *fakeWriter {
	return &fakeWriter{next: 1, objects: map[int]string{}, pages: pages}
}

func (w *fakeWriter) Alloc() int { w.next++; return w.next - 1 }

func (w *fakeWriter) Object(n int, value []byte) error {
	if _, ok := w.objects[n]; ok {
		return fmt.Errorf("object %d written twice", n)
	}
	w.objects[n] = string(value)
	return nil
}

func (w *fakeWriter) Page(p int) (int, error) {
	if p < 1 || p > w.pages {
		return 0, fmt.Errorf("no page %d", p)
	}
	return 99 + p, nil
}

// TestMarkedContent gives each sequence the next MCID of its page, opens
// none twice for the same element, and ends the open one before another.
func TestMarkedContent(t *testing.T) {
	tr := New()
	var ops []string
	op := func(s string) {
		if s != "" {
			ops = append(ops, s)
		}
	}
	p := tr.Open(P)
	op(tr.Begin(1))
	op(tr.Begin(1)) // the same element on the same page: nothing
	op(tr.BeginArtifact(1, Decoration))
	op(tr.BeginArtifact(1, Decoration))
	op(tr.Begin(1))
	op(tr.End())
	op(tr.Begin(2))
	op(tr.End())
	tr.Close(p)
	h := tr.Open(H1)
	op(tr.Begin(2))
	op(tr.BeginArtifact(2, Footer))
	op(tr.End())
	tr.Close(h)
	want := []string{
		"/P <</MCID 0>> BDC",
		"EMC\n/Artifact <</Type /Layout>> BDC",
		"EMC\n/P <</MCID 1>> BDC",
		"EMC",
		"/P <</MCID 0>> BDC",
		"EMC",
		"/H1 <</MCID 1>> BDC",
		"EMC\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC",
		"EMC",
	}
	if strings.Join(ops, "|") != strings.Join(want, "|") {
		t.Errorf("operators\n%q\nwant\n%q", ops, want)
	}
	if err := tr.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestWrite writes a small document in two parts: elements once closed
// and their pages written, the parent tree mapping each page's MCIDs and
// each link annotation to their elements, and the root at the end.
func TestWrite(t *testing.T) {
	emit := func(string) {}
	tr, w := New(), newWriter(3)
	h := tr.Open(H1)
	emit(tr.Begin(1))
	emit(tr.End())
	tr.Close(h)
	toc := tr.Open(TOC)
	tr.Leave(toc) // drawn at the end, on page 1
	table := tr.Open(Table)
	row := tr.Open(TR)
	th := tr.Open(TH)
	th.SetScope(ScopeColumn, 1)
	emit(tr.Begin(2))
	tr.Close(th)
	tr.Close(row)
	emit(tr.End())
	row = tr.Open(TR)
	td := tr.Open(TD)
	emit(tr.Begin(3)) // the table goes on to page 3
	emit(tr.End())
	tr.Close(td)
	tr.Close(row)
	tr.Close(table)
	fig := tr.Open(Figure)
	fig.SetAlt("Två staplar")
	emit(tr.Begin(3))
	emit(tr.End())
	tr.Close(fig)
	tr.Enter(toc)
	item := tr.Open(TOCI)
	link := tr.Open(Link)
	emit(tr.Begin(1))
	tr.Link(1, [4]float64{10, 20, 30, 40}, 3, 500, "Tabell, sida 3")
	emit(tr.End())
	tr.Close(link)
	tr.Close(item)
	tr.Close(toc)

	var pageEntries []string
	for p := 1; p <= 3; p++ {
		e, err := tr.Page(w, p)
		if err != nil {
			t.Fatal(err)
		}
		pageEntries = append(pageEntries, string(e))
	}
	if err := tr.Flush(w); err != nil {
		t.Fatal(err)
	}
	catalog, err := tr.Finish(w)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^/StructTreeRoot \d+ 0 R\n/MarkInfo <</Marked true>>\n$`).Match(catalog) {
		t.Errorf("catalog entries %q", catalog)
	}
	if !strings.Contains(pageEntries[0], "/Annots [") || !strings.HasPrefix(pageEntries[1], "/StructParents 2\n/Tabs /S\n") {
		t.Errorf("page entries %q", pageEntries)
	}

	// Read the tree back: every element and reference.
	byRole := map[string][]string{}
	for _, v := range w.objects {
		if m := regexp.MustCompile(`^<</Type /StructElem /S /(\w+) `).FindStringSubmatch(v); m != nil {
			byRole[m[1]] = append(byRole[m[1]], v)
		}
	}
	for role, want := range map[string]string{
		"H1":     " /Pg 100 0 R /K 0>>",
		"TH":     " /Pg 101 0 R /K 0 /A <</O /Table /Scope /Column>>>>",
		"TD":     " /Pg 102 0 R /K 0>>",
		"Figure": " /Pg 102 0 R /K 1 /Alt <FEFF0054007600E500200073007400610070006C00610072>>>",
		"Link":   " /Pg 100 0 R /K [1 <</Type /OBJR /Obj ",
	} {
		if len(byRole[role]) != 1 || !strings.Contains(byRole[role][0], want) {
			t.Errorf("%s elements %q, want one with %q", role, byRole[role], want)
		}
	}
	doc := byRole["Document"]
	if len(doc) != 1 || !regexp.MustCompile(`/K \[\d+ 0 R \d+ 0 R \d+ 0 R \d+ 0 R\]>>$`).MatchString(doc[0]) {
		t.Errorf("the Document %q, want its four children in reading order", doc)
	}
	// The H1, the TOC, the Table and the Figure, in that order.
	kids := regexp.MustCompile(`(\d+) 0 R`).FindAllStringSubmatch(doc[0][strings.Index(doc[0], "/K"):], -1)
	var order []string
	for _, k := range kids {
		var n int
		fmt.Sscan(k[1], &n)
		order = append(order, regexp.MustCompile(`/S /(\w+)`).FindStringSubmatch(w.objects[n])[1])
	}
	if strings.Join(order, " ") != "H1 TOC Table Figure" {
		t.Errorf("the Document's children are %v", order)
	}
	var parentTree string
	for _, v := range w.objects {
		if strings.HasPrefix(v, "<</Nums [") {
			parentTree = v
		}
	}
	// Page 1: the H1 and the Link (keys 0), the annotation (1); page 2:
	// the TH (2); page 3: the TD and the Figure (3).
	if !regexp.MustCompile(`^<</Nums \[0 \d+ 0 R 1 \d+ 0 R 2 \d+ 0 R 3 \d+ 0 R\]>>$`).MatchString(parentTree) {
		t.Errorf("parent tree %q", parentTree)
	}
	if err := tr.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestMisuse reports drawing that cannot be tagged: closing an element
// that is not the current one, content left open across pages, a link
// outside a Link and an element left open at the end.
func TestMisuse(t *testing.T) {
	tr := New()
	p := tr.Open(P)
	tr.Open(Span)
	tr.Close(p)
	if tr.Err() == nil {
		t.Error("closing an element that is not the current one was not reported")
	}

	tr = New()
	tr.Open(P)
	tr.Begin(1)
	tr.Begin(2)
	if tr.Err() == nil {
		t.Error("marked content left open on page 1 was not reported")
	}

	tr = New()
	tr.Open(P)
	tr.Begin(1)
	if _, err := tr.Page(newWriter(1), 1); err == nil {
		t.Error("a page written with its marked content open was not reported")
	}

	tr = New()
	tr.Open(P)
	tr.Link(1, [4]float64{}, 1, 0, "x")
	if tr.Err() == nil {
		t.Error("a link annotation in a P was not reported")
	}

	tr = New()
	tr.Open(P)
	if _, err := tr.Finish(newWriter(1)); err == nil {
		t.Error("an element left open at the end was not reported")
	}

	var none *Tree // a pass that only counts pages
	e := none.Open(P)
	e.SetAlt("x")
	none.Close(e)
	if none.Begin(1) != "" || none.End() != "" || none.Err() != nil {
		t.Error("a nil tree recorded something")
	}
}
