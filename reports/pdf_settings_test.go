package reports

import (
	"io"
	"strings"
	"testing"

	"followup/forms"
	"followup/forms/formstest"
)

// pdfReportText renders a report and returns its body text (pdfBody), the
// text of its title page, and its outline.
func pdfReportText(t *testing.T, rep *forms.RoundReport) (body, title string, outline []string) {
	t.Helper()
	data := pdfReport(t, rep)
	pages := pdfPages(t, pdfFile(t, data))
	return pdfBody(pages, 2), pdfWords(pages[0]), pdfOutline(t, data)
}

// TestPDFReportSettings changes one of the round's report settings at a
// time and wants the PDF to change as the office chose, and nothing else
// to go missing.
func TestPDFReportSettings(t *testing.T) {
	base, _, _ := pdfReportText(t, formstest.Small())
	for _, tc := range []struct {
		name      string
		change    func(rep *forms.RoundReport)
		gone, new []string // texts the change removes and adds
	}{
		{
			name:   "NoAppendix",
			change: func(rep *forms.RoundReport) { rep.Settings.Appendix = false },
			gone:   []string{pdfSecAppendix, "Övergripande kommentar Vi har haft “tuffa” prioriteringar"},
		},
		{
			name:   "NoDepartmentTables",
			change: func(rep *forms.RoundReport) { rep.Settings.DepartmentTables = false },
			gone:   []string{"Verksamhet Delårsrapport Årsredovisning", "Räddningstjänstförbundet Väst Ej inlämnad Ej inlämnad"},
		},
		{
			name:   "NoComments",
			change: func(rep *forms.RoundReport) { rep.Settings.Comments = false },
			gone:   []string{"Kommentarer från verksamheterna"},
		},
		{
			name:   "NoChart",
			change: func(rep *forms.RoundReport) { rep.Settings.Chart = false },
			gone:   []string{"Aktiviteter per status", "Antal aktiviteter per sammanställd status.", "Ej sammanställd 3 (60 %)"},
		},
		{
			name:   "EmptyStatuses",
			change: func(rep *forms.RoundReport) { rep.Settings.EmptyStatuses = true },
			gone:   []string{"Statusar som ingen aktivitet har visas inte."},
			new:    []string{"Ej påbörjat 0 (0 %)", "Genomfört 0 (0 %)", "Ej aktuellt 0 (0 %)"},
		},
		{
			name:   "Drafts",
			change: func(rep *forms.RoundReport) { rep.Settings.Drafts = true },
			gone:   []string{"Sparade svar som inte är inlämnade visas inte."},
			new: []string{"Sparade svar som inte är inlämnade visas kursivt, märkta som utkast eller återsända, och räknas inte.",
				"IT-avdelningen Påbörjat Genomfört (utkast)", "IT-avdelningen Förvaltning · Utkast, ej inlämnad"},
		},
		{
			name:   "Texts",
			change: func(rep *forms.RoundReport) { formstest.WithTexts(rep) },
			new: []string{
				"Inledning Kommunstyrelsen antog handlingsplanen för informationssäkerhet och dataskydd i februari.",
				"Underlaget består av: • verksamheternas egna svar i uppföljningen, • samordnarnas iakttagelser från nätverksträffarna, • incidentrapporter från IT-avdelningen.",
				"Samlad bedömning Styrning och samordning har gått framåt",
				"• tvåfaktorsautentisering i de system som ännu saknar det • kontinuitetsplaner för den mest kritiska informationen Sammanfattning",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := formstest.Small()
			tc.change(rep)
			body, _, outline := pdfReportText(t, rep)
			for _, s := range tc.gone {
				if !strings.Contains(base, s) {
					t.Fatalf("the default report lacks %q; the test checks nothing", s)
				}
				if strings.Contains(body, s) {
					t.Errorf("the report still has %q", s)
				}
			}
			for _, s := range tc.new {
				if strings.Contains(base, s) {
					t.Fatalf("the default report has %q already; the test checks nothing", s)
				}
				if !strings.Contains(body, s) {
					t.Errorf("the report lacks %q", s)
				}
			}
			// What no setting removes.
			for _, s := range []string{pdfSecSummary, pdfSecAreas, "1.1 Riskanalys av kritisk information Varje verksamhet", pdfSecCarried} {
				if !strings.Contains(body, s) {
					t.Errorf("the report lost %q", s)
				}
			}
			if joined := strings.Join(outline, "|"); tc.name == "NoAppendix" && strings.Contains(joined, pdfSecAppendix) ||
				tc.name == "Texts" && !strings.Contains(joined, "Innehåll|Inledning|Samlad bedömning|Sammanfattning") {
				t.Errorf("outline %q", joined)
			}
		})
	}
}

