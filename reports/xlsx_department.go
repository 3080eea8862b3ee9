package reports

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"followup/forms"
)

// departmentTitleRows is the number of rows above a department sheet's
// answers: title, round, response state and the header row.
const departmentTitleRows = 4

// writeDepartments writes one sheet per department with its own answers, so
// the office can forward each department what it reported.
func (w *xlWorkbook) writeDepartments() error {
	names := newSheetNamer(sheetSummary, sheetAnswers, sheetRate, sheetCharts)
	for _, d := range w.depts {
		sheet := names.name(d.dept.Name)
		if _, err := w.f.NewSheet(sheet); err != nil {
			return err
		}
		if err := w.writeDepartment(sheet, d); err != nil {
			return err
		}
	}
	return nil
}

func (w *xlWorkbook) writeDepartment(sheet string, d xlDept) error {
	rep, st := w.rep, w.st
	annual := rep.InterimRound != nil
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
	header := []string{"Område", "Aktivitet", "Status", "Kommentar", "Behöver stöd"}
	widths := []float64{24, 40, 20, 70, 13}
	if annual {
		header = append(header, "Status vid delårsrapporten")
		widths = append(widths, 20)
	}
	if err := s.widths(widths...); err != nil {
		return err
	}
	if err := s.freeze(0, departmentTitleRows); err != nil {
		return err
	}
	state := "Status: " + xlStateLabel(d.resp.EffectiveState()) + " · besvarat " + strconv.Itoa(d.answered) + " av " + strconv.Itoa(d.assigned)
	if d.resp != nil && !d.resp.SubmittedAt.IsZero() {
		state += " · inskickat " + xlTime(w.local(d.resp.SubmittedAt))
		if d.by != "" {
			state += " av " + d.by
		}
	}
	for _, r := range [][]any{
		{xlTextCell(st.title, d.name)},
		{xlTextCell(st.subtitle, w.titleLine())},
		{xlTextCell(st.subtitle, cellText(state))},
	} {
		if err := s.add(r); err != nil {
			return err
		}
	}
	if err := s.add(xlHeaderRow(st.header, header...), excelize.RowOpts{Height: 32}); err != nil {
		return err
	}

	areas := rep.Plan.AssignedAreas(d.dept.ID)
	if len(areas) == 0 {
		if err := s.add([]any{"Verksamheten har inga tilldelade aktiviteter i den här omgången."}); err != nil {
			return err
		}
	}
	row := make([]any, len(header))
	for _, area := range areas {
		areaTitle := cellText(area.Title)
		for _, a := range area.Activities {
			var ans forms.Answer
			if d.resp != nil {
				ans = d.resp.Answers[a.ID]
			}
			row[0] = xlTextCell(st.text, areaTitle)
			title, comment := cellText(a.Title), cellText(ans.Comment)
			row[1] = xlTextCell(st.wrap, title)
			row[2] = st.statusCell(rep.Status(d.dept.ID, a.ID))
			row[3] = xlTextCell(st.wrap, comment)
			row[4] = xlTextCell(st.text, xlYesNo(ans.NeedsSupport))
			if annual {
				row[5] = st.statusCell(rep.InterimStatus(d.dept.ID, a.ID))
			}
			if err := s.add(row, xlFit(max(xlLines(title, 40), xlLines(comment, 70)))...); err != nil {
				return err
			}
		}
	}
	if d.general != "" {
		s.row++
		if err := s.add([]any{xlTextCell(st.bold, "Övergripande kommentar")}); err != nil {
			return err
		}
		if err := s.add([]any{xlTextCell(st.wrap, d.general)}, xlFit(max(2, xlLines(d.general, 24+40+20+70)))...); err != nil {
			return err
		}
		if err := s.sw.MergeCell(xlCellRef(1, s.row), xlCellRef(4, s.row)); err != nil {
			return err
		}
	}
	return s.sw.Flush()
}
