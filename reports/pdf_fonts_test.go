package reports

import (
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// The embedded fonts must draw Swedish, the Sami letters, typographic
// quotes and dashes, the euro sign and the replacement character.
func TestPDFFontsCoverSwedishAndSami(t *testing.T) {
	const need = "åäöÅÄÖéüŋŊđĐŧŦčČšŠžŽáÁ“”‘’–—€…·•\uFFFD"
	for name, data := range map[string][]byte{"regular": goregular.TTF, "bold": gobold.TTF} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		for _, r := range need {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				t.Errorf("Go %s lacks %q (U+%04X)", name, r, r)
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
