package reports

import (
	"errors"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"followup/forms"
	"followup/reports/internal/pdfjoin"
	"followup/reports/internal/pdftag"
)

// pdfDoc lays out one document. It keeps its own vertical position and
// breaks pages itself (fpdf's automatic page break is off), so that
// tables can repeat their header and headings are never left alone at the
// bottom of a page.
//
// A document is drawn in parts of at most partPages pages, each its own
// fpdf document, which a pdfjoin.Joiner writes out as one file.
// One that fits in a single part is drawn once; its contents and its
// headers and footers are filled in at the end, when the page numbers are
// known. A longer one is drawn twice: the first pass only counts pages,
// and the second, knowing every page number, draws the contents in place
// and stamps each part's headers and footers before writing it.
type pdfDoc struct {
	pdf     *fpdf.Fpdf
	newPDF  func() *fpdf.Fpdf // starts the fpdf document of a part
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
	tocFirst int          // first reserved table-of-contents page
	tocSect  *pdftag.Elem // the contents' section of the structure
	marks    []pdfjoin.Mark

	tags       *pdftag.Tree // the document's structure; nil in a pass that only counts
	artifact   pdftag.Artifact
	inArtifact bool // what is drawn is an artifact of kind artifact

	info pdfjoin.Info // the document information and metadata the joiner writes

	partPages int             // pages per part
	first     int             // pages in the parts before this one
	known     *pdfNumbers     // page numbers from the first pass; nil in it
	counting  bool            // the first pass outgrew its part and only counts
	join      *pdfjoin.Joiner // set when the parts are being written
	err       error
}

// pdfPartPages is the number of pages drawn in one fpdf document. Each part
// embeds its own subset of the fonts it uses (about 33 KB), and holds about
// 10 KB a page while it is drawn.
const pdfPartPages = 500

// pdfNumbers is what the first pass of a long document learns: the number
// of pages and the page of every contents entry.
type pdfNumbers struct {
	pages int
	toc   []pdfTocEntry
}

// pdfCreated is the report's date: opts.Created, else when the round's
// report was read, else now.
func pdfCreated(rep *forms.RoundReport, opts ReportOptions) time.Time {
	switch {
	case !opts.Created.IsZero():
		return opts.Created
	case !rep.GeneratedAt.IsZero():
		return rep.GeneratedAt
	}
	return time.Now()
}

// pdfNewDoc starts a document with the fonts, metadata and settings that make
// its bytes depend only on its content and opts.Created.
func pdfNewDoc(rep *forms.RoundReport, opts ReportOptions, title, subject string) *pdfDoc {
	created := pdfCreated(rep, opts)
	if opts.Location != nil {
		created = created.In(opts.Location)
	}
	author := rep.CompiledBy
	if author == "" {
		author = rep.Plan.Organisation
	}
	newPDF := func() *fpdf.Fpdf {
		pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
		pdf.SetCompression(false) // the joiner compresses the pages
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(created) // the joiner writes the document information
		pdf.SetModificationDate(created)
		pdf.SetMargins(pdfMarginL, pdfBodyTop, pdfMarginR)
		pdf.SetAutoPageBreak(false, pdfPageH-pdfBodyBottom)
		pdf.SetCellMargin(0)
		pdf.SetDisplayMode("fullwidth", "continuous")
		pdfAddFonts(pdf)
		return pdf
	}

	d := &pdfDoc{pdf: newPDF(), newPDF: newPDF, rep: rep, created: created, loc: opts.Location,
		numbers: map[int64]string{}, partPages: pdfPartPages, tags: pdftag.New(),
		info: pdfjoin.Info{
			Title: pdfClean(title), Subject: pdfClean(subject), Author: pdfClean(author),
			Creator: "followup", Producer: "followup (codeberg.org/go-pdf/fpdf)", Lang: "sv-SE", Created: created,
		}}
	for i, ar := range rep.Plan.Areas {
		for j, a := range ar.Activities {
			d.numbers[a.ID] = strconv.Itoa(i+1) + "." + strconv.Itoa(j+1)
		}
	}
	return d
}

