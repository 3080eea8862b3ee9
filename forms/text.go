package forms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on free text. They keep one answer from swamping the database, the
// workbook (Excel cells hold at most 32,767 characters) and the report.
const (
	MaxCommentRunes = 10000
	MaxNameRunes    = 200
	MaxTitleRunes   = 300
	MaxTextRunes    = 20000 // descriptions and narratives
)

// CheckText reports the catalog key of the first problem with s: invalid UTF-8,
// a control character other than tab and line breaks, a bidirectional
// control character, or more than max runes. It returns "" when s is
// acceptable. Every text the application stores passes through it, so one
// rule holds for names, titles and comments alike.
func CheckText(s string, max int) string {
	if !utf8.ValidString(s) {
		return "error.text_encoding"
	}
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || r == '\uFFFE' || r == '\uFFFF' {
			return "error.text_control"
		}
		if IsBidiControl(r) {
			return "error.text_bidi"
		}
	}
	if utf8.RuneCountInString(s) > max {
		return "error.text_too_long"
	}
	return ""
}

// IsBidiControl reports whether r is one of the invisible characters that
// change the direction of the text around them (U+202A–U+202E,
// U+2066–U+2069). In a name or a comment they can make a text look like
// something else, in a receipt as on a page, so no text may hold them.
func IsBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// CheckLine is CheckText for one-line texts such as names: a line break is
// a control character there.
func CheckLine(s string, max int) string {
	if k := CheckText(s, max); k != "" {
		return k
	}
	if strings.ContainsAny(s, "\n\r") {
		return "error.text_control"
	}
	return ""
}

// NormalizeText trims surrounding white space and turns CRLF line breaks,
// which browsers send, into LF, so that the same text compares equal however
// it was typed.
func NormalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(s)
}

// StripControl removes characters that would corrupt an XML-based file (XLSX)
// or a PDF text run: C0 controls other than tab and line feed, and the
// non-characters U+FFFE and U+FFFF. Invalid UTF-8 becomes U+FFFD.
func StripControl(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\n' && r != '\t') || r == '\uFFFE' || r == '\uFFFF' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if (unicode.IsControl(r) && r != '\n' && r != '\t') || r == '\uFFFE' || r == '\uFFFF' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
