package reports

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"followup/forms"
	"followup/forms/formstest"
)

// writeAndOpen writes the workbook of rep and opens it back.
func writeAndOpen(t *testing.T, rep *forms.RoundReport, opts WorkbookOptions) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, rep, opts); err != nil {
		t.Fatalf("WriteWorkbook: %v", err)
	}
	data := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open the written workbook: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f, data
}

// cell returns a cell's value as Excel shows it, failing the test on error.
func cell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

// wantCells checks cell values, given as ref → value.
func wantCells(t *testing.T, f *excelize.File, sheet string, want map[string]string) {
	t.Helper()
	for ref, w := range want {
		if got := cell(t, f, sheet, ref); got != w {
			t.Errorf("%s!%s = %q, want %q", sheet, ref, got, w)
		}
	}
}

// cellStyle returns the resolved style of a cell.
func cellStyle(t *testing.T, f *excelize.File, sheet, ref string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatalf("style of %s!%s: %v", sheet, ref, err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("style %d: %v", id, err)
	}
	return st
}

// fillOf returns a cell's solid fill colour as RRGGBB, "" when it has none.
func fillOf(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	st := cellStyle(t, f, sheet, ref)
	if st.Fill.Type != "pattern" || st.Fill.Pattern != 1 || len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.ToUpper(strings.TrimPrefix(st.Fill.Color[0], "#"))
}

func fontColourOf(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	st := cellStyle(t, f, sheet, ref)
	if st.Font == nil {
		return ""
	}
	return strings.ToUpper(strings.TrimPrefix(st.Font.Color, "#"))
}

// findRow returns the 1-based row whose column col holds value, or 0.
func findRow(t *testing.T, f *excelize.File, sheet string, col int, value string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if col-1 < len(r) && r[col-1] == value {
			return i + 1
		}
	}
	return 0
}

// answerRow finds the Svar row of a department's answer about an activity.
func answerRow(t *testing.T, f *excelize.File, activity, department string) int {
	t.Helper()
	rows, err := f.GetRows(sheetAnswers)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 2 && r[1] == activity && r[2] == department {
			return i + 1
		}
	}
	t.Fatalf("no Svar row for %q / %q", activity, department)
	return 0
}

func TestXlsxWorkbookSheetsAndProperties(t *testing.T) {
	f, data := writeAndOpen(t, formstest.Small(), WorkbookOptions{PerDepartment: true})
	want := []string{"Sammanställning", "Svar", "Svarsfrekvens", "Diagram",
		"Barn- och utbildning…valtningen", "IT-avdelningen", "Exempelby Energi AB", "Räddningstjänstförbundet Väst", "Kultur, fritid och idrott"}
	got := f.GetSheetList()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0 (Sammanställning)", f.GetActiveSheetIndex())
	}

	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Creator != "followup" || props.Language != "sv-SE" || props.Created != "2024-12-18T09:30:00Z" ||
		props.Title != "Uppföljning: Handlingsplan 2024 – Årsredovisning 2024" ||
		!strings.Contains(props.Subject, "Exempelby kommun") {
		t.Errorf("doc props = %+v", props)
	}

	created := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	f2, _ := writeAndOpen(t, formstest.Small(), WorkbookOptions{PerDepartment: false, Created: created})
	props, err = f2.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2025-01-02T03:04:05Z" {
		t.Errorf("created = %q, want the option's time", props.Created)
	}
	if n := len(f2.GetSheetList()); n != 4 {
		t.Errorf("without PerDepartment: %d sheets, want 4", n)
	}

	for _, sheet := range got {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 {
			t.Errorf("%s does not print landscape fitted to the width", sheet)
		}
	}
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for sheet, want := range map[string]string{
		"Svar": "'Svar'!$1:$1", "Svarsfrekvens": "'Svarsfrekvens'!$1:$1",
	} {
		if titles[sheet] != want {
			t.Errorf("print titles of %s = %q, want %q", sheet, titles[sheet], want)
		}
	}

	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]bool{}
	for _, zf := range zr.File {
		parts[zf.Name] = true
	}
	for _, p := range []string{"xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/tables/table1.xml", "docProps/core.xml"} {
		if !parts[p] {
			t.Errorf("zip lacks %s", p)
		}
	}
}

