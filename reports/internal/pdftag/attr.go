package pdftag

import "fmt"

// Scope is which cells a table header cell (TH) heads.
type Scope int

// The scopes of a header cell.
const (
	ScopeColumn Scope = iota // the cells below it
	ScopeRow                 // the cells beside it
)

// The attributes of header cells, shared by every cell of a scope.
const (
	attrColumn = "<</O /Table /Scope /Column>>"
	attrRow    = "<</O /Table /Scope /Row>>"
)

// SetScope says which cells a header cell heads, and over how many
// columns it spans (1 for one).
func (e *Elem) SetScope(s Scope, colSpan int) {
	if e == nil {
		return
	}
	switch {
	case colSpan > 1:
		name := "Column"
		if s == ScopeRow {
			name = "Row"
		}
		e.attr = fmt.Sprintf("<</O /Table /Scope /%s /ColSpan %d>>", name, colSpan)
	case s == ScopeRow:
		e.attr = attrRow
	default:
		e.attr = attrColumn
	}
}

// SetBBox gives a figure its bounding box on the page of its content, in
// points from the bottom left corner.
func (e *Elem) SetBBox(left, bottom, right, top float64) {
	if e == nil {
		return
	}
	e.attr = fmt.Sprintf("<</O /Layout /Placement /Block /BBox [%.2f %.2f %.2f %.2f]>>", left, bottom, right, top)
}

// SetAlt gives the element alternative text, which a screen reader reads
// instead of its content, as for a figure.
func (e *Elem) SetAlt(s string) {
	if e != nil {
		e.alt = s
	}
}

// SetLang gives the element's language, such as en-GB, where it is not
// the document's.
func (e *Elem) SetLang(tag string) {
	if e != nil {
		e.lang = tag
	}
}
