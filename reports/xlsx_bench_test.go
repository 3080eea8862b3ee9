package reports

import (
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"followup/forms"
	"followup/forms/formstest"
	"followup/reports/internal/xlsxrows"
)

// benchRounds are the round sizes the workbook is measured at: a typical
// municipality and a large one. Each sub-benchmark builds its own round, so
// one run under /usr/bin/time measures only that size.
var benchRounds = []struct {
	name              string
	depts, activities int
}{
	{"typical-20x40", 20, 40},
	{"large-300x100", 300, 100},
}

func BenchmarkWorkbook(b *testing.B) {
	for _, size := range benchRounds {
		b.Run(size.name, func(b *testing.B) {
			rep := formstest.Synthetic(size.depts, size.activities)
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteWorkbook(io.Discard, rep, WorkbookOptions{PerDepartment: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWorkbookNoDepartmentSheets is the large round without the
// per-department sheets, to show what they cost.
func BenchmarkWorkbookNoDepartmentSheets(b *testing.B) {
	rep := formstest.Synthetic(300, 100)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteWorkbook(io.Discard, rep, WorkbookOptions{PerDepartment: false}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorkbookPlainAPI writes only the Svar cells with excelize's
// ordinary cell API, for comparison with the stream writer.
func BenchmarkWorkbookPlainAPI(b *testing.B) {
	for _, size := range benchRounds {
		b.Run(size.name, func(b *testing.B) {
			rep := formstest.Synthetic(size.depts, size.activities)
			b.ReportAllocs()
			for b.Loop() {
				if err := writeAnswersPlain(io.Discard, rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// writeAnswersPlain writes the Svar sheet's values cell by cell with
// SetCellValue, without styles or a table.
func writeAnswersPlain(w io.Writer, rep *forms.RoundReport) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	header := []string{"Område", "Aktivitet", "Verksamhet", "Typ", "Status", "Kommentar", "Behöver stöd",
		"Övergripande kommentar", "Inskickat av", "Inskickat", "Senast sparad", "Status vid delårsrapporten", "Förändrad"}
	for i, h := range header {
		if err := f.SetCellValue(sheet, xlCellRef(i+1, 1), h); err != nil {
			return err
		}
	}
	row := 1
	for _, area := range rep.Plan.Areas {
		for _, a := range area.Activities {
			for _, d := range rep.Departments {
				if !a.AssignedTo(d.ID) {
					continue
				}
				row++
				resp := rep.Responses[d.ID]
				var ans forms.Answer
				if resp != nil {
					ans = resp.Answers[a.ID]
				}
				st, _ := rep.Status(d.ID, a.ID)
				prev, _ := rep.InterimStatus(d.ID, a.ID)
				values := []any{area.Title, a.Title, d.Name, xlKindLabel(d.Kind), st.Name, cellText(ans.Comment),
					xlYesNo(ans.NeedsSupport), cellText(resp.GeneralComment), resp.SubmittedBy, resp.SubmittedAt,
					ans.UpdatedAt, prev.Name, xlYesNo(st.ID != prev.ID)}
				for i, v := range values {
					if err := f.SetCellValue(sheet, xlCellRef(i+1, row), v); err != nil {
						return err
					}
				}
			}
		}
	}
	// The same zip settings as WriteWorkbook.
	if err := xlsxrows.WriteZipTo(f, w, nil); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// BenchmarkWorkbookSvarStream writes only the Svar sheet the way
// WriteWorkbook does, through the stream writer: the counterpart of
// BenchmarkWorkbookPlainAPI.
func BenchmarkWorkbookSvarStream(b *testing.B) {
	for _, size := range benchRounds {
		b.Run(size.name, func(b *testing.B) {
			rep := formstest.Synthetic(size.depts, size.activities)
			b.ReportAllocs()
			for b.Loop() {
				if err := writeAnswersOnly(io.Discard, rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func writeAnswersOnly(w io.Writer, rep *forms.RoundReport) (err error) {
	f := excelize.NewFile()
	defer f.Close()
	wb := &xlWorkbook{f: f, rep: rep, opts: WorkbookOptions{}, fill: map[string]xlsxrows.Filler{}}
	if wb.st, err = newXlStyles(f, rep.Plan.Statuses); err != nil {
		return err
	}
	wb.depts = xlDepts(rep)
	if err := f.SetSheetName("Sheet1", sheetAnswers); err != nil {
		return err
	}
	if err := wb.writeAnswers(); err != nil {
		return err
	}
	if err := xlsxrows.WriteZipTo(f, w, wb.fill); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
