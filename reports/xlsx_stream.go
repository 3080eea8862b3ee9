package reports

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// xlStream is a worksheet written row by row through excelize's stream writer,
// which keeps large sheets out of memory.
type xlStream struct {
	sw  *excelize.StreamWriter
	row int
}

// newStream starts writing sheet row by row, from row 1.
func (w *xlWorkbook) newStream(sheet string) (*xlStream, error) {
	sw, err := w.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	return &xlStream{sw: sw}, nil
}

// add writes the next row, starting in column A.
func (s *xlStream) add(values []any, opts ...excelize.RowOpts) error {
	s.row++
	return s.sw.SetRow(xlCellRef(1, s.row), values, opts...)
}

// widths sets column widths from column A on, one call per run of equal
// widths; call it before any row.
func (s *xlStream) widths(ws ...float64) error {
	for i := 0; i < len(ws); {
		j := i
		for j+1 < len(ws) && ws[j+1] == ws[i] {
			j++
		}
		if err := s.sw.SetColWidth(i+1, j+1, ws[i]); err != nil {
			return err
		}
		i = j + 1
	}
	return nil
}

// freeze keeps the first rows and columns in view; call it before any row.
func (s *xlStream) freeze(cols, rows int) error {
	tl := xlCellRef(cols+1, rows+1)
	pane := "bottomRight"
	switch {
	case cols == 0:
		pane = "bottomLeft"
	case rows == 0:
		pane = "topRight"
	}
	return s.sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: tl, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: tl, ActiveCell: tl, Pane: pane}},
	})
}

// xlCellRef names the cell at a 1-based column and row, such as "B4".
func xlCellRef(col, row int) string { return xlColName(col) + strconv.Itoa(row) }

// xlColName names a 1-based column: 1 is A, 27 is AA.
func xlColName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}
