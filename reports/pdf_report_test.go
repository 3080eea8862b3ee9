package reports

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"followup/forms"
	"followup/forms/formstest"
)

// pdfNumbered returns the plan's activity titles as the report numbers
// them, in plan order.
func pdfNumbered(rep *forms.RoundReport) []string {
	var out []string
	for i, ar := range rep.Plan.Areas {
		for j, a := range ar.Activities {
			out = append(out, fmt.Sprintf("%d.%d %s", i+1, j+1, a.Title))
		}
	}
	return out
}

// pdfSection cuts body text from the last occurrence of from (the heading,
// after the contents) to the next occurrence of to.
func pdfSection(t *testing.T, body, from, to string) string {
	t.Helper()
	i := strings.LastIndex(body, from)
	if i < 0 {
		t.Fatalf("section %q not found", from)
	}
	s := body[i:]
	if to != "" {
		if j := strings.Index(s, to); j >= 0 {
			s = s[:j]
		}
	}
	return s
}

func TestPDFReportSmall(t *testing.T) {
	rep := formstest.Small()
	data := pdfReport(t, rep)
	path := pdfFile(t, data)
	pages := pdfPages(t, path)
	n := pdfPageCount(t, path)
	if len(pages) != n {
		t.Fatalf("pdftotext found %d pages, pdfinfo %d", len(pages), n)
	}

	// Title page: the plan's title as the office wrote it, under
	// "Uppföljning", and the response count with the counting rule.
	title := pdfWords(pages[0])
	for _, want := range []string{"Exempelby kommun Uppföljning Handlingsplan 2024 Årsredovisning 2024",
		"Datum 2024-12-18", "Sammanställd av Säkerhetsenheten, kommunledningskontoret",
		"Svarsfrekvens 2 av 5 har lämnat in; 1 utkast och 1 återsänt svar räknas inte; 1 har inte börjat"} {
		if !strings.Contains(title, want) {
			t.Errorf("title page lacks %q:\n%s", want, title)
		}
	}
	if strings.Contains(pages[0], "Uppföljning: Handlingsplan 2024") {
		t.Error("the title page has a running header")
	}
	// Footers and headers.
	for i, p := range pages {
		if want := fmt.Sprintf("Sida %d av %d", i+1, n); !strings.Contains(p, want) {
			t.Errorf("page %d lacks its footer %q", i+1, want)
		}
		if i > 0 && !strings.HasPrefix(strings.TrimSpace(p), "Uppföljning: Handlingsplan 2024") {
			t.Errorf("page %d lacks the running header", i+1)
		}
	}

	body := pdfBody(pages, 2)
	// Summary: counts of submitted answers only, with the rule beside them.
	summary := pdfSection(t, body, "Sammanfattning Uppföljningen inför", "Uppföljning per område")
	for _, want := range []string{
		"Uppföljningen inför årsredovisningen 2024 omfattar 5 aktiviteter i 2 områden. 2 av 5 aktiviteter har fått en sammanställd status.",
		"Svarsfrekvensen är 40 %: 2 av 5 har lämnat in; 1 utkast och 1 återsänt svar räknas inte; 1 har inte börjat. " +
			"Rapportens antal och andelar bygger bara på inlämnade svar. Sparade svar som inte är inlämnade visas inte.",
		"Barn- och utbildningsförvaltningen Förvaltning Inlämnad 4 av 4",
		"IT-avdelningen Förvaltning Utkast, ej inlämnad –",
		"Exempelby Energi AB Bolag Återsänd för komplettering –",
		"Räddningstjänstförbundet Väst Förbund Ej påbörjad –",
		"Kultur, fritid och idrott Förvaltning Inlämnad 4 av 4",
		"Kolumnen Svar räknar de tilldelade verksamheter som har angett en status i inlämnade svar (2 av 5 har lämnat in; 1 utkast och 1 återsänt svar räknas inte; 1 har inte börjat).",
		"1.1 Riskanalys av kritisk information Pågår 2 av 5",
		"1.2 Revidera registerförteckningen Ej sammanställd 2 av 5",
		"2.1 Tvåfaktorsautentisering Flyttas till nästa år 0 av 1",
		// The chart's labels: status, count and share beside each bar;
		// statuses no activity has are left out.
		"Statusar som ingen aktivitet har visas inte.",
		"Pågår 1 (20 %)", "Flyttas till nästa år 1 (20 %)", "Ej sammanställd 3 (60 %)",
	} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	if strings.Contains(summary, "Ej påbörjat 0 (0 %)") {
		t.Error("the chart shows a status no activity has")
	}

	// Every activity, its status and narrative, in plan order.
	areas := pdfSection(t, body, "Uppföljning per område 1 Styrning", pdfSecCarried+" Följande")
	pos := 0
	for i, a := range rep.Plan.Activities() {
		title := pdfNumbered(rep)[i]
		k := strings.Index(areas[pos:], title)
		if k < 0 {
			t.Fatalf("activity %q missing or out of order", title)
		}
		pos += k
		var want string
		if st, ok := rep.ConsolidatedStatus(a.ID); ok {
			want = "Status: " + st.Name + ". " + rep.Consolidations[a.ID].Narrative
		} else {
			s := rep.Suggestion(a)
			want = "Status: ännu inte sammanställd. Förslag utifrån verksamheternas inlämnade svar: " + s.Status.Name +
				" (" + forms.CountsText(rep.Plan.Statuses, s.Tally) + ")."
		}
		if !strings.HasPrefix(areas[pos:], title) || !strings.Contains(areas[pos:], want) {
			t.Errorf("activity %q lacks %q", title, want)
		}
	}
	for _, want := range []string{
		"1.1 Riskanalys av kritisk information Varje verksamhet analyserar risker för tre informationstillgångar. Status: Pågår.",
		"Verksamhet Delårsrapport Årsredovisning Barn- och utbildningsförvaltningen Pågår Genomfört",
		"IT-avdelningen Påbörjat Ej inlämnad",
		"Exempelby Energi AB Ej inlämnad Ej inlämnad",
		"Räddningstjänstförbundet Väst Ej inlämnad Ej inlämnad",
		"Kultur, fritid och idrott Ej inlämnad Genomfört",
		"Kommentarer från verksamheterna Barn- och utbildningsförvaltningen Klart för tre tillgångar. Kultur, fritid och idrott Analysen gjordes för bokningssystemet.",
		"1.3 Kontinuitetsplan Status: ännu inte sammanställd.", // no description
		"(1 av 5 Pågår, 1 Ej aktuellt, 3 utan inlämnat svar; 1 återsänt svar räknas inte)",
	} {
		if !strings.Contains(areas, want) {
			t.Errorf("follow-up lacks %q", want)
		}
	}
	// The office left out the comments on 2.1; the appendix still has them.
	it := pdfSection(t, areas, "2.1 Tvåfaktorsautentisering", "2.2 Behörighetsgranskning")
	if strings.Contains(it, "Upphandling klar") {
		t.Error("comments printed although the office left them out")
	}
	carried := pdfSection(t, body, pdfSecCarried+" Följande", pdfSecAppendix)
	for _, want := range []string{"Följande aktivitet fortsätter i nästa års handlingsplan.",
		"Aktivitet Sammanställd status Skäl 2 IT-säkerhet 2.1 Tvåfaktorsautentisering Flyttas till nästa år –"} {
		if !strings.Contains(carried, want) {
			t.Errorf("carried-over section lacks %q: %s", want, carried)
		}
	}

	// Appendix: the departments that have submitted, each from the top of
	// a page; the others are named in the response-rate table only.
	appendix := pdfSection(t, body, pdfSecAppendix+" Bilagan", "")
	for _, want := range []string{
		"Verksamheter som inte har lämnat in har ingen sida här; tabellen under Svarsfrekvens visar var deras svar står.",
		"Barn- och utbildningsförvaltningen Förvaltning · Inlämnad 2024-12-17 av Åsa Öberg · 4 av 4 aktiviteter besvarade",
		"1.2 Revidera registerförteckningen Status: Pågår Vid delår: Påbörjat Behöver stöd Kommentar: =SUM(A1:A9) ska vara text",
		"1.3 Kontinuitetsplan Status: Genomfört Vid delår: Ej besvarad Ingen kommentar.",
		"Övergripande kommentar Vi har haft “tuffa” prioriteringar – men är nöjda.",
		"Kultur, fritid och idrott Förvaltning · Inlämnad 2024-12-17 av Kim Ek · 4 av 4 aktiviteter besvarade",
		"1.2 Revidera registerförteckningen Status: Ej aktuellt Vid delår: Ej inlämnad Kommentar: Förteckningen sköts av kommunstyrelsen.",
	} {
		if !strings.Contains(appendix, want) {
			t.Errorf("appendix lacks %q", want)
		}
	}
	for _, dep := range []string{"IT-avdelningen", "Exempelby Energi AB", "Räddningstjänstförbundet Väst"} {
		if strings.Contains(appendix, dep) {
			t.Errorf("the appendix has a page for %s, which has not submitted", dep)
		}
	}
	for i, dep := range rep.Submitted() {
		first := pdfSecAppendix
		if i > 0 {
			first = dep.Name
		}
		found := false
		for _, p := range pages {
			if strings.HasPrefix(pdfBody([]string{"", p}, 2), first+" ") && strings.Contains(p, dep.Name) {
				found = true
			}
		}
		if !found {
			t.Errorf("department %q does not start a page", dep.Name)
		}
	}
}

