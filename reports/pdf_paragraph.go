package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"followup/reports/internal/pdftag"
)

// Text layout: wrapping, lines, paragraphs with a lead-in, and headings
// that keep with what follows them.

// split wraps cleaned text to width w in style st. fpdf drops the space
// or line break at which it wraps a line; here the line keeps a space in
// its place, so that the words on either side stay apart when the text is
// read out or extracted. It is drawn after the line's last word, where it
// shows nothing.
func (d *pdfDoc) split(s string, w float64, st pdfTextStyle) []string {
	d.setFont(st)
	s = pdfClean(s)
	return pdfKeepSpaces(s, d.pdf.SplitText(s, w))
}

// pdfKeepSpaces ends with a space each line of lines, s wrapped by fpdf,
// after which the wrapping dropped a space or a line break of s.
func pdfKeepSpaces(s string, lines []string) []string {
	pos := 0 // where in s the next line starts
	for i := 0; i+1 < len(lines); i++ {
		pos += len(lines[i])
		if c, n := utf8.DecodeRuneInString(s[min(pos, len(s)):]); n > 0 && unicode.IsSpace(c) {
			lines[i] += " "
			pos += n
		}
	}
	return lines
}

// width measures cleaned text in style st.
func (d *pdfDoc) width(s string, st pdfTextStyle) float64 {
	d.setFont(st)
	return d.pdf.GetStringWidth(s)
}

// cell prints one line of text at (x, d.y) in a box of width w and the
// style's line height; align is "L", "C" or "R".
func (d *pdfDoc) cell(x, w float64, s string, st pdfTextStyle, align string) {
	d.cleanCell(x, w, pdfClean(s), st, align)
}

// cleanCell is cell for text that split or pdfClean has cleaned already.
func (d *pdfDoc) cleanCell(x, w float64, s string, st pdfTextStyle, align string) {
	d.text(x, d.y, w, s, st, align)
}

// text prints a line of cleaned text with its top left at (x, y). The pass
// that only counts pages draws no text: where text goes is decided before
// it is drawn, and drawing is most of a pass's time.
func (d *pdfDoc) text(x, y, w float64, s string, st pdfTextStyle, align string) {
	if d.counting {
		return
	}
	if align == "R" && strings.HasSuffix(s, " ") {
		s = " " + s[:len(s)-1] // the space kept by split, where it shows nothing
	}
	d.mark()
	d.use(st)
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, st.lead, s, "", 0, align, false, 0, "")
}

