package reports

import (
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
	header = append(header, xlHeaderRow(st.header, xlNoCountedAnswer, "Svarsfrekvens", "Sammanställd status", "Sammanställd text")...)
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
		v := viewOf(rep.Cell(d.dept.ID, a, rep.Settings.Drafts))
		if v.hasStatus && !v.marked {
			lines = max(lines, st.statusLines[v.status.ID])
		} else {
			lines = max(lines, answerLines(v, xlDeptColumnWidth))
		}
		put(st.answerCell(v, false))
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
	parts = append(parts, "svar: "+rep.ResponseCount().Text()+"; bara inlämnade svar räknas")
	return cellText(strings.Join(parts, " · "))
}

// summaryLegend explains the colours, marks and words of the table above
// it: every status, and every other thing a department's cell can show.
func (w *xlWorkbook) summaryLegend(s *xlStream) error {
	st := w.st
	s.row++ // a blank row
	rows := [][]any{{excelize.Cell{StyleID: st.bold, Value: "Förklaring"}}}
	var notCounted []string
	var sample forms.Status
	for _, status := range w.rep.Plan.Statuses {
		rows = append(rows, []any{st.statusCell(status, true), xlStatusMeaning(status)})
		if status.NotApplicable {
			notCounted = append(notCounted, cellText(status.Name))
		}
		if sample.ID == 0 && !status.NotApplicable {
			sample = status
		}
	}
	if w.rep.Settings.Drafts && sample.ID != 0 {
		for _, state := range []forms.ResponseState{forms.ResponseDraft, forms.ResponseReturned} {
			v := viewOf(forms.Cell{Mark: forms.MarkDraft, State: state, Status: sample, HasStatus: true})
			rows = append(rows, []any{st.answerCell(v, false), xlDraftMeaning(state)})
		}
	}
	noAnswer := func(text string) any { return st.answerCell(answerView{text: text}, false) }
	notSubmitted := "Verksamheten har inte lämnat in sina svar (svarsläge " + strings.ToLower(xlStateLabel(forms.ResponseDraft)) + ", " +
		strings.ToLower(xlStateLabel(forms.ResponseReturned)) + " eller " + strings.ToLower(notStartedWord) + "). Sparade svar visas inte och räknas inte."
	if w.rep.Settings.Drafts {
		notSubmitted = "Verksamheten har inte lämnat in sina svar och har inget sparat svar om aktiviteten."
	}
	rows = append(rows,
		[]any{noAnswer(wordNotSubmitted), notSubmitted},
		[]any{noAnswer(wordNotAnswered), "Verksamheten har lämnat in sina svar men inte angett någon status för aktiviteten."},
		[]any{st.notAssignedCell, "Aktiviteten gäller inte verksamheten (inte tilldelad)."},
	)
	rate := "Svarsfrekvens: andelen av de tilldelade verksamheterna som har angett en status i inlämnade svar."
	if len(notCounted) > 0 {
		rate += " Svar med status " + strings.Join(notCounted, ", ") + " räknas varken som svar eller som tilldelade."
	}
	rows = append(rows,
		[]any{xlNoCountedAnswer, "Antal tilldelade verksamheter utan status i inlämnade svar: de som inte har lämnat in, och de som har lämnat in utan att ange status."},
		[]any{"Svarsfrekvens", rate},
		[]any{"Sammanställd status", "Samordnarnas sammanvägda status för aktiviteten; tom när den inte är vald ännu."},
		[]any{"Sammanställd text", "Samordnarnas text om aktiviteten i uppföljningsrapporten."},
	)
	for _, r := range rows {
		if err := s.add(r); err != nil {
			return err
		}
	}
	return nil
}

// xlNoCountedAnswer heads the count of assigned departments without a
// counted status, in the words forms.CountsText uses.
const xlNoCountedAnswer = "Utan inlämnat svar"

// xlDraftMeaning explains a status marked as not counted.
func xlDraftMeaning(s forms.ResponseState) string {
	if s == forms.ResponseReturned {
		return "Svar som samordnarna har återsänt för komplettering och som inte har lämnats in igen. Visas för kännedom och räknas inte."
	}
	return "Sparat svar som verksamheten inte har lämnat in (utkast). Visas för kännedom och räknas inte."
}

// xlStatusMeaning says in Swedish how a status is counted.
func xlStatusMeaning(s forms.Status) string {
	var parts []string
	switch {
	case s.NotApplicable:
		parts = append(parts, "Räknas inte i svarsfrekvens eller andel genomförda.")
	case s.Done:
		parts = append(parts, "Räknas som svar och som genomförd.")
	default:
		parts = append(parts, "Räknas som svar.")
	}
	if s.CarriesOver {
		parts = append(parts, "Aktiviteten flyttas till nästa års handlingsplan.")
	}
	if s.CommentRequired {
		parts = append(parts, "Kräver kommentar.")
	}
	return strings.Join(parts, " ")
}
