package xlsxrows

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func fillOneRow(rw *RowWriter) error { return rw.Add([]any{"rad"}) }

// TestWriteZipTo writes a workbook whose second sheet gets its rows from
// a Filler below a header excelize wrote, and reads it back through
// excelize.
func TestWriteZipTo(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("Rader"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("Sheet1", "A1", "första bladet"); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter("Rader")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"Namn", "Datum"}); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = WriteZipTo(f, &out, map[string]Filler{"Rader": func(rw *RowWriter) error {
		rw.Skip() // the header
		for _, name := range []string{"Ett", "Två <&>", "_x0041_"} {
			if err := rw.Add([]any{name, excelize.Cell{StyleID: date, Value: time.Date(2024, 12, 17, 0, 0, 0, 0, time.UTC)}}); err != nil {
				return err
			}
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	back, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	rows, err := back.GetRows("Rader")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Namn", "Datum"}, {"Ett", "12-17-24"}, {"Två <&>", "12-17-24"}, {"_x0041_", "12-17-24"}}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows read back %q, want %q", rows, want)
	}
	if v, _ := back.GetCellValue("Sheet1", "A1"); v != "första bladet" {
		t.Errorf("the other sheet reads %q", v)
	}
}

// TestWriteZipToUnknownSheet refuses rows meant for a sheet the workbook
// does not have, instead of dropping them.
func TestWriteZipToUnknownSheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	var out bytes.Buffer
	err := WriteZipTo(f, &out, map[string]Filler{"Sheet1": fillOneRow, "Finns inte": fillOneRow})
	if err == nil || !strings.Contains(err.Error(), "Finns inte") {
		t.Errorf("WriteZipTo = %v, want an error naming the missing sheet", err)
	}
}

// TestSpliceAnyWriteSizes writes a sheet part to the splice in pieces of
// every size, so the end of its sheetData element is split at every place.
func TestSpliceAnyWriteSizes(t *testing.T) {
	part := `<worksheet><cols/><sheetData><row r="1"/></sheetData><mergeCells count="1"/></worksheet>`
	want := `<worksheet><cols/><sheetData><row r="1"/><row r="1"><c r="A1" t="inlineStr"><is><t>rad</t></is></c></row></sheetData><mergeCells count="1"/></worksheet>`
	for size := 1; size <= len(part); size++ {
		var out bytes.Buffer
		s := &splice{dst: &out, fill: fillOneRow, name: "x"}
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

// TestZipMissingPart makes sure that rows with nowhere to go fail the
// workbook instead of leaving a sheet silently empty.
func TestZipMissingPart(t *testing.T) {
	for name, parts := range map[string]map[string]string{
		"no such part": {"xl/worksheets/sheet1.xml": "<worksheet><sheetData></sheetData></worksheet>"},
		"no sheetData": {"xl/worksheets/sheet9.xml": `<worksheet><sheetData/></worksheet>`},
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			z := &zipWriter{Writer: zip.NewWriter(&out), fill: map[string]Filler{"xl/worksheets/sheet9.xml": fillOneRow}, spliced: map[string]bool{}}
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
