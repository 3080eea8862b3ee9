package reports

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf keeps every page of a document in memory until it writes the file,
// which for the largest round (11,000 pages) is about 200 MB. A long report
// is therefore drawn in parts of pdfPartPages pages, each its own fpdf
// document, and pdfJoin writes them out as one PDF as they are finished:
// their pages go into one page tree, their fonts and resources stay their
// own, and the outline of the whole document is written at the end.
//
// Object numbers of the joined file: the catalog, the page tree, the
// document information and the outline root come first, then one number
// per page, fixed in advance so that any part can link to any page, then
// everything else in the order written.
const (
	pdfObjCatalog   = 1
	pdfObjPages     = 2
	pdfObjInfo      = 3
	pdfObjOutlines  = 4
	pdfObjFirstPage = 5
)

// pdfMark is an outline entry (bookmark) of the joined document.
type pdfMark struct {
	level int
	title string
	page  int     // in the whole document, from 1
	y     float64 // from the top of the page, in millimetres
}

// pdfJoin writes parts drawn by fpdf as one PDF.
type pdfJoin struct {
	w       *bufio.Writer
	written int64
	offsets []int64 // by object number; 0 while not written
	pages   int     // pages of the whole document
	done    int     // pages written so far
	// From the first part: the catalog and the document information
	// (renumbered), and the page size.
	catalog, info []byte
	mediaBox      []byte
	zw            *zlib.Writer
	zbuf          bytes.Buffer
	// created is the document's creation and modification date, written
	// with its offset from UTC.
	created time.Time
}

func newPdfJoin(w io.Writer, pages int, created time.Time) *pdfJoin {
	j := &pdfJoin{pages: pages, offsets: make([]int64, pdfObjFirstPage+pages), created: created}
	j.w = bufio.NewWriterSize(writerFunc(func(p []byte) (int, error) {
		n, err := w.Write(p)
		j.written += int64(n)
		return n, err
	}), 64<<10)
	return j
}

// writerFunc adapts a function to io.Writer.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// pdfObject is one indirect object of a part, as fpdf wrote it.
type pdfObject struct {
	num    int
	dict   []byte // the dictionary, or the whole value of an object without a stream
	stream []byte // the stream's data; nil if none
}

var (
	pdfRefRE      = regexp.MustCompile(`(/Dest \[)?\b(\d+) 0 R\b`)
	pdfLengthRE   = regexp.MustCompile(`/Length (\d+)`)
	pdfMediaBoxRE = regexp.MustCompile(`/MediaBox \[[^\]]*\]`)
	pdfTrailerRE  = regexp.MustCompile(`/(Root|Info) (\d+) 0 R`)
	pdfInfoDateRE = regexp.MustCompile(`/(CreationDate|ModDate) \([^)]*\)`)
)

// add writes a finished part, whose pages follow the pages written so far.
func (j *pdfJoin) add(part *fpdf.Fpdf) error {
	var buf bytes.Buffer
	if err := part.Output(&buf); err != nil {
		return err
	}
	data := buf.Bytes()
	objs, root, info, err := pdfParse(data)
	if err != nil {
		return err
	}
	if j.written == 0 && j.w.Buffered() == 0 {
		// The header of the first part, such as %PDF-1.3, and a comment
		// of bytes above 127 that marks the file as binary.
		line, _, _ := bytes.Cut(data, []byte("\n"))
		j.w.Write(line)
		j.w.WriteString("\n%\xb5\xb6\n")
	}

	// Number the part's objects in the joined file.
	renum := map[int]int{}
	var pages, rest []*pdfObject
	var catalog, infoObj *pdfObject
	for _, o := range objs {
		switch {
		case o.num == root:
			catalog = o
		case o.num == info:
			infoObj = o
		case bytes.HasPrefix(o.dict, []byte("<</Type /Pages")):
			renum[o.num] = pdfObjPages
			if j.mediaBox == nil {
				j.mediaBox = bytes.Clone(pdfMediaBoxRE.Find(o.dict))
			}
		case bytes.HasPrefix(o.dict, []byte("<</Type /Page\n")):
			pages = append(pages, o)
		default:
			rest = append(rest, o)
		}
	}
	if j.done+len(pages) > j.pages {
		return fmt.Errorf("reports: the parts have more pages than the %d planned", j.pages)
	}
	for i, o := range pages {
		renum[o.num] = pdfObjFirstPage + j.done + i
	}
	for _, o := range rest {
		renum[o.num] = len(j.offsets)
		j.offsets = append(j.offsets, 0)
	}
	j.done += len(pages)

	for _, o := range objs {
		n, ok := renum[o.num]
		if !ok || n == pdfObjPages {
			continue
		}
		dict, err := j.renumber(o.dict, renum)
		if err != nil {
			return err
		}
		if err := j.object(n, dict, o.stream); err != nil {
			return err
		}
	}
	if j.catalog == nil && catalog != nil && infoObj != nil {
		if j.catalog, err = j.renumber(catalog.dict, renum); err != nil {
			return err
		}
		// fpdf writes the dates without a time zone; the joined
		// document's carry theirs. A new slice: the part can go.
		date := []byte(pdfInfoDate(j.created))
		j.info = pdfInfoDateRE.ReplaceAllFunc(infoObj.dict, func(m []byte) []byte {
			key, _, _ := bytes.Cut(m, []byte(" "))
			return slices.Concat(key, []byte(" ("), date, []byte(")"))
		})
	}
	return j.w.Flush()
}

