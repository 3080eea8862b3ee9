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
	rep, st, f := w.rep, w.st, w.f
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
	set := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sheetCharts, cell, v); err != nil {
			return err
		}
		if style == 0 {
			return nil
		}
		return f.SetCellStyle(sheetCharts, cell, cell, style)
	}
	statusHeaders := func(row int) error {
		for i, s := range scale {
			if err := set(xlCellRef(i+2, row), cellText(s.Name), st.statusHeader[s.ID]); err != nil {
				return err
			}
		}
		return set(xlCellRef(ns+2, row), xlNoCountedAnswer, st.unanswered)
	}

	// Block 1: departments per status for each activity.
	if err := set("A1", "Verksamheternas svar per aktivitet", st.bold); err != nil {
		return err
	}
	if err := set("A2", "Antal verksamheter per status för varje aktivitet; bara inlämnade svar räknas (underlag för diagram 1).", st.note); err != nil {
		return err
	}
	if err := set(xlCellRef(1, chartsHeaderRow), "Aktivitet", st.header); err != nil {
		return err
	}
	if err := statusHeaders(chartsHeaderRow); err != nil {
		return err
	}
	totals := make([]int, ns+1)
	for i, a := range acts {
		r := chartsHeaderRow + 1 + i
		t := rep.Tally(a)
		if err := set(xlCellRef(1, r), cellText(a.Title), st.text); err != nil {
			return err
		}
		for j, n := range t.PerStatus {
			totals[j] += n
			if err := set(xlCellRef(j+2, r), n, st.number); err != nil {
				return err
			}
		}
		totals[ns] += t.Unanswered()
		if err := set(xlCellRef(ns+2, r), t.Unanswered(), st.number); err != nil {
			return err
		}
	}
	lastAct := chartsHeaderRow + len(acts)

	// Block 2: answers per status over the whole round.
	r2 := lastAct + 2
	if err := set(xlCellRef(1, r2), "Verksamheternas svar per status i hela omgången", st.bold); err != nil {
		return err
	}
	if err := set(xlCellRef(1, r2+1), "Antal inlämnade svar från verksamheterna, summerat över alla aktiviteter – inte samordnarnas sammanställda status (underlag för diagram 2).", st.note); err != nil {
		return err
	}
	h2 := r2 + 2
	if err := set(xlCellRef(1, h2), "Status", st.header); err != nil {
		return err
	}
	if err := set(xlCellRef(2, h2), "Antal svar", st.header); err != nil {
		return err
	}
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
		if err := set(xlCellRef(1, h2+1+i), l, style); err != nil {
			return err
		}
		if err := set(xlCellRef(2, h2+1+i), totals[i], st.number); err != nil {
			return err
		}
	}
	last2 := h2 + len(labels)

	// Block 3: activities per consolidated status, for reference.
	r3 := last2 + 2
	if err := set(xlCellRef(1, r3), "Sammanställd status per aktivitet", st.bold); err != nil {
		return err
	}
	if err := set(xlCellRef(1, r3+1), "Antal aktiviteter per status som samordnarna har satt.", st.note); err != nil {
		return err
	}
	if err := set(xlCellRef(1, r3+2), "Sammanställd status", st.header); err != nil {
		return err
	}
	if err := set(xlCellRef(2, r3+2), "Antal aktiviteter", st.header); err != nil {
		return err
	}
	consolidated := rep.StatusTotals()
	for i, n := range consolidated {
		label, style := wordNotConsolidated, st.unanswered
		if i < ns {
			label, style = cellText(scale[i].Name), st.status[scale[i].ID]
		}
		if err := set(xlCellRef(1, r3+3+i), label, style); err != nil {
			return err
		}
		if err := set(xlCellRef(2, r3+3+i), n, st.number); err != nil {
			return err
		}
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