func TestPDFReportMetadataAndOutline(t *testing.T) {
	rep := formstest.Small()
	data := pdfReport(t, rep)
	path := pdfFile(t, data)
	info := pdfInfo(t, path)
	for k, want := range map[string]string{
		"Title":   "Uppföljning: Handlingsplan 2024 – Årsredovisning 2024",
		"Author":  "Säkerhetsenheten, kommunledningskontoret",
		"Creator": "followup",
		"Subject": "Uppföljning av handlingsplanen för informationssäkerhet och dataskydd, Årsredovisning 2024",
	} {
		if info[k] != want {
			t.Errorf("pdfinfo %s = %q, want %q", k, info[k], want)
		}
	}
	if !strings.HasPrefix(info["Page size"], "595.28 x 841.89") {
		t.Errorf("page size %q, want A4", info["Page size"])
	}
	for _, raw := range []string{"/Lang (sv-SE)", "/CreationDate (D:20241218093000Z)", "/ModDate (D:20241218093000Z)", "/PageMode /UseOutlines"} {
		if !bytes.Contains(data, []byte(raw)) {
			t.Errorf("PDF lacks %s", raw)
		}
	}

	want := []string{"Innehåll", "Sammanfattning", "Uppföljning per område", "1 Styrning och samordning"}
	titles := pdfNumbered(rep)
	want = append(want, titles[:3]...)
	want = append(want, "2 IT-säkerhet")
	want = append(want, titles[3:]...)
	want = append(want, pdfSecCarried, pdfSecAppendix)
	for _, d := range rep.Submitted() {
		want = append(want, d.Name)
	}
	if got := pdfOutline(t, data); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The contents list every entry but itself, each on the right page.
	if listed := pdfContents(t, pdfPages(t, path)); strings.Join(listed, "\n") != strings.Join(want[1:], "\n") {
		t.Errorf("contents:\n%s\nwant:\n%s", strings.Join(listed, "\n"), strings.Join(want[1:], "\n"))
	}
}

