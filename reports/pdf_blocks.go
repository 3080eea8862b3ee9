package reports

import (
	"followup/forms"
	"followup/reports/internal/pdftag"
)

// The office's texts (the introduction, the overall assessment and the
// consolidated narratives) keep the little structure a coordinator writes
// in a text box: paragraphs and bulleted lists (see forms.Blocks).

// pdfBulletIndent is how far a list entry's text stands in from its bullet.
const pdfBulletIndent = 5.5

// blocks prints a text as its paragraphs and lists, leaving after
// millimetres below each.
func (d *pdfDoc) blocks(x, w float64, text string, st pdfTextStyle, after float64) {
	for _, b := range forms.Blocks(text) {
		d.block(x, w, b, st, after)
	}
}

// block prints one paragraph, or one list: an L of items (LI), each a
// bullet (Lbl) and its text (LBody).
func (d *pdfDoc) block(x, w float64, b forms.Block, st pdfTextStyle, after float64) {
	if b.Kind != forms.BlockList {
		d.paragraph(x, w, b.Lines[0], st, after)
		return
	}
	list := d.open(pdftag.L)
	for i, item := range b.Lines {
		if i > 0 {
			d.space(0.8)
		}
		lines := d.split(item, w-pdfBulletIndent, st)
		d.ensure(st.lead)
		li := d.open(pdftag.LI)
		d.tagged(pdftag.Lbl, func() { d.cell(x+1.2, pdfBulletIndent, "•", st, "L") })
		d.tagged(pdftag.LBody, func() { d.lines(x+pdfBulletIndent, w-pdfBulletIndent, lines, st) })
		d.close(li)
	}
	d.close(list)
	d.space(after)
}
