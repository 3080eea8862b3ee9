package reports

import (
	"strings"
	"testing"
	"unicode/utf16"

	"followup/forms"
)

// validSheetName applies Excel's rules for sheet names.
func validSheetName(name string) bool {
	n := len(utf16.Encode([]rune(name)))
	return n > 0 && n <= 31 && !strings.ContainsAny(name, `[]:*?/\`) &&
		!strings.HasPrefix(name, "'") && !strings.HasSuffix(name, "'")
}

func TestXlsxSheetNames(t *testing.T) {
	cases := []struct {
		name string
		in   []string // department names, in order
		want []string
	}{
		{"short names stay", []string{"IT-avdelningen", "Exempelby Energi AB"}, []string{"IT-avdelningen", "Exempelby Energi AB"}},
		{"forbidden characters", []string{"Bygg/Miljö: [syd]?*\\"}, []string{"Bygg-Miljö- -syd----"}},
		{"apostrophes at the ends", []string{"'Kultur'", "''"}, []string{"Kultur", "Verksamhet"}},
		{"control characters and spacing", []string{"Vård\x00 och\t\nomsorg  "}, []string{"Vård och omsorg"}},
		{"empty", []string{"", "   "}, []string{"Verksamhet", "Verksamhet (2)"}},
		{"clash with a fixed sheet, any case", []string{"SVAR", "diagram", "Sammanställning"},
			[]string{"SVAR (2)", "diagram (2)", "Sammanställning (2)"}},
		{"reserved by Excel", []string{"History"}, []string{"History (2)"}},
		{"case-insensitive duplicates", []string{"Kultur", "KULTUR", "kultur"}, []string{"Kultur", "KULTUR (2)", "kultur (3)"}},
		{"Swedish letters fold", []string{"Åre", "åRE"}, []string{"Åre", "åRE (2)"}},
		{"long names alike early keep their numbers", []string{
			"Förvaltning 001 för samhällsbyggnad och service",
			"Förvaltning 002 för samhällsbyggnad och service",
		}, []string{"Förvaltning 001 för sam…service", "Förvaltning 002 för sam…service"}},
		{"long names alike late keep their ends", []string{
			"Samhällsbyggnadsförvaltningen i kommunens norra del",
			"Samhällsbyggnadsförvaltningen i kommunens södra del",
		}, []string{"Samhällsbyggnadsförva…norra del", "Samhällsbyggnadsförva…södra del"}},
		{"long names differing at the end", []string{
			"Förvaltningen för kultur och fritid, enhet norr",
			"Förvaltningen för kultur och fritid, enhet söder",
			"Förvaltningen för kultur och fritid, enhet väster",
		}, []string{"Förvaltningen för kultur o…norr", "Förvaltningen för kultur…söder", "Förvaltningen för kultur…väster"}},
		{"same long name twice", []string{strings.Repeat("Räddningstjänst ", 4), strings.Repeat("Räddningstjänst ", 4)},
			[]string{"Räddningstjänst Rädd…ingstjänst", "Räddningstjänst R…ngstjänst (2)"}},
		{"characters outside the BMP count double", []string{strings.Repeat("🔒", 20)}, []string{strings.Repeat("🔒", 10) + "…" + strings.Repeat("🔒", 5)}},
		{"apostrophes inside stay", []string{"Kommunens 'nya' förvaltning för kultur 'fritid'"}, []string{"Kommunens 'nya' förvaltn…fritid"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := newSheetNamer(sheetSummary, sheetAnswers, sheetRate, sheetCharts)
			seen := map[string]bool{}
			for i, in := range c.in {
				got := n.name(in)
				if got != c.want[i] {
					t.Errorf("name(%q) = %q, want %q", in, got, c.want[i])
				}
				if !validSheetName(got) {
					t.Errorf("name(%q) = %q is not a valid sheet name", in, got)
				}
				if seen[strings.ToLower(got)] {
					t.Errorf("name(%q) = %q is taken", in, got)
				}
				seen[strings.ToLower(got)] = true
			}
		})
	}
}

func TestXlsxSheetNamesManyAlike(t *testing.T) {
	n := newSheetNamer(sheetSummary, sheetAnswers, sheetRate, sheetCharts)
	seen := map[string]bool{}
	for i := 0; i < 300; i++ {
		got := n.name("Förvaltning för samhällsbyggnad och service i kommunen")
		if !validSheetName(got) || seen[strings.ToLower(got)] {
			t.Fatalf("name %d = %q: invalid or taken", i, got)
		}
		seen[strings.ToLower(got)] = true
	}
}

func TestXlsxCellText(t *testing.T) {
	if got := cellText("=1+1"); got != "=1+1" {
		t.Errorf("cellText changed a formula-like text: %q", got)
	}
	if got := cellText("a\x00b\x1f\r\nc\td\uFFFF"); got != "ab\nc\td" {
		t.Errorf("control characters: %q", got)
	}
	if got := cellText("bad \xff utf8"); got != "bad \uFFFD utf8" {
		t.Errorf("invalid UTF-8: %q", got)
	}
	exact := strings.Repeat("x", maxCellUnits)
	if got := cellText(exact); got != exact {
		t.Error("a text of exactly the limit was cut")
	}
	// A character outside the BMP takes two units; the cut must not split it.
	long := strings.Repeat("🔒", 20000)
	got := cellText(long)
	if !strings.HasSuffix(got, truncMarker) || xlUTF16Len(got) > maxCellUnits || !strings.HasPrefix(got, "🔒🔒") {
		t.Errorf("cut text: %d units, ends %q", xlUTF16Len(got), got[len(got)-30:])
	}
	body := strings.TrimSuffix(got, truncMarker)
	if strings.Trim(body, "🔒") != "" {
		t.Error("the cut split a character")
	}
}

func TestXlsxLines(t *testing.T) {
	cases := []struct {
		text  string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"kort", 10, 1},
		{strings.Repeat("a", 11), 10, 1}, // 10 × 1.15 = 11 characters a line
		{strings.Repeat("a", 12), 10, 2},
		{"a\nb\nc", 60, 3},
		{strings.Repeat("å", 230), 20, 10},
	}
	for _, c := range cases {
		if got := xlLines(c.text, c.width); got != c.want {
			t.Errorf("xlLines(%d runes, %v) = %d, want %d", len([]rune(c.text)), c.width, got, c.want)
		}
	}
	if opts := xlFit(1000); len(opts) != 1 || opts[0].Height != 409 {
		t.Errorf("xlFit(1000) = %+v, want the maximum row height", opts)
	}
	if opts := xlFit(1); opts != nil {
		t.Errorf("xlFit(1) = %+v, want the default height", opts)
	}
}

func TestXlsxStatusColours(t *testing.T) {
	want := map[string]string{ // the default scale: font colour per status
		"Ej påbörjat": "FFFFFF", "Påbörjat": "000000", "Pågår": "000000",
		"Genomfört": "FFFFFF", "Flyttas till nästa år": "FFFFFF", "Ej aktuellt": "000000",
	}
	for _, s := range forms.DefaultScale() {
		if got := xlFontFor(xlStatusColour(s)); got != want[s.Name] {
			t.Errorf("font on %s (%s) = %s, want %s", s.Name, s.Color, got, want[s.Name])
		}
	}
	for colour, font := range map[string]string{"FFFFFF": "000000", "000000": "FFFFFF", "FFFF00": "000000", "0000FF": "FFFFFF"} {
		if got := xlFontFor(colour); got != font {
			t.Errorf("font on %s = %s, want %s", colour, got, font)
		}
	}
	if got := xlStatusColour(forms.Status{Color: "red"}); got != xlUnknownStatus {
		t.Errorf("an invalid colour gave %q", got)
	}
	if got := xlStatusColour(forms.Status{Color: "#abcdef"}); got != "ABCDEF" {
		t.Errorf("colour = %q", got)
	}
}
