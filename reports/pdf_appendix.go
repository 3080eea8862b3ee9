package reports

import (
	"strconv"
	"strings"

	"followup/forms"
	"followup/reports/internal/pdftag"
)

var pdfStAreaSmall = pdfTextStyle{11, pdfBold, 5.4, pdfColAccent}

// pdfAppendixDepartments are the departments whose answers the appendix
// shows, in name order: those that have submitted and, when the office
// shows drafts, those with saved answers that are not submitted. The
// others have nothing to show; the response-rate table names them.
func pdfAppendixDepartments(rep *forms.RoundReport) []forms.Department {
	var out []forms.Department
	for _, dep := range rep.Departments {
		state := rep.ResponseState(dep.ID)
		resp := rep.Responses[dep.ID]
		if state.Counts() || rep.Settings.Drafts && resp != nil && (len(resp.Answers) > 0 || strings.TrimSpace(resp.GeneralComment) != "") {
			out = append(out, dep)
		}
	}
	return out
}

// appendix draws each department's answers, each department from the top
// of a page.
func (d *pdfDoc) appendix() {
	rep := d.rep
	sect := d.open(pdftag.Sect)
	defer d.close(sect)
	d.section(pdfSecAppendix, 60)
	d.space(1)
	deps := pdfAppendixDepartments(rep)
	intro := "Bilagan återger svaren från de verksamheter som har lämnat in: status, kommentar och " +
		"eventuellt behov av stöd för varje aktivitet verksamheten är tilldelad, samt den övergripande kommentaren."
	if rep.Settings.Drafts {
		intro += " Verksamheter som inte har lämnat in visas med sina sparade svar, kursivt och märkta som utkast eller återsända; de räknas inte."
	} else {
		intro += " Verksamheter som inte har lämnat in har ingen sida här; tabellen under Svarsfrekvens visar var deras svar står."
	}
	d.paragraph(pdfMarginL, pdfContentW, intro, pdfStMuted, 6)
	switch {
	case len(rep.Departments) == 0:
		d.paragraph(pdfMarginL, pdfContentW, "Inga verksamheter deltar i uppföljningen.", pdfStBody, 0)
	case len(deps) == 0:
		d.paragraph(pdfMarginL, pdfContentW, "Ingen verksamhet har lämnat in sina svar ännu.", pdfStBody, 0)
	}
	for i, dep := range deps {
		if i > 0 {
			d.newPage()
		}
		depSect := d.open(pdftag.Sect)
		name := pdfClean(dep.Name)
		d.enter(1, name, d.heading(2, name, pdfStH2, 0, 20))
		d.space(0.5)
		d.paragraph(pdfMarginL, pdfContentW, d.departmentLine(rep, dep), pdfStMuted, 2)
		d.departmentAnswers(dep, pdfMarkDrafts)
		d.close(depSect)
	}
}

// departmentLine sums up a department's response in one line: kind,
// state, who submitted and when, and how much is answered.
func (d *pdfDoc) departmentLine(rep *forms.RoundReport, dep forms.Department) string {
	parts := []string{pdfKindWord(dep.Kind)}
	resp := rep.Responses[dep.ID]
	state := rep.ResponseState(dep.ID)
	if state == forms.ResponseSubmitted && resp != nil {
		s := "Inlämnad"
		if !resp.SubmittedAt.IsZero() {
			s += " " + pdfDate(d.local(resp.SubmittedAt))
		}
		if by := strings.TrimSpace(resp.SubmittedBy); by != "" {
			s += " av " + by
		}
		parts = append(parts, s)
	} else {
		parts = append(parts, pdfStateWord(state))
	}
	answered, assigned := rep.AnsweredOf(dep.ID)
	n := strconv.Itoa(answered) + " av " + pdfCountWord(assigned, "aktivitet", "aktiviteter")
	if state.Counts() {
		n += " besvarade"
	} else {
		n += " med status i de sparade svaren"
	}
	return strings.Join(append(parts, n), " · ")
}

// pdfAnswerMode says how departmentAnswers shows answers that are not
// submitted.
type pdfAnswerMode int

const (
	// pdfMarkDrafts marks them, as the report does.
	pdfMarkDrafts pdfAnswerMode = iota
	// pdfOwnAnswers shows them as they are, as the receipt, a
	// department's own record, does below its notice.
	pdfOwnAnswers
)

