package pdfjoin

import (
	"testing"

	"followup/reports/internal/gomod"
)

// checkedFpdf is the version of fpdf whose output the joiner was checked
// against, property by property as the package documentation lists them.
const checkedFpdf = "v0.12.0"

const fpdfModule = "codeberg.org/go-pdf/fpdf"

// TestFpdfVersionChecked fails when go.mod requires another version of
// fpdf than the one the joiner was checked against: a change in fpdf's
// output could make the joiner fail, or worse, write a broken file.
func TestFpdfVersionChecked(t *testing.T) {
	path, err := gomod.Find(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := gomod.Required(path, fpdfModule)
	if err != nil {
		t.Fatal(err)
	}
	if got != checkedFpdf {
		t.Fatalf("%s is %s in go.mod but reports/internal/pdfjoin was checked against %s: "+
			"re-check reports/internal/pdfjoin/parse.go, join.go, finish.go, outline.go and info.go against fpdf's output, "+
			"property by property as reports/internal/pdfjoin/doc.go lists them "+
			"(run go test ./reports/... and look at TestFpdfOutput here and TestPDFReportInParts in reports, "+
			"and open a report drawn in parts in a PDF reader), then update checkedFpdf in %s",
			fpdfModule, got, checkedFpdf, "reports/internal/pdfjoin/version_test.go")
	}
}
