package xlsxrows

import (
	"testing"

	"followup/reports/internal/gomod"
)

// checkedExcelize is the version of excelize whose output and zip writing
// the package was checked against, as the package documentation lists
// them.
const checkedExcelize = "v2.11.1"

const excelizeModule = "github.com/xuri/excelize/v2"

// TestExcelizeVersionChecked fails when go.mod requires another version of
// excelize than the one the package was checked against: a change in how
// excelize zips a workbook or writes a row could leave sheets empty or
// rows written differently from the rest of the workbook.
func TestExcelizeVersionChecked(t *testing.T) {
	path, err := gomod.Find(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := gomod.Required(path, excelizeModule)
	if err != nil {
		t.Fatal(err)
	}
	if got != checkedExcelize {
		t.Fatalf("%s is %s in go.mod but reports/internal/xlsxrows was checked against %s: "+
			"re-check reports/internal/xlsxrows/zip.go, splice.go, rows.go, text.go and date.go against excelize, "+
			"property by property as reports/internal/xlsxrows/doc.go lists them "+
			"(run go test ./reports/... and look at TestRowWriterMatchesExcelize and TestWriteZipTo here "+
			"and TestXlsxKeepsEscapeLikeText in reports, and open a large workbook in Excel or LibreOffice), "+
			"then update checkedExcelize in %s",
			excelizeModule, got, checkedExcelize, "reports/internal/xlsxrows/version_test.go")
	}
}