// TestPDFReportCompiledBy prints the compiler's name on the title page and
// in the document information, or the organisation's when there is none.
func TestPDFReportCompiledBy(t *testing.T) {
	rep := formstest.Small()
	rep.CompiledBy = "Anna Andersson, informationssäkerhetssamordnare"
	data := pdfReport(t, rep)
	path := pdfFile(t, data)
	if title := pdfWords(pdfPages(t, path)[0]); !strings.Contains(title, "Sammanställd av Anna Andersson, informationssäkerhetssamordnare") {
		t.Errorf("title page: %s", title)
	}
	if got := pdfInfo(t, path)["Author"]; got != rep.CompiledBy {
		t.Errorf("Author = %q", got)
	}
	rep.CompiledBy = ""
	path = pdfFile(t, pdfReport(t, rep))
	if title := pdfWords(pdfPages(t, path)[0]); strings.Contains(title, "Sammanställd av") {
		t.Errorf("title page names a compiler though there is none: %s", title)
	}
	if got := pdfInfo(t, path)["Author"]; got != "Exempelby kommun" {
		t.Errorf("Author = %q, want the organisation", got)
	}
}

// TestPDFReportPaper refuses a page format the report is not laid out for.
func TestPDFReportPaper(t *testing.T) {
	rep := formstest.Small()
	rep.Settings.Paper = "letter-landscape"
	if err := WriteReport(io.Discard, rep, ReportOptions{}); forms.ErrorCode(err) != forms.EINVALID {
		t.Errorf("paper %q: %v, want %s", rep.Settings.Paper, err, forms.EINVALID)
	}
	rep.Settings.Paper = ""
	if err := WriteReport(io.Discard, rep, ReportOptions{}); err != nil {
		t.Errorf("no paper chosen: %v", err)
	}
}

// TestPDFReportNarrativeBlocks keeps the paragraphs and lists of the
// office's narratives.
func TestPDFReportNarrativeBlocks(t *testing.T) {
	rep := formstest.Small()
	c := rep.Consolidations[11]
	c.Narrative = "Första stycket om analyserna.\n\nAndra stycket inför listan:\n- en punkt\n- en andra punkt\nsom fortsätter här\n\nSista stycket."
	rep.Consolidations[11] = c
	body, _, _ := pdfReportText(t, rep)
	want := "Status: Pågår. Första stycket om analyserna. Andra stycket inför listan: • en punkt • en andra punkt som fortsätter här Sista stycket."
	if !strings.Contains(body, want) {
		t.Errorf("the narrative lacks its structure; want %q in\n%s", want, pdfSection(t, body, "1.1 Riskanalys", "1.2 Revidera"))
	}
}

// TestPDFReportContinuing lists every activity that continues next year,
// by its status or the office's mark, with the office's reason.
func TestPDFReportContinuing(t *testing.T) {
	rep := formstest.Small()
	c := rep.Consolidations[13]
	c.Continues, c.CarryReason = true, "Övningen hinns inte med i år."
	rep.Consolidations[13] = c
	done := rep.Consolidations[11]
	done.StatusID, done.Continues = formstest.Done, true // done: does not continue
	rep.Consolidations[11] = done
	body, _, _ := pdfReportText(t, rep)
	carried := pdfSection(t, body, pdfSecCarried+" Följande", pdfSecAppendix)
	for _, want := range []string{
		"Följande 2 aktiviteter fortsätter i nästa års handlingsplan.",
		"1 Styrning och samordning 1.3 Kontinuitetsplan Ej sammanställd Övningen hinns inte med i år.",
		"2 IT-säkerhet 2.1 Tvåfaktorsautentisering Flyttas till nästa år –",
	} {
		if !strings.Contains(carried, want) {
			t.Errorf("the section lacks %q:\n%s", want, carried)
		}
	}
	if strings.Contains(carried, "1.1 Riskanalys") {
		t.Error("a done activity is listed as continuing")
	}
}
