package reports

import "followup/reports/internal/pdftag"

// pdfColumn is one column of a table: its heading, width in mm and alignment.
type pdfColumn struct {
	title string
	width float64
	align string // "L" or "R"
}

// pdfTableCell is the content of one cell: text, optionally preceded by a
// status swatch, in the table's regular, bold or muted style.
type pdfTableCell struct {
	text   string
	swatch *pdfRGB
	marked bool         // a marked swatch (see markedSwatch)
	st     pdfTextStyle // zero means stSmall
}

// pdfTableRow is a row of cells; a group row has one cell that spans the
// table, such as an area's title above its activities.
type pdfTableRow struct {
	cells []pdfTableCell
	group bool
}

// pdfTable is a table that wraps every cell to its column and breaks across
// pages between rows, repeating its header row on each page.
type pdfTable struct {
	cols []pdfColumn
	rows []pdfTableRow
}

// Table metrics in mm.
const (
	pdfCellPadX = 1.8
	pdfCellPadY = 1.3
)

var pdfStTableHead = pdfTextStyle{8.5, pdfBold, 4.1, pdfColInk}

// pdfCellWidth is the room for text in a cell of width w.
func pdfCellWidth(c pdfTableCell, w float64) float64 {
	if c.swatch != nil {
		w -= pdfSwatchSize(pdfCellStyle(c)) + 1.6
	}
	return w - 2*pdfCellPadX
}

// pdfCellStyle is the style a cell is printed in.
func pdfCellStyle(c pdfTableCell) pdfTextStyle {
	if c.st.size == 0 {
		return pdfStSmall
	}
	return c.st
}

// drawTable prints the table at the current position. The header row is
// kept together with the first row, and repeated after each page break.
//
// It is one Table however many pages it runs over: a THead with the
// header row, whose cells head their columns, and a TBody with the rows,
// whose first cell heads its row (an area's title spanning the table
// heads its row too). The header row repeated on a later page is an
// artifact.
func (d *pdfDoc) drawTable(t *pdfTable) {
	table := d.open(pdftag.Table)
	defer d.close(table)
	var body *pdftag.Elem
	head := make([][]string, len(t.cols))
	headH := 0.0
	for i, c := range t.cols {
		head[i] = d.split(c.title, c.width-2*pdfCellPadX, pdfStTableHead)
		headH = max(headH, float64(len(head[i]))*pdfStTableHead.lead+2*pdfCellPadY)
	}
	first := true
	for i, row := range t.rows {
		lines, h := d.rowLines(t, row)
		need := h
		if row.group && i+1 < len(t.rows) {
			_, next := d.rowLines(t, t.rows[i+1]) // keep a group row with its first row
			need += next
		}
		if first {
			need += headH
		}
		if d.ensure(need) || first {
			d.drawHeader(t, head, headH, !first)
			if first {
				body = d.open(pdftag.TBody)
				first = false
			}
		}
		d.drawRow(t, row, lines, h)
	}
	if body != nil {
		d.close(body)
	}
	if first { // a table without rows still shows its header
		d.ensure(headH)
		d.drawHeader(t, head, headH, false)
	}
}

// rowLines wraps a row's cells and returns the lines and the row height.
func (d *pdfDoc) rowLines(t *pdfTable, row pdfTableRow) ([][]string, float64) {
	lines := make([][]string, len(row.cells))
	h := 0.0
	for i, c := range row.cells {
		w := pdfContentW
		if !row.group {
			w = t.cols[i].width
		}
		st := pdfCellStyle(c)
		lines[i] = d.split(c.text, pdfCellWidth(c, w), st)
		h = max(h, float64(max(len(lines[i]), 1))*st.lead+2*pdfCellPadY)
	}
	return lines, h
}

// drawHeader prints the header row on a light background: the table's
// THead, or an artifact when repeated after a page break.
func (d *pdfDoc) drawHeader(t *pdfTable, head [][]string, h float64, repeated bool) {
	d.decor(pdftag.Decoration, func() {
		d.fill(pdfColFill)
		d.rect(pdfMarginL, d.y, pdfContentW, h, "F")
	})
	cell := func(i int, x float64) {
		c := t.cols[i]
		y := d.y + pdfCellPadY
		for _, l := range head[i] {
			d.text(x+pdfCellPadX, y, c.width-2*pdfCellPadX, l, pdfStTableHead, c.align)
			y += pdfStTableHead.lead
		}
	}
	if repeated {
		d.decor(pdftag.Repeated, func() {
			x := pdfMarginL
			for i, c := range t.cols {
				cell(i, x)
				x += c.width
			}
		})
	} else {
		thead := d.open(pdftag.THead)
		tr := d.open(pdftag.TR)
		x := pdfMarginL
		for i, c := range t.cols {
			th := d.open(pdftag.TH)
			th.SetScope(pdftag.ScopeColumn, 1)
			cell(i, x)
			d.close(th)
			x += c.width
		}
		d.close(tr)
		d.close(thead)
	}
	d.decor(pdftag.Decoration, func() {
		d.draw(pdfColOutline, 0.3)
		d.line(pdfMarginL, d.y+h, pdfMarginL+pdfContentW, d.y+h)
	})
	d.y += h
}

// drawRow prints one row and the thin rule below it: a TR whose first
// cell heads the row.
func (d *pdfDoc) drawRow(t *pdfTable, row pdfTableRow, lines [][]string, h float64) {
	tr := d.open(pdftag.TR)
	x := pdfMarginL
	for i, c := range row.cells {
		w := pdfContentW
		if !row.group {
			w = t.cols[i].width
		}
		var cell *pdftag.Elem
		switch {
		case row.group:
			cell = d.open(pdftag.TH)
			cell.SetScope(pdftag.ScopeRow, len(t.cols))
		case i == 0:
			cell = d.open(pdftag.TH)
			cell.SetScope(pdftag.ScopeRow, 1)
		default:
			cell = d.open(pdftag.TD)
		}
		st := pdfCellStyle(c)
		tx := x + pdfCellPadX
		if c.swatch != nil {
			d.anySwatch(tx, d.y+pdfCellPadY, st, *c.swatch, c.marked)
			tx += pdfSwatchSize(st) + 1.6
		}
		align := "L"
		if !row.group {
			align = t.cols[i].align
		}
		y := d.y + pdfCellPadY
		for _, l := range lines[i] {
			d.text(tx, y, pdfCellWidth(c, w), l, st, align)
			y += st.lead
		}
		d.close(cell)
		x += w
	}
	d.close(tr)
	d.decor(pdftag.Decoration, func() {
		d.draw(pdfColRule, 0.2)
		d.line(pdfMarginL, d.y+h, pdfMarginL+pdfContentW, d.y+h)
	})
	d.y += h
}

// pdfStatusCell is a table cell showing a status word with its swatch.
func pdfStatusCell(name, color string) pdfTableCell {
	c := pdfParseColor(color)
	return pdfTableCell{text: name, swatch: &c}
}

// pdfNoStatusCell is a muted cell for a missing status, with a grey swatch.
func pdfNoStatusCell(text string) pdfTableCell {
	c := pdfColNone
	return pdfTableCell{text: text, swatch: &c, st: pdfStSmallM}
}
