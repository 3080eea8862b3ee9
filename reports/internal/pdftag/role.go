package pdftag

// Role is a standard structure type of PDF 1.7 (ISO 32000-1, 14.8.4).
type Role string

// The structure types the reports use.
const (
	Document Role = "Document" // the whole document, the root element
	Sect     Role = "Sect"     // a section
	H1       Role = "H1"       // headings by level
	H2       Role = "H2"
	H3       Role = "H3"
	H4       Role = "H4"
	P        Role = "P" // a paragraph
	L        Role = "L" // a list of LI, each of a label (Lbl) and a body (LBody)
	LI       Role = "LI"
	Lbl      Role = "Lbl"
	LBody    Role = "LBody"
	Table    Role = "Table" // a table of rows (TR), in THead and TBody
	THead    Role = "THead"
	TBody    Role = "TBody"
	TR       Role = "TR" // a row of header (TH) and data (TD) cells
	TH       Role = "TH"
	TD       Role = "TD"
	Figure   Role = "Figure" // a chart, with alternative text
	Link     Role = "Link"   // a link: its text and its annotation
	TOC      Role = "TOC"    // a table of contents of items (TOCI)
	TOCI     Role = "TOCI"
	Span     Role = "Span" // a run of text, such as one in another language
)

// Heading returns the heading role of a level from 1 to 4.
func Heading(level int) Role {
	switch level {
	case 1:
		return H1
	case 2:
		return H2
	case 3:
		return H3
	}
	return H4
}

// Artifact is a kind of content that is not part of the document's
// structure: what a screen reader leaves out and a reflowing reader drops.
type Artifact int

// The artifacts the reports draw.
const (
	// Decoration is a rule, a background, a leader or a colour swatch
	// beside the word it stands for.
	Decoration Artifact = iota
	// Header is the running header at the top of a page.
	Header
	// Footer is the footer with the page number.
	Footer
	// Repeated is what is repeated because of a page break, such as a
	// table's header row on the pages after its first.
	Repeated
)

// begin is the operator that starts an artifact of the kind.
func (a Artifact) begin() string {
	switch a {
	case Header:
		return "/Artifact <</Type /Pagination /Subtype /Header>> BDC"
	case Footer:
		return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
	case Repeated:
		return "/Artifact <</Type /Pagination>> BDC"
	}
	return "/Artifact <</Type /Layout>> BDC"
}
