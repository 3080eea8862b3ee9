package reports

import (
	"strconv"
	"strings"

	"followup/reports/internal/pdftag"
)

// pdfCarriedKeep is what the section's heading keeps with it: its
// introduction and the start of its table.
const pdfCarriedKeep = 45.0

// carriedOver lists the activities that continue into next year: those
// whose consolidated status moves them there, and those not done that the
// office marked as continuing, each with the office's short reason.
func (d *pdfDoc) carriedOver() {
	rep := d.rep
	sect := d.open(pdftag.Sect)
	defer d.close(sect)
	d.section(pdfSecCarried, pdfCarriedKeep)
	d.space(2)
	acts := rep.CarriedOver()
	if len(acts) == 0 {
		d.paragraph(pdfMarginL, pdfContentW, "Ingen aktivitet fortsätter i nästa års handlingsplan.", pdfStBody, 0)
		return
	}
	intro := "Följande aktivitet fortsätter i nästa års handlingsplan."
	if len(acts) > 1 {
		intro = "Följande " + strconv.Itoa(len(acts)) + " aktiviteter fortsätter i nästa års handlingsplan."
	}
	intro += " En aktivitet fortsätter när dess sammanställda status flyttar den dit, eller när den inte är genomförd och samordnarna har beslutat att den ska fortsätta."
	d.paragraph(pdfMarginL, pdfContentW, intro, pdfStBody, 4)
	// By area, as the status table: an area's title spans the table above
	// its activities, which leaves the columns room for the reasons.
	t := &pdfTable{cols: []pdfColumn{{"Aktivitet", 66, "L"}, {"Sammanställd status", 40, "L"}, {"Skäl", 54, "L"}}}
	for i, ar := range rep.Plan.Areas {
		group := false
		for _, c := range acts {
			if c.Area.ID != ar.ID {
				continue
			}
			if !group {
				t.rows = append(t.rows, pdfTableRow{group: true, cells: []pdfTableCell{{text: pdfAreaTitle(i, ar), st: pdfStSmallB}}})
				group = true
			}
			reason := strings.TrimSpace(c.Reason)
			if reason == "" {
				reason = "–"
			}
			t.rows = append(t.rows, pdfTableRow{cells: []pdfTableCell{
				{text: d.activityTitle(c.Activity)}, pdfConsolidatedCell(rep, c.Activity.ID), {text: reason},
			}})
		}
	}
	d.drawTable(t)
}
