package reports

import (
	"github.com/xuri/excelize/v2"

	"followup/forms"
)

// writeRate writes Svarsfrekvens: one row per department with where its
// response stands and how many of its activities it has answered.
func (w *xlWorkbook) writeRate() error {
	st := w.st
	if err := w.pageSetup(sheetRate, 1, false); err != nil {
		return err
	}
	s, err := w.newStream(sheetRate)
	if err != nil {
		return err
	}
	if err := s.widths(40, 13, 26, 13, 12, 17, 22, 11, 60); err != nil {
		return err
	}
	if err := s.freeze(1, 1); err != nil {
		return err
	}
	if err := s.add(xlHeaderRow(st.header, "Verksamhet", "Typ", "Status", "Besvarade aktiviteter", "Tilldelade",
		"Inskickat", "Inskickat av", "Återsänd", "Meddelande"), excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	for _, d := range w.depts {
		state := d.resp.EffectiveState()
		var submittedAt any = excelize.Cell{StyleID: st.date}
		returned, message := false, ""
		if d.resp != nil {
			submittedAt = w.date(d.resp.SubmittedAt, st.date)
			returned = state == forms.ResponseReturned || !d.resp.ReturnedAt.IsZero()
			message = cellText(d.resp.ReturnMessage)
		}
		if err := s.add([]any{
			xlTextCell(st.wrap, d.name),
			xlTextCell(st.text, d.kind),
			xlTextCell(st.text, xlStateLabel(state)),
			excelize.Cell{StyleID: st.number, Value: d.answered},
			excelize.Cell{StyleID: st.number, Value: d.assigned},
			submittedAt,
			xlTextCell(st.text, d.by),
			xlTextCell(st.text, xlYesNo(returned)),
			xlTextCell(st.wrap, message),
		}, xlFit(max(xlLines(d.name, 40), xlLines(message, 60)))...); err != nil {
			return err
		}
	}
	return s.sw.Flush()
}
