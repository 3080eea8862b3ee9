package pdfjoin

import (
	"bytes"
	"fmt"
	"testing"
)

// fakeStructure adds an entry to every page and writes one object per
// call, to show when the joiner calls it.
type fakeStructure struct {
	pages   []int
	flushes int
}

func (s *fakeStructure) Page(w Writer, p int) ([]byte, error) {
	s.pages = append(s.pages, p)
	n := w.Alloc()
	if err := w.Object(n, fmt.Appendf(nil, "(page %d)", p)); err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, "/StructParents %d\n/Tabs /S\n", p-1), nil
}

func (s *fakeStructure) Flush(w Writer) error {
	s.flushes++
	return w.Object(w.Alloc(), fmt.Appendf(nil, "(flush %d)", s.flushes))
}

func (s *fakeStructure) Finish(w Writer) ([]byte, error) {
	n := w.Alloc()
	if err := w.Object(n, []byte("<</Type /StructTreeRoot>>")); err != nil {
		return nil, err
	}
	if err := w.Object(FirstPageObject, []byte("(not a page)")); err == nil {
		return nil, fmt.Errorf("the structure could overwrite page 1")
	}
	return fmt.Appendf(nil, "/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n", n), nil
}

// TestJoinStructure asks the structure for each page's entries as it
// writes the page, writes what it has after each part, and adds its
// catalog entries and the PDF/UA identification at the end.
func TestJoinStructure(t *testing.T) {
	var out bytes.Buffer
	s := &fakeStructure{}
	j := New(&out, 5, testInfo, s)
	if err := j.Add(newPart(t, 3, 5)); err != nil {
		t.Fatal(err)
	}
	if err := j.Add(newPart(t, 2, 1)); err != nil {
		t.Fatal(err)
	}
	if err := j.Finish(nil); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(s.pages) != "[1 2 3 4 5]" || s.flushes != 2 {
		t.Errorf("pages %v and %d flushes, want [1 2 3 4 5] and one for each part", s.pages, s.flushes)
	}
	objs, _, _, err := parse(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	byNum := map[int][]byte{}
	for _, o := range objs {
		byNum[o.num] = o.dict
	}
	for p := range 5 {
		want := fmt.Sprintf(" 0 R\n/StructParents %d\n/Tabs /S>>", p)
		if page := byNum[FirstPageObject+p]; !bytes.HasSuffix(page, []byte(want)) {
			t.Errorf("page %d is %q, want it to end with the structure's entries", p+1, page)
		}
	}
	for _, want := range []string{"(page 5)", "(flush 2)", "<</Type /StructTreeRoot>>", "/MarkInfo <</Marked true>>\n", "<pdfuaid:part>1</pdfuaid:part>"} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("the joined file lacks %q", want)
		}
	}
}
