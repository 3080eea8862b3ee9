package reports

import (
	"errors"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"followup/forms"
)

// pdfDoc lays out one document. It keeps its own vertical position and
// breaks pages itself (fpdf's automatic page break is off), so that
// tables can repeat their header and headings are never left alone at the
// bottom of a page. Headers and footers are stamped on every page at the
// end, when the number of pages is known.
type pdfDoc struct {
	pdf     *fpdf.Fpdf
	rep     *forms.RoundReport
	created time.Time
	loc     *time.Location // where times are printed; nil: as they are
	y       float64

	headerLeft, headerRight, footerLeft string
	headerFrom                          int // first page with a running header

	numbers map[int64]string // activity id → "1.2"

	gs pdfGraphicsState

	toc      []pdfTocEntry // planned outline, filled in as the body is drawn
	tocNext  int
	tocFirst int // first reserved table-of-contents page
	err      error
}

// pdfNewDoc starts a document with the fonts, metadata and settings that make
// its bytes depend only on its content and opts.Created.
func pdfNewDoc(rep *forms.RoundReport, opts ReportOptions, title, subject string) *pdfDoc {
	created := opts.Created
	if created.IsZero() {
		created = rep.GeneratedAt
	}
	if created.IsZero() {
		created = time.Now()
	}
	if opts.Location != nil {
		created = created.In(opts.Location)
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetLang("sv-SE")
	pdf.SetTitle(pdfClean(title), true)
	pdf.SetSubject(pdfClean(subject), true)
	author := rep.CompiledBy
	if author == "" {
		author = rep.Plan.Organisation
	}
	pdf.SetAuthor(pdfClean(author), true)
	pdf.SetCreator("followup", true)
	pdf.SetMargins(pdfMarginL, pdfBodyTop, pdfMarginR)
	pdf.SetAutoPageBreak(false, pdfPageH-pdfBodyBottom)
	pdf.SetCellMargin(0)
	pdf.SetDisplayMode("fullwidth", "continuous")
	pdfAddFonts(pdf)

	d := &pdfDoc{pdf: pdf, rep: rep, created: created, loc: opts.Location, numbers: map[int64]string{}}
	for i, ar := range rep.Plan.Areas {
		for j, a := range ar.Activities {
			d.numbers[a.ID] = strconv.Itoa(i+1) + "." + strconv.Itoa(j+1)
		}
	}
	return d
}

// finish stamps headers and footers and writes the document.
func (d *pdfDoc) finish(w io.Writer) error {
	if d.err != nil {
		return d.err
	}
	if d.toc != nil && d.tocNext != len(d.toc) {
		return errors.New("reports: the outline and the body disagree")
	}
	d.stamp()
	return d.pdf.Output(w)
}

// newPage starts a page and puts the position at the top of the body.
func (d *pdfDoc) newPage() {
	d.pdf.AddPage()
	d.y = pdfBodyTop
}

// ensure starts a new page unless h millimetres are left above the bottom
// of the body; it reports whether it did.
func (d *pdfDoc) ensure(h float64) bool {
	if d.y+h <= pdfBodyBottom+0.01 {
		return false
	}
	d.newPage()
	return true
}

// space moves down by h, unless at the top of a page.
func (d *pdfDoc) space(h float64) {
	if d.y > pdfBodyTop {
		d.y = min(d.y+h, pdfBodyBottom)
	}
}

// pdfGraphicsState remembers the font and colours last set on the current
// page, so that they are written into the page only when they change: a
// report of thousands of pages would otherwise repeat them on every line.
// fpdf carries them over to each new page itself.
type pdfGraphicsState struct {
	ok         bool
	size       float64
	bold       bool
	text, fill pdfRGB
	textOK     bool
	fillOK     bool
	line       pdfRGB
	width      float64
	lineOK     bool
}

// setPage goes back to an earlier page, whose graphics state is unknown.
func (d *pdfDoc) setPage(n int) {
	d.pdf.SetPage(n)
	d.gs = pdfGraphicsState{}
}

// use selects a style's font and colour. The fill colour is set to the
// text colour too, so that fpdf need not wrap every line in its own
// colour change.
func (d *pdfDoc) use(st pdfTextStyle) {
	d.setFont(st)
	if !d.gs.textOK || d.gs.text != st.color {
		d.pdf.SetTextColor(st.color.r, st.color.g, st.color.b)
		d.gs.text, d.gs.textOK = st.color, true
	}
	d.fill(st.color)
}

// setFont selects a style's font only, for measuring text.
func (d *pdfDoc) setFont(st pdfTextStyle) {
	if !d.gs.ok || d.gs.size != st.size || d.gs.bold != st.bold {
		style := ""
		if st.bold {
			style = "B"
		}
		d.pdf.SetFont(pdfFontFamily, style, st.size)
		d.gs.ok, d.gs.size, d.gs.bold = true, st.size, st.bold
	}
}

// fill selects the fill colour.
func (d *pdfDoc) fill(c pdfRGB) {
	if !d.gs.fillOK || d.gs.fill != c {
		d.pdf.SetFillColor(c.r, c.g, c.b)
		d.gs.fill, d.gs.fillOK = c, true
	}
}

// draw selects the line colour and width.
func (d *pdfDoc) draw(c pdfRGB, width float64) {
	if !d.gs.lineOK || d.gs.line != c || d.gs.width != width {
		d.pdf.SetDrawColor(c.r, c.g, c.b)
		d.pdf.SetLineWidth(width)
		d.gs.line, d.gs.width, d.gs.lineOK = c, width, true
	}
}

// stamp draws the running header and the "Sida N av M" footer on every
// page, now that the number of pages is known.
func (d *pdfDoc) stamp() {
	n := d.pdf.PageCount()
	st := pdfTextStyle{8.5, false, 4, pdfColMuted}
	right := d.fit(d.headerRight, 60, st)
	rw := d.width(right, st)
	left := d.fit(d.headerLeft, pdfContentW-rw-8, st)
	widest := d.width("Sida "+strconv.Itoa(n)+" av "+strconv.Itoa(n), st)
	footer := d.fit(d.footerLeft, pdfContentW-widest-8, st)
	for p := 1; p <= n; p++ {
		d.setPage(p)
		d.use(st)
		if p >= d.headerFrom {
			d.pdf.Text(pdfMarginL, pdfHeaderBase, left)
			d.pdf.Text(pdfPageW-pdfMarginR-rw, pdfHeaderBase, right)
			d.draw(pdfColRule, 0.25)
			d.pdf.Line(pdfMarginL, pdfHeaderRule, pdfPageW-pdfMarginR, pdfHeaderRule)
		}
		pageText := "Sida " + strconv.Itoa(p) + " av " + strconv.Itoa(n)
		d.pdf.Text(pdfMarginL, pdfFooterBase, footer)
		d.pdf.Text(pdfPageW-pdfMarginR-d.width(pageText, st), pdfFooterBase, pageText)
	}
	d.setPage(n)
}

// local returns a time in the document's time zone.
func (d *pdfDoc) local(t time.Time) time.Time {
	if d.loc == nil || t.IsZero() {
		return t
	}
	return t.In(d.loc)
}
