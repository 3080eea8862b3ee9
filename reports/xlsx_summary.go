package reports

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"followup/forms"
)

// summaryTitleRows is the number of rows above the first area: the title,
// the subtitle and the header row. They are frozen and printed on every page.
const summaryTitleRows = 3

// xlDeptColumnWidth is the width of a department's column on
// Sammanställning, in Excel's character units.
const xlDeptColumnWidth = 14

// writeSummary writes Sammanställning: one row per activity grouped by area,
// one coloured column per department, then the counts per status, the
// response rate and the office's consolidated status and narrative, with a
// legend below the table.
func (w *xlWorkbook) writeSummary() error {
	rep, st := w.rep, w.st
	scale := rep.Plan.Statuses
	nd := len(rep.Departments)
	if err := w.pageSetup(sheetSummary, summaryTitleRows, true); err != nil {
		return err
	}
	s, err := w.newStream(sheetSummary)
	if err != nil {
		return err
	}
	widths := []float64{45}
	for range nd {
		widths = append(widths, xlDeptColumnWidth)
	}
	for range scale {
		widths = append(widths, 11)
	}
	widths = append(widths, 11, 14, 18, 70)
	if err := s.widths(widths...); err != nil {
		return err
	}
	if err := s.freeze(1, summaryTitleRows); err != nil {
		return err
	}

	if err := s.add([]any{excelize.Cell{StyleID: st.title, Value: w.titleLine()}}, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	if err := s.add([]any{excelize.Cell{StyleID: st.subtitle, Value: w.summarySubtitle()}}); err != nil {
		return err
	}
	header := xlHeaderRow(st.header, "Aktivitet")
	for _, d := range w.depts {
		header = append(header, excelize.Cell{StyleID: st.header, Value: d.name})
	}
	for _, status := range scale {
		header = append(header, excelize.Cell{StyleID: st.statusHeader[status.ID], Value: cellText(status.Name)})
	}
	header = append(header, xlHeaderRow(st.header, "Ej besvarat", "Svarsfrekvens", "Samlad status", "Samlad kommentar")...)
	if err := s.add(header, excelize.RowOpts{Height: 48}); err != nil {
		return err
	}

	row := make([]any, len(widths))
	for _, area := range rep.Plan.Areas {
		if err := s.add([]any{excelize.Cell{StyleID: st.area, Value: cellText(area.Title)}}, excelize.RowOpts{StyleID: st.area}); err != nil {
			return err
		}
		for _, a := range area.Activities {
			if err := s.add(row, w.summaryRow(row, a)...); err != nil {
				return err
			}
		}
	}
	if err := w.summaryLegend(s); err != nil {
		return err
	}
	return s.sw.Flush()
}

// summaryRow fills row with one activity's cells and returns the row
// height its wrapped texts need.
func (w *xlWorkbook) summaryRow(row []any, a forms.Activity) []excelize.RowOpts {
	rep, st := w.rep, w.st
	title := cellText(a.Title)
	narrative := cellText(rep.Consolidations[a.ID].Narrative)
	lines := max(xlLines(title, 45), xlLines(narrative, 70))
	i := 0
	put := func(v any) { row[i] = v; i++ }
	put(xlTextCell(st.wrap, title))
	for _, d := range w.depts {
		if !a.AssignedTo(d.dept.ID) {
			put(st.notAssignedCell)
			continue
		}
		status, ok := rep.Status(d.dept.ID, a.ID)
		if ok {
			lines = max(lines, st.statusLines[status.ID])
		}
		put(st.statusCell(status, ok))
	}
	t := rep.Tally(a)
	for _, n := range t.PerStatus {
		put(excelize.Cell{StyleID: st.number, Value: n})
	}
	put(excelize.Cell{StyleID: st.number, Value: t.Unanswered()})
	if t.Applicable() > 0 {
		put(excelize.Cell{StyleID: st.percent, Value: t.ResponseRate()})
	} else {
		put(excelize.Cell{StyleID: st.percent})
	}
	put(st.statusCell(rep.ConsolidatedStatus(a.ID)))
	put(xlTextCell(st.wrap, narrative))
	return xlFit(lines)
}

func (w *xlWorkbook) summarySubtitle() string {
	rep := w.rep
	parts := []string{roundKindWord(rep.Round.Kind)}
	if d := xlDate(rep.Round.ReportDate); d != "" {
		parts = append(parts, "rapportdatum "+d)
	}
	if d := xlDate(rep.Round.Deadline); d != "" {
		parts = append(parts, "sista svarsdag "+d)
	}
	compiled := "sammanställd " + xlTime(w.local(rep.GeneratedAt))
	if rep.CompiledBy != "" {
		compiled += " av " + rep.CompiledBy
	}
	parts = append(parts, strings.TrimSpace(compiled))
	parts = append(parts, "inskickade svar från "+strconv.Itoa(len(rep.Submitted()))+" av "+strconv.Itoa(len(rep.Departments))+" verksamheter")
	return cellText(strings.Join(parts, " · "))
}

// summaryLegend explains the colours and marks of the table below it.
func (w *xlWorkbook) summaryLegend(s *xlStream) error {
	st := w.st
	s.row++ // a blank row
	rows := [][]any{{excelize.Cell{StyleID: st.bold, Value: "Förklaring"}}}
	var notCounted []string
	for _, status := range w.rep.Plan.Statuses {
		rows = append(rows, []any{st.statusCell(status, true), xlStatusMeaning(status)})
		if status.NotApplicable {
			notCounted = append(notCounted, cellText(status.Name))
		}
	}
	rows = append(rows,
		[]any{st.notAssignedCell, "Aktiviteten gäller inte verksamheten (inte tilldelad)."},
		[]any{st.emptyCell, "Tom ruta: verksamheten har inte valt någon status ännu (ej besvarat)."},
	)
	rate := "Svarsfrekvens: andelen av de tilldelade verksamheterna som har valt en status."
	if len(notCounted) > 0 {
		rate += " Svar med status " + strings.Join(notCounted, ", ") + " räknas varken som svar eller som tilldelade."
	}
	rows = append(rows,
		[]any{"Svarsfrekvens", rate},
		[]any{"Samlad status", "Samordnarens sammanvägda status för aktiviteten; tom när den inte är vald ännu."},
	)
	for _, r := range rows {
		if err := s.add(r); err != nil {
			return err
		}
	}
	return nil
}

// xlStatusMeaning says in Swedish how a status is counted.
func xlStatusMeaning(s forms.Status) string {
	var parts []string
	if s.Done {
		parts = append(parts, "Räknas som genomförd.")
	}
	if s.CarriesOver {
		parts = append(parts, "Aktiviteten flyttas till nästa års handlingsplan.")
	}
	if s.NotApplicable {
		parts = append(parts, "Räknas inte i svarsfrekvens eller andel genomförda.")
	}
	if s.CommentRequired {
		parts = append(parts, "Kräver kommentar.")
	}
	return strings.Join(parts, " ")
}
