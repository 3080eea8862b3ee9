package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"followup/forms/formstest"
)

// dumpWorkbook writes every sheet's non-empty cells, as Excel shows them, one
// per line: sheet name headings, then "B4<TAB>quoted value".
func dumpWorkbook(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "## %s\n", sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("rows of %s: %v", sheet, err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				fmt.Fprintf(&b, "%s\t%q\n", xlCellRef(c+1, r+1), v)
			}
		}
	}
	return b.String()
}

func TestXlsxGoldenSmall(t *testing.T) {
	f, _ := writeAndOpen(t, formstest.Small(), WorkbookOptions{PerDepartment: true})
	got := dumpWorkbook(t, f)
	path := filepath.Join("testdata", "xlsx", "small.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports/ -run TestXlsxGoldenSmall -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("workbook differs from %s (rerun with -update after checking the change):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines that differ between two dumps, at most 40.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 40; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
