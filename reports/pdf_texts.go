package reports

import (
	"strings"

	"followup/forms"
	"followup/reports/internal/pdftag"
)

// pdfTextTitles heads the office's own texts in the report.
var pdfTextTitles = map[forms.TextKind]string{
	forms.TextIntroduction: "Inledning",
	forms.TextAssessment:   "Samlad bedömning",
}

// pdfOfficeTexts lists the kinds of the office's texts that have
// something to say, in the order the report prints them.
func pdfOfficeTexts(rep *forms.RoundReport) []forms.TextKind {
	var out []forms.TextKind
	for _, k := range forms.TextKinds() {
		if strings.TrimSpace(rep.Texts[k].Body) != "" {
			out = append(out, k)
		}
	}
	return out
}

// officeTexts prints the office's introduction and overall assessment,
// each under its own heading, before the generated summary; a report
// without them goes straight to the summary.
func (d *pdfDoc) officeTexts() {
	for i, k := range pdfOfficeTexts(d.rep) {
		sect := d.open(pdftag.Sect)
		title := pdfTextTitles[k]
		if i == 0 {
			d.newPage()
			d.enter(0, title, d.heading(1, title, pdfStH1, 0, 20))
		} else {
			d.enter(0, title, d.heading(1, title, pdfStH1, 10, 20))
		}
		d.space(2)
		d.blocks(pdfMarginL, pdfContentW, d.rep.Texts[k].Body, pdfStBody, 3)
		d.close(sect)
	}
}