// pdfDraw draws a document and writes it to w: in one pass when it fits
// in one part, else in two (see pdfDoc). newDoc makes the document, draw
// draws everything in it.
func pdfDraw(w io.Writer, newDoc func() *pdfDoc, draw func(d *pdfDoc)) error {
	d := newDoc()
	draw(d)
	if d.err == nil && d.counting {
		known := &pdfNumbers{pages: d.pageCount(), toc: d.toc}
		d = newDoc()
		d.known, d.join = known, pdfjoin.New(w, known.pages, d.info, d.tags)
		draw(d)
	}
	return d.finish(w)
}

// finish writes the document's last part and closes the file.
func (d *pdfDoc) finish(w io.Writer) error {
	if d.err != nil {
		return d.err
	}
	if d.toc != nil && d.tocNext != len(d.toc) {
		return errors.New("reports: the outline and the body disagree")
	}
	if d.join == nil {
		d.join = pdfjoin.New(w, d.pageCount(), d.info, d.tags)
	}
	d.stamp()
	if err := d.join.Add(d.pdf); err != nil {
		return err
	}
	return d.join.Finish(d.marks)
}

// newPage starts a page and puts the position at the top of the body.
func (d *pdfDoc) newPage() {
	d.endMark()
	if d.pdf.PageNo() >= d.partPages {
		d.nextPart()
	}
	d.pdf.AddPage()
	d.y = pdfBodyTop
}

// nextPart ends the current part and starts the next. In the first pass
// the part is dropped: its page numbers are what the pass is for.
func (d *pdfDoc) nextPart() {
	if d.known == nil {
		d.counting, d.tags = true, nil
	} else if d.err == nil {
		d.stamp()
		d.err = d.join.Add(d.pdf)
	}
	d.first += d.pdf.PageNo()
	d.pdf = d.newPDF()
	d.gs = pdfGraphicsState{}
}

// pageNo is the number of the current page in the whole document.
func (d *pdfDoc) pageNo() int { return d.first + d.pdf.PageNo() }

// pageCount is the number of pages drawn so far.
func (d *pdfDoc) pageCount() int { return d.first + d.pdf.PageCount() }

// totalPages is the number of pages of the whole document, once known.
func (d *pdfDoc) totalPages() int {
	if d.known != nil {
		return d.known.pages
	}
	return d.pageCount()
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

// setPage goes back to an earlier page of the current part, whose graphics
// state is unknown.
func (d *pdfDoc) setPage(n int) {
	d.endMark()
	d.pdf.SetPage(n)
	d.gs = pdfGraphicsState{}
}

// stamp draws the running header and the "Sida N av M" footer on every
// page of the current part, once the number of pages is known.
func (d *pdfDoc) stamp() {
	n := d.totalPages()
	st := pdfTextStyle{8.5, pdfRegular, 4, pdfColMuted}
	right := d.fit(d.headerRight, 60, st)
	rw := d.width(right, st)
	left := d.fit(d.headerLeft, pdfContentW-rw-8, st)
	widest := d.width("Sida "+strconv.Itoa(n)+" av "+strconv.Itoa(n), st)
	footer := d.fit(d.footerLeft, pdfContentW-widest-8, st)
	last := d.pdf.PageCount()
	for p := 1; p <= last; p++ {
		d.setPage(p)
		if d.first+p >= d.headerFrom {
			d.decor(pdftag.Header, func() {
				d.use(st)
				d.pdf.Text(pdfMarginL, pdfHeaderBase, left)
				d.pdf.Text(pdfPageW-pdfMarginR-rw, pdfHeaderBase, right)
				d.draw(pdfColRule, 0.25)
				d.pdf.Line(pdfMarginL, pdfHeaderRule, pdfPageW-pdfMarginR, pdfHeaderRule)
			})
		}
		pageText := "Sida " + strconv.Itoa(d.first+p) + " av " + strconv.Itoa(n)
		d.decor(pdftag.Footer, func() {
			d.use(st)
			d.pdf.Text(pdfMarginL, pdfFooterBase, footer)
			d.pdf.Text(pdfPageW-pdfMarginR-d.width(pageText, st), pdfFooterBase, pageText)
		})
	}
	d.setPage(last)
}

// local returns a time in the document's time zone.
func (d *pdfDoc) local(t time.Time) time.Time {
	if d.loc == nil || t.IsZero() {
		return t
	}
	return t.In(d.loc)
}
