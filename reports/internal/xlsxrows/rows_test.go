package xlsxrows

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// trickyTexts are cell texts whose XML form is easy to get wrong.
var trickyTexts = []string{
	"plain",
	" leading space",
	"trailing newline\n",
	"\ttab first",
	"two\nlines\r\nand CRLF",
	`quotes " and ' and <tags> & ampersands`,
	"=SUM(A1:A2)",
	"å ä ö Å Ä Ö – “ ” € ŋ đ ŧ č š ž 😀",
	"_x0041_ looks like an escape",
	"a_x00e5_b_X_x12_",
	"_x005F_",
	"bad utf-8 \xff here",
	"noncharacter \uFFFE here",
}

// TestRowWriterMatchesExcelize writes the same rows with excelize's
// stream writer and with RowWriter and wants the same bytes, so that the
// sheets read exactly as if excelize had written them.
func TestRowWriterMatchesExcelize(t *testing.T) {
	type row struct {
		values []any
		opts   []excelize.RowOpts
	}
	rows := []row{
		{values: []any{excelize.Cell{StyleID: 3, Value: "Titel"}}},
		{values: []any{excelize.Cell{StyleID: 4}, nil, "plain string", excelize.Cell{Value: "no style"}}, opts: []excelize.RowOpts{{Height: 32}}},
		{values: []any{excelize.Cell{StyleID: 2, Value: "x"}}, opts: []excelize.RowOpts{{Height: excelize.MaxRowHeight}}},
	}
	for _, s := range trickyTexts {
		rows = append(rows, row{values: []any{excelize.Cell{StyleID: 5, Value: s}, s}})
	}
	// Dates: real serial dates of the wall-clock time, whatever the zone;
	// before 1900, text as excelize writes it.
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []time.Time{
		time.Date(2024, 12, 17, 9, 30, 0, 0, stockholm),
		time.Date(2024, 6, 17, 9, 30, 15, 123456789, stockholm),
		time.Date(2024, 12, 17, 23, 59, 59, 999999999, time.UTC),
		time.Date(1900, 2, 28, 12, 0, 0, 0, time.UTC),
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2263, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC),
	} {
		rows = append(rows, row{values: []any{excelize.Cell{StyleID: 6, Value: d}}})
	}
	// Column AA and beyond.
	wide := make([]any, 30)
	wide[29] = "AD"
	rows = append(rows, row{values: wide})

	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			t.Fatal(err)
		}
		if err := sw.SetRow(cell, r.values, r.opts...); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	want := sheetDataOf(t, buf.Bytes(), "xl/worksheets/sheet1.xml")

	var got bytes.Buffer
	rw := &RowWriter{w: bufio.NewWriter(&got)}
	for _, r := range rows {
		if err := rw.Add(r.values, r.opts...); err != nil {
			t.Fatal(err)
		}
	}
	if err := rw.w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want {
		g, w := got.String(), want
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Errorf("rows differ from excelize's at byte %d:\n got  …%s\n want …%s", i, g[max(0, i-60):min(len(g), i+80)], w[max(0, i-60):min(len(w), i+80)])
	}
}

// TestRowWriterRefusesOtherValues keeps the row writer to the values it
// writes exactly like excelize.
func TestRowWriterRefusesOtherValues(t *testing.T) {
	for _, v := range []any{42, excelize.Cell{Value: 1.5}, true, excelize.Cell{Value: time.Now()}} {
		rw := &RowWriter{w: bufio.NewWriter(io.Discard)}
		if err := rw.Add([]any{v}); err == nil {
			t.Errorf("Add(%#v) = nil, want an error", v)
		}
	}
	rw := &RowWriter{w: bufio.NewWriter(io.Discard)}
	if err := rw.Add([]any{"x"}, excelize.RowOpts{StyleID: 3}); err == nil {
		t.Error("a row style was accepted")
	}
	rw = &RowWriter{w: bufio.NewWriter(io.Discard)}
	if err := rw.Add([]any{"x"}, excelize.RowOpts{Height: excelize.MaxRowHeight + 1}); err == nil {
		t.Error("a row higher than Excel allows was accepted")
	}
}

// TestRowWriterRows counts written and skipped rows from 1.
func TestRowWriterRows(t *testing.T) {
	var out bytes.Buffer
	rw := &RowWriter{w: bufio.NewWriter(&out)}
	rw.Skip()
	if err := rw.Add([]any{"x"}); err != nil {
		t.Fatal(err)
	}
	rw.w.Flush()
	if got, want := out.String(), `<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>`; rw.Row() != 2 || got != want {
		t.Errorf("Row() = %d and %s, want 2 and %s", rw.Row(), got, want)
	}
}

// sheetDataOf returns what is inside the sheetData element of a part.
func sheetDataOf(t *testing.T, zipped []byte, part string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, "<sheetData>"), strings.Index(s, "</sheetData>")
	if i < 0 || j < i {
		t.Fatalf("%s has no sheetData: %.300s", part, s)
	}
	return s[i+len("<sheetData>") : j]
}
