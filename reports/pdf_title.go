package reports

import (
	"strings"

	"followup/reports/internal/pdftag"
)

// Title page styles.
var (
	pdfStTitleOrg    = pdfTextStyle{12, pdfBold, 6, pdfColAccent}
	pdfStTitleKicker = pdfTextStyle{14, pdfRegular, 7, pdfColAccent}
	pdfStTitle       = pdfTextStyle{26, pdfBold, 11.5, pdfColAccent}
	pdfStTitleRound  = pdfTextStyle{16, pdfRegular, 8, pdfColInk}
	pdfStTitleKey    = pdfTextStyle{9.5, pdfRegular, 5.2, pdfColMuted}
	pdfStTitleValue  = pdfTextStyle{10.5, pdfRegular, 5.2, pdfColInk}
)

// titlePage draws the report's first page: organisation, the plan's
// title under the word "Uppföljning", the round, the report's date, who
// compiled it and how many departments have submitted.
func (d *pdfDoc) titlePage() {
	d.newPage()
	rep := d.rep
	d.y = 48
	if org := strings.TrimSpace(rep.Plan.Organisation); org != "" {
		d.paragraph(pdfMarginL, pdfContentW, org, pdfStTitleOrg, 0)
	}
	d.decor(pdftag.Decoration, func() {
		d.fill(pdfColAccent)
		d.rect(pdfMarginL, d.y+2, 22, 1.4, "F")
	})

	// The word above the plan's title and the title are one heading, the
	// document's first: "Uppföljning Handlingsplan 2024".
	d.y = 86
	d.tagged(pdftag.H1, func() {
		// The space after the word, which shows nothing, keeps it apart from
		// the title when the heading is read.
		d.lines(pdfMarginL, pdfContentW, []string{"Uppföljning "}, pdfStTitleKicker)
		d.space(1.5)
		d.lines(pdfMarginL, pdfContentW, d.split(planTitle(rep), pdfContentW, pdfStTitle), pdfStTitle)
	})
	d.space(3)
	d.paragraph(pdfMarginL, pdfContentW, pdfRoundLabel(rep), pdfStTitleRound, 0)

	rows := [][2]string{{"Datum", pdfDate(d.created)}}
	if by := strings.TrimSpace(rep.CompiledBy); by != "" {
		rows = append(rows, [2]string{"Sammanställd av", by})
	}
	if len(rep.Departments) > 0 {
		rows = append(rows, [2]string{"Svarsfrekvens", rep.ResponseCount().Text()})
	}

	d.y = max(d.y+20, 210)
	d.decor(pdftag.Decoration, func() {
		d.draw(pdfColRule, 0.3)
		d.line(pdfMarginL, d.y, pdfMarginL+pdfContentW, d.y)
	})
	d.y += 4
	d.keyValues(rows, 38, pdfStTitleKey, pdfStTitleValue)
}

// keyValues prints labelled lines: a muted label column of width keyW and
// a wrapped value beside it, a table whose labels head their rows.
func (d *pdfDoc) keyValues(rows [][2]string, keyW float64, key, value pdfTextStyle) {
	table := d.open(pdftag.Table)
	for _, r := range rows {
		lines := d.split(r[1], pdfContentW-keyW, value)
		d.ensure(float64(max(len(lines), 1)) * value.lead)
		tr := d.open(pdftag.TR)
		th := d.open(pdftag.TH)
		th.SetScope(pdftag.ScopeRow, 1)
		d.cell(pdfMarginL, keyW, r[0], key, "L")
		d.close(th)
		if len(lines) == 0 {
			d.y += value.lead
		}
		d.tagged(pdftag.TD, func() { d.lines(pdfMarginL+keyW, pdfContentW-keyW, lines, value) })
		d.close(tr)
		d.y += 1.2
	}
	d.close(table)
}
