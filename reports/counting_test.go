package reports

import (
	"bytes"
	"strings"
	"testing"

	"followup/forms"
	"followup/forms/formstest"
)

// countingCase is what one department's answer about one activity looks
// like in each output, with drafts left out (hidden) and shown.
type countingCase struct {
	name       string
	tweak      func(rep *forms.RoundReport) // changes the fixture; may be nil
	department int64
	activity   string // the activity's numbered title in the report
	hidden     countingView
	shown      countingView
	receipt    string // the status line of the department's own receipt
}

// countingView is what appears for the case in the PDF and the workbook.
type countingView struct {
	row      string // the department's row of the activity's table: name, interim, annual
	comment  string // under "Kommentarer från verksamheterna", "" for none
	appendix string // the department's line in the appendix, "" for no page
	cell     string // its cell on Sammanställning and Svar's Status
	svarNote string // Svar's Kommentar
}

// countingCases cover every state of a response: not started, draft,
// submitted, returned, and submitted with a not-applicable answer or
// without a status.
var countingCases = []countingCase{
	{
		name: "NotStarted", department: 4, activity: "1.1 Riskanalys av kritisk information",
		hidden:  countingView{row: "Räddningstjänstförbundet Väst Ej inlämnad Ej inlämnad", cell: "Ej inlämnad"},
		shown:   countingView{row: "Räddningstjänstförbundet Väst Ej inlämnad Ej inlämnad", cell: "Ej inlämnad"},
		receipt: "1.1 Riskanalys av kritisk information Status: Ej besvarad",
	},
	{
		name: "Draft", department: 2, activity: "2.2 Behörighetsgranskning",
		hidden: countingView{row: "IT-avdelningen Ej besvarad Ej inlämnad", cell: "Ej inlämnad"},
		shown: countingView{row: "IT-avdelningen Ej besvarad Ej aktuellt (utkast)",
			comment:  "IT-avdelningen (utkast, ej inlämnat) <script>alert(1)</script> gäller ej oss",
			appendix: "IT-avdelningen Förvaltning · Utkast, ej inlämnad · 3 av 5 aktiviteter med status i de sparade svaren",
			cell:     "Ej aktuellt (utkast)", svarNote: "<script>alert(1)</script> gäller ej oss"},
		receipt: "2.2 Behörighetsgranskning Status: Ej aktuellt Vid delår: Ej besvarad Kommentar: <script>alert(1)</script> gäller ej oss",
	},
	{
		name: "Submitted", department: 1, activity: "1.1 Riskanalys av kritisk information",
		hidden: countingView{row: "Barn- och utbildningsförvaltningen Pågår Genomfört",
			comment:  "Barn- och utbildningsförvaltningen Klart för tre tillgångar.",
			appendix: "Barn- och utbildningsförvaltningen Förvaltning · Inlämnad 2024-12-17 av Åsa Öberg · 4 av 4 aktiviteter besvarade",
			cell:     "Genomfört", svarNote: "Klart för tre tillgångar."},
		shown: countingView{row: "Barn- och utbildningsförvaltningen Pågår Genomfört",
			comment:  "Barn- och utbildningsförvaltningen Klart för tre tillgångar.",
			appendix: "Barn- och utbildningsförvaltningen Förvaltning · Inlämnad 2024-12-17 av Åsa Öberg · 4 av 4 aktiviteter besvarade",
			cell:     "Genomfört", svarNote: "Klart för tre tillgångar."},
		receipt: "1.1 Riskanalys av kritisk information Status: Genomfört Vid delår: Pågår Kommentar: Klart för tre tillgångar.",
	},
	{
		name: "Returned", department: 3, activity: "1.1 Riskanalys av kritisk information",
		hidden: countingView{row: "Exempelby Energi AB Ej inlämnad Ej inlämnad", cell: "Ej inlämnad"},
		shown: countingView{row: "Exempelby Energi AB Ej inlämnad Pågår (återsänd)",
			comment:  "Exempelby Energi AB (återsänt, ej inlämnat igen) -2 tillgångar kvar",
			appendix: "Exempelby Energi AB Bolag · Återsänd för komplettering · 3 av 4 aktiviteter med status i de sparade svaren",
			cell:     "Pågår (återsänd)", svarNote: "-2 tillgångar kvar"},
		receipt: "1.1 Riskanalys av kritisk information Status: Pågår Vid delår: Ej inlämnad Kommentar: -2 tillgångar kvar",
	},
	{
		name: "SubmittedNotApplicable", department: 5, activity: "1.2 Revidera registerförteckningen",
		hidden: countingView{row: "Kultur, fritid och idrott Ej inlämnad Ej aktuellt",
			comment:  "Kultur, fritid och idrott Förteckningen sköts av kommunstyrelsen.",
			appendix: "Kultur, fritid och idrott Förvaltning · Inlämnad 2024-12-17 av Kim Ek · 4 av 4 aktiviteter besvarade",
			cell:     "Ej aktuellt", svarNote: "Förteckningen sköts av kommunstyrelsen."},
		// Its interim response is a draft without this activity.
		shown: countingView{row: "Kultur, fritid och idrott Ej inlämnad Ej aktuellt",
			comment:  "Kultur, fritid och idrott Förteckningen sköts av kommunstyrelsen.",
			appendix: "Kultur, fritid och idrott Förvaltning · Inlämnad 2024-12-17 av Kim Ek · 4 av 4 aktiviteter besvarade",
			cell:     "Ej aktuellt", svarNote: "Förteckningen sköts av kommunstyrelsen."},
		receipt: "1.2 Revidera registerförteckningen Status: Ej aktuellt Vid delår: Ej inlämnad Kommentar: Förteckningen sköts av kommunstyrelsen.",
	},
	{
		name: "SubmittedWithoutStatus", department: 1, activity: "1.3 Kontinuitetsplan",
		tweak: func(rep *forms.RoundReport) { delete(rep.Responses[1].Answers, 13) },
		hidden: countingView{row: "Barn- och utbildningsförvaltningen Ej besvarad Ej besvarad", cell: "Ej besvarad",
			appendix: "Barn- och utbildningsförvaltningen Förvaltning · Inlämnad 2024-12-17 av Åsa Öberg · 3 av 4 aktiviteter besvarade"},
		shown: countingView{row: "Barn- och utbildningsförvaltningen Ej besvarad Ej besvarad", cell: "Ej besvarad",
			appendix: "Barn- och utbildningsförvaltningen Förvaltning · Inlämnad 2024-12-17 av Åsa Öberg · 3 av 4 aktiviteter besvarade"},
		receipt: "1.3 Kontinuitetsplan Status: Ej besvarad Vid delår: Ej besvarad Ingen kommentar.",
	},
}

