package reports

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// A PDF read back with qpdf --json, to check its structure with a reader
// that is not the code that wrote it.

// pdfQPDF is a PDF's objects as qpdf's JSON (version 2) gives them, with
// streams decoded: names as "/Name", text strings as "u:text", references
// as "N 0 R", arrays and dictionaries as JSON's.
type pdfQPDF struct {
	objs map[string]pdfQObject
}

// pdfQObject is one object: a value, or a stream's dictionary and data.
type pdfQObject struct {
	Value  any `json:"value"`
	Stream *struct {
		Dict map[string]any `json:"dict"`
		Data []byte         `json:"data"`
	} `json:"stream"`
}

// pdfReadQPDF reads the PDF at path with qpdf.
func pdfReadQPDF(t *testing.T, path string) *pdfQPDF {
	t.Helper()
	out := pdfQuiet(t, "qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
		"--decode-level=generalized", path, "-")
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	q := &pdfQPDF{}
	if err := json.Unmarshal(doc.QPDF[1], &q.objs); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	return q
}

// isRef reports whether v is a reference.
func pdfIsRef(v any) bool {
	s, ok := v.(string)
	return ok && strings.HasSuffix(s, " 0 R")
}

// resolve follows a reference to its value, or a stream's dictionary; any
// other value is returned as it is.
func (q *pdfQPDF) resolve(v any) any {
	if !pdfIsRef(v) {
		return v
	}
	o, ok := q.objs["obj:"+v.(string)]
	if !ok {
		return nil
	}
	if o.Stream != nil {
		return o.Stream.Dict
	}
	return o.Value
}

// dict returns v, resolved, as a dictionary, or nil.
func (q *pdfQPDF) dict(v any) map[string]any {
	d, _ := q.resolve(v).(map[string]any)
	return d
}

// array returns v, resolved, as an array; a single value is an array of
// one.
func (q *pdfQPDF) array(v any) []any {
	switch a := q.resolve(v).(type) {
	case []any:
		return a
	case nil:
		return nil
	default:
		return []any{v}
	}
}

// streamData returns the decoded data of the stream v refers to.
func (q *pdfQPDF) streamData(v any) []byte {
	o := q.objs["obj:"+fmt.Sprint(v)]
	if o.Stream == nil {
		return nil
	}
	return o.Stream.Data
}

// text returns a text string's text ("u:…"), or "".
func pdfText(v any) string {
	s, _ := v.(string)
	return strings.TrimPrefix(s, "u:")
}

// pdfInt returns a number as an int.
func pdfInt(v any) (int, bool) {
	f, ok := v.(float64)
	return int(f), ok && f == float64(int(f))
}

// pdfOp is one operator of a content stream with its operands.
type pdfOp struct {
	op       string
	operands []string // as written, strings and dictionaries whole
}

// pdfContentOps splits a content stream into operators. It reads the
// syntax of content streams (ISO 32000-1, 7.2 and 7.8.2): numbers, names,
// literal and hexadecimal strings, arrays and dictionaries as operands.
func pdfContentOps(data []byte) ([]pdfOp, error) {
	var ops []pdfOp
	var operands []string
	i := 0
	delim := func(c byte) bool { return strings.IndexByte("()<>[]{}/% \t\r\n\f\x00", c) >= 0 }
	for i < len(data) {
		c := data[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '(' || c == '<' || c == '[':
			end, err := pdfSkipObject(data, i)
			if err != nil {
				return nil, err
			}
			operands = append(operands, string(data[i:end]))
			i = end
		case c == '/':
			j := i + 1
			for j < len(data) && !delim(data[j]) {
				j++
			}
			operands = append(operands, string(data[i:j]))
			i = j
		default:
			j := i
			for j < len(data) && !delim(data[j]) {
				j++
			}
			if j == i {
				return nil, fmt.Errorf("unexpected %q at %d", c, i)
			}
			word := string(data[i:j])
			if _, err := strconv.ParseFloat(word, 64); err == nil || word == "true" || word == "false" || word == "null" {
				operands = append(operands, word)
			} else {
				ops = append(ops, pdfOp{op: word, operands: operands})
				operands = nil
			}
			i = j
		}
	}
	if len(operands) > 0 {
		return nil, fmt.Errorf("operands %q without an operator at the end", operands)
	}
	return ops, nil
}

