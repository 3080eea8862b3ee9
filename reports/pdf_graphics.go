package reports

// pdfGraphicsState remembers the font and colours last set on the current
// page, so that they are written into the page only when they change: a
// report of thousands of pages would otherwise repeat them on every line.
// fpdf carries them over to each new page itself.
type pdfGraphicsState struct {
	ok         bool
	size       float64
	face       pdfFace
	text, fill pdfRGB
	textOK     bool
	fillOK     bool
	line       pdfRGB
	width      float64
	lineOK     bool
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
	if !d.gs.ok || d.gs.size != st.size || d.gs.face != st.face {
		d.pdf.SetFont(pdfFontFamily, string(st.face), st.size)
		d.gs.ok, d.gs.size, d.gs.face = true, st.size, st.face
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
