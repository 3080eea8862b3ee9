package reports

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"followup/forms"
)

// WriteReceipt writes a PDF receipt of one department's response to a
// round: who submitted it and when, and every assigned activity with its
// status, comment and need of support, plus the general comment. It is
// what a department keeps as proof of what it reported: it shows the
// department's answers whatever the state of its response, with a notice
// when they are not submitted. rep.Settings is ignored.
func WriteReceipt(w io.Writer, rep *forms.RoundReport, departmentID int64, opts ReportOptions) error {
	if rep == nil {
		return errors.New("reports: no round to write a receipt for")
	}
	var dep forms.Department
	found := false
	for _, x := range rep.Departments {
		if x.ID == departmentID {
			dep, found = x, true
			break
		}
	}
	if !found {
		return forms.Errorf(forms.ENOTFOUND, "department %d does not take part in round %d", departmentID, rep.Round.ID)
	}
	name := strings.TrimSpace(dep.Name)
	opts.Created = pdfCreated(rep, opts) // the same date in both passes
	return pdfDraw(w, func() *pdfDoc {
		d := pdfNewDoc(rep, opts, "Kvitto – "+name+" – "+pdfRoundLabel(rep), reportTitle(rep)+" – "+pdfRoundLabel(rep))
		d.headerLeft = "Kvitto · " + name
		d.headerRight = pdfRoundLabel(rep)
		d.footerLeft = rep.Plan.Organisation
		d.headerFrom = 1
		return d
	}, func(d *pdfDoc) {
		d.newPage()
		const title = "Kvitto på lämnade svar"
		d.enter(0, title, d.heading(1, title, pdfStH1, 0, 20))
		d.space(1)
		d.paragraph(pdfMarginL, pdfContentW, "Kvittot visar de svar som "+name+" har lämnat i uppföljningen inför "+
			pdfRoundPhrase(rep)+".", pdfStBody, 4)
		d.keyValues(pdfReceiptFacts(rep, dep, d), 46, pdfStTitleKey, pdfStTitleValue)

		if rep.ResponseState(dep.ID) != forms.ResponseSubmitted {
			d.space(3)
			d.paragraph(pdfMarginL, pdfContentW, "Svaren är ännu inte inlämnade. Kvittot visar svaren så som de var sparade "+
				pdfDate(d.created)+".", pdfStBold, 0)
		}
		d.space(4)
		const answers = "Svar per aktivitet"
		d.enter(0, answers, d.heading(2, answers, pdfStH2, 4, 20))
		d.departmentAnswers(dep, pdfOwnAnswers)
	})
}

// pdfReceiptFacts lists the receipt's particulars: round, department, state,
// who submitted it and when.
func pdfReceiptFacts(rep *forms.RoundReport, dep forms.Department, d *pdfDoc) [][2]string {
	rows := [][2]string{
		{"Organisation", rep.Plan.Organisation},
		{"Handlingsplan", planTitle(rep)},
		{"Uppföljning", pdfRoundLabel(rep)},
		{"Verksamhet", dep.Name + " (" + strings.ToLower(pdfKindWord(dep.Kind)) + ")"},
	}
	resp := rep.Responses[dep.ID]
	state := rep.ResponseState(dep.ID)
	rows = append(rows, [2]string{"Svarsläge", pdfStateWord(state)})
	if state == forms.ResponseSubmitted && resp != nil {
		by := strings.TrimSpace(resp.SubmittedBy)
		if by == "" {
			by = "–"
		}
		rows = append(rows, [2]string{"Inlämnad av", by})
		if !resp.SubmittedAt.IsZero() {
			rows = append(rows, [2]string{"Inlämnad", pdfDateTime(d.local(resp.SubmittedAt))})
		}
	} else if resp != nil && strings.TrimSpace(resp.FilledInBy) != "" {
		rows = append(rows, [2]string{"Ifylld av", resp.FilledInBy})
	}
	answered, assigned := rep.AnsweredOf(dep.ID)
	rows = append(rows, [2]string{"Besvarade", strconv.Itoa(answered) + " av " + pdfCountWord(assigned, "aktivitet", "aktiviteter")})
	rows = append(rows, [2]string{"Kvittot skapat", pdfDate(d.created)})
	return rows
}