func TestXlsxWorkbookSummary(t *testing.T) {
	f, _ := writeAndOpen(t, formstest.Small(), WorkbookOptions{PerDepartment: true})
	const s = sheetSummary
	// Columns: A activity, B–F departments, G–L the six statuses, M no
	// submitted answer, N rate, O consolidated status, P its text. Only
	// submitted answers are shown and counted: departments 1 and 5.
	wantCells(t, f, s, map[string]string{
		"A1": "Exempelby kommun – Handlingsplan 2024 – Årsredovisning 2024",
		"A3": "Aktivitet", "B3": "Barn- och utbildningsförvaltningen", "E3": "Räddningstjänstförbundet Väst",
		"F3": "Kultur, fritid och idrott", "G3": "Ej påbörjat", "J3": "Genomfört", "L3": "Ej aktuellt",
		"M3": "Utan inlämnat svar", "N3": "Svarsfrekvens", "O3": "Sammanställd status", "P3": "Sammanställd text",
		"A4": "Styrning och samordning",
		"A5": "Riskanalys av kritisk information", "B5": "Genomfört", "C5": "Ej inlämnad", "D5": "Ej inlämnad",
		"E5": "Ej inlämnad", "F5": "Genomfört", "I5": "0", "J5": "2", "M5": "3", "N5": "40%", "O5": "Pågår",
		"A6": "Revidera registerförteckningen", "F6": "Ej aktuellt", "I6": "1", "L6": "1", "M6": "3", "N6": "25%",
		"A8": "IT-säkerhet",
		"A9": "Tvåfaktorsautentisering", "B9": "–", "C9": "Ej inlämnad", "D9": "–", "K9": "0", "M9": "1", "N9": "0%",
		"O9": "Flyttas till nästa år", "P9": "Tekniken är upphandlad; införandet flyttas till nästa år.",
		"A10": "Behörighetsgranskning", "B10": "Påbörjat", "C10": "Ej inlämnad", "F10": "Genomfört",
		"H10": "1", "J10": "1", "L10": "0", "M10": "3", "N10": "40%", "O10": "",
		"A12": "Förklaring", "A13": "Ej påbörjat", "A19": "Ej inlämnad", "A20": "Ej besvarad", "A21": "–",
		"A22": "Utan inlämnat svar", "A24": "Sammanställd status", "A25": "Sammanställd text",
	})
	if got := cell(t, f, s, "A2"); !strings.Contains(got, "svar: 2 av 5 har lämnat in; 1 utkast och 1 återsänt svar räknas inte; 1 har inte börjat; bara inlämnade svar räknas") {
		t.Errorf("subtitle = %q", got)
	}
	// The rate is a real number; not-applicable answers are left out: one of
	// four applicable departments answered activity 12.
	raw, err := f.GetCellValue(s, "N6", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := strconv.ParseFloat(raw, 64); err != nil || v != 0.25 {
		t.Errorf("N6 raw = %q, want 1/4", raw)
	}
	// Status colours from the scale, with a readable font colour.
	fills := []struct{ ref, fill, font string }{
		{"B5", "1E8449", "FFFFFF"},  // Genomfört: dark green, white text
		{"O5", "2E86C1", "000000"},  // consolidated status Pågår
		{"B10", "D68910", "000000"}, // Påbörjat: orange, black text
		{"O9", "7D3C98", "FFFFFF"},  // Flyttas till nästa år
		{"J3", "1E8449", "FFFFFF"},  // status header
		{"B9", xlNotAssignedFill, xlNotAssignedFont},
		{"C5", "", xlNotAssignedFont}, // Ej inlämnad: muted, no fill
	}
	for _, c := range fills {
		if got := fillOf(t, f, s, c.ref); got != c.fill {
			t.Errorf("fill of %s = %q, want %q", c.ref, got, c.fill)
		}
		if got := fontColourOf(t, f, s, c.ref); got != c.font {
			t.Errorf("font colour of %s = %q, want %q", c.ref, got, c.font)
		}
	}
	if got := fillOf(t, f, s, "A4"); got != xlAreaFill || cellStyle(t, f, s, "A4").Font == nil || !cellStyle(t, f, s, "A4").Font.Bold {
		t.Errorf("area row A4: fill %q, want bold on %s", got, xlAreaFill)
	}

	panes, err := f.GetPanes(s)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.XSplit != 1 || panes.YSplit != 3 || panes.TopLeftCell != "B4" {
		t.Errorf("panes = %+v, want frozen at B4", panes)
	}
	layout, err := f.GetPageLayout(s)
	if err != nil {
		t.Fatal(err)
	}
	if *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("page layout = orientation %v fit to width %v", *layout.Orientation, layout.FitToWidth)
	}
	var titles string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == s {
			titles = dn.RefersTo
		}
	}
	if titles != "'Sammanställning'!$A:$A,'Sammanställning'!$1:$3" {
		t.Errorf("print titles = %q", titles)
	}
}

