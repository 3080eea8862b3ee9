package reports

import (
	"io"
	"testing"

	"followup/forms"
	"followup/forms/formstest"
)

// BenchmarkReport measures the PDF report of a typical municipality (20
// departments, 40 activities) and of a very large one (300 departments,
// 100 activities, with the appendix: thousands of pages).
func BenchmarkReport(b *testing.B) {
	for _, bc := range []struct {
		name        string
		departments int
		activities  int
	}{
		{"typical-20x40", 20, 40},
		{"large-300x100", 300, 100},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var rep *forms.RoundReport = formstest.Synthetic(bc.departments, bc.activities)
			opts := ReportOptions{Created: formstest.Clock}
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteReport(io.Discard, rep, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
