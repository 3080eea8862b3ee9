package reports

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"followup/forms"
)

// xlUnansweredFill colours the "not answered" series of the charts.
const xlUnansweredFill = "D9D9D9"

// Positions of the data blocks on the Diagram sheet.
const chartsHeaderRow = 3 // header of the per-activity block; data follows

// writeCharts writes Diagram: the counts the charts read, as ordinary cells,
// and two native charts: departments per status for each activity (stacked
// bars) and the round's answers per status (pie). The sheet is written with
// the ordinary API because charts cannot go on a streamed sheet.
func (w *xlWorkbook) writeCharts() error {
	rep, f := w.rep, w.f
	scale := rep.Plan.Statuses
	acts := rep.Plan.Activities()
	ns := len(scale)
	q := xlQuoteSheet(sheetCharts)
	if err := w.pageSetup(sheetCharts, 0, false); err != nil {
		return err
	}

	widths := map[string]float64{"A": 50}
	for i := 2; i <= ns+3; i++ {
		widths[xlColName(i)] = 12
	}
	for col, wd := range widths {
		if err := f.SetColWidth(sheetCharts, col, col, wd); err != nil {
			return err
		}
	}
	c := &xlCells{f: f, sheet: sheetCharts}
	totals := w.chartsPerActivity(c, acts)
	lastAct := chartsHeaderRow + len(acts)
	r2 := lastAct + 2
	h2, last2 := w.chartsPerStatus(c, r2, totals)
	w.chartsConsolidated(c, last2+2)
	if c.err != nil {
		return c.err
	}

	// The charts, right of the data.
	anchorCol := ns + 4
	height1 := 0
	if len(acts) > 0 {
		height1 = max(320, 24*len(acts)+160)
		if err := f.AddChart(sheetCharts, xlCellRef(anchorCol, chartsHeaderRow), xlPerActivityChart(q, scale, len(rep.Departments), lastAct, height1)); err != nil {
			return err
		}
	}
	row2 := max(r2, chartsHeaderRow+height1/20+3) // rows are 20 pixels high
	return f.AddChart(sheetCharts, xlCellRef(anchorCol, row2), xlTotalsChart(q, scale, h2, last2))
}

// xlCells sets cells of a sheet written with the ordinary API. It keeps the
// first error and then sets nothing more, so that a block of cells reads as
// a list and is checked once at the end.
type xlCells struct {
	f     *excelize.File
	sheet string
	err   error
}

// set writes v into cell, in style unless style is 0.
func (c *xlCells) set(cell string, v any, style int) {
	if c.err != nil {
		return
	}
	if c.err = c.f.SetCellValue(c.sheet, cell, v); c.err != nil || style == 0 {
		return
	}
	c.err = c.f.SetCellStyle(c.sheet, cell, cell, style)
}

// chartsPerActivity writes the first block of Diagram, which the bar chart
// reads: the departments per status for each activity, from the header row
// chartsHeaderRow on. It returns the answers per status summed over the
// activities, with those not answered last, for the second block.
func (w *xlWorkbook) chartsPerActivity(c *xlCells, acts []forms.Activity) []int {
	rep, st := w.rep, w.st
	scale := rep.Plan.Statuses
	ns := len(scale)
	c.set("A1", "Verksamheternas svar per aktivitet", st.bold)
	c.set("A2", "Antal verksamheter per status för varje aktivitet; bara inlämnade svar räknas (underlag för diagram 1).", st.note)
	c.set(xlCellRef(1, chartsHeaderRow), "Aktivitet", st.header)
	for i, s := range scale {
		c.set(xlCellRef(i+2, chartsHeaderRow), cellText(s.Name), st.statusHeader[s.ID])
	}
	c.set(xlCellRef(ns+2, chartsHeaderRow), xlNoCountedAnswer, st.unanswered)
	totals := make([]int, ns+1)
	for i, a := range acts {
		r := chartsHeaderRow + 1 + i
		t := rep.Tally(a)
		c.set(xlCellRef(1, r), cellText(a.Title), st.text)
		for j, n := range t.PerStatus {
			totals[j] += n
			c.set(xlCellRef(j+2, r), n, st.number)
		}
		totals[ns] += t.Unanswered()
		c.set(xlCellRef(ns+2, r), t.Unanswered(), st.number)
	}
	return totals
}