func TestXlsxWorkbookAnswers(t *testing.T) {
	f, data := writeAndOpen(t, formstest.Small(), WorkbookOptions{PerDepartment: true})
	const s = sheetAnswers
	tables, err := f.GetTables(s)
	if err != nil {
		t.Fatal(err)
	}
	// 21 rows: activities 11, 12, 13 and 22 by five departments, 21 by one.
	if len(tables) != 1 || tables[0].Name != answersTable || tables[0].Range != "A1:N22" {
		t.Fatalf("tables = %+v, want Svar over A1:N22", tables)
	}
	// The table's part carries the autofilter that Excel and LibreOffice
	// show as the header's filter buttons.
	if part := xlZipPart(t, data, "xl/tables/table1.xml"); !strings.Contains(part, `<autoFilter ref="A1:N22"`) {
		t.Errorf("the table part has no autofilter over A1:N22:\n%s", part)
	}
	wantCells(t, f, s, map[string]string{
		"A1": "Område", "E1": "Svarsläge", "F1": "Status", "G1": "Kommentar", "H1": "Behöver stöd",
		"J1": "Inlämnad av", "K1": "Inlämnad den", "L1": "Senast sparad",
		"M1": "Status vid delårsrapporten", "N1": "Förändrad",
	})
	panes, err := f.GetPanes(s)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 {
		t.Errorf("Svar panes = %+v, want the header row frozen", panes)
	}

	r := strconv.Itoa(answerRow(t, f, "Riskanalys av kritisk information", "Barn- och utbildningsförvaltningen"))
	wantCells(t, f, s, map[string]string{
		"A" + r: "Styrning och samordning", "D" + r: "Förvaltning", "E" + r: "Inlämnad",
		"F" + r: "Genomfört", "G" + r: "Klart för tre tillgångar.", "H" + r: "Nej",
		"I" + r: "Vi har haft “tuffa” prioriteringar – men är nöjda.",
		"J" + r: "Åsa Öberg", "K" + r: "2024-12-17 09:30", "L" + r: "2024-12-16 09:30",
		"M" + r: "Pågår", "N" + r: "Ja",
	})
	if got := fillOf(t, f, s, "F"+r); got != "1E8449" {
		t.Errorf("status fill on Svar = %q", got)
	}
	// Dates are real dates: numbers with a date-time format.
	raw, err := f.GetCellValue(s, "K"+r, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("Inlämnad den is not a number: %q", raw)
	}
	if want := 45643.0 + 9.5/24; serial < want-1e-6 || serial > want+1e-6 {
		t.Errorf("Inlämnad den serial = %v, want %v (2024-12-17 09:30)", serial, want)
	}
	if typ, _ := f.GetCellType(s, "K"+r); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("Inlämnad den cell type = %v, want a number", typ)
	}

	// Not started: nothing but where it stands.
	r = strconv.Itoa(answerRow(t, f, "Kontinuitetsplan", "Räddningstjänstförbundet Väst"))
	wantCells(t, f, s, map[string]string{"E" + r: "Ej påbörjad", "F" + r: "Ej inlämnad", "H" + r: "", "K" + r: "", "N" + r: ""})
	// No interim answer: no change flag.
	r = strconv.Itoa(answerRow(t, f, "Kontinuitetsplan", "Barn- och utbildningsförvaltningen"))
	wantCells(t, f, s, map[string]string{"F" + r: "Genomfört", "M" + r: "Ej besvarad", "N" + r: ""})
	// A returned response: its answer and comment left out.
	r = strconv.Itoa(answerRow(t, f, "Revidera registerförteckningen", "Exempelby Energi AB"))
	wantCells(t, f, s, map[string]string{"E" + r: "Återsänd", "F" + r: "Ej inlämnad", "G" + r: "", "H" + r: ""})
}

// xlZipPart returns one part of a workbook's package.
func xlZipPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != name {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		var b bytes.Buffer
		if _, err := b.ReadFrom(rc); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	t.Fatalf("the workbook has no part %s", name)
	return ""
}

