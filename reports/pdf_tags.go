package reports

import "followup/reports/internal/pdftag"

// Tagging: every PDF is tagged (PDF/UA-1). The drawing code opens a
// structure element around what it draws, in reading order, and draws
// nothing outside one except artifacts: running headers, footers, rules,
// backgrounds, swatches beside their words, and a table's header row
// repeated on a new page. See package pdftag.

// open starts a structure element as the last child of the current one.
func (d *pdfDoc) open(r pdftag.Role) *pdftag.Elem { return d.tags.Open(r) }

// close ends e, the current element.
func (d *pdfDoc) close(e *pdftag.Elem) { d.tags.Close(e) }

// tagged draws inside an element of role r.
func (d *pdfDoc) tagged(r pdftag.Role, draw func()) {
	e := d.open(r)
	draw()
	d.close(e)
}

// mark makes what is drawn next content of the current element, or part
// of the artifact being drawn.
func (d *pdfDoc) mark() {
	if d.tags == nil {
		return
	}
	op := ""
	if d.inArtifact {
		op = d.tags.BeginArtifact(d.pageNo(), d.artifact)
	} else {
		op = d.tags.Begin(d.pageNo())
	}
	if op != "" {
		d.pdf.RawWriteStr(op)
	}
}

// endMark ends the open marked content; the drawing is about to leave
// the page.
func (d *pdfDoc) endMark() {
	if op := d.tags.End(); op != "" {
		d.pdf.RawWriteStr(op)
	}
}

// decor draws an artifact of kind a. Inside a figure everything drawn is
// the figure's, whose alternative text says what it shows.
func (d *pdfDoc) decor(a pdftag.Artifact, draw func()) {
	if d.tags == nil || d.tags.Current().Role() == pdftag.Figure {
		draw()
		return
	}
	prevIn, prev := d.inArtifact, d.artifact
	d.inArtifact, d.artifact = true, a
	d.mark()
	draw()
	d.inArtifact, d.artifact = prevIn, prev
}

// rect draws a rectangle as content of the current element or artifact.
func (d *pdfDoc) rect(x, y, w, h float64, style string) {
	d.mark()
	d.pdf.Rect(x, y, w, h, style)
}

// line draws a line as content of the current element or artifact.
func (d *pdfDoc) line(x1, y1, x2, y2 float64) {
	d.mark()
	d.pdf.Line(x1, y1, x2, y2)
}

// pdfPoints converts a box in millimetres from the top left corner of the
// page to points from the bottom left, as PDF has them: left, bottom,
// right, top.
func pdfPoints(x, y, w, h float64) [4]float64 {
	return [4]float64{x * pdfPtPerMM, pdfPageHPt - (y+h)*pdfPtPerMM, (x + w) * pdfPtPerMM, pdfPageHPt - y*pdfPtPerMM}
}
