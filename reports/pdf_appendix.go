package reports

import (
	"strconv"
	"strings"

	"followup/forms"
)

var pdfStAreaSmall = pdfTextStyle{11, pdfBold, 5.4, pdfColAccent}

// appendix draws each department's answers, each department from the top
// of a page.
func (d *pdfDoc) appendix() {
	rep := d.rep
	d.newPage()
	d.enter(0, pdfSecAppendix, d.heading(pdfSecAppendix, pdfStH1, 0, 20))
	d.space(1)
	d.paragraph(pdfMarginL, pdfContentW, "Bilagan återger varje verksamhets svar: status, kommentar och "+
		"eventuellt behov av stöd för varje aktivitet verksamheten är tilldelad, samt den övergripande kommentaren.", pdfStMuted, 6)
	if len(rep.Departments) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Inga verksamheter deltar i uppföljningen.", pdfStBody, 0)
	}
	for i, dep := range rep.Departments {
		if i > 0 {
			d.newPage()
		}
		name := pdfClean(dep.Name)
		d.enter(1, name, d.heading(name, pdfStH2, 0, 20))
		d.space(0.5)
		d.paragraph(pdfMarginL, pdfContentW, d.departmentLine(rep, dep), pdfStMuted, 2)
		d.departmentAnswers(dep)
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
	parts = append(parts, strconv.Itoa(answered)+" av "+pdfCountWord(assigned, "aktivitet", "aktiviteter")+" besvarade")
	return strings.Join(parts, " · ")
}

// departmentAnswers prints, area by area, the department's answer to each
// activity it is assigned, then its general comment. The report's
// appendix and the receipt share it.
func (d *pdfDoc) departmentAnswers(dep forms.Department) {
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
		d.heading(pdfAreaTitle(i, ar), pdfStAreaSmall, 5, pdfHeadingNeed(pdfStBold, 3.5, pdfAnswerKeep))
		for _, a := range acts {
			d.answer(dep, a)
		}
	}
	if !any {
		d.paragraph(pdfMarginL, pdfContentW, "Verksamheten är inte tilldelad någon aktivitet.", pdfStMuted, 2)
	}

	d.heading("Övergripande kommentar", pdfStAreaSmall, 6, 0.5+2*pdfStBody.lead)
	d.space(0.5)
	general := ""
	if resp := rep.Responses[dep.ID]; resp != nil {
		general = strings.TrimSpace(resp.GeneralComment)
	}
	if general == "" {
		d.paragraph(pdfMarginL, pdfContentW, "Ingen övergripande kommentar har lämnats.", pdfStMuted, 0)
	} else {
		d.paragraph(pdfMarginL, pdfContentW, general, pdfStBody, 0)
	}
}

// pdfAnswerKeep is what an answer's heading keeps with it: the status line
// and the first line of the comment.
var pdfAnswerKeep = 0.3 + 2*pdfStBody.lead + 0.6

// answer prints one activity's answer: title, status (with the interim
// status in an annual round), whether support is needed, and the comment.
func (d *pdfDoc) answer(dep forms.Department, a forms.Activity) {
	rep := d.rep
	d.heading(d.activityTitle(a), pdfStBold, 3.5, pdfAnswerKeep)
	d.y += 0.3
	line := []pdfSegment{{text: "Status: ", st: pdfStMuted}}
	line = append(line, pdfStatusSegments(rep.Status(dep.ID, a.ID))...)
	if rep.Round.Kind == forms.RoundAnnual && rep.InterimRound != nil {
		line = append(line, pdfSegment{text: "      Vid delår: ", st: pdfStMuted})
		line = append(line, pdfStatusSegments(rep.InterimStatus(dep.ID, a.ID))...)
	}
	ans := pdfRawAnswer(rep, dep.ID, a.ID)
	if ans.NeedsSupport {
		line = append(line, pdfSegment{text: "      Behöver stöd", st: pdfStBold})
	}
	d.richParagraph(pdfMarginL, pdfContentW, line, "", pdfStBody, 0.6)
	if comment := strings.TrimSpace(ans.Comment); comment != "" {
		d.richParagraph(pdfMarginL, pdfContentW, []pdfSegment{{text: "Kommentar: ", st: pdfStMuted}}, comment, pdfStBody, 1)
	} else {
		d.paragraph(pdfMarginL, pdfContentW, "Ingen kommentar.", pdfStMuted, 1)
	}
}

// pdfStatusSegments shows a status as a swatch and its name, or "ej besvarad".
func pdfStatusSegments(st forms.Status, ok bool) []pdfSegment {
	if !ok {
		return []pdfSegment{{text: "ej besvarad", st: pdfStMuted}}
	}
	c := pdfParseColor(st.Color)
	return []pdfSegment{{swatch: &c, st: pdfStBody}, {text: st.Name, st: pdfStBody}}
}
