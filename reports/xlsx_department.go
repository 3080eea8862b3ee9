package reports

import (
	"errors"
	"strconv"

	"github.com/xuri/excelize/v2"

	"followup/reports/internal/xlsxrows"
)

// departmentTitleRows is the number of rows above a department sheet's
// answers: title, round, response state and the header row.
const departmentTitleRows = 4

// writeDepartments writes one sheet per department with its own answers, so
// the office can forward each department what it reported. Each sheet's
// layout is set up here; its rows are written when the workbook is zipped
// (see package xlsxrows), so the largest round does not hold 300 sheets of
// answers in memory at once.
func (w *xlWorkbook) writeDepartments() error {
	names := newSheetNamer(sheetSummary, sheetAnswers, sheetRate, sheetCharts)
	for _, d := range w.depts {
		sheet := names.name(d.dept.Name)
		if _, err := w.f.NewSheet(sheet); err != nil {
			return err
		}
		if err := w.setUpDepartment(sheet, d); err != nil {
			return err
		}
		w.fillRows(sheet, func(rw *xlsxrows.RowWriter) error { return w.departmentRows(rw, d) })
	}
	return nil
}

// departmentColumns are the headers and widths of a department sheet.
func (w *xlWorkbook) departmentColumns() ([]string, []float64) {
	header := []string{"Område", "Aktivitet", "Status", "Kommentar", "Behöver stöd"}
	widths := []float64{24, 40, 20, 70, 13}
	if w.rep.InterimRound != nil {
		header = append(header, "Status vid delårsrapporten")
		widths = append(widths, 20)
	}
	return header, widths
}

// setUpDepartment writes a department sheet without its rows: print
// settings, column widths, the frozen header and the merged cell of the
// general comment.
func (w *xlWorkbook) setUpDepartment(sheet string, d xlDept) error {
	// No repeated print titles here: each defined name excelize adds makes
	// it walk the sheet list for every name already there, which grows with
	// the cube of the number of departments (350 MB of garbage and a tenth
	// of a second for 300). The header row is frozen instead.
	if err := w.pageSetup(sheet, 0, false); err != nil {
		return err
	}
	s, err := w.newStream(sheet)
	if err != nil {
		return err
	}
	_, widths := w.departmentColumns()
	if err := s.widths(widths...); err != nil {
		return err
	}
	if err := s.freeze(0, departmentTitleRows); err != nil {
		return err
	}
	if d.general != "" {
		last := w.departmentRowCount(d)
		if err := s.sw.MergeCell(xlCellRef(1, last), xlCellRef(4, last)); err != nil {
			return err
		}
	}
	return s.sw.Flush()
}

// departmentRowCount is the number of the last row departmentRows writes.
func (w *xlWorkbook) departmentRowCount(d xlDept) int {
	n := 0
	for _, area := range w.rep.Plan.AssignedAreas(d.dept.ID) {
		n += len(area.Activities)
	}
	last := departmentTitleRows + max(n, 1)
	if d.general != "" {
		last += 3 // an empty row, the heading and the comment
	}
	return last
}

// departmentRows writes a department sheet's rows: its title, state,
// header, an answer per assigned activity and the general comment.
func (w *xlWorkbook) departmentRows(rw *xlsxrows.RowWriter, d xlDept) error {
	st := w.st
	header, _ := w.departmentColumns()
	for _, r := range [][]any{
		{xlTextCell(st.title, d.name)},
		{xlTextCell(st.subtitle, w.titleLine())},
		{xlTextCell(st.subtitle, cellText(w.departmentState(d)))},
	} {
		if err := rw.Add(r); err != nil {
			return err
		}
	}
	if err := rw.Add(xlHeaderRow(st.header, header...), excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	if err := w.departmentAnswers(rw, d, len(header)); err != nil {
		return err
	}
	if d.general != "" {
		rw.Skip()
		if err := rw.Add([]any{xlTextCell(st.bold, "Övergripande kommentar")}); err != nil {
			return err
		}
		style := st.wrap
		if !d.state.Counts() {
			style = st.wrapItalic
		}
		if err := rw.Add([]any{xlTextCell(style, d.general)}, xlFit(max(2, xlLines(d.general, 24+40+20+70)))...); err != nil {
			return err
		}
	}
	if rw.Row() != w.departmentRowCount(d) {
		return errors.New("reports: a department sheet's rows and its merged cell disagree")
	}
	return nil
}

// departmentState words the line under a department sheet's title: the
// response's state, and how much it answered, when and by whom, or why its
// answers are not shown.
func (w *xlWorkbook) departmentState(d xlDept) string {
	state := "Svarsläge: " + xlStateLabel(d.state)
	switch {
	case d.state.Counts():
		state += " · besvarat " + strconv.Itoa(d.answered) + " av " + strconv.Itoa(d.assigned)
		if d.resp != nil && !d.resp.SubmittedAt.IsZero() {
			state += " · inlämnad " + xlTime(w.local(d.resp.SubmittedAt))
			if d.by != "" {
				state += " av " + d.by
			}
		}
	case d.resp == nil:
	case d.shown:
		state += " · " + strconv.Itoa(d.answered) + " av " + strconv.Itoa(d.assigned) +
			" aktiviteter med status i de sparade svaren, som inte är inlämnade och inte räknas"
	default:
		state += " · svaren är inte inlämnade och visas inte"
	}
	return state
}

// departmentAnswers writes a department sheet's row per assigned activity,
// of columns cells each, or a line saying it has none.
func (w *xlWorkbook) departmentAnswers(rw *xlsxrows.RowWriter, d xlDept, columns int) error {
	rep, st := w.rep, w.st
	annual := rep.InterimRound != nil
	areas := rep.Plan.AssignedAreas(d.dept.ID)
	if len(areas) == 0 {
		if err := rw.Add([]any{"Verksamheten har inga tilldelade aktiviteter i den här omgången."}); err != nil {
			return err
		}
	}
	row := make([]any, columns)
	for _, area := range areas {
		areaTitle := cellText(area.Title)
		for _, a := range area.Activities {
			c := rep.Cell(d.dept.ID, a, rep.Settings.Drafts)
			view := viewOf(c)
			row[0] = xlTextCell(st.text, areaTitle)
			title, comment := cellText(a.Title), ""
			row[1] = xlTextCell(st.wrap, title)
			row[2] = st.answerCell(view, false)
			row[3], row[4] = xlTextCell(st.wrap, ""), xlTextCell(st.text, "")
			if c.Shown() {
				comment = cellText(c.Answer.Comment)
				style := st.wrap
				if view.marked {
					style = st.wrapItalic
				}
				row[3], row[4] = xlTextCell(style, comment), xlTextCell(st.text, xlYesNo(c.Answer.NeedsSupport))
			}
			if annual {
				row[5] = st.answerCell(viewOf(rep.InterimCell(d.dept.ID, a, rep.Settings.Drafts)), false)
			}
			if err := rw.Add(row, xlFit(max(xlLines(title, 40), xlLines(comment, 70)))...); err != nil {
				return err
			}
		}
	}
	return nil
}
