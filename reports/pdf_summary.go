package reports

import (
	"strconv"
	"strings"

	"followup/forms"
)

// pdfNamesInText is the largest number of departments whose names the
// summary also lists in its text; the table always lists them all.
const pdfNamesInText = 15

// summary draws the summary: the response rate and which departments
// have submitted, every activity's consolidated status, and a chart of how
// many activities ended in each status.
func (d *pdfDoc) summary() {
	rep := d.rep
	d.newPage()
	d.enter(0, pdfSecSummary, d.heading(pdfSecSummary, pdfStH1, 0, 20))
	d.space(2)

	acts := rep.Plan.Activities()
	consolidated := 0
	for _, a := range acts {
		if _, ok := rep.ConsolidatedStatus(a.ID); ok {
			consolidated++
		}
	}
	intro := "Uppföljningen avser " + pdfRoundLabel(rep) + " och omfattar " +
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

	d.responseRate()
	d.statusTable(acts)
	if len(acts) > 0 {
		bars := d.statusBars()
		d.heading("Aktiviteter per status", pdfStH2, 8, 2*pdfStMuted.lead+3+pdfChartHeight(len(bars)))
		d.paragraph(pdfMarginL, pdfContentW, "Antal aktiviteter per sammanställd status. "+
			"Aktiviteter som ännu inte har sammanställts räknas som Ej sammanställd.", pdfStMuted, 3)
		d.barChart(bars)
	}
}

// responseRate tells how many departments have submitted and lists each
// department's response state.
func (d *pdfDoc) responseRate() {
	rep := d.rep
	d.heading("Svarsfrekvens", pdfStH2, 6, 25)
	if len(rep.Departments) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Inga verksamheter deltar i uppföljningen.", pdfStBody, 3)
		return
	}
	var in, out []string
	for _, dep := range rep.Departments {
		if rep.ResponseState(dep.ID) == forms.ResponseSubmitted {
			in = append(in, pdfClean(dep.Name))
		} else {
			out = append(out, pdfClean(dep.Name))
		}
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(in)) + " av " + pdfCountWord(len(rep.Departments), "verksamhet", "verksamheter") +
		" (" + pdfPercent(len(in), len(rep.Departments)) + ") har lämnat in sina svar.")
	switch {
	case len(out) == 0:
		b.WriteString(" Samtliga har lämnat in.")
	case len(in) == 0:
		b.WriteString(" Ingen verksamhet har lämnat in ännu.")
	}
	if len(rep.Departments) <= pdfNamesInText {
		if len(in) > 0 && len(out) > 0 {
			b.WriteString(" Har lämnat in: " + pdfJoinNames(in) + ".")
		}
		if len(out) > 0 {
			b.WriteString(" Har inte lämnat in: " + pdfJoinNames(out) + ".")
		}
	}
	d.paragraph(pdfMarginL, pdfContentW, b.String(), pdfStBody, 3)

	t := &pdfTable{cols: []pdfColumn{
		{"Verksamhet", 74, "L"}, {"Typ", 24, "L"}, {"Svarsläge", 38, "L"}, {"Besvarade", 24, "R"},
	}}
	for _, dep := range rep.Departments {
		answered, assigned := rep.AnsweredOf(dep.ID)
		state := rep.ResponseState(dep.ID)
		stateCell := pdfTableCell{text: pdfStateWord(state)}
		if state != forms.ResponseSubmitted {
			stateCell.st = pdfStSmallM
		}
		t.rows = append(t.rows, pdfTableRow{cells: []pdfTableCell{
			{text: dep.Name}, {text: pdfKindWord(dep.Kind)}, stateCell,
			{text: strconv.Itoa(answered) + " av " + strconv.Itoa(assigned)},
		}})
	}
	d.drawTable(t)
	d.space(4)
}

// statusTable lists every activity, by area, with its consolidated status
// and how many of its departments have answered.
func (d *pdfDoc) statusTable(acts []forms.Activity) {
	rep := d.rep
	d.heading("Status per aktivitet", pdfStH2, 8, 25)
	if len(acts) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Det finns inga aktiviteter i handlingsplanen.", pdfStBody, 3)
		return
	}
	t := &pdfTable{cols: []pdfColumn{
		{"Aktivitet", 98, "L"}, {"Sammanställd status", 42, "L"}, {"Svar", 20, "R"},
	}}
	for i, ar := range rep.Plan.Areas {
		if len(ar.Activities) == 0 {
			continue
		}
		t.rows = append(t.rows, pdfTableRow{group: true, cells: []pdfTableCell{{text: pdfAreaTitle(i, ar), st: pdfStSmallB}}})
		for _, a := range ar.Activities {
			status := pdfNoStatusCell("Ej sammanställd")
			if st, ok := rep.ConsolidatedStatus(a.ID); ok {
				status = pdfStatusCell(st.Name, st.Color)
			}
			tally := rep.Tally(a)
			t.rows = append(t.rows, pdfTableRow{cells: []pdfTableCell{
				{text: d.activityTitle(a)}, status,
				{text: strconv.Itoa(tally.Answered) + " av " + strconv.Itoa(tally.Assigned)},
			}})
		}
	}
	d.drawTable(t)
}

// statusBars counts the activities per consolidated status, in scale
// order, with the activities not yet consolidated last.
func (d *pdfDoc) statusBars() []pdfBar {
	totals := d.rep.StatusTotals()
	var bars []pdfBar
	for i, st := range d.rep.Plan.Statuses {
		bars = append(bars, pdfBar{label: st.Name, count: totals[i], color: pdfParseColor(st.Color)})
	}
	return append(bars, pdfBar{label: "Ej sammanställd", count: totals[len(totals)-1], color: pdfColNone})
}
