package xlsxrows

import (
	"bufio"
	"unicode/utf8"
)

// escapeText writes text as XML character data the way Excel reads it
// back unchanged: markup characters as entities, line breaks as they are,
// characters XML cannot hold as U+FFFD, and an underscore that would
// otherwise start an escape such as _x000D_ escaped itself as _x005F_.
func escapeText(w *bufio.Writer, s string) {
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
		case r == '_' && isEscapeAt(s, i):
			repl = "_x005F_"
		case r == utf8.RuneError && size == 1, !inCharRange(r):
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

// isEscapeAt reports whether s holds an escape such as _x00E5_ at i.
func isEscapeAt(s string, i int) bool {
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

// inCharRange reports whether XML 1.0 allows r in character data.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