func TestXlsxWorkbookFormulaLikeTextStaysText(t *testing.T) {
	rep := formstest.Small()
	rep.Settings.Drafts = true // the texts of drafts and returned responses too
	f, data := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true})
	texts := []string{"=SUM(A1:A9) ska vara text", "+ resurser saknas", "-2 tillgångar kvar", "@Åke: börjar i januari",
		"<script>alert(1)</script> gäller ej oss"}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				ref := xlCellRef(c+1, r+1)
				formula, err := f.GetCellFormula(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				if formula != "" {
					t.Errorf("%s!%s has formula %q; the workbook must hold no formulas", sheet, ref, formula)
				}
			}
		}
	}
	for _, text := range texts {
		found := 0
		for _, sheet := range []string{sheetAnswers, "Barn- och utbildning…valtningen", "IT-avdelningen", "Exempelby Energi AB"} {
			col := answersCommentCol
			if sheet != sheetAnswers {
				col = 4
			}
			r := findRow(t, f, sheet, col, text)
			if r == 0 {
				continue
			}
			found++
			ref := xlCellRef(col, r)
			typ, err := f.GetCellType(sheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
				t.Errorf("%s!%s (%q) has cell type %v, want a string", sheet, ref, text, typ)
			}
		}
		if found != 2 {
			t.Errorf("%q found on %d sheets, want 2 (Svar and its department's sheet)", text, found)
		}
	}
	// No formula element anywhere in the package.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		if bytes.Contains(b.Bytes(), []byte("<f>")) || bytes.Contains(b.Bytes(), []byte("<f ")) {
			t.Errorf("%s holds a formula element", zf.Name)
		}
	}
}

func TestXlsxWorkbookRate(t *testing.T) {
	f, _ := writeAndOpen(t, formstest.Small(), WorkbookOptions{PerDepartment: true})
	wantCells(t, f, sheetRate, map[string]string{
		"A1": "Verksamhet", "C1": "Svarsläge", "D1": "Besvarade aktiviteter", "E1": "Tilldelade", "F1": "Inlämnad den",
		"G1": "Inlämnad av", "I1": "Meddelande",
		"A2": "Barn- och utbildningsförvaltningen", "B2": "Förvaltning", "C2": "Inlämnad", "D2": "4", "E2": "4",
		"F2": "2024-12-17 09:30", "G2": "Åsa Öberg", "H2": "Nej", "I2": "",
		"A3": "IT-avdelningen", "C3": "Utkast", "D3": "", "E3": "5", "F3": "", "H3": "Nej",
		"A4": "Exempelby Energi AB", "B4": "Bolag", "C4": "Återsänd", "D4": "", "E4": "4",
		"H4": "Ja", "I4": "Komplettera kommentaren om kontinuitet.",
		"A5": "Räddningstjänstförbundet Väst", "B5": "Förbund", "C5": "Ej påbörjad", "D5": "", "E5": "4", "H5": "Nej",
		"A6": "Kultur, fritid och idrott", "C6": "Inlämnad", "D6": "4",
		"A8": "Besvarade aktiviteter räknas bara i inlämnade svar: 2 av 5 har lämnat in; 1 utkast och 1 återsänt svar räknas inte; 1 har inte börjat.",
	})
	rep := formstest.Small()
	rep.Settings.Drafts = true
	f, _ = writeAndOpen(t, rep, WorkbookOptions{})
	wantCells(t, f, sheetRate, map[string]string{"D2": "4", "D3": "3 (utkast)", "D4": "3 (återsänd)", "D5": ""})
	if st := cellStyle(t, f, sheetRate, "D3"); st.Font == nil || !st.Font.Italic {
		t.Error("a draft's count is not in italic")
	}
}

