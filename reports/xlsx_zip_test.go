package reports

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func fillOneRow(rw *xlRowWriter) error { return rw.add([]any{"rad"}) }

// TestXlsxSpliceAnyWriteSizes writes a sheet part to the splice in pieces of
// every size, so the end of its sheetData element is split at every place.
func TestXlsxSpliceAnyWriteSizes(t *testing.T) {
	part := `<worksheet><cols/><sheetData><row r="1"/></sheetData><mergeCells count="1"/></worksheet>`
	want := `<worksheet><cols/><sheetData><row r="1"/><row r="1"><c r="A1" t="inlineStr"><is><t>rad</t></is></c></row></sheetData><mergeCells count="1"/></worksheet>`
	for size := 1; size <= len(part); size++ {
		var out bytes.Buffer
		s := &xlSplice{dst: &out, fill: fillOneRow, name: "x"}
		for i := 0; i < len(part); i += size {
			p := part[i:min(len(part), i+size)]
			if n, err := s.Write([]byte(p)); err != nil || n != len(p) {
				t.Fatalf("size %d: Write = %d, %v", size, n, err)
			}
		}
		if !s.done || out.String() != want {
			t.Fatalf("size %d: done %v, wrote\n%s\nwant\n%s", size, s.done, out.String(), want)
		}
	}
}

// TestXlsxZipMissingPart makes sure that rows with nowhere to go fail the
// workbook instead of leaving a department sheet silently empty.
func TestXlsxZipMissingPart(t *testing.T) {
	for name, parts := range map[string]map[string]string{
		"no such part": {"xl/worksheets/sheet1.xml": "<worksheet><sheetData></sheetData></worksheet>"},
		"no sheetData": {"xl/worksheets/sheet9.xml": `<worksheet><sheetData/></worksheet>`},
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			z := &xlZip{Writer: zip.NewWriter(&out), fill: map[string]xlRowFiller{"xl/worksheets/sheet9.xml": fillOneRow}, spliced: map[string]bool{}}
			for p, content := range parts {
				w, err := z.Create(p)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := w.Write([]byte(content)); err != nil {
					t.Fatal(err)
				}
			}
			err := z.Close()
			if err == nil || !strings.Contains(err.Error(), "sheet9") {
				t.Errorf("Close = %v, want an error naming sheet9", err)
			}
		})
	}
}

// TestXlsxFillsForUnknownSheet refuses rows meant for a sheet the workbook
// does not have, instead of dropping them.
func TestXlsxFillsForUnknownSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	w := &xlWorkbook{f: f, fill: map[string]xlRowFiller{}, fillByName: map[string]xlRowFiller{}}
	w.fillRows("Sheet1", fillOneRow)
	w.fillRows("Finns inte", fillOneRow)
	err := w.resolveFills()
	if err == nil || !strings.Contains(err.Error(), "Finns inte") {
		t.Errorf("resolveFills = %v, want an error naming the missing sheet", err)
	}
	if _, ok := w.fill["xl/worksheets/sheet1.xml"]; !ok {
		t.Errorf("the existing sheet's part is not named: %v", w.fill)
	}
}