// pdfContents reads the contents pages (from page 2 to the summary) and
// checks that each entry's title is on the page it gives.
func pdfContents(t *testing.T, pages []string) []string {
	t.Helper()
	entry := regexp.MustCompile(`^\s*(\S.*?)\s{2,}(\d+)\s*$`)
	var listed []string
	last := 2 // the last contents page, known from the first entry
	for i := 1; i < last && i < len(pages); i++ {
		for j, line := range strings.Split(pages[i], "\n") {
			m := entry.FindStringSubmatch(line)
			if m == nil || j < 2 || pdfFooterLine.MatchString(line) {
				continue // the running header, the footer
			}
			p, _ := strconv.Atoi(m[2])
			if len(listed) == 0 {
				last = p - 1
			}
			listed = append(listed, m[1])
			if p <= last || p > len(pages) {
				t.Errorf("contents: %q on page %d of %d", m[1], p, len(pages))
				continue
			}
			if !strings.Contains(pdfWords(pages[p-1]), m[1]) {
				t.Errorf("contents: %q is not on page %d", m[1], p)
			}
		}
	}
	return listed
}

func TestPDFReportLongContents(t *testing.T) {
	rep := formstest.Synthetic(60, 12)
	data := pdfReport(t, rep)
	pages := pdfPages(t, pdfFile(t, data))
	listed := pdfContents(t, pages)
	if want := 2 + 2 + 12 + 1 + 1 + 60; len(listed) != want {
		t.Errorf("contents list %d entries, want %d", len(listed), want)
	}
	if outline := pdfOutline(t, data); strings.Join(outline[1:], "\n") != strings.Join(listed, "\n") {
		t.Error("the outline and the contents differ")
	}
	if strings.Contains(pages[2], "Uppföljningen avser") {
		t.Error("the contents fit on one page; the test wants them to run over")
	}
}