// TestReportsShowAnswersByState checks, for every state of a response,
// what the PDF (read back with pdftotext) and the workbook (read back with
// excelize) show of a department's answer, with drafts left out and
// shown; and that the counts never change with what is shown.
func TestReportsShowAnswersByState(t *testing.T) {
	for _, tc := range countingCases {
		for _, drafts := range []bool{false, true} {
			want, mode := tc.hidden, "Hidden"
			if drafts {
				want, mode = tc.shown, "Shown"
			}
			t.Run(tc.name+"/"+mode, func(t *testing.T) {
				rep := formstest.Small()
				if tc.tweak != nil {
					tc.tweak(rep)
				}
				rep.Settings.Drafts = drafts
				var dep forms.Department
				for _, d := range rep.Departments {
					if d.ID == tc.department {
						dep = d
					}
				}

				// The PDF.
				body := pdfBody(pdfPages(t, pdfFile(t, pdfReport(t, rep))), 2)
				areas := pdfSection(t, body, pdfSecAreas+" 1 Styrning", pdfSecCarried)
				act := pdfActivitySection(t, areas, rep, tc.activity)
				if !strings.Contains(act, want.row) {
					t.Errorf("the activity's table lacks the row %q:\n%s", want.row, act)
				}
				comments := ""
				if i := strings.Index(act, "Kommentarer från verksamheterna"); i >= 0 {
					comments = act[i:]
				}
				if want.comment != "" && !strings.Contains(comments, want.comment) {
					t.Errorf("the comments lack %q:\n%s", want.comment, comments)
				}
				if want.comment == "" && strings.Contains(comments, dep.Name) {
					t.Errorf("the comments quote %s:\n%s", dep.Name, comments)
				}
				appendix := pdfSection(t, body, pdfSecAppendix+" Bilagan", "")
				if want.appendix != "" && !strings.Contains(appendix, want.appendix) {
					t.Errorf("the appendix lacks %q", want.appendix)
				}
				if want.appendix == "" && strings.Contains(appendix, dep.Name) {
					t.Errorf("the appendix has a page for %s", dep.Name)
				}
				// Counts are of submitted answers only, whatever is shown.
				for _, count := range []string{"1.1 Riskanalys av kritisk information Pågår 2 av 5",
					"Svarsfrekvensen är 40 %: 2 av 5 har lämnat in; 1 utkast och 1 återsänt svar räknas inte; 1 har inte börjat."} {
					if !strings.Contains(body, count) {
						t.Errorf("the summary lacks %q", count)
					}
				}

				// The workbook.
				f, _ := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true})
				title := strings.SplitN(tc.activity, " ", 2)[1]
				r := answerRow(t, f, title, dep.Name)
				if got := cell(t, f, sheetAnswers, xlCellRef(answersStatusCol, r)); got != want.cell {
					t.Errorf("Svar's status = %q, want %q", got, want.cell)
				}
				if got := cell(t, f, sheetAnswers, xlCellRef(answersCommentCol, r)); got != want.svarNote {
					t.Errorf("Svar's comment = %q, want %q", got, want.svarNote)
				}
				if got, wantState := cell(t, f, sheetAnswers, xlCellRef(answersStateCol, r)), xlStateLabel(rep.ResponseState(dep.ID)); got != wantState {
					t.Errorf("Svar's Svarsläge = %q, want %q", got, wantState)
				}
				row := findRow(t, f, sheetSummary, 1, title)
				col := 2
				for i, d := range rep.Departments {
					if d.ID == dep.ID {
						col += i
					}
				}
				if got := cell(t, f, sheetSummary, xlCellRef(col, row)); got != want.cell {
					t.Errorf("Sammanställning's cell = %q, want %q", got, want.cell)
				}
				if got := cell(t, f, sheetSummary, "A2"); !strings.Contains(got, "2 av 5 har lämnat in; 1 utkast och 1 återsänt svar räknas inte") {
					t.Errorf("Sammanställning's subtitle lacks the counting rule: %q", got)
				}

				// The receipt: the department's own answers, unmarked.
				receipt := pdfBody(pdfPages(t, pdfFile(t, pdfReceipt(t, rep, dep.ID))), 1)
				if !strings.Contains(receipt, tc.receipt) {
					t.Errorf("the receipt lacks %q", tc.receipt)
				}
				if strings.Contains(receipt, "(utkast)") || strings.Contains(receipt, "(återsänd)") {
					t.Error("the receipt marks the department's own answers")
				}
			})
		}
	}
}

