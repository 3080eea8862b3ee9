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

// PlanTemplate, GET /kontor/planer/mall.xlsx, sends the template, with the
// current departments.
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
	b := &templateBook{f: f}
	b.styles()
	b.planSheet(deps)
	b.departmentsSheet(deps)
	b.detailsSheet(meta)
	if b.err != nil {
		return b.err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// templateBook writes the template's sheets, keeping the first error.
type templateBook struct {
	f                        *excelize.File
	err                      error
	note, header, wrap, bold int
}

// do keeps err unless an error came before.
func (b *templateBook) do(err error) {
	if b.err == nil {
		b.err = err
	}
}

// set writes a cell's value.
func (b *templateBook) set(sheet, cell string, v any) { b.do(b.f.SetCellValue(sheet, cell, v)) }

// style makes a style.
func (b *templateBook) style(s *excelize.Style) int {
	id, err := b.f.NewStyle(s)
	b.do(err)
	return id
}

// styles makes the template's styles: an italic note, the header row, a
// wrapping cell and a bold label.
func (b *templateBook) styles() {
	b.note = b.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Font: &excelize.Font{Italic: true, Color: "404040"}})
	b.header = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1D4E89"}}, Alignment: &excelize.Alignment{Vertical: "center"}})
	b.wrap = b.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	b.bold = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
}

// planSheet writes the sheet Plan: the note, the header and two example
// rows, one naming the first department as respondent.
func (b *templateBook) planSheet(deps []forms.Department) {
	plan := forms.PlanSheetPlan
	b.do(b.f.SetSheetName("Sheet1", plan))
	b.set(plan, "A1", "Fyll i en rad per aktivitet från rad 3 och ersätt exempelraderna. Område: planens område; lämna tomt för att fortsätta i området ovanför. "+
		"Svarande: skriv alla, eller namnen på de verksamheter som ska svara, åtskilda med semikolon (;) – kopiera namnen från bladet Verksamheter. "+
		"Fyll också i bladet Uppgifter. Importera filen under Planer → Importera plan; du får se en förhandsgranskning innan något sparas.")
	for i, h := range []string{forms.PlanColumnArea, forms.PlanColumnActivity, forms.PlanColumnDescription, forms.PlanColumnRespondents} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		b.set(plan, cell, h)
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
			b.set(plan, cell, v)
		}
	}
	b.do(b.f.MergeCell(plan, "A1", "D1"))
	b.do(b.f.SetCellStyle(plan, "A1", "D1", b.note))
	b.do(b.f.SetRowHeight(plan, 1, 75))
	b.do(b.f.SetCellStyle(plan, "A2", "D2", b.header))
	b.do(b.f.SetCellStyle(plan, "A3", "D200", b.wrap))
	for col, width := range map[string]float64{"A": 28, "B": 40, "C": 60, "D": 40} {
		b.do(b.f.SetColWidth(plan, col, col, width))
	}
	b.do(b.f.SetPanes(plan, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}))
}

// departmentsSheet writes the sheet Verksamheter: the active departments'
// names to copy from.
func (b *templateBook) departmentsSheet(deps []forms.Department) {
	_, err := b.f.NewSheet(planSheetDepartments)
	b.do(err)
	b.set(planSheetDepartments, "A1", "Namn")
	b.set(planSheetDepartments, "B1", "Typ")
	b.set(planSheetDepartments, "D1", "Aktiva verksamheter. Kopiera namnen till kolumnen Svarande på bladet Plan.")
	for i, d := range deps {
		b.set(planSheetDepartments, fmt.Sprintf("A%d", i+2), forms.StripControl(d.Name))
		b.set(planSheetDepartments, fmt.Sprintf("B%d", i+2), string(d.Kind))
	}
	b.do(b.f.SetCellStyle(planSheetDepartments, "A1", "B1", b.header))
	b.do(b.f.SetColWidth(planSheetDepartments, "A", "A", 45))
	b.do(b.f.SetColWidth(planSheetDepartments, "B", "B", 15))
}

// detailsSheet writes the sheet Uppgifter: the plan's organisation, title
// and year in column B, filled in with a suggestion.
func (b *templateBook) detailsSheet(meta forms.PlanMeta) {
	details := forms.PlanSheetDetails
	_, err := b.f.NewSheet(details)
	b.do(err)
	b.set(details, "A1", "Uppgifter om planen. Ändra värdena i kolumn B.")
	b.set(details, "A3", forms.PlanDetailOrganisation)
	b.set(details, "B3", forms.StripControl(meta.Organisation))
	b.set(details, "A4", forms.PlanDetailTitle)
	b.set(details, "B4", forms.StripControl(meta.Title))
	b.set(details, "A5", forms.PlanDetailYear)
	b.set(details, "B5", meta.Year)
	b.do(b.f.SetCellStyle(details, "A1", "A1", b.note))
	b.do(b.f.SetCellStyle(details, "A3", "A5", b.bold))
	b.do(b.f.SetColWidth(details, "A", "A", 16))
	b.do(b.f.SetColWidth(details, "B", "B", 60))
}