// pdfGolden turns the text of a PDF into a stable form: lines trimmed,
// runs of spaces collapsed, blank lines dropped, pages marked.
func pdfGolden(pages []string) string {
	var b strings.Builder
	for i, p := range pages {
		fmt.Fprintf(&b, "=== sida %d ===\n", i+1)
		for line := range strings.SplitSeq(p, "\n") {
			if l := pdfWords(line); l != "" {
				b.WriteString(l + "\n")
			}
		}
	}
	return b.String()
}

func TestPDFReportGolden(t *testing.T) {
	path := pdfFile(t, pdfReport(t, formstest.Small()))
	pdfCompareGolden(t, filepath.Join("testdata", "pdf", "small.golden"), pdfGolden(pdfPages(t, path)))
}

// pdfCompareGolden compares got with a golden file, or rewrites the file
// with -update.
func pdfCompareGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/ -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("text differs from %s at line %d (rerun with -update after checking the change):\n got: %s\nwant: %s", golden, i+1, g, w)
			}
		}
	}
}

func TestPDFReportDeterministic(t *testing.T) {
	rep := formstest.Small()
	var a, b, c bytes.Buffer
	if err := WriteReport(&a, rep, ReportOptions{Created: formstest.Clock}); err != nil {
		t.Fatal(err)
	}
	if err := WriteReport(&b, formstest.Small(), ReportOptions{Created: formstest.Clock}); err != nil {
		t.Fatal(err)
	}
	if err := WriteReport(&c, formstest.Small(), ReportOptions{}); err != nil { // zero: GeneratedAt
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs with the same options differ")
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("a zero Created does not fall back to GeneratedAt")
	}
}

func TestPDFReportInterimRound(t *testing.T) {
	rep := formstest.Small()
	rep.Round = *rep.InterimRound
	rep.InterimRound, rep.Interim = nil, nil
	path := pdfFile(t, pdfReport(t, rep))
	body := pdfBody(pdfPages(t, path), 2)
	for _, want := range []string{"Uppföljning Handlingsplan 2024 Delårsrapport per 2024-08-31",
		"Uppföljningen inför delårsrapporten per 2024-08-31 omfattar", "Verksamhet Status Barn- och utbildningsförvaltningen Genomfört"} {
		if !strings.Contains(body, want) {
			t.Errorf("interim report lacks %q", want)
		}
	}
	if strings.Contains(body, "Vid delår") {
		t.Error("an interim report compares with an interim round")
	}
	if got := ReportFileName(rep); got != "uppfoljning-2024-delarsrapport.pdf" {
		t.Errorf("ReportFileName = %q", got)
	}
}

func TestPDFFileNames(t *testing.T) {
	rep := formstest.Small()
	rep.Plan.Title = "../../etc/passwd\" <x>"
	rep.Departments[0].Name = "a/b\\c"
	for got, want := range map[string]string{
		ReportFileName(rep):      "uppfoljning-2024-arsredovisning.pdf",
		ReceiptFileName(rep, 1):  "kvitto-2024-arsredovisning-1.pdf",
		ReceiptFileName(rep, 42): "kvitto-2024-arsredovisning-42.pdf",
	} {
		if got != want {
			t.Errorf("file name %q, want %q", got, want)
		}
	}
}

func TestPDFCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"vanlig text – å ŋ €":   "vanlig text – å ŋ €",
		"a\x00b\x07c\x1bd":      "abcd",
		"tab\there":             "tab    here",
		"rad\r\nny":             "rad\nny",
		"bad \xff utf8":         "bad □ utf8",
		"bock ✓ och \uFFFE non": "bock □ och  non",
	} {
		if got := pdfClean(in); got != want {
			t.Errorf("pdfClean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPDFReportConcurrent(t *testing.T) {
	want := pdfReport(t, formstest.Small())
	done := make(chan []byte)
	for range 4 {
		go func() {
			var buf bytes.Buffer
			if err := WriteReport(&buf, formstest.Small(), ReportOptions{Created: formstest.Clock}); err != nil {
				t.Error(err)
			}
			done <- buf.Bytes()
		}()
	}
	for range 4 {
		if got := <-done; !bytes.Equal(got, want) {
			t.Error("a report written concurrently with others differs")
		}
	}
}
