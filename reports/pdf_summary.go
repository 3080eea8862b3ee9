package reports

import (
	"strconv"

	"followup/forms"
	"followup/reports/internal/pdftag"
)

// summary draws the summary: the response rate and where each
// department's response stands, unless the office left it out a chart of
// how many activities ended in each status, and every activity's
// consolidated status.
func (d *pdfDoc) summary() {
	rep := d.rep
	sect := d.open(pdftag.Sect)
	defer d.close(sect)
	if len(pdfOfficeTexts(rep)) == 0 {
		d.newPage() // after the contents
		d.enter(0, pdfSecSummary, d.heading(1, pdfSecSummary, pdfStH1, 0, 20))
	} else {
		d.section(pdfSecSummary, 40)
	}
	d.space(2)

	acts := rep.Plan.Activities()
	consolidated := 0
	for _, a := range acts {
		if _, ok := rep.ConsolidatedStatus(a.ID); ok {
			consolidated++
		}
	}
	intro := "Uppföljningen inför " + pdfRoundPhrase(rep) + " omfattar " +
		pdfCountWord(len(acts), "aktivitet", "aktiviteter") + " i " +
		pdfCountWord(len(rep.Plan.Areas), "område", "områden") + ". "
	switch {
	case len(acts) == 0:
		intro = "Handlingsplanen innehåller inga aktiviteter att följa upp."
	case consolidated == len(acts):
		intro += "Samtliga aktiviteter har fått en sammanställd status."
	case consolidated == 0:
		intro += "Ingen aktivitet har ännu fått en sammanställd status."
	default:
		intro += strconv.Itoa(consolidated) + " av " + strconv.Itoa(len(acts)) +
			" aktiviteter har fått en sammanställd status."
	}
	d.paragraph(pdfMarginL, pdfContentW, intro, pdfStBody, 3)

	// The chart before the long status table, which breaks across pages
	// where the chart, kept whole, would leave a gap.
	d.responseRate()
	if rep.Settings.Chart && len(acts) > 0 {
		bars, hidden := d.statusBars()
		note := "Antal aktiviteter per sammanställd status."
		if hidden {
			note += " Statusar som ingen aktivitet har visas inte."
		}
		if consolidated < len(acts) {
			note += " Aktiviteter som ännu inte har sammanställts räknas som " + wordNotConsolidated + "."
		}
		d.heading(2, "Aktiviteter per status", pdfStH2, 8, 2*pdfStMuted.lead+3+pdfChartHeight(len(bars)))
		d.paragraph(pdfMarginL, pdfContentW, note, pdfStMuted, 3)
		d.barChart(bars)
		d.space(4)
	}
	d.statusTable(acts)
}

// pdfCountingRule says which answers the report counts and how it shows
// the others.
func pdfCountingRule(rep *forms.RoundReport) string {
	s := "Rapportens antal och andelar bygger bara på inlämnade svar."
	if rep.Settings.Drafts {
		return s + " Sparade svar som inte är inlämnade visas kursivt, märkta som utkast eller återsända, och räknas inte."
	}
	return s + " Sparade svar som inte är inlämnade visas inte."
}

// responseRate tells how many departments have submitted, states the
// counting rule, and lists where each department's response stands, one
// department a line.
func (d *pdfDoc) responseRate() {
	rep := d.rep
	d.heading(2, "Svarsfrekvens", pdfStH2, 6, 25)
	if len(rep.Departments) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Inga verksamheter deltar i uppföljningen.", pdfStBody, 3)
		return
	}
	count := rep.ResponseCount()
	d.paragraph(pdfMarginL, pdfContentW, "Svarsfrekvensen är "+pdfPercent(count.Submitted, count.Participants)+": "+
		count.Text()+". "+pdfCountingRule(rep), pdfStBody, 3)

	t := &pdfTable{cols: []pdfColumn{
		{"Verksamhet", 64, "L"}, {"Typ", 22, "L"}, {"Svarsläge", 44, "L"}, {"Besvarade", 30, "R"},
	}}
	for _, dep := range rep.Departments {
		state := rep.ResponseState(dep.ID)
		stateCell := pdfTableCell{text: pdfStateWord(state)}
		if !state.Counts() {
			stateCell.st = pdfStSmallM
		}
		answered, marked := answeredWord(rep, dep)
		answeredCell := pdfTableCell{text: answered}
		if marked {
			answeredCell.st = pdfStSmallI
		}
		t.rows = append(t.rows, pdfTableRow{cells: []pdfTableCell{
			{text: dep.Name}, {text: pdfKindWord(dep.Kind)}, stateCell, answeredCell,
		}})
	}
	d.drawTable(t)
	d.space(4)
}

// statusTable lists every activity, by area, with its consolidated status
// and how many of its departments have answered, stating what counts.
func (d *pdfDoc) statusTable(acts []forms.Activity) {
	rep := d.rep
	// The heading keeps its note and the table's first rows with it.
	d.heading(2, "Status per aktivitet", pdfStH2, 8, 3*pdfStMuted.lead+3+30)
	if len(acts) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Det finns inga aktiviteter i handlingsplanen.", pdfStBody, 3)
		return
	}
	d.paragraph(pdfMarginL, pdfContentW, "Kolumnen Svar räknar de tilldelade verksamheter som har angett en status i inlämnade svar ("+
		rep.ResponseCount().Text()+").", pdfStMuted, 3)
	t := &pdfTable{cols: []pdfColumn{
		{"Aktivitet", 98, "L"}, {"Sammanställd status", 42, "L"}, {"Svar", 20, "R"},
	}}
	for i, ar := range rep.Plan.Areas {
		if len(ar.Activities) == 0 {
			continue
		}
		t.rows = append(t.rows, pdfTableRow{group: true, cells: []pdfTableCell{{text: pdfAreaTitle(i, ar), st: pdfStSmallB}}})
		for _, a := range ar.Activities {
			tally := rep.Tally(a)
			t.rows = append(t.rows, pdfTableRow{cells: []pdfTableCell{
				{text: d.activityTitle(a)}, pdfConsolidatedCell(rep, a.ID),
				{text: strconv.Itoa(tally.Answered) + " av " + strconv.Itoa(tally.Assigned)},
			}})
		}
	}
	d.drawTable(t)
}

// pdfConsolidatedCell is the cell of an activity's consolidated status,
// or a muted "Ej sammanställd".
func pdfConsolidatedCell(rep *forms.RoundReport, activityID int64) pdfTableCell {
	if st, ok := rep.ConsolidatedStatus(activityID); ok {
		return pdfStatusCell(st.Name, st.Color)
	}
	return pdfNoStatusCell(wordNotConsolidated)
}

// statusBars counts the activities per consolidated status, in scale
// order, with the activities not yet consolidated last. Statuses that no
// activity has are left out unless the office wants them; hidden reports
// whether any was.
func (d *pdfDoc) statusBars() (bars []pdfBar, hidden bool) {
	totals := d.rep.StatusTotals()
	keep := func(n int) bool {
		if n == 0 && !d.rep.Settings.EmptyStatuses {
			hidden = true
			return false
		}
		return true
	}
	for i, st := range d.rep.Plan.Statuses {
		if keep(totals[i]) {
			bars = append(bars, pdfBar{label: st.Name, count: totals[i], color: pdfParseColor(st.Color)})
		}
	}
	if n := totals[len(totals)-1]; n > 0 || d.rep.Settings.EmptyStatuses {
		bars = append(bars, pdfBar{label: wordNotConsolidated, count: n, color: pdfColNone})
	}
	return bars, hidden
}
