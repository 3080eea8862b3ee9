package office

import (
	"bytes"
	"fmt"
	"io"

	"github.com/gin-gonic/gin"
	"github.com/xuri/excelize/v2"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// The spreadsheet template for importing a plan. Its sheets:
//
//   - Plan: a note in row 1, the header Område, Aktivitet, Beskrivning,
//     Svarande in row 2, and two example rows to overwrite. One row per
//     activity; a blank Område continues the area above. Svarande is "alla"
//     or department names separated by semicolons.
//   - Verksamheter: the active departments' names to copy from.
//   - Uppgifter: the plan's Organisation, Titel and År in column B, filled
//     in with a suggestion.
//
// forms.PlanSheets reads it back.

const planSheetDepartments = "Verksamheter"

// PlanTemplate sends the template, with the current departments.
func (h *Handlers) PlanTemplate(c *gin.Context) error {
	ctx := c.Request.Context()
	deps, err := h.site.DB.Departments(ctx, false)
	if err != nil {
		return err
	}
	year := h.site.Now().In(h.site.Loc).Year()
	meta := forms.PlanMeta{Year: year}
	if plans, err := h.site.DB.Plans(ctx); err == nil && len(plans) > 0 {
		meta.Organisation = plans[0].Organisation
		meta.Year = max(plans[0].Year+1, year)
	}
	meta.Title = fmt.Sprintf("Handlingsplan för informationssäkerhet och dataskydd %d", meta.Year)
	var buf bytes.Buffer
	if err := writePlanTemplate(&buf, deps, meta); err != nil {
		return err
	}
	site.SendFile(c, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "planmall.xlsx", buf.Bytes())
	return nil
}

// writePlanTemplate writes the template workbook to w.
func writePlanTemplate(w io.Writer, deps []forms.Department, meta forms.PlanMeta) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	note, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Font: &excelize.Font{Italic: true, Color: "404040"}})
	if err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1D4E89"}}, Alignment: &excelize.Alignment{Vertical: "center"}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}

	// Plan
	plan := forms.PlanSheetPlan
	if err := f.SetSheetName("Sheet1", plan); err != nil {
		return err
	}
	set := func(sheet, cell string, v any) {
		if err == nil {
			err = f.SetCellValue(sheet, cell, v)
		}
	}
	set(plan, "A1", "Fyll i en rad per aktivitet från rad 3 och ersätt exempelraderna. Område: planens område; lämna tomt för att fortsätta i området ovanför. "+
		"Svarande: skriv alla, eller namnen på de verksamheter som ska svara, åtskilda med semikolon (;) – kopiera namnen från bladet Verksamheter. "+
		"Fyll också i bladet Uppgifter. Importera filen under Planer → Importera plan; du får se en förhandsgranskning innan något sparas.")
	for i, h := range []string{forms.PlanColumnArea, forms.PlanColumnActivity, forms.PlanColumnDescription, forms.PlanColumnRespondents} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		set(plan, cell, h)
	}
	example := "alla"
	if len(deps) > 0 {
		example = deps[0].Name
	}
	rows := [][]string{
		{"Ledning och samordning", "Information till ledningsgrupper", "Samordnarna besöker ledningsgrupperna och går igenom läget och årets prioriteringar.", "alla"},
		{"", "Riskanalys av kritisk information", "Verksamheten analyserar hot och sårbarheter för sina mest kritiska informationstillgångar.", example},
	}
	for r, row := range rows {
		for col, v := range row {
			cell, _ := excelize.CoordinatesToCellName(col+1, r+3)
			set(plan, cell, v)
		}
	}
	if err != nil {
		return err
	}
	if err := f.MergeCell(plan, "A1", "D1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(plan, "A1", "D1", note); err != nil {
		return err
	}
	if err := f.SetRowHeight(plan, 1, 75); err != nil {
		return err
	}
	if err := f.SetCellStyle(plan, "A2", "D2", header); err != nil {
		return err
	}
	if err := f.SetCellStyle(plan, "A3", "D200", wrap); err != nil {
		return err
	}
	for col, width := range map[string]float64{"A": 28, "B": 40, "C": 60, "D": 40} {
		if err := f.SetColWidth(plan, col, col, width); err != nil {
			return err
		}
	}
	if err := f.SetPanes(plan, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}

	// Verksamheter
	if _, err := f.NewSheet(planSheetDepartments); err != nil {
		return err
	}
	set(planSheetDepartments, "A1", "Namn")
	set(planSheetDepartments, "B1", "Typ")
	set(planSheetDepartments, "D1", "Aktiva verksamheter. Kopiera namnen till kolumnen Svarande på bladet Plan.")
	for i, d := range deps {
		set(planSheetDepartments, fmt.Sprintf("A%d", i+2), forms.StripControl(d.Name))
		set(planSheetDepartments, fmt.Sprintf("B%d", i+2), string(d.Kind))
	}
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(planSheetDepartments, "A1", "B1", header); err != nil {
		return err
	}
	if err := f.SetColWidth(planSheetDepartments, "A", "A", 45); err != nil {
		return err
	}
	if err := f.SetColWidth(planSheetDepartments, "B", "B", 15); err != nil {
		return err
	}

	// Uppgifter
	details := forms.PlanSheetDetails
	if _, err := f.NewSheet(details); err != nil {
		return err
	}
	set(details, "A1", "Uppgifter om planen. Ändra värdena i kolumn B.")
	set(details, "A3", forms.PlanDetailOrganisation)
	set(details, "B3", forms.StripControl(meta.Organisation))
	set(details, "A4", forms.PlanDetailTitle)
	set(details, "B4", forms.StripControl(meta.Title))
	set(details, "A5", forms.PlanDetailYear)
	set(details, "B5", meta.Year)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(details, "A1", "A1", note); err != nil {
		return err
	}
	if err := f.SetCellStyle(details, "A3", "A5", bold); err != nil {
		return err
	}
	if err := f.SetColWidth(details, "A", "A", 16); err != nil {
		return err
	}
	if err := f.SetColWidth(details, "B", "B", 60); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}