// departmentAnswers prints, area by area, the department's answer to each
// activity it is assigned, then its general comment. The report's
// appendix and the receipt share it, under a heading of level 2: areas
// and the general comment are headed H3, activities H4.
func (d *pdfDoc) departmentAnswers(dep forms.Department, mode pdfAnswerMode) {
	rep := d.rep
	any := false
	for i, ar := range rep.Plan.Areas {
		var acts []forms.Activity
		for _, a := range ar.Activities {
			if a.AssignedTo(dep.ID) {
				acts = append(acts, a)
			}
		}
		if len(acts) == 0 {
			continue
		}
		any = true
		d.heading(3, pdfAreaTitle(i, ar), pdfStAreaSmall, 5, pdfHeadingNeed(pdfStBold, 3.5, pdfAnswerKeep))
		for _, a := range acts {
			d.answer(dep, a, mode)
		}
	}
	if !any {
		d.paragraph(pdfMarginL, pdfContentW, "Verksamheten är inte tilldelad någon aktivitet.", pdfStMuted, 2)
	}

	d.heading(3, "Övergripande kommentar", pdfStAreaSmall, 6, 0.5+2*pdfStBody.lead)
	d.space(0.5)
	general := ""
	state := rep.ResponseState(dep.ID)
	if resp := rep.Responses[dep.ID]; resp != nil && (state.Counts() || mode == pdfOwnAnswers || rep.Settings.Drafts) {
		general = strings.TrimSpace(resp.GeneralComment)
	}
	switch {
	case general == "":
		d.paragraph(pdfMarginL, pdfContentW, "Ingen övergripande kommentar har lämnats.", pdfStMuted, 0)
	case state.Counts() || mode == pdfOwnAnswers:
		d.paragraph(pdfMarginL, pdfContentW, general, pdfStBody, 0)
	default:
		d.paragraph(pdfMarginL, pdfContentW, "("+draftLabel(state)+")", pdfStItalicM, 0.4)
		d.paragraph(pdfMarginL, pdfContentW, general, pdfStItalic, 0)
	}
}

// pdfAnswerKeep is what an answer's heading keeps with it: the status line
// and the first line of the comment.
var pdfAnswerKeep = 0.3 + 2*pdfStBody.lead + 0.6

// answer prints one activity's answer: title, status (with the interim
// status in an annual round), whether support is needed, and the comment.
func (d *pdfDoc) answer(dep forms.Department, a forms.Activity, mode pdfAnswerMode) {
	rep := d.rep
	d.heading(4, d.activityTitle(a), pdfStBold, 3.5, pdfAnswerKeep)
	d.y += 0.3
	c := rep.Cell(dep.ID, a, true)
	view := viewOf(c)
	if mode == pdfOwnAnswers {
		view = ownView(c)
	}
	line := []pdfSegment{{text: "Status: ", st: pdfStMuted}}
	line = append(line, pdfAnswerSegments(view)...)
	if rep.Round.Kind == forms.RoundAnnual && rep.InterimRound != nil {
		line = append(line, pdfSegment{text: "      Vid delår: ", st: pdfStMuted})
		line = append(line, pdfAnswerSegments(viewOf(rep.InterimCell(dep.ID, a, mode == pdfMarkDrafts && rep.Settings.Drafts)))...)
	}
	if c.Answer.NeedsSupport {
		st := pdfStBold
		if view.marked {
			st = pdfStItalic
		}
		line = append(line, pdfSegment{text: "      Behöver stöd", st: st})
	}
	d.richParagraph(pdfMarginL, pdfContentW, line, "", pdfStBody, 0.6)
	comment := strings.TrimSpace(c.Answer.Comment)
	switch {
	case comment == "":
		d.paragraph(pdfMarginL, pdfContentW, "Ingen kommentar.", pdfStMuted, 1)
	case view.marked:
		d.richParagraph(pdfMarginL, pdfContentW, []pdfSegment{{text: "Kommentar (" + draftWord(c.State) + "): ", st: pdfStItalicM}}, comment, pdfStItalic, 1)
	default:
		d.richParagraph(pdfMarginL, pdfContentW, []pdfSegment{{text: "Kommentar: ", st: pdfStMuted}}, comment, pdfStBody, 1)
	}
}