// pdfActivitySection cuts one activity's text, from its heading to the
// next activity's, out of the follow-up.
func pdfActivitySection(t *testing.T, areas string, rep *forms.RoundReport, title string) string {
	t.Helper()
	i := strings.Index(areas, title)
	if i < 0 {
		t.Fatalf("activity %q not found", title)
	}
	s := areas[i+len(title):]
	end := len(s)
	for _, other := range pdfNumbered(rep) {
		if j := strings.Index(s, other); j >= 0 && j < end {
			end = j
		}
	}
	return s[:end]
}

// TestXlsxLegendNamesEveryState wants the legend below Sammanställning to
// explain everything a department's cell can show: each status, an
// answer not counted (with drafts shown), no submitted response, no
// status, and an activity not assigned.
func TestXlsxLegendNamesEveryState(t *testing.T) {
	for _, drafts := range []bool{false, true} {
		rep := formstest.Small()
		rep.Settings.Drafts = drafts
		f, _ := writeAndOpen(t, rep, WorkbookOptions{})
		legend := findRow(t, f, sheetSummary, 1, "Förklaring")
		if legend == 0 {
			t.Fatal("no legend")
		}
		rows, err := f.GetRows(sheetSummary)
		if err != nil {
			t.Fatal(err)
		}
		named := map[string]string{} // what the legend names → its explanation
		for _, r := range rows[legend:] {
			if len(r) > 1 {
				named[r[0]] = r[1]
			}
		}
		want := []string{wordNotSubmitted, wordNotAnswered, wordNotAssigned, "Utan inlämnat svar", "Svarsfrekvens", "Sammanställd status", "Sammanställd text"}
		for _, st := range rep.Plan.Statuses {
			want = append(want, st.Name)
		}
		if drafts {
			want = append(want, "Ej påbörjat (utkast)", "Ej påbörjat (återsänd)")
		}
		for _, w := range want {
			if named[w] == "" {
				t.Errorf("drafts %v: the legend does not explain %q", drafts, w)
			}
		}
		if !drafts && hasKey(named, "Ej påbörjat (utkast)") {
			t.Error("the legend explains drafts that the workbook leaves out")
		}
		// Every department cell of the grid is explained by the legend: a
		// marked status by the status and the legend's sample of the mark.
		for _, r := range rows[3 : legend-2] {
			for c := 1; c <= len(rep.Departments) && c < len(r); c++ {
				v := r[c]
				for _, mark := range []string{" (utkast)", " (återsänd)"} {
					if base, ok := strings.CutSuffix(v, mark); ok && hasKey(named, "Ej påbörjat"+mark) {
						v = base
					}
				}
				if v != "" && !hasKey(named, v) {
					t.Errorf("drafts %v: the cell %q is not in the legend", drafts, r[c])
				}
			}
		}
		st := cellStyle(t, f, sheetSummary, "C5") // IT-avdelningen, a draft
		if drafts && (st.Fill.Pattern != 14 || st.Font == nil || !st.Font.Italic) {
			t.Errorf("a draft's cell: fill %+v font %+v, want italic on a hatched fill", st.Fill, st.Font)
		}
	}
}

func hasKey(m map[string]string, k string) bool { _, ok := m[k]; return ok }

// TestXlsxAnswersFilterInLibreOffice opens the workbook in LibreOffice,
// when it is installed, and wants the Svar table's filter buttons there.
func TestXlsxAnswersFilterInLibreOffice(t *testing.T) {
	soffice := xlNeedLibreOffice(t)
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, formstest.Small(), WorkbookOptions{}); err != nil {
		t.Fatal(err)
	}
	content := xlLibreOfficeContent(t, soffice, buf.Bytes())
	if !strings.Contains(content, `table:target-range-address="Svar.A1:Svar.N22" table:display-filter-buttons="true"`) {
		i := strings.Index(content, "<table:database-ranges>")
		t.Errorf("LibreOffice shows no filter on Svar: %.400s", content[max(i, 0):])
	}
}