func TestXlsxWorkbookDepartmentSheets(t *testing.T) {
	f, _ := writeAndOpen(t, formstest.Small(), WorkbookOptions{PerDepartment: true})
	const s = "IT-avdelningen"
	// A draft: left out by default.
	wantCells(t, f, s, map[string]string{
		"A1": "IT-avdelningen", "A3": "Svarsläge: Utkast · svaren är inte inlämnade och visas inte",
		"A4": "Område", "C4": "Status", "F4": "Status vid delårsrapporten",
		"B5": "Riskanalys av kritisk information", "C5": "Ej inlämnad", "F5": "Påbörjat",
		"B8": "Tvåfaktorsautentisering", "C8": "Ej inlämnad", "D8": "", "E8": "", "F8": "Pågår",
	})
	// Shown, marked, when the office asks for drafts.
	rep := formstest.Small()
	rep.Settings.Drafts = true
	fd, _ := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true})
	wantCells(t, fd, s, map[string]string{
		"A3": "Svarsläge: Utkast · 3 av 5 aktiviteter med status i de sparade svaren, som inte är inlämnade och inte räknas",
		"C5": "Genomfört (utkast)", "C8": "Flyttas till nästa år (utkast)",
		"D8": "Upphandling klar, införande 2025. Kostnad 120 000 €.", "E8": "Ja", "C9": "Ej aktuellt (utkast)",
	})
	if st := cellStyle(t, fd, s, "C8"); st.Fill.Pattern != 14 || len(st.Fill.Color) == 0 ||
		!strings.EqualFold(strings.TrimPrefix(st.Fill.Color[0], "#"), "7D3C98") || st.Font == nil || !st.Font.Italic {
		t.Errorf("a draft's status on the department sheet: fill %+v font %+v, want italic on hatched 7D3C98", st.Fill, st.Font)
	}
	if got := fillOf(t, f, "Barn- och utbildning…valtningen", "C5"); got != "1E8449" {
		t.Errorf("status fill on the department sheet = %q", got)
	}
	// The general comment closes the sheet of the department that wrote one.
	const bou = "Barn- och utbildning…valtningen"
	if r := findRow(t, f, bou, 1, "Övergripande kommentar"); r == 0 ||
		cell(t, f, bou, xlCellRef(1, r+1)) != "Vi har haft “tuffa” prioriteringar – men är nöjda." {
		t.Errorf("general comment missing on %s", bou)
	}
	if got := cell(t, f, bou, "A1"); got != "Barn- och utbildningsförvaltningen" {
		t.Errorf("the department sheet's title is %q, want the full name", got)
	}
	// Its layout: the header frozen, the general comment merged over the
	// text columns, the header row high enough for two lines.
	r := findRow(t, f, bou, 1, "Övergripande kommentar")
	merged, err := f.GetMergeCells(bou)
	if err != nil {
		t.Fatal(err)
	}
	if want := xlCellRef(1, r+1) + ":" + xlCellRef(4, r+1); len(merged) != 1 || merged[0].GetStartAxis()+":"+merged[0].GetEndAxis() != want {
		t.Errorf("merged cells of %s = %v, want %s", bou, merged, want)
	}
	if p, err := f.GetPanes(s); err != nil || !p.Freeze || p.YSplit != departmentTitleRows || p.XSplit != 0 {
		t.Errorf("panes of %s = %+v, %v; want the first %d rows frozen", s, p, err, departmentTitleRows)
	}
	if h, err := f.GetRowHeight(s, 4); err != nil || h != 32 {
		t.Errorf("header row height = %v, %v; want 32", h, err)
	}
}

// TestXlsxWorkbookDepartmentRowHeights checks that rows of long answers on
// the department sheets are as high as their wrapped text.
func TestXlsxWorkbookDepartmentRowHeights(t *testing.T) {
	f, _ := writeAndOpen(t, formstest.Synthetic(2, 6), WorkbookOptions{PerDepartment: true})
	tall := 0
	for _, sheet := range f.GetSheetList()[4:] {
		for r := departmentTitleRows + 1; cell(t, f, sheet, xlCellRef(2, r)) != ""; r++ {
			lines := max(xlLines(cell(t, f, sheet, xlCellRef(2, r)), 40), xlLines(cell(t, f, sheet, xlCellRef(4, r)), 70))
			want := float64(max(1, lines) * xlLineHeight)
			if lines > 1 {
				tall++
			}
			if h, err := f.GetRowHeight(sheet, r); err != nil || h != want {
				t.Errorf("height of %s row %d = %v, %v; want %v", sheet, r, h, err, want)
			}
		}
	}
	if tall == 0 {
		t.Error("no answer takes more than a line; the fixture no longer tests row heights")
	}
}

