package reports

import (
	"path/filepath"
	"strings"
	"testing"

	"followup/forms/formstest"
)

// TestPDFReportTagged checks the report as a tagged PDF (PDF/UA-1) and as
// PDF/A-2: its structure, read back with qpdf, and its text in structure
// order, read with poppler, against testdata/pdf/small-structure.golden.
func TestPDFReportTagged(t *testing.T) {
	data := pdfReport(t, formstest.Small())
	path := pdfFile(t, data)
	tagged := pdfCheckTagged(t, path, "Uppföljning: Handlingsplan 2024 – Årsredovisning 2024")
	text := pdfCheckReading(t, tagged, data, filepath.Join("testdata", "pdf", "small-structure.golden"))
	pdfCheckPoppler(t, path, tagged, text)
	for _, want := range []string{
		"H1: Uppföljning Handlingsplan 2024\n",
		"Figure: Stapeldiagram: antal aktiviteter per sammanställd status.",
		"TR: Verksamhet | Typ | Svarsläge | Besvarade\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text in structure order lacks %q:\n%s", want, text)
		}
	}
}

// TestPDFReceiptTagged checks a receipt as the report, with the
// characters of every language the municipality writes in.
func TestPDFReceiptTagged(t *testing.T) {
	data := pdfReceipt(t, formstest.Small(), 2)
	path := pdfFile(t, data)
	tagged := pdfCheckTagged(t, path, "Kvitto – IT-avdelningen – Årsredovisning 2024")
	text := pdfCheckReading(t, tagged, data, filepath.Join("testdata", "pdf", "receipt-structure.golden"))
	pdfCheckPoppler(t, path, tagged, text)
	for _, want := range []string{"Ŋora Đuoŧŧa", "120 000 €"} {
		if !strings.Contains(text, want) {
			t.Errorf("the receipt's text in structure order lacks %q:\n%s", want, text)
		}
	}
}