// fit shortens s with an ellipsis so that it fits in width w.
func (d *pdfDoc) fit(s string, w float64, st pdfTextStyle) string {
	s = pdfClean(s)
	if d.width(s, st) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.pdf.GetStringWidth(string(r[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

// swatch draws a colour square sitting on the baseline of a line at y.
// It is an artifact: the status word beside it says what it shows.
func (d *pdfDoc) swatch(x, y float64, st pdfTextStyle, c pdfRGB) {
	s := pdfSwatchSize(st)
	d.decor(pdftag.Decoration, func() {
		d.fill(c)
		d.draw(pdfColOutline, 0.15)
		d.rect(x, pdfBaseline(y, st)-s, s, s, "FD")
	})
}

// markedSwatch draws the swatch of an answer that does not count: the
// square outlined and hatched in the status colour instead of filled, so
// that it reads as a draft in colour and in black and white.
func (d *pdfDoc) markedSwatch(x, y float64, st pdfTextStyle, c pdfRGB) {
	s := pdfSwatchSize(st)
	top := pdfBaseline(y, st) - s
	d.decor(pdftag.Decoration, func() {
		d.fill(pdfRGB{255, 255, 255})
		d.draw(c, 0.3)
		d.rect(x, top, s, s, "FD")
		d.draw(c, 0.25)
		// Lines of slope one, a third of the side apart, cut by the square.
		for k := 1; k < 6; k++ {
			t := float64(k) * s / 3
			u0, u1 := max(0, t-s), min(t, s)
			d.line(x+u0, top+s-(t-u0), x+u1, top+s-(t-u1))
		}
	})
}

// anySwatch draws a plain or a marked swatch.
func (d *pdfDoc) anySwatch(x, y float64, st pdfTextStyle, c pdfRGB, marked bool) {
	if marked {
		d.markedSwatch(x, y, st, c)
		return
	}
	d.swatch(x, y, st, c)
}

// paragraph prints wrapped text at x in width w, breaking pages between
// lines, and leaves after millimetres of space below it: one P, however
// many pages it runs over.
func (d *pdfDoc) paragraph(x, w float64, s string, st pdfTextStyle, after float64) {
	d.tagged(pdftag.P, func() { d.lines(x, w, d.split(s, w, st), st) })
	d.space(after)
}

// lines prints lines wrapped by split, one per line height, breaking
// pages between them; empty lines keep their height except at the top of
// a page.
func (d *pdfDoc) lines(x, w float64, lines []string, st pdfTextStyle) {
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			d.space(st.lead)
			continue
		}
		d.ensure(st.lead)
		d.cleanCell(x, w, l, st, "L")
		d.y += st.lead
	}
}

// pdfSegment is a piece of a paragraph's lead-in: text in its own style, or
// a colour swatch.
type pdfSegment struct {
	text   string
	st     pdfTextStyle
	swatch *pdfRGB
	marked bool // a marked swatch (see markedSwatch)
}

// segWidth measures a lead-in.
func (d *pdfDoc) segWidth(segs []pdfSegment) float64 {
	w := 0.0
	for _, s := range segs {
		if s.swatch != nil {
			w += pdfSwatchSize(s.st) + 1.4
			continue
		}
		w += d.width(pdfClean(s.text), s.st)
	}
	return w
}

// richParagraph prints a lead-in (such as "Status: ■ Pågår.") followed on
// the same line by text in style st, which then wraps to width w, the way
// the municipality's reports put the status before the narrative.
func (d *pdfDoc) richParagraph(x, w float64, lead []pdfSegment, text string, st pdfTextStyle, after float64) {
	leadW := d.segWidth(lead)
	limit := w
	if strings.TrimSpace(text) != "" {
		limit = 0.6 * w // leave room for the text to start on the same line
	}
	if leadW > limit {
		// A very long status name: print the lead-in as its own paragraph.
		var s strings.Builder
		for _, sg := range lead {
			s.WriteString(sg.text)
		}
		d.paragraph(x, w, s.String(), pdfStBold, 0)
		d.paragraph(x, w, text, st, after)
		return
	}
	d.ensure(st.lead)
	p := d.open(pdftag.P)
	defer d.close(p)
	cx := x
	for _, sg := range lead {
		if sg.swatch != nil {
			d.anySwatch(cx, d.y, sg.st, *sg.swatch, sg.marked)
			cx += pdfSwatchSize(sg.st) + 1.4
			continue
		}
		tw := d.width(pdfClean(sg.text), sg.st)
		d.cell(cx, tw+0.5, sg.text, sg.st, "L")
		cx += tw
	}
	text = pdfClean(text)
	if text == "" {
		d.y += st.lead
		d.space(after)
		return
	}
	// A space between the lead-in and the text, drawn as one so that it
	// is read as one.
	gap, gapW := "", 0.0
	if last := lead[len(lead)-1]; last.swatch != nil || !strings.HasSuffix(last.text, " ") {
		gap, gapW = " ", d.width(" ", st)
		cx += gapW
	}
	first := d.split(text, x+w-cx, st)
	if len(first) == 0 {
		d.y += st.lead
		d.space(after)
		return
	}
	d.cell(cx-gapW, x+w-cx+gapW, gap+first[0], st, "L")
	d.y += st.lead
	// The first line holds the space at which it was wrapped, if any.
	if rest := text[min(len(first[0]), len(text)):]; rest != "" {
		d.lines(x, w, d.split(rest, w, st), st)
	}
	d.space(after)
}

// heading prints a heading of the given level (1 to 4, its H1 to H4) in
// style st, first making sure that it and keep millimetres of what
// follows fit on the page, so that no heading is left alone at the
// bottom. It returns the y at which the heading starts.
func (d *pdfDoc) heading(level int, s string, st pdfTextStyle, before, keep float64) float64 {
	lines := d.split(s, pdfContentW, st)
	h := float64(len(lines))*st.lead + pdfHeadingAfter(st)
	if !d.ensure(before + h + keep) {
		d.space(before)
	}
	top := d.y
	d.tagged(pdftag.Heading(level), func() { d.lines(pdfMarginL, pdfContentW, lines, st) })
	d.y += pdfHeadingAfter(st)
	return top
}

// pdfSectionShare is how much of a page the end of a section may fill for
// the next section to start below it rather than on a new page.
const pdfSectionShare = 0.4

// section starts one of the report's top-level sections and marks it in
// the outline: on a new page, unless the page so far holds only the end of
// the previous section and keep millimetres below the heading fit, so
// that no page is left with a few lines on it.
func (d *pdfDoc) section(title string, keep float64) {
	if d.y-pdfBodyTop > pdfSectionShare*(pdfBodyBottom-pdfBodyTop) {
		d.newPage()
	}
	d.enter(0, title, d.heading(1, title, pdfStH1, 14, keep))
}

// pdfHeadingAfter is the air below a heading: more below larger type.
func pdfHeadingAfter(st pdfTextStyle) float64 { return st.size * pdfPtToMM * 0.25 }

// pdfHeadingNeed is the room a one- or two-line heading and keep
// millimetres below it take, for the heading above it to keep with it.
func pdfHeadingNeed(st pdfTextStyle, before, keep float64) float64 {
	return before + 2*st.lead + pdfHeadingAfter(st) + keep
}