func TestXlsxWorkbookCharts(t *testing.T) {
	f, _ := writeAndOpen(t, formstest.Small(), WorkbookOptions{PerDepartment: true})
	wantCells(t, f, sheetCharts, map[string]string{
		"A3": "Aktivitet", "B3": "Ej påbörjat", "H3": "Utan inlämnat svar",
		"A4": "Riskanalys av kritisk information", "D4": "0", "E4": "2", "H4": "3",
		"A8": "Behörighetsgranskning", "C8": "1", "E8": "1", "G8": "0", "H8": "3",
		// totals over the submitted answers: 8 of 21.
		"A12": "Status", "B12": "Antal svar",
		"A13": "Ej påbörjat", "B13": "0", "A14": "Påbörjat", "B14": "1", "A15": "Pågår", "B15": "2",
		"A16": "Genomfört", "B16": "4", "A17": "Flyttas till nästa år", "B17": "0", "A18": "Ej aktuellt", "B18": "1",
		"A19": "Utan inlämnat svar", "B19": "13",
		"A21": "Sammanställd status per aktivitet", "A23": "Sammanställd status", "A26": "Pågår", "B26": "1",
		"A28": "Flyttas till nästa år", "B28": "1", "A30": "Ej sammanställd", "B30": "3",
	})
	if got := fillOf(t, f, sheetCharts, "A16"); got != "1E8449" {
		t.Errorf("legend fill of Genomfört on Diagram = %q", got)
	}
}

func TestXlsxWorkbookLongAndControlText(t *testing.T) {
	rep := formstest.Small()
	long := strings.Repeat("å", 40000)
	resp := rep.Responses[1]
	a := resp.Answers[11]
	a.Comment = long
	resp.Answers[11] = a
	b := resp.Answers[13]
	b.Comment = "rad\x00ett\x07\x1b\r\nrad två\uFFFE\ttab"
	resp.Answers[13] = b
	rep.Departments[2].Name = "Exempelby\x01 Energi AB"
	f, _ := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true})

	r := answerRow(t, f, "Riskanalys av kritisk information", "Barn- och utbildningsförvaltningen")
	got := cell(t, f, sheetAnswers, xlCellRef(answersCommentCol, r))
	if !strings.HasSuffix(got, truncMarker) {
		t.Errorf("a 40,000-character comment is not marked as cut: ends %q", got[len(got)-20:])
	}
	if n := xlUTF16Len(got); n != maxCellUnits {
		t.Errorf("cut comment is %d UTF-16 units, want %d", n, maxCellUnits)
	}
	if !strings.HasPrefix(got, strings.Repeat("å", 1000)) {
		t.Error("cut comment lost its beginning")
	}

	r = answerRow(t, f, "Kontinuitetsplan", "Barn- och utbildningsförvaltningen")
	if got := cell(t, f, sheetAnswers, xlCellRef(answersCommentCol, r)); got != "radett\nrad två\ttab" {
		t.Errorf("control characters not removed: %q", got)
	}
	if r := findRow(t, f, sheetRate, 1, "Exempelby Energi AB"); r == 0 {
		t.Error("department name with a control character not cleaned on Svarsfrekvens")
	}
	if !containsString(f.GetSheetList(), "Exempelby Energi AB") {
		t.Errorf("sheet list %q lacks the cleaned department name", f.GetSheetList())
	}
}

func TestXlsxWorkbookUnicodeRoundTrip(t *testing.T) {
	rep := formstest.Small()
	texts := []string{
		"Sámi: Ŋora Đuoŧŧa čállá, šaddá ža – ok",
		"Citat “så här” och ‘så’ – kostnad 1 200 € … klart",
		"Emoji och annat: 🔒 ✓ ≥ ½ Ω 漢字",
	}
	rep.Departments[1].Name = "Sámediggi Ŋ-đ-ŧ avdelning"
	rep.Settings.Drafts = true // the department's response is a draft
	resp := rep.Responses[2]
	for i, id := range []int64{11, 21, 22} {
		a := resp.Answers[id]
		a.Comment = texts[i]
		resp.Answers[id] = a
	}
	f, _ := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true})
	for i, title := range []string{"Riskanalys av kritisk information", "Tvåfaktorsautentisering", "Behörighetsgranskning"} {
		r := answerRow(t, f, title, "Sámediggi Ŋ-đ-ŧ avdelning")
		if got := cell(t, f, sheetAnswers, xlCellRef(answersCommentCol, r)); got != texts[i] {
			t.Errorf("round trip: got %q, want %q", got, texts[i])
		}
	}
	if !containsString(f.GetSheetList(), "Sámediggi Ŋ-đ-ŧ avdelning") {
		t.Errorf("sheet list %q lacks the Sami department", f.GetSheetList())
	}
}

