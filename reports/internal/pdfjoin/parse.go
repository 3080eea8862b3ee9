package pdfjoin

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// partObject is one indirect object of a part, as fpdf wrote it.
type partObject struct {
	num    int
	dict   []byte // the dictionary, or the whole value of an object without a stream
	stream []byte // the stream's data; nil if none
}

var (
	lengthRE  = regexp.MustCompile(`/Length (\d+)`)
	trailerRE = regexp.MustCompile(`/(Root|Info) (\d+) 0 R`)
)

// parse splits a PDF written by fpdf into its objects, in file order, and
// returns the numbers of its catalog and document information. It reads
// only the layout fpdf writes (see the package documentation).
func parse(data []byte) (objs []*partObject, root, info int, err error) {
	bad := func(what string) ([]*partObject, int, int, error) {
		return nil, 0, 0, errors.New("pdfjoin: fpdf wrote an unexpected PDF: " + what)
	}
	t := bytes.LastIndex(data, []byte("\ntrailer\n"))
	x := bytes.LastIndex(data, []byte("\nxref\n"))
	if t < 0 || x < 0 || x > t {
		return bad("no cross-reference table")
	}
	for _, m := range trailerRE.FindAllSubmatch(data[t:], -1) {
		n, _ := strconv.Atoi(string(m[2]))
		if string(m[1]) == "Root" {
			root = n
		} else {
			info = n
		}
	}
	if root == 0 || info == 0 {
		return bad("no catalog in the trailer")
	}
	lines := bytes.Split(bytes.TrimSpace(data[x+len("\nxref\n"):t]), []byte("\n"))
	if len(lines) < 2 {
		return bad("an empty cross-reference table")
	}
	type entry struct {
		num int
		off int
	}
	var entries []entry
	for n, line := range lines[2:] { // the subsection header and object 0
		f := bytes.Fields(line)
		if len(f) != 3 || string(f[2]) != "n" {
			return bad("a cross-reference entry " + strconv.Quote(string(line)))
		}
		off, err := strconv.Atoi(string(f[0]))
		if err != nil || off <= 0 || off >= x {
			return bad("a cross-reference offset")
		}
		entries = append(entries, entry{num: n + 1, off: off})
	}
	// Objects follow each other; sort them by offset to find their ends.
	sorted := append([]entry(nil), entries...)
	slices.SortFunc(sorted, func(a, b entry) int { return a.off - b.off })
	for i, e := range sorted {
		end := x + 1
		if i+1 < len(sorted) {
			end = sorted[i+1].off
		}
		span := data[e.off:end]
		head := fmt.Appendf(nil, "%d 0 obj\n", e.num)
		if !bytes.HasPrefix(span, head) {
			return bad("object " + strconv.Itoa(e.num) + " is not where the table says")
		}
		body := span[len(head):]
		k := bytes.LastIndex(body, []byte("endobj"))
		if k < 0 {
			return bad("object " + strconv.Itoa(e.num) + " does not end")
		}
		body = bytes.TrimRight(body[:k], "\n")
		o := &partObject{num: e.num, dict: body}
		if s := bytes.Index(body, []byte(">>\nstream\n")); s >= 0 {
			m := lengthRE.FindSubmatch(body[:s+2])
			if m == nil {
				return bad("a stream without a length")
			}
			l, _ := strconv.Atoi(string(m[1]))
			data := body[s+len(">>\nstream\n"):]
			if len(data) < l || !bytes.Equal(bytes.TrimSpace(data[l:]), []byte("endstream")) {
				return bad("a stream whose length is wrong")
			}
			o.dict, o.stream = body[:s+2], data[:l]
		}
		objs = append(objs, o)
	}
	return objs, root, info, nil
}
