package reports

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"followup/forms"
	"followup/forms/formstest"
)

// pdfReceipt renders a department's receipt with a fixed date.
func pdfReceipt(t *testing.T, rep *forms.RoundReport, departmentID int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReceipt(&buf, rep, departmentID, ReportOptions{Created: formstest.Clock}); err != nil {
		t.Fatalf("WriteReceipt: %v", err)
	}
	return buf.Bytes()
}

func TestPDFReceiptSubmitted(t *testing.T) {
	rep := formstest.Small()
	data := pdfReceipt(t, rep, 1)
	path := pdfFile(t, data)
	pages := pdfPages(t, path)
	n := pdfPageCount(t, path)
	for i, p := range pages {
		if want := fmt.Sprintf("Sida %d av %d", i+1, n); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
	body := pdfBody(pages, 1)
	for _, want := range []string{
		"Kvitto på lämnade svar",
		"Organisation Exempelby kommun Handlingsplan Handlingsplan 2024 Uppföljning Årsredovisning 2024",
		"Verksamhet Barn- och utbildningsförvaltningen (förvaltning) Svarsläge Inlämnad",
		"Inlämnad av Åsa Öberg Inlämnad 2024-12-17 kl. 09:30 Besvarade 4 av 4 aktiviteter Kvittot skapat 2024-12-18",
		"1.1 Riskanalys av kritisk information Status: Genomfört Vid delår: Pågår Kommentar: Klart för tre tillgångar.",
		"1.2 Revidera registerförteckningen Status: Pågår Vid delår: Påbörjat Behöver stöd Kommentar: =SUM(A1:A9) ska vara text",
		"1.3 Kontinuitetsplan Status: Genomfört Vid delår: Ej besvarad Ingen kommentar.",
		"2.2 Behörighetsgranskning Status: Påbörjat Vid delår: Ej besvarad Kommentar: @Åke: börjar i januari",
		"Övergripande kommentar Vi har haft “tuffa” prioriteringar – men är nöjda.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("receipt lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "Tvåfaktorsautentisering") {
		t.Error("the receipt shows an activity the department is not assigned")
	}
	if strings.Contains(body, "ännu inte inlämnade") {
		t.Error("a submitted response is called not submitted")
	}
	if got := pdfOutline(t, data); strings.Join(got, "|") != "Kvitto på lämnade svar|Svar per aktivitet" {
		t.Errorf("outline %q", got)
	}
	if title := pdfInfo(t, path)["Title"]; title != "Kvitto – Barn- och utbildningsförvaltningen – Årsredovisning 2024" {
		t.Errorf("title %q", title)
	}
	pdfCheckBoxes(t, path)
	if !bytes.Equal(data, pdfReceipt(t, formstest.Small(), 1)) {
		t.Error("two receipts with the same options differ")
	}
}

func TestPDFReceiptDraftAndEmpty(t *testing.T) {
	rep := formstest.Small()
	body := pdfBody(pdfPages(t, pdfFile(t, pdfReceipt(t, rep, 2))), 1)
	for _, want := range []string{
		"Svarsläge Utkast, ej inlämnad Ifylld av Ŋora Đuoŧŧa",
		"Svaren är ännu inte inlämnade.",
		"Kommentar: Upphandling klar, införande 2025. Kostnad 120 000 €.",
		"Kommentar: <script>alert(1)</script> gäller ej oss",
		"1.2 Revidera registerförteckningen Status: Ej besvarad Vid delår: Ej besvarad Ingen kommentar.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("draft receipt lacks %q", want)
		}
	}
	body = pdfBody(pdfPages(t, pdfFile(t, pdfReceipt(t, rep, 4))), 1)
	for _, want := range []string{"Svarsläge Ej påbörjad", "Besvarade 0 av 4 aktiviteter", "Ingen övergripande kommentar har lämnats."} {
		if !strings.Contains(body, want) {
			t.Errorf("empty receipt lacks %q", want)
		}
	}
	if k := strings.Count(body, "Status: Ej besvarad"); k != 4 {
		t.Errorf("empty receipt shows %d unanswered activities, want 4", k)
	}
}

func TestPDFReceiptLongComment(t *testing.T) {
	rep := formstest.Small()
	ans := rep.Responses[1].Answers[11]
	ans.Comment = strings.TrimSpace(strings.Repeat("Lång kommentar om kontinuitetsplanering och övningar. ", 190))
	rep.Responses[1].Answers[11] = ans
	path := pdfFile(t, pdfReceipt(t, rep, 1))
	n := pdfPageCount(t, path)
	if n < 3 {
		t.Errorf("a 10,000-character comment fits on %d pages", n)
	}
	if !strings.Contains(pdfBody(pdfPages(t, path), 1), pdfWords(ans.Comment)) {
		t.Error("the long comment is not printed in full")
	}
	pdfCheckBoxes(t, path)
	pdfCheckPixels(t, path, 1, n)
}

func TestPDFReceiptUnknownDepartment(t *testing.T) {
	err := WriteReceipt(io.Discard, formstest.Small(), 99, ReportOptions{})
	if forms.ErrorCode(err) != forms.ENOTFOUND {
		t.Errorf("receipt of an unknown department: %v, want %s", err, forms.ENOTFOUND)
	}
	if err := WriteReceipt(io.Discard, nil, 1, ReportOptions{}); err == nil {
		t.Error("receipt of a nil round: no error")
	}
	if err := WriteReport(io.Discard, nil, ReportOptions{}); err == nil {
		t.Error("report of a nil round: no error")
	}
}

// TestPDFReceiptLocalTime prints the submission time in the municipality's
// time zone, not in UTC as storage keeps it.
func TestPDFReceiptLocalTime(t *testing.T) {
	rep := formstest.Small() // submitted 2024-12-17 09:30 UTC
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteReceipt(&buf, rep, 1, ReportOptions{Created: formstest.Clock, Location: loc}); err != nil {
		t.Fatal(err)
	}
	text := pdfWords(strings.Join(pdfPages(t, pdfFile(t, buf.Bytes())), " "))
	if !strings.Contains(text, "2024-12-17 kl. 10:30") {
		t.Fatalf("the receipt does not show the submission at 10:30 Stockholm time:\n%s", text)
	}
}