// pdfSkipObject returns where the string, array or dictionary starting at
// i ends.
func pdfSkipObject(data []byte, i int) (int, error) {
	switch {
	case data[i] == '(':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '\\':
				j++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return j + 1, nil
				}
			}
		}
	case bytes.HasPrefix(data[i:], []byte("<<")) || data[i] == '[':
		open, close := "<<", ">>"
		if data[i] == '[' {
			open, close = "[", "]"
		}
		for j := i + len(open); j < len(data); {
			switch {
			case bytes.HasPrefix(data[j:], []byte(close)):
				return j + len(close), nil
			case data[j] == '(' || data[j] == '[' || data[j] == '<':
				end, err := pdfSkipObject(data, j)
				if err != nil {
					return 0, err
				}
				j = end
			default:
				j++
			}
		}
	case data[i] == '<':
		if j := bytes.IndexByte(data[i:], '>'); j >= 0 {
			return i + j + 1, nil
		}
	}
	return 0, fmt.Errorf("an object at %d does not end", i)
}

// pdfCMap maps a font's character codes to text, read from its
// /ToUnicode character map (ISO 32000-1, 9.10.3): bfchar and bfrange
// entries of codes of one width.
type pdfCMap struct {
	width int // bytes per code
	text  map[uint32]string
}

var pdfCMapEntry = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])?`)

// pdfParseCMap reads a ToUnicode character map.
func pdfParseCMap(data []byte) (*pdfCMap, error) {
	m := &pdfCMap{text: map[uint32]string{}}
	hexNum := func(s string) uint32 { v, _ := strconv.ParseUint(s, 16, 32); return uint32(v) }
	utf16 := func(h string) string {
		b, _ := hex.DecodeString(strings.Trim(h, "<>"))
		return pdfUTF16(b)
	}
	for _, block := range regexp.MustCompile(`(?s)begin(bfchar|bfrange)(.*?)end(bfchar|bfrange)`).FindAllSubmatch(data, -1) {
		for _, e := range pdfCMapEntry.FindAllSubmatch(block[2], -1) {
			m.width = len(e[1]) / 2
			if string(block[1]) == "bfchar" {
				m.text[hexNum(string(e[1]))] = utf16("<" + string(e[2]) + ">")
				continue
			}
			lo, hi := hexNum(string(e[1])), hexNum(string(e[2]))
			if lo>>8 != hi>>8 {
				return nil, fmt.Errorf("a bfrange %s that varies in more than its last byte", e[0])
			}
			dst := string(e[3])
			if strings.HasPrefix(dst, "[") {
				for i, d := range regexp.MustCompile(`<[0-9A-Fa-f]+>`).FindAllString(dst, -1) {
					m.text[lo+uint32(i)] = utf16(d)
				}
				continue
			}
			base := []rune(utf16(dst))
			for c := lo; c <= hi; c++ {
				r := append([]rune(nil), base...)
				r[len(r)-1] += rune(c - lo)
				m.text[c] = string(r)
			}
		}
	}
	if m.width == 0 {
		return nil, errors.New("a character map without entries")
	}
	return m, nil
}

// decode returns the text of a string shown in a font with this map.
func (m *pdfCMap) decode(b []byte) (string, error) {
	var s strings.Builder
	for i := 0; i+m.width <= len(b); i += m.width {
		var c uint32
		for _, x := range b[i : i+m.width] {
			c = c<<8 | uint32(x)
		}
		t, ok := m.text[c]
		if !ok {
			return "", fmt.Errorf("code %X has no text", c)
		}
		s.WriteString(t)
	}
	return s.String(), nil
}

// pdfUTF16 decodes UTF-16BE.
func pdfUTF16(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// pdfStringBytes returns the bytes of a literal or hexadecimal string
// operand.
func pdfStringBytes(s string) []byte {
	if strings.HasPrefix(s, "<") {
		b, _ := hex.DecodeString(strings.Map(func(r rune) rune {
			if strings.ContainsRune("<> \n\r\t", r) {
				return -1
			}
			return r
		}, s))
		return b
	}
	s = s[1 : len(s)-1]
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b = append(b, s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case '\r', '\n':
			// a line continued
		default:
			if c >= '0' && c <= '7' {
				v := 0
				for k := 0; k < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7'; k++ {
					v = v*8 + int(s[i]-'0')
					i++
				}
				i--
				b = append(b, byte(v))
				continue
			}
			b = append(b, c)
		}
	}
	return b
}

// fonts returns the character maps of a page's fonts by resource name.
func (q *pdfQPDF) fonts(t *testing.T, page map[string]any, cache map[string]*pdfCMap) map[string]*pdfCMap {
	t.Helper()
	out := map[string]*pdfCMap{}
	for name, ref := range q.dict(q.dict(page["/Resources"])["/Font"]) {
		tu := q.dict(ref)["/ToUnicode"]
		if tu == nil {
			t.Errorf("font %s has no /ToUnicode", name)
			continue
		}
		key := fmt.Sprint(tu)
		if cache[key] == nil {
			m, err := pdfParseCMap(q.streamData(tu))
			if err != nil {
				t.Fatalf("font %s: %v", name, err)
			}
			cache[key] = m
		}
		out[name] = cache[key]
	}
	return out
}
