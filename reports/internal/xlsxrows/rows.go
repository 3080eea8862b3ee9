package xlsxrows

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// RowWriter writes worksheet rows as SpreadsheetML straight into a part of
// the zip, in the same form as excelize's stream writer, so that large
// sheets never wait in memory. TestRowWriterMatchesExcelize keeps the two
// forms equal; the package documentation says where they differ.
type RowWriter struct {
	w   *bufio.Writer
	row int
	err error
	ref []byte // scratch for cell references
}

// Filler writes the rows of one sheet; it is called while the workbook is
// zipped, when the sheet's part comes by.
type Filler func(rw *RowWriter) error

// fill runs f into w through a buffer and reports the first error of
// either.
func fill(w io.Writer, f Filler) error {
	rw := &RowWriter{w: bufio.NewWriterSize(w, 32<<10)}
	if err := f(rw); err != nil {
		return err
	}
	if rw.err != nil {
		return rw.err
	}
	return rw.w.Flush()
}

// Row is the number of the last row written or skipped, from 1; 0 before
// any. Sheet writers compare it with the rows they planned, for a merged
// cell or a table.
func (rw *RowWriter) Row() int { return rw.row }

// Skip passes over the next row, leaving it empty, or as excelize wrote
// it: a header written through the stream writer comes before the rows of
// the RowWriter.
func (rw *RowWriter) Skip() { rw.row++ }

// Add writes the next row, starting in column A. Values are strings or
// excelize.Cell values holding a string, a time in a date style, or
// nothing; a row option can only set the height. Anything else is refused
// rather than written differently from excelize. Texts must be within
// Excel's limit of 32,767 characters a cell, which excelize would enforce
// by cutting them.
func (rw *RowWriter) Add(values []any, opts ...excelize.RowOpts) error {
	if rw.err != nil {
		return rw.err
	}
	rw.row++
	w := rw.w
	w.WriteString(`<row r="`)
	w.WriteString(strconv.Itoa(rw.row))
	w.WriteByte('"')
	for _, o := range opts {
		if o.StyleID != 0 || o.Hidden || o.OutlineLevel != 0 {
			return rw.fail(errors.New("xlsxrows: row options other than a height"))
		}
		if o.Height > excelize.MaxRowHeight {
			return rw.fail(excelize.ErrMaxRowHeight)
		}
		if o.Height > 0 {
			w.WriteString(` ht="`)
			w.WriteString(strconv.FormatFloat(o.Height, 'f', -1, 64))
			w.WriteString(`" customHeight="1"`)
		}
	}
	w.WriteByte('>')
	for i, v := range values {
		style, text := 0, ""
		switch v := v.(type) {
		case nil:
			continue
		case string:
			text = v
		case excelize.Cell:
			style = v.StyleID
			switch val := v.Value.(type) {
			case nil:
			case string:
				text = val
			case time.Time:
				if style == 0 {
					return rw.fail(errors.New("xlsxrows: a date cell without a date style"))
				}
				if serial, ok := serialDate(val); ok {
					rw.number(i+1, style, serial)
					continue
				}
				text = val.Format(time.RFC3339Nano) // before 1900: as text, like excelize
			default:
				return rw.fail(fmt.Errorf("xlsxrows: cell value of type %T", val))
			}
		default:
			return rw.fail(fmt.Errorf("xlsxrows: cell of type %T", v))
		}
		rw.cell(i+1, style, text)
	}
	w.WriteString(`</row>`)
	return nil
}

// number writes a cell holding a number, such as a serial date.
func (rw *RowWriter) number(col, style int, v string) {
	rw.startCell(col, style)
	rw.w.WriteString(`><v>`)
	rw.w.WriteString(v)
	rw.w.WriteString(`</v></c>`)
}

// cell writes one cell: an inline string, or only its style when text is
// empty.
func (rw *RowWriter) cell(col, style int, text string) {
	w := rw.w
	rw.startCell(col, style)
	if text == "" {
		w.WriteString(`></c>`)
		return
	}
	w.WriteString(` t="inlineStr"><is><t`)
	switch text[0] {
	case '\t', '\n', '\r', ' ':
		w.WriteString(` xml:space="preserve"`)
	default:
		switch text[len(text)-1] {
		case '\t', '\n', '\r', ' ':
			w.WriteString(` xml:space="preserve"`)
		}
	}
	w.WriteByte('>')
	escapeText(w, text)
	w.WriteString(`</t></is></c>`)
}

// startCell writes a cell's start tag up to its type: its reference in the
// current row and its style.
func (rw *RowWriter) startCell(col, style int) {
	w := rw.w
	w.WriteString(`<c r="`)
	rw.ref = strconv.AppendInt(appendColName(rw.ref[:0], col), int64(rw.row), 10)
	w.Write(rw.ref)
	w.WriteByte('"')
	if style != 0 {
		w.WriteString(` s="`)
		w.WriteString(strconv.Itoa(style))
		w.WriteByte('"')
	}
}

// appendColName appends the name of a 1-based column: 1 is A, 27 is AA.
func appendColName(b []byte, col int) []byte {
	var name [8]byte
	i := len(name)
	for col > 0 {
		col--
		i--
		name[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, name[i:]...)
}

func (rw *RowWriter) fail(err error) error {
	if rw.err == nil {
		rw.err = err
	}
	return rw.err
}
