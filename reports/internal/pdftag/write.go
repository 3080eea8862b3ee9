package pdftag

import (
	"fmt"
	"strconv"
	"unicode/utf16"

	"followup/reports/internal/pdfjoin"
)

var _ pdfjoin.Structure = (*Tree)(nil)

// Page writes page p's entry of the parent tree and its link annotations,
// and returns its dictionary's /StructParents, /Tabs /S (tab through the
// annotations in structure order) and /Annots.
func (t *Tree) Page(w pdfjoin.Writer, p int) ([]byte, error) {
	if t.mc.open && t.mc.page == p {
		return nil, fmt.Errorf("pdftag: page %d is written with its marked content open", p)
	}
	var out []byte
	if elems := t.pages[p]; len(elems) > 0 {
		delete(t.pages, p)
		arr := w.Alloc()
		b := []byte{'['}
		for i, e := range elems {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, t.num(w, e))
		}
		if err := w.Object(arr, append(b, ']')); err != nil {
			return nil, err
		}
		out = fmt.Appendf(out, "/StructParents %d\n", t.key(arr))
	}
	out = append(out, "/Tabs /S\n"...)
	if annots := t.annots[p]; len(annots) > 0 {
		delete(t.annots, p)
		refs := []byte("/Annots [")
		for i, a := range annots {
			dest, err := w.Page(a.dest)
			if err != nil {
				return nil, err
			}
			a.num = w.Alloc()
			key := t.key(t.num(w, a.elem))
			if err := w.Object(a.num, fmt.Appendf(nil,
				"<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /Contents %s /StructParent %d /Dest [%d 0 R /XYZ 0 %.2f null]>>",
				a.rect[0], a.rect[1], a.rect[2], a.rect[3], textString(a.contents), key, dest, a.top)); err != nil {
				return nil, err
			}
			if i > 0 {
				refs = append(refs, ' ')
			}
			refs = appendRef(refs, a.num)
		}
		out = append(append(out, refs...), "]\n"...)
	}
	return out, nil
}

// key gives out the next key of the parent tree, for object n.
func (t *Tree) key(n int) int {
	k := t.nextKey
	t.nextKey++
	t.nums = append(t.nums, k, n)
	return k
}

// num returns an element's object number, giving it one if it has none.
func (t *Tree) num(w pdfjoin.Writer, e *Elem) int {
	if e.num == 0 {
		e.num = w.Alloc()
	}
	return e.num
}

// Flush writes the elements closed so far. Their content is on pages
// written already: each part is added once it is drawn.
func (t *Tree) Flush(w pdfjoin.Writer) error {
	if t.err != nil {
		return t.err
	}
	for _, e := range t.closed {
		if err := t.write(w, e); err != nil {
			return err
		}
	}
	clear(t.closed)
	t.closed = t.closed[:0]
	return nil
}

// write writes an element; its parent keeps only its number after.
func (t *Tree) write(w pdfjoin.Writer, e *Elem) error {
	b := append(make([]byte, 0, 64+8*len(e.kids)), "<</Type /StructElem /S /"...)
	b = append(b, e.role...)
	b = append(b, " /P "...)
	if e.parent != nil {
		b = appendRef(b, t.num(w, e.parent))
	} else {
		if t.rootNum == 0 {
			t.rootNum = w.Alloc()
		}
		b = appendRef(b, t.rootNum)
	}
	pg := 0
	if e.page > 0 {
		var err error
		if pg, err = w.Page(e.page); err != nil {
			return err
		}
		b = append(b, " /Pg "...)
		b = appendRef(b, pg)
	}
	if len(e.kids) > 0 {
		b = append(b, " /K "...)
		if len(e.kids) > 1 {
			b = append(b, '[')
		}
		for i, k := range e.kids {
			if i > 0 {
				b = append(b, ' ')
			}
			var err error
			if b, err = t.appendKid(w, b, e, k, pg); err != nil {
				return err
			}
		}
		if len(e.kids) > 1 {
			b = append(b, ']')
		}
	}
	if e.attr != "" {
		b = append(append(b, " /A "...), e.attr...)
	}
	if e.alt != "" {
		b = append(append(b, " /Alt "...), textString(e.alt)...)
	}
	if e.lang != "" {
		b = append(append(b, " /Lang "...), textString(e.lang)...)
	}
	if err := w.Object(t.num(w, e), append(b, ">>"...)); err != nil {
		return err
	}
	if e.parent != nil {
		e.parent.kids[e.slot] = kid{num: e.num}
	}
	e.kids, e.parent = nil, nil
	return nil
}

// appendKid writes one of e's kids: a marked-content sequence on e's own
// page (pg) by its MCID alone, one on another page as a reference to it,
// an element, or a link annotation.
func (t *Tree) appendKid(w pdfjoin.Writer, b []byte, e *Elem, k kid, pg int) ([]byte, error) {
	switch {
	case k.num > 0:
		return appendRef(b, k.num), nil
	case k.elem != nil:
		return nil, fmt.Errorf("pdftag: %s is written before its child %s", e.role, k.elem.role)
	case k.annot != nil:
		if k.annot.num == 0 {
			return nil, fmt.Errorf("pdftag: a link of page %d is written before its page", k.annot.page)
		}
		b = append(b, "<</Type /OBJR /Obj "...)
		b = appendRef(b, k.annot.num)
		if k.annot.page != e.page {
			p, err := w.Page(k.annot.page)
			if err != nil {
				return nil, err
			}
			b = appendRef(append(b, " /Pg "...), p)
		}
		return append(b, ">>"...), nil
	case k.page == e.page:
		return strconv.AppendInt(b, int64(k.mcid), 10), nil
	}
	p, err := w.Page(k.page)
	if err != nil {
		return nil, err
	}
	b = append(b, "<</Type /MCR /Pg "...)
	b = appendRef(b, p)
	b = append(b, " /MCID "...)
	b = strconv.AppendInt(b, int64(k.mcid), 10)
	return append(b, ">>"...), nil
}

// Finish closes the root element and writes what is left: the elements
// not yet written, the parent tree and the structure tree root. It
// returns the catalog's /StructTreeRoot and /MarkInfo.
func (t *Tree) Finish(w pdfjoin.Writer) ([]byte, error) {
	if err := t.finish(); err != nil {
		return nil, err
	}
	if err := t.Flush(w); err != nil {
		return nil, err
	}
	for p := range t.pages {
		return nil, fmt.Errorf("pdftag: page %d has marked content but was never written", p)
	}
	for p := range t.annots {
		return nil, fmt.Errorf("pdftag: page %d has links but was never written", p)
	}
	parents := w.Alloc()
	b := []byte("<</Nums [")
	for i := 0; i < len(t.nums); i += 2 {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(t.nums[i]), 10)
		b = appendRef(append(b, ' '), t.nums[i+1])
	}
	if err := w.Object(parents, append(b, "]>>"...)); err != nil {
		return nil, err
	}
	if err := w.Object(t.rootNum, fmt.Appendf(nil, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		t.root.num, parents, t.nextKey)); err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, "/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n", t.rootNum), nil
}

// appendRef appends a reference to object n.
func appendRef(b []byte, n int) []byte {
	return append(strconv.AppendInt(b, int64(n), 10), " 0 R"...)
}

// textString writes s as a PDF text string: UTF-16BE with a byte order
// mark, in hexadecimal.
func textString(s string) string {
	const digits = "0123456789ABCDEF"
	b := []byte("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, digits[u>>12], digits[u>>8&15], digits[u>>4&15], digits[u&15])
	}
	return string(append(b, '>'))
}
