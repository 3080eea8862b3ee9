package reports

import (
	"errors"
	"time"

	"github.com/xuri/excelize/v2"

	"followup/forms"
	"followup/reports/internal/xlsxrows"
)

// answersTable is the name of the Excel table on the Svar sheet.
const answersTable = "Svar"

// Columns of Svar that tests and readers look up, from 1.
const (
	answersStateCol   = 5 // Svarsläge
	answersStatusCol  = 6
	answersCommentCol = 7
)

// writeAnswers sets up Svar: one row per department and assigned activity,
// answered or not, as an Excel table with filters. excelize writes the
// header and the table; answerRows writes the rows.
func (w *xlWorkbook) writeAnswers() error {
	rep := w.rep
	annual := rep.InterimRound != nil
	if err := w.pageSetup(sheetAnswers, 1, false); err != nil {
		return err
	}
	s, err := w.newStream(sheetAnswers)
	if err != nil {
		return err
	}
	header := []string{"Område", "Aktivitet", "Verksamhet", "Typ", "Svarsläge", "Status", "Kommentar", "Behöver stöd",
		"Övergripande kommentar", "Inlämnad av", "Inlämnad den", "Senast sparad"}
	widths := []float64{24, 40, 32, 12, 12, 20, 60, 13, 40, 20, 17, 17}
	if annual {
		header = append(header, "Status vid delårsrapporten", "Förändrad")
		widths = append(widths, 20, 11)
	}
	if err := s.widths(widths...); err != nil {
		return err
	}
	if err := s.freeze(0, 1); err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	if err := s.add(head, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}

	rows := 0
	for _, a := range rep.Plan.Activities() {
		for _, d := range w.depts {
			if a.AssignedTo(d.dept.ID) {
				rows++
			}
		}
	}
	last := max(1+rows, 2) // a table needs a header and at least one row
	if err := s.sw.AddTable(&excelize.Table{
		Range: "A1:" + xlCellRef(len(header), last), Name: answersTable, StyleName: "TableStyleLight9",
	}); err != nil {
		return err
	}
	w.fillRows(sheetAnswers, func(rw *xlsxrows.RowWriter) error {
		rw.Skip() // the header, which excelize wrote for the table
		if err := w.answerRows(rw, len(header)); err != nil {
			return err
		}
		if rw.Row() != 1+rows {
			return errors.New("reports: the Svar sheet's rows and its table disagree")
		}
		return nil
	})
	return s.sw.Flush()
}

// answerRows writes the rows of Svar below its header: one per department
// and assigned activity, with the response's state so that rows can be
// filtered by it. Answers that do not count are left out, or shown marked
// when the office asks for drafts (see viewOf). The sheet is the largest
// of the workbook, so its rows are written as the workbook is zipped (see
// fillRows).
func (w *xlWorkbook) answerRows(rw *xlsxrows.RowWriter, columns int) error {
	rep, st := w.rep, w.st
	drafts := rep.Settings.Drafts
	annual := rep.InterimRound != nil
	// Cells that repeat on many rows are boxed once: a large round has
	// tens of thousands of rows.
	type deptCells struct {
		name, kind, state, general, by, submitted any
		lines                                     int // of the general comment
	}
	perDept := make([]deptCells, len(w.depts))
	for i, d := range w.depts {
		var submittedAt time.Time
		if d.resp != nil {
			submittedAt = d.resp.SubmittedAt
		}
		general := xlTextCell(st.plainWrap, d.general) // empty when not shown
		if !d.state.Counts() {
			general = xlTextCell(st.plainWrapItalic, d.general)
		}
		perDept[i] = deptCells{
			name: xlTextCell(st.plainTop, d.name), kind: xlTextCell(st.plainTop, d.kind),
			state:   xlTextCell(st.plainTop, xlStateLabel(d.state)),
			general: general, by: xlTextCell(st.plainTop, d.by),
			submitted: w.date(submittedAt, st.plainDate),
			lines:     max(xlLines(d.general, 40), xlLines(d.name, 32)),
		}
	}
	yes, no, blank := any(xlTextCell(st.plainTop, xlYesNo(true))), any(xlTextCell(st.plainTop, xlYesNo(false))), any(xlTextCell(st.plainTop, ""))
	flag := func(b bool) any {
		if b {
			return yes
		}
		return no
	}

	row := make([]any, columns)
	for _, area := range rep.Plan.Areas {
		areaCell := any(xlTextCell(st.plainTop, cellText(area.Title)))
		for _, a := range area.Activities {
			title := cellText(a.Title)
			titleCell, titleLines := any(xlTextCell(st.plainWrap, title)), xlLines(title, 40)
			for i, d := range w.depts {
				if !a.AssignedTo(d.dept.ID) {
					continue
				}
				dc := perDept[i]
				c := rep.Cell(d.dept.ID, a, drafts)
				view := viewOf(c)
				row[0], row[1], row[2], row[3], row[4] = areaCell, titleCell, dc.name, dc.kind, dc.state
				row[5] = st.answerCell(view, false)
				comment := cellText(c.Answer.Comment)
				switch {
				case !c.Shown():
					row[6], row[7], row[11] = blank, blank, blank
				default:
					style := st.plainWrap
					if view.marked {
						style = st.plainWrapItalic
					}
					row[6], row[7] = xlTextCell(style, comment), flag(c.Answer.NeedsSupport)
					row[11] = w.date(c.Answer.UpdatedAt, st.plainDate)
				}
				row[8], row[9], row[10] = dc.general, dc.by, dc.submitted
				if annual {
					prev := rep.InterimCell(d.dept.ID, a, drafts)
					row[12] = st.answerCell(viewOf(prev), false)
					row[13] = blank
					if c.Mark == forms.MarkCounted && c.HasStatus && prev.Mark == forms.MarkCounted && prev.HasStatus {
						row[13] = flag(c.Status.ID != prev.Status.ID)
					}
				}
				if err := rw.Add(row, xlFit(max(titleLines, dc.lines, xlLines(comment, 60)))...); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
