package reports

import (
	"strings"
	"sync"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"followup/forms"
)

// pdfFontFamily is the name the embedded Go fonts are registered under.
const pdfFontFamily = "go"

// pdfAddFonts embeds the Go fonts, regular and bold. They cover Swedish,
// the Sami letters (ŋ đ ŧ č š ž), typographic quotes, dashes and €.
func pdfAddFonts(pdf *fpdf.Fpdf) {
	pdf.AddUTF8FontFromBytes(pdfFontFamily, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(pdfFontFamily, "B", gobold.TTF)
}

// pdfGlyphSet marks the runes of the Basic Multilingual Plane that both fonts
// can draw; it is built once from the fonts' character maps.
var pdfGlyphSet = sync.OnceValue(func() []uint64 {
	set := make([]uint64, 0x10000/64)
	for i := range set {
		set[i] = ^uint64(0)
	}
	for _, data := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := sfnt.Parse(data)
		if err != nil {
			panic("reports: embedded font: " + err.Error())
		}
		var buf sfnt.Buffer
		for r := rune(0); r < 0x10000; r++ {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				set[r/64] &^= 1 << (r % 64)
			}
		}
	}
	return set
})

// pdfHasGlyph reports whether the embedded fonts can draw r.
func pdfHasGlyph(r rune) bool { return pdfInSet(pdfGlyphSet(), r) }

// pdfInSet reports whether r is in a set built by pdfGlyphSet.
func pdfInSet(set []uint64, r rune) bool {
	return r >= 0 && r < 0x10000 && set[r/64]&(1<<(r%64)) != 0
}

// pdfClean prepares any text for printing: forms.StripControl removes control
// characters, tabs become spaces, and characters the fonts cannot draw
// become U+FFFD, so that widths are measured correctly and nothing is
// printed as an invisible glyph.
func pdfClean(s string) string {
	s = forms.StripControl(s)
	set := pdfGlyphSet()
	ok := true
	for _, r := range s {
		if r == '\t' || (r != '\n' && !pdfInSet(set, r)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteString("    ")
		case r == '\n' || pdfInSet(set, r):
			b.WriteRune(r)
		default:
			b.WriteRune(utf8.RuneError)
		}
	}
	return b.String()
}
