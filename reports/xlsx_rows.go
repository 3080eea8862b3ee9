package reports

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// xlRowWriter writes worksheet rows as SpreadsheetML straight into a zip
// entry, in the same form as excelize's stream writer. The department
// sheets and Svar are written this way while the workbook is zipped, so
// that their rows never wait in memory; TestXlsxRowWriterMatchesExcelize keeps the two
// forms equal. They differ on purpose in two rare cases where excelize
// loses text: escape-like sequences in the UTF-16 surrogate range
// ("_xD800_") and escapes that share an underscore ("_x0041_x0042_"), which
// xlEscapeText keeps (TestXlsxRowWriterKeepsEscapeLikeText). Texts must
// have been through cellText, which keeps them within Excel's cell limit.
type xlRowWriter struct {
	w   *bufio.Writer
	row int
	err error
	ref []byte // scratch for cell references
}

// add writes the next row, starting in column A. Values are strings or
// excelize.Cell values holding a string, a time in a date style, or
// nothing: what the department and answer sheets need.
func (rw *xlRowWriter) add(values []any, opts ...excelize.RowOpts) error {
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
			return rw.fail(errors.New("reports: row options other than a height"))
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
					return rw.fail(errors.New("reports: a date cell without a date style"))
				}
				if serial, ok := xlSerialDate(val); ok {
					rw.number(i+1, style, serial)
					continue
				}
				text = val.Format(time.RFC3339Nano) // before 1900: as text, like excelize
			default:
				return rw.fail(fmt.Errorf("reports: cell value of type %T", val))
			}
		default:
			return rw.fail(fmt.Errorf("reports: cell of type %T", v))
		}
		rw.cell(i+1, style, text)
	}
	w.WriteString(`</row>`)
	return nil
}

// number writes a cell holding a number, such as a serial date.
func (rw *xlRowWriter) number(col, style int, v string) {
	rw.startCell(col, style)
	rw.w.WriteString(`><v>`)
	rw.w.WriteString(v)
	rw.w.WriteString(`</v></c>`)
}

// startCell writes a cell's start tag up to its type: its reference in the
// current row and its style.
func (rw *xlRowWriter) startCell(col, style int) {
	w := rw.w
	w.WriteString(`<c r="`)
	rw.ref = strconv.AppendInt(append(rw.ref[:0], xlColName(col)...), int64(rw.row), 10)
	w.Write(rw.ref)
	w.WriteByte('"')
	if style != 0 {
		w.WriteString(` s="`)
		w.WriteString(strconv.Itoa(style))
		w.WriteByte('"')
	}
}

// xlSerialDate is t's wall-clock time as an Excel serial date in the 1900
// date system, computed as excelize computes it, or false before 1900.
func xlSerialDate(t time.Time) (string, bool) {
	const day = 24 * time.Hour
	const most = 290 * 364 * day // the longest time.Duration in whole days, about
	epoch := time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	_, offset := t.Zone()
	t = t.Add(time.Duration(offset) * time.Second)
	if t.Before(epoch) {
		return "", false
	}
	tt, diff, days := t, t.Sub(epoch), 0.0
	for diff >= most {
		days += float64(most / day)
		tt = tt.Add(-most)
		diff = tt.Sub(epoch)
	}
	rem := diff % day
	days += float64(diff-rem)/float64(day) + float64(rem)/float64(day)
	// Excel counts a 29 February 1900 that never was.
	if t.After(time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)) {
		days++
	}
	if days <= 0 {
		return "", false
	}
	return strconv.FormatFloat(days, 'f', -1, 64), true
}

// skip leaves the next row empty.
func (rw *xlRowWriter) skip() { rw.row++ }

// cell writes one cell: an inline string, or only its style when text is
// empty.
func (rw *xlRowWriter) cell(col, style int, text string) {
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
	xlEscapeText(w, text)
	w.WriteString(`</t></is></c>`)
}

func (rw *xlRowWriter) fail(err error) error {
	if rw.err == nil {
		rw.err = err
	}
	return rw.err
}

// xlEscapeText writes text as XML character data the way Excel reads it
// back unchanged: markup characters as entities, line breaks as they are,
// characters XML cannot hold as U+FFFD, and an underscore that would
// otherwise start an escape such as _x000D_ escaped itself as _x005F_.
func xlEscapeText(w *bufio.Writer, s string) {
	last := 0
	flush := func(i int, repl string) {
		w.WriteString(s[last:i])
		w.WriteString(repl)
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var repl string
		switch {
		case r == '&':
			repl = "&amp;"
		case r == '<':
			repl = "&lt;"
		case r == '>':
			repl = "&gt;"
		case r == '"':
			repl = "&#34;"
		case r == '\'':
			repl = "&#39;"
		case r == '\t':
			repl = "&#x9;"
		case r == '\r':
			repl = "&#xD;"
		case r == '_' && xlIsEscapeAt(s, i):
			repl = "_x005F_"
		case r == utf8.RuneError && size == 1, !xlInCharRange(r):
			repl = "\uFFFD"
		default:
			i += size
			continue
		}
		flush(i, repl)
		i += size
		last = i
	}
	w.WriteString(s[last:])
}

// xlIsEscapeAt reports whether s holds an escape such as _x00E5_ at i.
func xlIsEscapeAt(s string, i int) bool {
	if len(s) < i+7 || s[i+1] != 'x' || s[i+6] != '_' {
		return false
	}
	for _, c := range []byte(s[i+2 : i+6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// xlInCharRange reports whether XML 1.0 allows r in character data.
func xlInCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// xlRowFiller writes the rows of one sheet; it is called while the
// workbook is zipped.
type xlRowFiller func(rw *xlRowWriter) error

// xlFill runs fill into w through a buffer and reports the first error of
// either.
func xlFill(w io.Writer, fill xlRowFiller) error {
	rw := &xlRowWriter{w: bufio.NewWriterSize(w, 32<<10)}
	if err := fill(rw); err != nil {
		return err
	}
	if rw.err != nil {
		return rw.err
	}
	return rw.w.Flush()
}