// renumber rewrites the references of a part's dictionary to the joined
// file's numbers. A link's destination names a page of the whole document
// by fpdf's number for it (1 + 2 × page), which becomes that page's object.
func (j *pdfJoin) renumber(dict []byte, renum map[int]int) ([]byte, error) {
	var out []byte
	last := 0
	for _, m := range pdfRefRE.FindAllSubmatchIndex(dict, -1) {
		out = append(out, dict[last:m[0]]...)
		last = m[1]
		n, _ := strconv.Atoi(string(dict[m[4]:m[5]]))
		if m[2] >= 0 { // a link's destination
			page := (n - 1) / 2
			if page < 1 || page > j.pages {
				return nil, fmt.Errorf("reports: a link to page %d of %d", page, j.pages)
			}
			out = fmt.Appendf(out, "/Dest [%d 0 R", pdfObjFirstPage+page-1)
			continue
		}
		to, ok := renum[n]
		if !ok {
			return nil, fmt.Errorf("reports: a reference to object %d, which the part does not have", n)
		}
		out = fmt.Appendf(out, "%d 0 R", to)
	}
	return append(out, dict[last:]...), nil
}

// object writes an indirect object. A stream fpdf left uncompressed (the
// parts are drawn without compression) is compressed here, with one
// compressor for the whole document.
func (j *pdfJoin) object(n int, dict, stream []byte) error {
	if stream != nil && bytes.Equal(dict, fmt.Appendf(nil, "<</Length %d>>", len(stream))) {
		j.zbuf.Reset()
		if j.zw == nil {
			j.zw, _ = zlib.NewWriterLevel(&j.zbuf, zlib.BestSpeed)
		} else {
			j.zw.Reset(&j.zbuf)
		}
		if _, err := j.zw.Write(stream); err != nil {
			return err
		}
		if err := j.zw.Close(); err != nil {
			return err
		}
		stream = j.zbuf.Bytes()
		dict = fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>", len(stream))
	}
	j.offsets[n] = j.written + int64(j.w.Buffered())
	fmt.Fprintf(j.w, "%d 0 obj\n", n)
	j.w.Write(dict)
	if stream != nil {
		j.w.WriteString("\nstream\n")
		j.w.Write(stream)
		j.w.WriteString("\nendstream")
	}
	_, err := j.w.WriteString("\nendobj\n")
	return err
}

// finish writes the page tree, the outline, the catalog, the document
// information and the cross-reference table.
func (j *pdfJoin) finish(marks []pdfMark) error {
	if j.done != j.pages {
		return fmt.Errorf("reports: %d pages written of the %d planned", j.done, j.pages)
	}
	if j.catalog == nil {
		return errors.New("reports: a document without pages")
	}
	var kids bytes.Buffer
	for p := range j.pages {
		if p > 0 {
			kids.WriteByte(' ')
		}
		fmt.Fprintf(&kids, "%d 0 R", pdfObjFirstPage+p)
	}
	j.object(pdfObjPages, fmt.Appendf(nil, "<</Type /Pages\n/Kids [%s]\n/Count %d\n%s\n>>", kids.Bytes(), j.pages, j.mediaBox), nil)
	catalog := j.catalog
	if len(marks) > 0 {
		j.outline(marks)
		i := bytes.LastIndex(catalog, []byte(">>"))
		catalog = append(catalog[:i:i], fmt.Appendf(nil, "/Outlines %d 0 R\n/PageMode /UseOutlines\n>>", pdfObjOutlines)...)
	} else {
		j.object(pdfObjOutlines, []byte("<</Type /Outlines /Count 0>>"), nil)
	}
	j.object(pdfObjCatalog, catalog, nil)
	j.object(pdfObjInfo, j.info, nil)

	xref := j.written + int64(j.w.Buffered())
	fmt.Fprintf(j.w, "xref\n0 %d\n0000000000 65535 f \n", len(j.offsets))
	for n := 1; n < len(j.offsets); n++ {
		if j.offsets[n] == 0 {
			return fmt.Errorf("reports: object %d of the joined document was never written", n)
		}
		fmt.Fprintf(j.w, "%010d 00000 n \n", j.offsets[n])
	}
	fmt.Fprintf(j.w, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n",
		len(j.offsets), pdfObjCatalog, pdfObjInfo, xref)
	return j.w.Flush()
}

