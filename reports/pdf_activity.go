package reports

import (
	"strings"

	"followup/forms"
	"followup/reports/internal/pdftag"
)

// areas draws the follow-up itself: per area a heading, per activity its
// description, consolidated status and narrative and, as the office
// chose, the departments' statuses and their comments. The section, each
// area and each activity are sections of the structure, headed H1, H2
// and H3.
func (d *pdfDoc) areas() {
	rep := d.rep
	sect := d.open(pdftag.Sect)
	defer d.close(sect)
	d.section(pdfSecAreas, pdfHeadingNeed(pdfStH2, 9, pdfHeadingNeed(pdfStH3, 7, pdfActivityKeep)))
	d.space(2)
	if len(rep.Plan.Areas) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Handlingsplanen innehåller inga områden.", pdfStBody, 0)
	}
	for i, ar := range rep.Plan.Areas {
		area := d.open(pdftag.Sect)
		title := pdfAreaTitle(i, ar)
		d.enter(1, title, d.heading(2, title, pdfStH2, 9, pdfHeadingNeed(pdfStH3, 7, pdfActivityKeep)))
		if len(ar.Activities) == 0 {
			d.paragraph(pdfMarginL, pdfContentW, "Området innehåller inga aktiviteter.", pdfStMuted, 0)
		}
		for _, a := range ar.Activities {
			d.activity(a)
		}
		d.close(area)
	}
}

// pdfActivityKeep is what an activity's heading keeps with it: three lines.
var pdfActivityKeep = 0.8 + 3*pdfStBody.lead

// activity draws one activity of the follow-up.
func (d *pdfDoc) activity(a forms.Activity) {
	rep := d.rep
	sect := d.open(pdftag.Sect)
	defer d.close(sect)
	title := d.activityTitle(a)
	d.enter(2, title, d.heading(3, title, pdfStH3, 7, pdfActivityKeep))
	d.space(0.8)
	if desc := strings.TrimSpace(a.Description); desc != "" {
		d.paragraph(pdfMarginL, pdfContentW, desc, pdfStMuted, 2.5)
	}

	if st, ok := rep.ConsolidatedStatus(a.ID); ok {
		c := pdfParseColor(st.Color)
		lead := []pdfSegment{{text: "Status: ", st: pdfStBold}, {swatch: &c, st: pdfStBold}, {text: pdfSentence(st.Name), st: pdfStBold}}
		d.statusAndText(lead, rep.Consolidations[a.ID].Narrative)
	} else {
		lead := []pdfSegment{{text: "Status: ännu inte sammanställd.", st: pdfStBold}}
		d.richParagraph(pdfMarginL, pdfContentW, lead, pdfSuggestionText(rep, a), pdfStBody, 3)
	}

	if rep.Settings.DepartmentTables {
		d.departmentStatuses(a)
	}
	if rep.Settings.Comments && rep.IncludeComments(a.ID) {
		d.comments(a)
	}
}

// statusAndText prints the status lead-in followed by the office's
// narrative: its first paragraph on the lead-in's line, the way the
// municipality's reports put the status before the text, and its further
// paragraphs and lists below.
func (d *pdfDoc) statusAndText(lead []pdfSegment, narrative string) {
	blocks := forms.Blocks(narrative)
	first := ""
	if len(blocks) > 0 && blocks[0].Kind == forms.BlockParagraph {
		first, blocks = blocks[0].Lines[0], blocks[1:]
	}
	after := 3.0
	if len(blocks) > 0 {
		after = 2
	}
	d.richParagraph(pdfMarginL, pdfContentW, lead, first, pdfStBody, after)
	for i, b := range blocks {
		if i == len(blocks)-1 {
			after = 3
		}
		d.block(pdfMarginL, pdfContentW, b, pdfStBody, after)
	}
}

// pdfSuggestionText says what the departments' submitted answers suggest,
// with counts that state the counting rule, for an activity the office has
// not consolidated yet.
func pdfSuggestionText(rep *forms.RoundReport, a forms.Activity) string {
	s := rep.Suggestion(a)
	counts := forms.CountsText(rep.Plan.Statuses, s.Tally)
	switch {
	case s.Tally.Assigned == 0:
		return "Ingen verksamhet är tilldelad aktiviteten."
	case s.HasStatus:
		return "Förslag utifrån verksamheternas inlämnade svar: " + s.Status.Name + " (" + counts + ")."
	case s.Rule == forms.RuleAllNA:
		return "Inget förslag kan ges eftersom alla inlämnade svar anger en status som inte räknas (" + counts + ")."
	}
	return "Inget förslag kan ges eftersom ingen verksamhet har lämnat in svar om aktiviteten (" + counts + ")."
}

// departmentStatuses tabulates each assigned department's status and, in
// an annual round, its status at the interim report, under the counting
// rule (see viewOf).
func (d *pdfDoc) departmentStatuses(a forms.Activity) {
	rep := d.rep
	assigned := rep.Assigned(a)
	if len(assigned) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Ingen verksamhet är tilldelad aktiviteten.", pdfStMuted, 3)
		return
	}
	drafts := rep.Settings.Drafts
	interim := rep.Round.Kind == forms.RoundAnnual && rep.InterimRound != nil
	t := &pdfTable{cols: []pdfColumn{{"Verksamhet", 106, "L"}, {"Status", 54, "L"}}}
	if interim {
		t.cols = []pdfColumn{{"Verksamhet", 76, "L"}, {"Delårsrapport", 42, "L"}, {"Årsredovisning", 42, "L"}}
	}
	for _, dep := range assigned {
		cells := []pdfTableCell{{text: dep.Name}}
		if interim {
			cells = append(cells, pdfAnswerCell(viewOf(rep.InterimCell(dep.ID, a, drafts))))
		}
		cells = append(cells, pdfAnswerCell(viewOf(rep.Cell(dep.ID, a, drafts))))
		t.rows = append(t.rows, pdfTableRow{cells: cells})
	}
	d.drawTable(t)
	d.space(3)
}

// comments prints the departments' comments on an activity, each under
// the department's name: those of submitted responses and, when the
// office shows drafts, those of the others in italic under a label that
// says they are not submitted.
func (d *pdfDoc) comments(a forms.Activity) {
	rep := d.rep
	first := true
	for _, dep := range rep.Assigned(a) {
		c := rep.Cell(dep.ID, a, rep.Settings.Drafts)
		comment := strings.TrimSpace(c.Answer.Comment)
		if !c.Shown() || comment == "" {
			continue
		}
		label, labelSt, textSt := dep.Name, pdfStSmallB, pdfStBody
		if c.Mark == forms.MarkDraft {
			label, labelSt, textSt = dep.Name+" ("+draftLabel(c.State)+")", pdfStSmallIM, pdfStItalic
		}
		name := d.split(label, pdfContentW-4, labelSt)
		text := d.split(comment, pdfContentW-4, textSt)
		need := float64(len(name))*labelSt.lead + 0.4 + float64(min(len(text), 2))*textSt.lead
		if first {
			d.heading(4, "Kommentarer från verksamheterna", pdfStLabel, 1, 1+need)
			d.space(1)
			first = false
		}
		d.ensure(need)
		d.tagged(pdftag.P, func() { d.lines(pdfMarginL+4, pdfContentW-4, name, labelSt) })
		d.y += 0.4
		d.tagged(pdftag.P, func() { d.lines(pdfMarginL+4, pdfContentW-4, text, textSt) })
		d.space(2.5)
	}
	if !first {
		d.space(1)
	}
}