// chartsPerStatus writes the second block of Diagram from row r, which the
// pie chart reads: the answers per status over the whole round. It returns
// the block's header row and last row, for the chart.
func (w *xlWorkbook) chartsPerStatus(c *xlCells, r int, totals []int) (header, last int) {
	st := w.st
	scale := w.rep.Plan.Statuses
	ns := len(scale)
	c.set(xlCellRef(1, r), "Verksamheternas svar per status i hela omgången", st.bold)
	c.set(xlCellRef(1, r+1), "Antal inlämnade svar från verksamheterna, summerat över alla aktiviteter – inte samordnarnas sammanställda status (underlag för diagram 2).", st.note)
	header = r + 2
	c.set(xlCellRef(1, header), "Status", st.header)
	c.set(xlCellRef(2, header), "Antal svar", st.header)
	labels := make([]string, 0, ns+1)
	for _, s := range scale {
		labels = append(labels, cellText(s.Name))
	}
	labels = append(labels, xlNoCountedAnswer)
	for i, l := range labels {
		style := st.unanswered
		if i < ns {
			style = st.status[scale[i].ID]
		}
		c.set(xlCellRef(1, header+1+i), l, style)
		c.set(xlCellRef(2, header+1+i), totals[i], st.number)
	}
	return header, header + len(labels)
}

// chartsConsolidated writes the third block of Diagram from row r, for
// reference beside the departments' answers: the activities per status the
// coordinators consolidated.
func (w *xlWorkbook) chartsConsolidated(c *xlCells, r int) {
	st := w.st
	scale := w.rep.Plan.Statuses
	ns := len(scale)
	c.set(xlCellRef(1, r), "Sammanställd status per aktivitet", st.bold)
	c.set(xlCellRef(1, r+1), "Antal aktiviteter per status som samordnarna har satt.", st.note)
	c.set(xlCellRef(1, r+2), "Sammanställd status", st.header)
	c.set(xlCellRef(2, r+2), "Antal aktiviteter", st.header)
	for i, n := range w.rep.StatusTotals() {
		label, style := wordNotConsolidated, st.unanswered
		if i < ns {
			label, style = cellText(scale[i].Name), st.status[scale[i].ID]
		}
		c.set(xlCellRef(1, r+3+i), label, style)
		c.set(xlCellRef(2, r+3+i), n, st.number)
	}
}

// xlPerActivityChart is a stacked bar chart with one bar per activity and one
// series per status, each in the status colour.
func xlPerActivityChart(q string, scale forms.Scale, departments, lastRow, height int) *excelize.Chart {
	first := strconv.Itoa(chartsHeaderRow + 1)
	last := strconv.Itoa(lastRow)
	cats := q + "!$A$" + first + ":$A$" + last
	var series []excelize.ChartSeries
	for i := 0; i <= len(scale); i++ {
		col := xlColName(i + 2)
		fill := xlUnansweredFill
		if i < len(scale) {
			fill = xlStatusColour(scale[i])
		}
		series = append(series, excelize.ChartSeries{
			Name:       q + "!$" + col + "$" + strconv.Itoa(chartsHeaderRow),
			Categories: cats,
			Values:     q + "!$" + col + "$" + first + ":$" + col + "$" + last,
			Fill:       xlSolid(fill),
		})
	}
	return &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Dimension: excelize.ChartDimension{Width: 760, Height: uint(height)},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Antal verksamheter per status och aktivitet"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{ReverseOrder: true},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, MajorUnit: float64(max(1, (departments+9)/10))},
		Format:    excelize.GraphicOptions{AltText: "Staplat stapeldiagram: antal verksamheter per status för varje aktivitet"},
	}
}

// xlTotalsChart is a pie of the answers per status over the whole round.
func xlTotalsChart(q string, scale forms.Scale, xlHeaderRow, lastRow int) *excelize.Chart {
	var points []excelize.ChartDataPoint
	for i := 0; i <= len(scale); i++ {
		fill := xlUnansweredFill
		if i < len(scale) {
			fill = xlStatusColour(scale[i])
		}
		points = append(points, excelize.ChartDataPoint{Index: i, Fill: xlSolid(fill)})
	}
	first := strconv.Itoa(xlHeaderRow + 1)
	last := strconv.Itoa(lastRow)
	return &excelize.Chart{
		Type: excelize.Pie,
		Series: []excelize.ChartSeries{{
			Name:       q + "!$B$" + strconv.Itoa(xlHeaderRow),
			Categories: q + "!$A$" + first + ":$A$" + last,
			Values:     q + "!$B$" + first + ":$B$" + last,
			DataPoint:  points,
		}},
		Dimension: excelize.ChartDimension{Width: 560, Height: 360},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Verksamheternas svar per status, alla aktiviteter"}}},
		Legend:    excelize.ChartLegend{Position: "right"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Format:    excelize.GraphicOptions{AltText: "Cirkeldiagram: antal svar per status i hela omgången"},
	}
}
