package pdftag

import "strconv"

// Begin returns the operators that make what is drawn next on page p
// (from 1, of the whole document) content of the current element: the
// end of the open sequence, if another is open, and the start of one of
// the current element with the page's next MCID. It returns "" when that
// sequence is open already.
func (t *Tree) Begin(p int) string {
	if t == nil {
		return ""
	}
	e := t.Current()
	if t.mc.open && t.mc.elem == e && t.mc.page == p {
		return ""
	}
	end := t.end(p)
	mcid := len(t.pages[p])
	t.pages[p] = append(t.pages[p], e)
	if e.page == 0 {
		e.page = p
	}
	e.kids = append(e.kids, kid{page: p, mcid: mcid})
	t.mc = mcState{open: true, page: p, elem: e}
	return end + "/" + string(e.role) + " <</MCID " + strconv.Itoa(mcid) + ">> BDC"
}

// BeginArtifact returns the operators that make what is drawn next on
// page p an artifact of kind a, or "" when such an artifact is open.
func (t *Tree) BeginArtifact(p int, a Artifact) string {
	if t == nil {
		return ""
	}
	if t.mc.open && t.mc.elem == nil && t.mc.artifact == a && t.mc.page == p {
		return ""
	}
	end := t.end(p)
	t.mc = mcState{open: true, page: p, artifact: a}
	return end + a.begin()
}

// End returns the operator that ends the open marked-content sequence, or
// "" when none is open. It must be written before the drawing goes to
// another page.
func (t *Tree) End() string {
	if t == nil || !t.mc.open {
		return ""
	}
	t.mc = mcState{}
	return "EMC"
}

// end is End followed by a line feed, for a sequence that another on page
// p follows. A sequence can only be ended on its own page.
func (t *Tree) end(p int) string {
	if !t.mc.open {
		return ""
	}
	if t.mc.page != p {
		t.fail("marked content of page %d was not ended before drawing on page %d", t.mc.page, p)
	}
	t.mc = mcState{}
	return "EMC\n"
}

// annot is a link annotation, written with its page.
type annot struct {
	page     int
	rect     [4]float64
	dest     int     // the page it leads to
	top      float64 // the height on that page, in points from the bottom
	contents string  // what the link does, in words
	elem     *Elem   // the Link element it belongs to
	num      int     // its object number once written
}

// Link adds a link annotation to page p as a child of the current
// element, which must be a Link: rect is its area in points (left,
// bottom, right, top), and it leads to the point top points above the
// bottom edge of page dest. contents describes where it leads in words,
// for those who cannot see its text.
func (t *Tree) Link(p int, rect [4]float64, dest int, top float64, contents string) {
	if t == nil {
		return
	}
	e := t.Current()
	if e.role != Link {
		t.fail("a link annotation in %s, not in a Link", e.role)
		return
	}
	a := &annot{page: p, rect: rect, dest: dest, top: top, contents: contents, elem: e}
	t.annots[p] = append(t.annots[p], a)
	if e.page == 0 {
		e.page = p
	}
	e.kids = append(e.kids, kid{annot: a})
}
