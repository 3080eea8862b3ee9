package reports

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"followup/forms"
	"followup/reports/internal/xlsxrows"
)

// WorkbookOptions lets callers choose what the consolidated workbook holds
// and how its dates read, without changing the round itself.
type WorkbookOptions struct {
	// PerDepartment adds one sheet per department with its own answers, for
	// forwarding to that department; callers pass true by default.
	PerDepartment bool
	// Created is the document's creation time; zero means rep.GeneratedAt.
	Created time.Time
	// Location is the time zone dates and times are shown in, normally the
	// municipality's; nil keeps each time in its own zone.
	Location *time.Location
}

// The fixed sheets of the workbook, in order; department sheets follow.
const (
	sheetSummary = "Sammanställning"
	sheetAnswers = "Svar"
	sheetRate    = "Svarsfrekvens"
	sheetCharts  = "Diagram"
)

// WriteWorkbook writes the consolidated Excel workbook of a round to w so the
// office can filter, sort and forward the departments' answers: a summary
// grid, every answer as a table, the response rate per department, charts
// and, if asked, one sheet per department. Only submitted answers count;
// answers that are not submitted are left out or, when rep.Settings.Drafts
// says so, shown marked as drafts.
func WriteWorkbook(w io.Writer, rep *forms.RoundReport, opts WorkbookOptions) (err error) {
	if rep == nil {
		return errors.New("reports: no round report to write")
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	wb := &xlWorkbook{f: f, rep: rep, opts: opts, fill: map[string]xlsxrows.Filler{}}
	if err := wb.build(); err != nil {
		return err
	}
	if err := xlsxrows.WriteZipTo(f, w, wb.fill); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// WorkbookFileName returns the download name of a round's workbook, built
// only from the report year and the round kind so that no user text reaches
// a file name.
func WorkbookFileName(rep *forms.RoundReport) string {
	year := rep.Round.ReportDate.Year()
	if rep.Round.ReportDate.IsZero() {
		year = rep.Plan.Year
	}
	kind := "arsredovisning"
	if rep.Round.Kind == forms.RoundInterim {
		kind = "delarsrapport"
	}
	if year <= 0 || year > 9999 {
		return "uppfoljning-" + kind + ".xlsx"
	}
	return "uppfoljning-" + strconv.Itoa(year) + "-" + kind + ".xlsx"
}

// xlWorkbook carries what every sheet writer needs.
type xlWorkbook struct {
	f    *excelize.File
	rep  *forms.RoundReport
	opts WorkbookOptions
	st   *xlStyles
	// depts caches the cleaned texts of each department, by index in
	// rep.Departments.
	depts []xlDept
	// fill holds the sheets whose rows are written as the workbook is
	// zipped, by sheet name.
	fill map[string]xlsxrows.Filler
}

// fillRows has the rows of sheet written by fill while the workbook is
// zipped, after any rows the sheet's stream holds already, so that large
// sheets never wait in memory (see package xlsxrows).
func (w *xlWorkbook) fillRows(sheet string, fill xlsxrows.Filler) {
	w.fill[sheet] = fill
}

// xlDept holds a department's texts, cleaned once.
type xlDept struct {
	dept  forms.Department
	resp  *forms.Response
	state forms.ResponseState
	// shown is set when the department's answers are shown: submitted,
	// or not submitted with drafts shown (marked).
	shown    bool
	name     string
	kind     string
	general  string
	by       string
	answered int
	assigned int
}

// xlDepts cleans the texts of the round's departments once, leaving out
// the general comments that are not shown.
func xlDepts(rep *forms.RoundReport) []xlDept {
	out := make([]xlDept, 0, len(rep.Departments))
	for _, d := range rep.Departments {
		resp := rep.Responses[d.ID]
		state := resp.EffectiveState()
		info := xlDept{dept: d, resp: resp, state: state, shown: state.Counts() || rep.Settings.Drafts,
			name: cellText(d.Name), kind: xlKindLabel(d.Kind)}
		if resp != nil {
			info.by = cellText(resp.SubmittedBy)
			if info.shown {
				info.general = cellText(resp.GeneralComment)
			}
		}
		info.answered, info.assigned = rep.AnsweredOf(d.ID)
		out = append(out, info)
	}
	return out
}

func (w *xlWorkbook) build() error {
	var err error
	if w.st, err = newXlStyles(w.f, w.rep.Plan.Statuses); err != nil {
		return err
	}
	w.depts = xlDepts(w.rep)
	if err := w.f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return err
	}
	for _, name := range []string{sheetAnswers, sheetRate, sheetCharts} {
		if _, err := w.f.NewSheet(name); err != nil {
			return err
		}
	}
	if err := w.setDocProps(); err != nil {
		return err
	}
	steps := []func() error{w.writeSummary, w.writeAnswers, w.writeRate, w.writeCharts}
	if w.opts.PerDepartment {
		steps = append(steps, w.writeDepartments)
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (w *xlWorkbook) setDocProps() error {
	created := w.opts.Created
	if created.IsZero() {
		created = w.rep.GeneratedAt
	}
	if created.IsZero() {
		created = time.Now()
	}
	stamp := created.UTC().Format(time.RFC3339)
	return w.f.SetDocProps(&excelize.DocProperties{
		Title:       cellText(reportTitle(w.rep) + " – " + pdfRoundLabel(w.rep)),
		Subject:     cellText("Uppföljning av handlingsplan för informationssäkerhet, " + w.rep.Plan.Organisation),
		Description: cellText(roundKindWord(w.rep.Round.Kind) + ", rapportdatum " + xlDate(w.rep.Round.ReportDate) + ". Sammanställd av " + w.rep.CompiledBy + "."),
		Creator:     "followup",
		Language:    "sv-SE",
		Created:     stamp,
		Modified:    stamp,
	})
}

// pageSetup prints sheet in landscape on A4, fitted to the page width, with
// the first titleRows rows (and column A if titleCol) repeated on every
// page. For a streamed sheet it must be called before the stream is made.
func (w *xlWorkbook) pageSetup(sheet string, titleRows int, titleCol bool) error {
	if err := w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: xlBoolPtr(true)}); err != nil {
		return err
	}
	if err := w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Orientation: xlStrPtr("landscape"), Size: xlIntPtr(9), // A4
		FitToWidth: xlIntPtr(1), FitToHeight: xlIntPtr(0), // as many pages down as needed
	}); err != nil {
		return err
	}
	if titleRows == 0 && !titleCol {
		return nil
	}
	q := xlQuoteSheet(sheet)
	var refs []string
	if titleCol {
		refs = append(refs, q+"!$A:$A")
	}
	if titleRows > 0 {
		refs = append(refs, q+"!$1:$"+strconv.Itoa(titleRows))
	}
	return w.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: strings.Join(refs, ","), Scope: sheet,
	})
}

// local shows t in the chosen time zone.
func (w *xlWorkbook) local(t time.Time) time.Time {
	if w.opts.Location == nil || t.IsZero() {
		return t
	}
	return t.In(w.opts.Location)
}

// date is a cell holding t as a real Excel date-time, or nothing when t is
// zero.
func (w *xlWorkbook) date(t time.Time, style int) any {
	if t.IsZero() {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: w.local(t)}
}

// titleLine names the organisation, plan and round for sheet titles.
func (w *xlWorkbook) titleLine() string {
	parts := []string{w.rep.Plan.Organisation, w.rep.Plan.Title, w.rep.Round.Title}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return cellText(strings.Join(out, " – "))
}

// xlQuoteSheet quotes a sheet name for use in a formula reference.
func xlQuoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// xlHeaderRow turns header texts into cells in the given style.
func xlHeaderRow(style int, texts ...string) []any {
	row := make([]any, len(texts))
	for i, t := range texts {
		row[i] = excelize.Cell{StyleID: style, Value: t}
	}
	return row
}

func xlBoolPtr(b bool) *bool    { return &b }
func xlIntPtr(i int) *int       { return &i }
func xlStrPtr(s string) *string { return &s }
