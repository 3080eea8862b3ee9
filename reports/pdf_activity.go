package reports

import (
	"slices"
	"strconv"
	"strings"

	"followup/forms"
)

// areas draws the follow-up itself: per area a heading, per activity its
// description, consolidated status and narrative, the departments'
// statuses and, unless the office left them out, their comments.
func (d *pdfDoc) areas() {
	rep := d.rep
	d.newPage()
	d.enter(0, pdfSecAreas, d.heading(pdfSecAreas, pdfStH1, 0, 20))
	d.space(2)
	if len(rep.Plan.Areas) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Handlingsplanen innehåller inga områden.", pdfStBody, 0)
	}
	for i, ar := range rep.Plan.Areas {
		title := pdfAreaTitle(i, ar)
		d.enter(1, title, d.heading(title, pdfStH2, 9, pdfHeadingNeed(pdfStH3, 7, pdfActivityKeep)))
		if len(ar.Activities) == 0 {
			d.paragraph(pdfMarginL, pdfContentW, "Området innehåller inga aktiviteter.", pdfStMuted, 0)
		}
		for _, a := range ar.Activities {
			d.activity(a)
		}
	}
}

// pdfActivityKeep is what an activity's heading keeps with it: three lines.
var pdfActivityKeep = 0.8 + 3*pdfStBody.lead

// activity draws one activity of the follow-up.
func (d *pdfDoc) activity(a forms.Activity) {
	rep := d.rep
	title := d.activityTitle(a)
	d.enter(2, title, d.heading(title, pdfStH3, 7, pdfActivityKeep))
	d.space(0.8)
	if desc := strings.TrimSpace(a.Description); desc != "" {
		d.paragraph(pdfMarginL, pdfContentW, desc, pdfStMuted, 2.5)
	}

	if st, ok := rep.ConsolidatedStatus(a.ID); ok {
		c := pdfParseColor(st.Color)
		lead := []pdfSegment{{text: "Status: ", st: pdfStBold}, {swatch: &c, st: pdfStBold}, {text: pdfSentence(st.Name), st: pdfStBold}}
		d.richParagraph(pdfMarginL, pdfContentW, lead, strings.TrimSpace(rep.Consolidations[a.ID].Narrative), pdfStBody, 3)
	} else {
		lead := []pdfSegment{{text: "Status: ännu inte sammanställd.", st: pdfStBold}}
		d.richParagraph(pdfMarginL, pdfContentW, lead, pdfSuggestionText(rep, a), pdfStBody, 3)
	}

	d.departmentStatuses(a)
	if rep.IncludeComments(a.ID) {
		d.comments(a)
	}
}

// pdfSuggestionText says what the departments' answers suggest, with counts,
// for an activity the office has not consolidated yet.
func pdfSuggestionText(rep *forms.RoundReport, a forms.Activity) string {
	s := rep.Suggestion(a)
	counts := forms.CountsText(rep.Plan.Statuses, s.Tally)
	switch {
	case s.Tally.Assigned == 0:
		return "Ingen verksamhet är tilldelad aktiviteten."
	case s.HasStatus:
		return "Förslag utifrån verksamheternas svar: " + s.Status.Name + " (" + counts + ")."
	case s.Rule == forms.RuleAllNA:
		return "Inget förslag kan ges eftersom alla svar anger en status som inte räknas (" + counts + ")."
	}
	return "Inget förslag kan ges eftersom ingen verksamhet har svarat ännu (" + counts + ")."
}

