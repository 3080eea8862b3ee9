package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"followup/forms"
	"followup/forms/formstest"
)

func TestPDFReportCharacters(t *testing.T) {
	rep := formstest.Small()
	const sami = "Sámi: ŋ Ŋ đ Đ ŧ Ŧ č Č š Š ž Ž – “citat” ‘enkla’ – 120 000 € – åäö ÅÄÖ"
	c := rep.Consolidations[11]
	c.Narrative = sami
	rep.Consolidations[11] = c
	rep.Departments[3].Name = "Sámediggi Ŋuorra Đuoŧŧa"
	pages := pdfPages(t, pdfFile(t, pdfReport(t, rep)))
	body := pdfBody(pages, 2)
	for _, want := range []string{"Status: Pågår. " + sami, "Sámediggi Ŋuorra Đuoŧŧa"} {
		if !strings.Contains(body, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

func TestPDFReportLongTexts(t *testing.T) {
	rep := formstest.Small()
	short := pdfPageCount(t, pdfFile(t, pdfReport(t, rep)))

	var narrative, comment strings.Builder
	for i := 1; narrative.Len() < 5000; i++ {
		fmt.Fprintf(&narrative, "Mening %d om riskanalys och informationsklassning i nätverket. ", i)
	}
	for i := 1; comment.Len() < 10000; i++ {
		fmt.Fprintf(&comment, "Kommentarsrad %d: förvaltningen har arbetat vidare med kontinuitet och behörigheter. ", i)
		if i%12 == 0 {
			comment.WriteString("\n\n")
		}
	}
	c := rep.Consolidations[11]
	c.Narrative = strings.TrimSpace(narrative.String())
	rep.Consolidations[11] = c
	ans := rep.Responses[1].Answers[12]
	ans.Comment = strings.TrimSpace(comment.String())
	rep.Responses[1].Answers[12] = ans

	path := pdfFile(t, pdfReport(t, rep))
	n := pdfPageCount(t, path)
	if n < short+4 {
		t.Errorf("%d pages with long texts, %d without", n, short)
	}
	body := pdfBody(pdfPages(t, path), 2)
	if !strings.Contains(body, "Status: Pågår. "+pdfWords(c.Narrative)) {
		t.Error("the 5,000-character narrative is not printed in full")
	}
	if k := strings.Count(body, pdfWords(ans.Comment)); k != 2 {
		t.Errorf("the 10,000-character comment is printed in full %d times, want 2 (activity and appendix)", k)
	}
	pdfCheckBoxes(t, path)
	pdfCheckPixels(t, path, 1, n)
}

func TestPDFReportEmptyRound(t *testing.T) {
	rep := formstest.Small()
	rep.Responses = map[int64]*forms.Response{}
	rep.Consolidations = map[int64]forms.Consolidation{}
	rep.Interim = nil
	path := pdfFile(t, pdfReport(t, rep))
	body := pdfBody(pdfPages(t, path), 2)
	for _, want := range []string{
		"Ingen aktivitet har ännu fått en sammanställd status.",
		"Svarsfrekvensen är 0 %: 0 av 5 har lämnat in; 5 har inte börjat.",
		"Status: ännu inte sammanställd. Inget förslag kan ges eftersom ingen verksamhet har lämnat in svar om aktiviteten (5 av 5 utan inlämnat svar).",
		"Status: ännu inte sammanställd. Inget förslag kan ges eftersom ingen verksamhet har lämnat in svar om aktiviteten (1 av 1 utan inlämnat svar).",
		"Ej sammanställd 5 (100 %)",
		"Ingen aktivitet fortsätter i nästa års handlingsplan.",
		"Ingen verksamhet har lämnat in sina svar ännu.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("empty round lacks %q", want)
		}
	}
	if strings.Contains(body, "Övergripande kommentar") {
		t.Error("the appendix has pages for departments that have not answered")
	}
	pdfCheckBoxes(t, path)

	// No departments, no activities: still a whole document saying so.
	bare := &forms.RoundReport{
		Plan:  forms.Plan{Organisation: "Exempelby kommun", Title: "Tom plan", Year: 2025, Statuses: forms.DefaultScale()},
		Round: forms.Round{Kind: forms.RoundInterim}, GeneratedAt: formstest.Clock,
	}
	path = pdfFile(t, pdfReport(t, bare))
	body = pdfBody(pdfPages(t, path), 2)
	for _, want := range []string{"Delårsrapport 2025", "Handlingsplanen innehåller inga aktiviteter att följa upp.",
		"Inga verksamheter deltar i uppföljningen.", "Handlingsplanen innehåller inga områden."} {
		if !strings.Contains(body, want) {
			t.Errorf("bare round lacks %q", want)
		}
	}
}

func TestPDFReportLongDepartmentNames(t *testing.T) {
	rep := formstest.Small()
	long := strings.Repeat("Förvaltningen för samhällsbyggnad, kultur och fritid ", 4)
	long = string([]rune(long)[:forms.MaxNameRunes])
	word := strings.Repeat("Ö", forms.MaxNameRunes)
	rep.Departments[0].Name = strings.TrimSpace(long)
	rep.Departments[4].Name = word // submitted: it heads a page of the appendix
	path := pdfFile(t, pdfReport(t, rep))
	body := pdfBody(pdfPages(t, path), 2)
	if !strings.Contains(body, pdfWords(long)) {
		t.Error("long department name not printed in full")
	}
	if !strings.Contains(strings.ReplaceAll(body, " ", ""), word) {
		t.Error("department name without spaces not printed in full")
	}
	pdfCheckBoxes(t, path)
}

func TestPDFReportHostileText(t *testing.T) {
	rep := formstest.Small()
	c := rep.Consolidations[11]
	c.Narrative = "<b>fet</b> & <script>alert('x')</script> \x00\x07\x1b[31mröd\x1b[0m\r\n\ttabb \uFFFE \xff\xfe (parentes) \\ slut ✓"
	rep.Consolidations[11] = c
	rep.Plan.Title = "Plan <i>2024</i> )("
	data := pdfReport(t, rep)
	path := pdfFile(t, data)
	if pdfPageCount(t, path) < 5 {
		t.Fatal("hostile text broke the document")
	}
	pages := pdfPages(t, path)
	body := pdfBody(pages, 2)
	for _, want := range []string{"<b>fet</b> & <script>alert('x')</script> [31mröd[0m tabb □ (parentes) \\ slut □", "Uppföljning Plan <i>2024</i> )("} {
		if !strings.Contains(body, want) && !strings.Contains(pdfWords(pages[0]), want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, p := range pages {
		for _, r := range p {
			if unicode.IsControl(r) && r != '\n' {
				t.Fatalf("control character %U in the text", r)
			}
		}
	}
}

func TestPDFReportTablesRepeatHeader(t *testing.T) {
	rep := formstest.Synthetic(120, 3)
	rep.Settings.Appendix = false
	var buf bytes.Buffer
	if err := WriteReport(&buf, rep, ReportOptions{Created: formstest.Clock}); err != nil {
		t.Fatal(err)
	}
	path := pdfFile(t, buf.Bytes())
	pages := pdfPages(t, path)
	// A table row: a department's name, then its kind or a status.
	row := regexp.MustCompile(`^Förvaltning \d{3} för samhällsbyggnad och service (Förvaltning|Bolag|Förbund|Ej|Påbörjat|Pågår|Genomfört|Flyttas)`)
	heads := 0
	for i, p := range pages[2:] {
		text := pdfBody([]string{"", p}, 2)
		if !row.MatchString(text) {
			continue // the page does not start inside a table
		}
		t.Errorf("page %d starts with a table row without the header: %.80s", i+3, text)
	}
	for _, p := range pages {
		heads += strings.Count(pdfWords(p), "Verksamhet Delårsrapport Årsredovisning")
	}
	if heads < 6 {
		t.Errorf("department tables repeat their header %d times, want at least 6", heads)
	}
	pdfCheckBoxes(t, path)
}

func TestPDFReportHeadingsKeptWithText(t *testing.T) {
	rep := formstest.Synthetic(20, 40)
	path := pdfFile(t, pdfReport(t, rep))
	pages := pdfPages(t, path)
	heading := regexp.MustCompile(`^(\d+\.\d+ Aktivitet \d+: informationsklassning av verksamhetssystem|\d+ Område \d+|Kommentarer från verksamheterna|Övergripande kommentar)$`)
	inBody := false
	for i, p := range pages {
		if strings.Contains(p, "Uppföljning per område\n") {
			inBody = true
		}
		if !inBody {
			continue
		}
		var lines []string
		for l := range strings.SplitSeq(p, "\n") {
			if l = strings.TrimSpace(l); l != "" && !pdfFooterLine.MatchString(l) {
				lines = append(lines, l)
			}
		}
		lines = lines[1:] // the running header
		for j, l := range lines {
			want := 2
			if l == "Övergripande kommentar" {
				want = 1 // "Ingen övergripande kommentar har lämnats."
			}
			if heading.MatchString(l) && len(lines)-j-1 < want {
				t.Errorf("page %d: heading %q is left with %d lines below it", i+1, l, len(lines)-j-1)
			}
		}
	}
}
