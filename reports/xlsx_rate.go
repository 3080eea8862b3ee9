package reports

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"followup/forms"
)

// writeRate writes Svarsfrekvens: one row per department with where its
// response stands and how many of its activities it has answered, under
// the counting rule, which a note below the table states.
func (w *xlWorkbook) writeRate() error {
	st := w.st
	if err := w.pageSetup(sheetRate, 1, false); err != nil {
		return err
	}
	s, err := w.newStream(sheetRate)
	if err != nil {
		return err
	}
	if err := s.widths(40, 13, 14, 13, 12, 17, 22, 11, 60); err != nil {
		return err
	}
	if err := s.freeze(1, 1); err != nil {
		return err
	}
	if err := s.add(xlHeaderRow(st.header, "Verksamhet", "Typ", "Svarsläge", "Besvarade aktiviteter", "Tilldelade",
		"Inlämnad den", "Inlämnad av", "Återsänd", "Meddelande"), excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	for _, d := range w.depts {
		var submittedAt any = excelize.Cell{StyleID: st.date}
		returned, message := false, ""
		if d.resp != nil {
			submittedAt = w.date(d.resp.SubmittedAt, st.date)
			returned = d.state == forms.ResponseReturned || !d.resp.ReturnedAt.IsZero()
			message = cellText(d.resp.ReturnMessage)
		}
		if err := s.add([]any{
			xlTextCell(st.wrap, d.name),
			xlTextCell(st.text, d.kind),
			xlTextCell(st.text, xlStateLabel(d.state)),
			w.answeredCell(d),
			excelize.Cell{StyleID: st.number, Value: d.assigned},
			submittedAt,
			xlTextCell(st.text, d.by),
			xlTextCell(st.text, xlYesNo(returned)),
			xlTextCell(st.wrap, message),
		}, xlFit(max(xlLines(d.name, 40), xlLines(message, 60)))...); err != nil {
			return err
		}
	}
	s.row++ // a blank row
	if err := s.add([]any{xlTextCell(st.note, "Besvarade aktiviteter räknas bara i inlämnade svar: "+
		w.rep.ResponseCount().Text()+".")}); err != nil {
		return err
	}
	return s.sw.Flush()
}

// answeredCell is the number of activities a department has answered
// under the counting rule: a number when it has submitted; otherwise
// empty, or with drafts shown the number in its saved answers marked
// "(utkast)" in italic.
func (w *xlWorkbook) answeredCell(d xlDept) any {
	switch {
	case d.state.Counts():
		return excelize.Cell{StyleID: w.st.number, Value: d.answered}
	case d.shown && d.answered > 0:
		return excelize.Cell{StyleID: w.st.italicNumber, Value: strconv.Itoa(d.answered) + " (" + draftWord(d.state) + ")"}
	}
	return excelize.Cell{StyleID: w.st.number}
}