// departmentStatuses tabulates each assigned department's status and, in
// an annual round, its status at the interim report.
func (d *pdfDoc) departmentStatuses(a forms.Activity) {
	rep := d.rep
	assigned := rep.Assigned(a)
	if len(assigned) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Ingen verksamhet är tilldelad aktiviteten.", pdfStMuted, 3)
		return
	}
	interim := rep.Round.Kind == forms.RoundAnnual && rep.InterimRound != nil
	t := &pdfTable{cols: []pdfColumn{{"Verksamhet", 106, "L"}, {"Status", 54, "L"}}}
	if interim {
		t.cols = []pdfColumn{{"Verksamhet", 80, "L"}, {"Delårsrapport", 40, "L"}, {"Årsredovisning", 40, "L"}}
	}
	for _, dep := range assigned {
		cells := []pdfTableCell{{text: dep.Name}}
		if interim {
			cells = append(cells, pdfStatusOrNone(rep.InterimStatus(dep.ID, a.ID)))
		}
		cells = append(cells, pdfStatusOrNone(rep.Status(dep.ID, a.ID)))
		t.rows = append(t.rows, pdfTableRow{cells: cells})
	}
	d.drawTable(t)
	d.space(3)
}

// pdfStatusOrNone is the cell for a department's status, or "Ej besvarad".
func pdfStatusOrNone(st forms.Status, ok bool) pdfTableCell {
	if !ok {
		white := pdfRGB{255, 255, 255} // an empty box: no status at all
		return pdfTableCell{text: "Ej besvarad", swatch: &white, st: pdfStSmallM}
	}
	return pdfStatusCell(st.Name, st.Color)
}

// comments prints the departments' comments on an activity, each under
// the department's name.
func (d *pdfDoc) comments(a forms.Activity) {
	rep := d.rep
	first := true
	for _, dep := range rep.Assigned(a) {
		comment := strings.TrimSpace(pdfRawAnswer(rep, dep.ID, a.ID).Comment)
		if comment == "" {
			continue
		}
		name := d.split(dep.Name, pdfContentW-4, pdfStSmallB)
		text := d.split(comment, pdfContentW-4, pdfStBody)
		need := float64(len(name))*pdfStSmallB.lead + 0.4 + float64(min(len(text), 2))*pdfStBody.lead
		if first {
			d.heading("Kommentarer från verksamheterna", pdfStLabel, 1, 1+need)
			d.space(1)
			first = false
		}
		d.ensure(need)
		d.lines(pdfMarginL+4, pdfContentW-4, name, pdfStSmallB)
		d.y += 0.4
		d.lines(pdfMarginL+4, pdfContentW-4, text, pdfStBody)
		d.space(2.5)
	}
	if !first {
		d.space(1)
	}
}

// carriedOver lists the activities whose consolidated status moves them
// to next year's plan.
func (d *pdfDoc) carriedOver() {
	rep := d.rep
	d.newPage()
	d.enter(0, pdfSecCarried, d.heading(pdfSecCarried, pdfStH1, 0, 20))
	d.space(2)
	acts := rep.CarriedOver()
	if len(acts) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Ingen aktivitet har en sammanställd status som innebär att den flyttas till nästa år.", pdfStBody, 0)
		return
	}
	intro := "Följande aktivitet har en sammanställd status som innebär att den flyttas till nästa års handlingsplan."
	if len(acts) > 1 {
		intro = "Följande " + strconv.Itoa(len(acts)) + " aktiviteter har en sammanställd status som innebär att de flyttas till nästa års handlingsplan."
	}
	d.paragraph(pdfMarginL, pdfContentW, intro, pdfStBody, 4)
	t := &pdfTable{cols: []pdfColumn{{"Aktivitet", 92, "L"}, {"Område", 68, "L"}}}
	for i, ar := range rep.Plan.Areas {
		for _, a := range ar.Activities {
			if slices.ContainsFunc(acts, func(x forms.Carried) bool { return x.Activity.ID == a.ID }) {
				t.rows = append(t.rows, pdfTableRow{cells: []pdfTableCell{{text: d.activityTitle(a)}, {text: pdfAreaTitle(i, ar)}}})
			}
		}
	}
	d.drawTable(t)
}

// pdfRawAnswer is what the department has saved about the activity, with or
// without a status: a draft may hold a comment before a status is chosen.
func pdfRawAnswer(rep *forms.RoundReport, departmentID, activityID int64) forms.Answer {
	if resp := rep.Responses[departmentID]; resp != nil {
		return resp.Answers[activityID]
	}
	return forms.Answer{}
}