func TestXlsxWorkbookEmptyRound(t *testing.T) {
	rep := formstest.Small()
	rep.Responses = nil
	rep.Consolidations = nil
	f, data := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true})
	wantCells(t, f, sheetSummary, map[string]string{"B5": "Ej inlämnad", "B9": "–", "M5": "5", "N5": "0%", "O5": ""})
	tables, err := f.GetTables(sheetAnswers)
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:N22" {
		t.Errorf("tables = %+v, %v", tables, err)
	}
	for r := 2; r <= 22; r++ {
		if got := cell(t, f, sheetAnswers, xlCellRef(answersStatusCol, r)); got != wordNotSubmitted {
			t.Errorf("Svar!F%d = %q in a round without answers", r, got)
		}
	}
	for r := 2; r <= 6; r++ {
		if got := cell(t, f, sheetRate, xlCellRef(3, r)); got != "Ej påbörjad" {
			t.Errorf("Svarsfrekvens!C%d = %q, want Ej påbörjad", r, got)
		}
		if got := cell(t, f, sheetRate, xlCellRef(4, r)); got != "" {
			t.Errorf("Svarsfrekvens!D%d = %q, want nothing counted", r, got)
		}
	}
	if !bytes.Contains(data, []byte("xl/charts/chart2.xml")) {
		t.Error("the empty round lacks its charts")
	}
}

func TestXlsxWorkbookDepartmentWithoutActivities(t *testing.T) {
	rep := formstest.Small()
	for i := range rep.Plan.Areas {
		for j := range rep.Plan.Areas[i].Activities {
			a := &rep.Plan.Areas[i].Activities[j]
			if a.AllDepartments {
				a.AllDepartments, a.DepartmentIDs = false, []int64{1, 2, 3}
			}
		}
	}
	f, _ := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true})
	const s = "Räddningstjänstförbundet Väst"
	wantCells(t, f, s, map[string]string{
		"A3": "Svarsläge: Ej påbörjad",
		"A5": "Verksamheten har inga tilldelade aktiviteter i den här omgången.",
	})
	wantCells(t, f, sheetRate, map[string]string{"A5": s, "D5": "", "E5": "0"})
	wantCells(t, f, sheetSummary, map[string]string{"E5": "–", "E10": "–"})
}

func TestXlsxWorkbookWithoutInterim(t *testing.T) {
	rep := formstest.Small()
	rep.InterimRound, rep.Interim = nil, nil
	f, _ := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true})
	tables, err := f.GetTables(sheetAnswers)
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:L22" {
		t.Fatalf("tables = %+v, %v; want A1:L22 without the interim columns", tables, err)
	}
	wantCells(t, f, sheetAnswers, map[string]string{"L1": "Senast sparad", "M1": "", "N1": ""})
	wantCells(t, f, "IT-avdelningen", map[string]string{"E4": "Behöver stöd", "F4": ""})
}

func TestXlsxWorkbookInterimRoundLocation(t *testing.T) {
	rep := formstest.Small()
	rep.Round.Kind, rep.Round.Title = forms.RoundInterim, "Delårsrapport 2024"
	rep.Round.ReportDate = time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	rep.InterimRound, rep.Interim = nil, nil
	loc := time.FixedZone("CET", 3600)
	f, _ := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true, Location: loc})
	wantCells(t, f, sheetRate, map[string]string{"F2": "2024-12-17 10:30"})
	if got := WorkbookFileName(rep); got != "uppfoljning-2024-delarsrapport.xlsx" {
		t.Errorf("file name = %q", got)
	}
}

func TestXlsxWorkbookFileName(t *testing.T) {
	rep := formstest.Small()
	if got := WorkbookFileName(rep); got != "uppfoljning-2024-arsredovisning.xlsx" {
		t.Errorf("file name = %q", got)
	}
	rep.Round.ReportDate = time.Time{}
	rep.Plan.Year = 2031
	rep.Round.Title = "../../etc/passwd ÅÄÖ"
	if got := WorkbookFileName(rep); got != "uppfoljning-2031-arsredovisning.xlsx" {
		t.Errorf("file name without a report date = %q", got)
	}
}

func TestXlsxWorkbookNilReport(t *testing.T) {
	if err := WriteWorkbook(&bytes.Buffer{}, nil, WorkbookOptions{}); err == nil {
		t.Error("a nil report gave no error")
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
