package reports

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

// The embedded fonts must draw Swedish, the Sami letters, typographic
// quotes and dashes, the euro sign, arrows and the sign of a missing glyph.
func TestPDFFontsCoverSwedishAndSami(t *testing.T) {
	const need = "åäöÅÄÖéüŋŊđĐŧŦčČšŠžŽáÁ“”‘’–—€…·•→□-−"
	for _, face := range pdfFonts {
		f, err := sfnt.Parse(face.ttf)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		for _, r := range need {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				t.Errorf("face %q lacks %q (U+%04X)", face.style, r, r)
			}
			if !pdfHasGlyph(r) {
				t.Errorf("pdfHasGlyph(%q) = false", r)
			}
		}
	}
	if pdfHasGlyph('✓') || pdfHasGlyph(0x1F600) {
		t.Error("pdfHasGlyph claims glyphs the fonts lack")
	}
}

// A hyphen, as in the dates 2024-12-18, must be narrower than an en dash,
// or dates read as 2024–12–18.
func TestPDFFontsHyphenNarrowerThanDash(t *testing.T) {
	for _, face := range pdfFonts {
		f, err := sfnt.Parse(face.ttf)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		adv := func(r rune) int {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				t.Fatalf("face %q lacks %q", face.style, r)
			}
			a, err := f.GlyphAdvance(&buf, g, 1000, 0)
			if err != nil {
				t.Fatal(err)
			}
			return int(a)
		}
		if h, d := adv('-'), adv('–'); h >= d {
			t.Errorf("face %q: hyphen %d units wide, en dash %d", face.style, h, d)
		}
	}
}
