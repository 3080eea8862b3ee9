package reports

import (
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"

	"followup/forms"
)

// pdfFontFamily is the name the embedded fonts are registered under.
const pdfFontFamily = "liberation-sans"

// pdfFonts are the embedded Liberation Sans faces by fpdf style: regular,
// bold, and italic for what is marked as not submitted. Liberation Sans has
// Arial's metrics and real hyphen and minus glyphs, so dates such as
// 2024-12-18 print with hyphens as narrow as they should be (the Go fonts
// draw the hyphen wider than their en dash). It covers Swedish, the Sami
// letters (ŋ đ ŧ č š ž), typographic quotes, dashes, arrows and €.
var pdfFonts = []struct {
	style string
	ttf   []byte
}{
	{"", liberationsansregular.TTF},
	{"B", liberationsansbold.TTF},
	{"I", liberationsansitalic.TTF},
}

// pdfAddFonts embeds the fonts in a document.
func pdfAddFonts(pdf *fpdf.Fpdf) {
	for _, f := range pdfFonts {
		pdf.AddUTF8FontFromBytes(pdfFontFamily, f.style, f.ttf)
	}
}

// pdfGlyphSet marks the runes of the Basic Multilingual Plane that every
// face can draw; it is built once from the fonts' character maps.
var pdfGlyphSet = sync.OnceValue(func() []uint64 {
	set := make([]uint64, 0x10000/64)
	for i := range set {
		set[i] = ^uint64(0)
	}
	for _, face := range pdfFonts {
		f, err := sfnt.Parse(face.ttf)
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

// pdfMissingGlyph stands in for a character the fonts cannot draw: a white
// square, the usual sign of a missing glyph. Liberation Sans has no U+FFFD.
const pdfMissingGlyph = '□'

// pdfClean prepares any text for printing: forms.StripControl removes control
// characters, tabs become spaces, and characters the fonts cannot draw
// (invalid UTF-8 among them) become pdfMissingGlyph, so that widths are
// measured correctly and nothing is printed as an invisible glyph.
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
			b.WriteRune(pdfMissingGlyph)
		}
	}
	return b.String()
}
