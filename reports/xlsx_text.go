package reports

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"followup/forms"
)

// maxCellUnits is Excel's limit on the text of one cell, counted in UTF-16
// code units as Excel counts them.
const maxCellUnits = 32767

// truncMarker ends a text that was cut to fit a cell, so readers see that the
// cell does not hold the whole answer.
const truncMarker = "… [avkortad]"

// maxSheetUnits is Excel's limit on the length of a sheet name.
const maxSheetUnits = 31

// cellText makes user text safe for a cell: characters that would corrupt the
// XML are removed and text over Excel's cell limit is cut with a visible
// marker. The result is always written as a string value, never a formula.
func cellText(s string) string {
	s = forms.StripControl(s)
	// A UTF-8 string never has more UTF-16 units than bytes, so short strings
	// need no counting.
	if len(s) <= maxCellUnits || xlUTF16Len(s) <= maxCellUnits {
		return s
	}
	return xlCutUnits(s, maxCellUnits-xlUTF16Len(truncMarker)) + truncMarker
}

// xlUTF16Len counts the UTF-16 code units of s.
func xlUTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// xlCutUnits returns the longest prefix of s of at most max UTF-16 units that
// does not split a character.
func xlCutUnits(s string, max int) string {
	n := 0
	for i, r := range s {
		l := utf16.RuneLen(r)
		if n+l > max {
			return s[:i]
		}
		n += l
	}
	return s
}

// xlLastUnits returns the longest suffix of s of at most max UTF-16 units that
// does not split a character.
func xlLastUnits(s string, max int) string {
	n := 0
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		l := utf16.RuneLen(r)
		if n+l > max {
			break
		}
		n += l
		i -= size
	}
	return s[i:]
}

// sheetNamer hands out valid, unique sheet names. Excel compares sheet names
// without regard to letter case, so the names taken are kept folded.
type sheetNamer struct {
	used map[string]bool
}

// reservedSheetNames are names Excel refuses for a worksheet.
var reservedSheetNames = []string{"History"}

func newSheetNamer(taken ...string) *sheetNamer {
	n := &sheetNamer{used: map[string]bool{}}
	for _, t := range append(taken, reservedSheetNames...) {
		n.used[xlFoldName(t)] = true
	}
	return n
}

func xlFoldName(s string) string { return strings.ToLower(strings.ToUpper(s)) }

// name returns a valid sheet name for raw, unused so far, and marks it
// used: at most 31 characters, none of []:*?/\, not starting or ending with
// an apostrophe. A long name keeps its beginning and its end around an
// ellipsis so departments that differ only late in the name stay apart;
// names that still clash get a suffix such as " (2)".
func (n *sheetNamer) name(raw string) string {
	base := xlCleanSheetName(raw)
	name := xlAbbreviate(base, maxSheetUnits)
	for i := 2; n.used[xlFoldName(name)]; i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		name = xlAbbreviate(base, maxSheetUnits-len(suffix)) + suffix
	}
	n.used[xlFoldName(name)] = true
	return name
}

// xlCleanSheetName replaces the characters Excel forbids in sheet names,
// collapses white space and trims apostrophes and spaces from both ends.
func xlCleanSheetName(raw string) string {
	s := forms.StripControl(raw)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			return '-'
		case '\n', '\t':
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " '")
	if s == "" {
		return "Verksamhet"
	}
	return s
}

// xlAbbreviate shortens s to max UTF-16 units by cutting out its middle: the
// head and the last word or so stay, joined by an ellipsis.
func xlAbbreviate(s string, max int) string {
	if xlUTF16Len(s) <= max {
		return s
	}
	tail := xlLastUnits(s, max/3)
	if i := strings.IndexByte(tail, ' '); i >= 0 && i < len(tail)-1 {
		tail = tail[i+1:]
	}
	tail = strings.TrimLeft(tail, " '")
	head := strings.TrimRight(xlCutUnits(s, max-1-xlUTF16Len(tail)), " ")
	out := strings.Trim(head+"…"+tail, "'")
	if out == "…" {
		return xlCutUnits(s, max)
	}
	return out
}

// xlLines estimates how many lines text takes when wrapped in a column
// width characters wide. Text is narrower than the digit Excel measures
// widths by, hence the allowance.
func xlLines(text string, width float64) int {
	per := max(1, int(width*1.15))
	lines, run := 1, 0
	for _, r := range text {
		if r == '\n' {
			lines, run = lines+1, 0
			continue
		}
		if run++; run > per {
			lines, run = lines+1, 1
		}
	}
	return lines
}

// xlLineHeight is the height in points of one line of 11-point text.
const xlLineHeight = 15

// xlFit returns the row options that show lines of wrapped text. Spreadsheet
// programs do not grow the rows of a generated file to fit wrapped text, so
// rows get an explicit height; a row of one line keeps the default.
func xlFit(lines int) []excelize.RowOpts {
	if lines <= 1 {
		return nil
	}
	return xlRowHeights[min(lines, len(xlRowHeights)-1)]
}

// xlRowHeights holds the row options of each line count up to the maximum
// row height, made once so that rows do not allocate them.
var xlRowHeights = func() [][]excelize.RowOpts {
	n := int(excelize.MaxRowHeight)/xlLineHeight + 1
	out := make([][]excelize.RowOpts, n+1)
	for i := range out {
		out[i] = []excelize.RowOpts{{Height: min(float64(i*xlLineHeight), excelize.MaxRowHeight)}}
	}
	return out
}()

// xlYesNo writes a flag the way Swedish spreadsheets do.
func xlYesNo(b bool) string {
	if b {
		return "Ja"
	}
	return "Nej"
}

// xlTime writes a time for running text (titles, notes).
func xlTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04")
}

// xlDate writes a date for running text.
func xlDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(forms.DateLayout)
}