// outline writes the bookmarks as fpdf would: each entry under the last
// entry of the level above, all closed.
func (j *pdfJoin) outline(marks []pdfMark) {
	first := len(j.offsets)
	num := func(i int) int { return first + i }
	parent := make([]int, len(marks))
	prev, next := make([]int, len(marks)), make([]int, len(marks))
	firstKid, lastKid := make([]int, len(marks)), make([]int, len(marks))
	for i := range marks {
		prev[i], next[i], firstKid[i], lastKid[i] = -1, -1, -1, -1
		j.offsets = append(j.offsets, 0)
	}
	lastAt := map[int]int{} // level → the last entry seen at that level
	level, top := 0, -1
	for i, m := range marks {
		if m.level > 0 {
			p := lastAt[m.level-1]
			parent[i] = num(p)
			lastKid[p] = i
			if m.level > level {
				firstKid[p] = i
			}
		} else {
			parent[i] = pdfObjOutlines
			top = i
		}
		if m.level <= level && i > 0 {
			if p, ok := lastAt[m.level]; ok {
				next[p], prev[i] = i, p
			}
		}
		lastAt[m.level] = i
		level = m.level
	}
	for i, m := range marks {
		var b bytes.Buffer
		fmt.Fprintf(&b, "<</Title %s\n/Parent %d 0 R", pdfTextString(m.title), parent[i])
		for _, ref := range []struct {
			key string
			i   int
		}{{"Prev", prev[i]}, {"Next", next[i]}, {"First", firstKid[i]}, {"Last", lastKid[i]}} {
			if ref.i >= 0 {
				fmt.Fprintf(&b, "\n/%s %d 0 R", ref.key, num(ref.i))
			}
		}
		fmt.Fprintf(&b, "\n/Dest [%d 0 R /XYZ 0 %.2f null]\n/Count 0>>", pdfObjFirstPage+m.page-1, pdfPageHPt-m.y*pdfPtPerMM)
		j.object(num(i), b.Bytes(), nil)
	}
	j.object(pdfObjOutlines, fmt.Appendf(nil, "<</Type /Outlines /First %d 0 R\n/Last %d 0 R>>", num(0), num(top)), nil)
}

// pdfInfoDate writes t as a date of the document information, with its
// offset from UTC: D:20241218093000+01'00', or D:20241218093000Z in UTC.
func pdfInfoDate(t time.Time) string {
	s := "D:" + t.Format("20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s%c%02d'%02d'", s, sign, off/3600, off/60%60)
}

// pdfTextString writes s as a PDF text string in UTF-16BE with a byte order
// mark, the way fpdf writes bookmarks.
func pdfTextString(s string) string {
	b := []byte{'(', 0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		for _, c := range []byte{byte(u >> 8), byte(u)} {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\', c)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, c)
			}
		}
	}
	return string(append(b, ')'))
}

// pdfParse splits a PDF written by fpdf into its objects, in file order,
// and returns the numbers of its catalog and document information.
func pdfParse(data []byte) (objs []*pdfObject, root, info int, err error) {
	bad := func(what string) ([]*pdfObject, int, int, error) {
		return nil, 0, 0, errors.New("reports: fpdf wrote an unexpected PDF: " + what)
	}
	t := bytes.LastIndex(data, []byte("\ntrailer\n"))
	x := bytes.LastIndex(data, []byte("\nxref\n"))
	if t < 0 || x < 0 || x > t {
		return bad("no cross-reference table")
	}
	for _, m := range pdfTrailerRE.FindAllSubmatch(data[t:], -1) {
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
		o := &pdfObject{num: e.num, dict: body}
		if s := bytes.Index(body, []byte(">>\nstream\n")); s >= 0 {
			m := pdfLengthRE.FindSubmatch(body[:s+2])
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
