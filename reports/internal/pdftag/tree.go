package pdftag

import (
	"errors"
	"fmt"
)

// Elem is a structure element. Its methods set what it says beyond its
// content; they do nothing on a nil element, which is what a nil Tree
// opens.
type Elem struct {
	role   Role
	parent *Elem
	slot   int // its index among its parent's kids
	num    int // its object number once given; 0 before
	kids   []kid
	page   int    // the page of its first content, its /Pg; 0 if none
	attr   string // its attributes (/A), if any
	alt    string // alternative text (/Alt)
	lang   string // its language (/Lang) where it is not the document's
	closed bool
}

// kid is one child of an element, in reading order: an element, a
// marked-content sequence on a page, or a link annotation.
type kid struct {
	elem  *Elem // an element not yet written
	num   int   // an element written already (elem is dropped then)
	annot *annot
	page  int // of a marked-content sequence
	mcid  int
}

// Tree is the logical structure of one document, built while it is drawn
// and written by the joiner (see the package documentation). A nil Tree
// records nothing, for a pass that only counts pages.
type Tree struct {
	root   *Elem   // the Document
	open   []*Elem // the root first, the current element last
	mc     mcState
	pages  map[int][]*Elem  // by page not yet written, the element of each MCID
	annots map[int][]*annot // by page not yet written, its link annotations
	closed []*Elem          // closed, not yet written, children before parents
	// The parent tree: a key and an object number for each page with
	// marked content and each annotation, in the order of their keys.
	nums    []int
	nextKey int
	rootNum int // the structure tree root's object number
	err     error
}

// mcState is the marked-content sequence that is open, if any.
type mcState struct {
	open     bool
	page     int
	elem     *Elem    // whose content it is, unless an artifact
	artifact Artifact // when elem is nil
}

// New starts the structure of a document: its root element, a Document,
// is open.
func New() *Tree {
	root := &Elem{role: Document}
	return &Tree{root: root, open: []*Elem{root}, pages: map[int][]*Elem{}, annots: map[int][]*annot{}}
}

// Err returns the first misuse of the tree, such as closing an element
// that is not the current one; the joiner fails with it at the end.
func (t *Tree) Err() error {
	if t == nil {
		return nil
	}
	return t.err
}

func (t *Tree) fail(format string, args ...any) {
	if t.err == nil {
		t.err = fmt.Errorf("pdftag: "+format, args...)
	}
}

// Current returns the innermost open element.
func (t *Tree) Current() *Elem {
	if t == nil {
		return nil
	}
	return t.open[len(t.open)-1]
}

// Open starts an element of the given role as the last child of the
// current element, and makes it the current element.
func (t *Tree) Open(r Role) *Elem {
	if t == nil {
		return nil
	}
	parent := t.Current()
	e := &Elem{role: r, parent: parent, slot: len(parent.kids)}
	parent.kids = append(parent.kids, kid{elem: e})
	t.open = append(t.open, e)
	return e
}

// Close ends e, which must be the current element: its parent becomes
// the current element again, and e is written with the next part.
func (t *Tree) Close(e *Elem) {
	if t == nil {
		return
	}
	if !t.pop(e) {
		return
	}
	e.closed = true
	t.closed = append(t.closed, e)
}

// Leave makes e's parent the current element without closing e, whose
// content is drawn later, such as a table of contents whose page numbers
// are known only at the end; Enter makes it current again.
func (t *Tree) Leave(e *Elem) {
	if t != nil {
		t.pop(e)
	}
}

// Enter makes e, an element left with Leave, the current element.
func (t *Tree) Enter(e *Elem) {
	if t == nil {
		return
	}
	if e == nil || e.closed {
		t.fail("entering an element that is closed")
		return
	}
	t.open = append(t.open, e)
}

// pop removes e from the top of the stack of open elements.
func (t *Tree) pop(e *Elem) bool {
	if len(t.open) < 2 || t.Current() != e {
		t.fail("closing %s, which is not the current element", roleOf(e))
		return false
	}
	t.open = t.open[:len(t.open)-1]
	return true
}

func roleOf(e *Elem) Role {
	if e == nil {
		return "nothing"
	}
	return e.role
}

// Role returns the element's structure type.
func (e *Elem) Role() Role {
	if e == nil {
		return ""
	}
	return e.role
}

// finish closes the root, once every other element is closed.
func (t *Tree) finish() error {
	if t.err != nil {
		return t.err
	}
	if len(t.open) != 1 {
		return errors.New("pdftag: " + string(t.Current().role) + " is still open at the end of the document")
	}
	if t.mc.open {
		return errors.New("pdftag: marked content is still open at the end of the document")
	}
	t.root.closed = true
	t.closed = append(t.closed, t.root)
	t.open = nil
	return nil
}
