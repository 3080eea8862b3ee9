package pdfjoin

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
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
	byNum := readXRefStream(t, out.Bytes())
	for p := range 5 {
		want := fmt.Sprintf(" 0 R\n/StructParents %d\n/Tabs /S>>", p)
		if page := byNum[FirstPageObject+p]; !bytes.HasSuffix(page, []byte(want)) {
			t.Errorf("page %d is %q, want it to end with the structure's entries", p+1, page)
		}
	}
	var values []string
	for _, v := range byNum {
		values = append(values, string(v))
	}
	for _, want := range []string{"(page 5)", "(flush 2)", "<</Type /StructTreeRoot>>"} {
		if !slices.Contains(values, want) {
			t.Errorf("the joined file has no object %q", want)
		}
	}
	for _, want := range []string{"/MarkInfo <</Marked true>>\n", "<pdfuaid:part>1</pdfuaid:part>"} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("the joined file lacks %q", want)
		}
	}
}

// readXRefStream reads a joined file through its cross-reference stream
// and returns every object's value (a stream's dictionary), those in
// object streams as well.
func readXRefStream(t *testing.T, data []byte) map[int][]byte {
	t.Helper()
	inflate := func(b []byte) []byte {
		r, err := zlib.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	// An object at an offset: its number, value and stream.
	at := func(off int) (int, []byte, []byte) {
		var n int
		if _, err := fmt.Sscanf(string(data[off:min(off+20, len(data))]), "%d 0 obj\n", &n); err != nil {
			t.Fatalf("no object at offset %d: %q", off, data[off:min(off+20, len(data))])
		}
		body := data[off+len(fmt.Sprintf("%d 0 obj\n", n)):]
		body = body[:bytes.Index(body, []byte("\nendobj\n"))]
		if s := bytes.Index(body, []byte(">>\nstream\n")); s >= 0 {
			stream := body[s+len(">>\nstream\n"):]
			return n, body[:s+2], stream[:bytes.LastIndex(stream, []byte("\nendstream"))]
		}
		return n, body, nil
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	xoff, _ := strconv.Atoi(string(m[1]))
	_, xdict, xdata := at(xoff)
	if !bytes.Contains(xdict, []byte("/Type /XRef /Size ")) || !bytes.Contains(xdict, []byte("/W [1 4 2]")) ||
		!bytes.Contains(xdict, []byte("/Root 1 0 R")) || !regexp.MustCompile(`/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]`).Match(xdict) {
		t.Fatalf("cross-reference stream %s", xdict)
	}
	rows := inflate(xdata)
	values := map[int][]byte{}
	streams := map[int][]byte{}
	type member struct{ stm, index int }
	var members []member
	var nums []int
	for n := 0; 7*n+7 <= len(rows); n++ {
		r := rows[7*n : 7*n+7]
		f2 := int(binary.BigEndian.Uint32(r[1:5]))
		f3 := int(binary.BigEndian.Uint16(r[5:7]))
		switch r[0] {
		case 0:
			if n != 0 {
				t.Errorf("object %d is free", n)
			}
		case 1:
			num, v, s := at(f2)
			if num != n {
				t.Fatalf("the row of object %d leads to object %d", n, num)
			}
			values[n], streams[n] = v, s
		case 2:
			members = append(members, member{f2, f3})
			nums = append(nums, n)
		}
	}
	for i, mb := range members {
		dict := values[mb.stm]
		var count, first int
		if _, err := fmt.Sscanf(string(dict), "<</Type /ObjStm /N %d /First %d", &count, &first); err != nil {
			t.Fatalf("object %d is in object %d, which is %q", nums[i], mb.stm, dict)
		}
		s := inflate(streams[mb.stm])
		head := strings.Fields(string(s[:first]))
		if len(head) != 2*count || mb.index >= count {
			t.Fatalf("object stream %d: %d numbers for %d objects", mb.stm, len(head), count)
		}
		if head[2*mb.index] != strconv.Itoa(nums[i]) {
			t.Errorf("object %d is number %s in its stream", nums[i], head[2*mb.index])
		}
		from, _ := strconv.Atoi(head[2*mb.index+1])
		to := len(s) - first
		if mb.index+1 < count {
			to, _ = strconv.Atoi(head[2*mb.index+3])
		}
		values[nums[i]] = bytes.TrimSpace(s[first+from : first+to])
	}
	return values
}
