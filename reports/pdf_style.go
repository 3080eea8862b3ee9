package reports

import "strconv"

// Page geometry of every PDF, in millimetres on A4 portrait.
const (
	pdfPageW      = 210.0
	pdfPageH      = 297.0
	pdfMarginL    = 25.0
	pdfMarginR    = 25.0
	pdfContentW   = pdfPageW - pdfMarginL - pdfMarginR
	pdfBodyTop    = 30.0  // where the body starts below the running header
	pdfBodyBottom = 272.0 // nothing of the body reaches below this line
	pdfHeaderBase = 15.0  // baseline of the running header
	pdfHeaderRule = 18.5
	pdfFooterBase = 284.0 // baseline of the footer
	pdfPtToMM     = 25.4 / 72
	// pdfPtPerMM and pdfPageHPt, the height of A4 in points as fpdf has
	// it, are what fpdf computes link targets with, so that bookmarks and
	// links to the same place name the same point.
	pdfPtPerMM = 72 / 25.4
	pdfPageHPt = 841.89
)

// pdfRGB is a colour with components from 0 to 255.
type pdfRGB struct{ r, g, b int }

// The palette: near-black ink, grey for secondary text, a dark blue for
// headings, and light greys for rules and table headers.
var (
	pdfColInk     = pdfRGB{31, 35, 40}
	pdfColMuted   = pdfRGB{95, 102, 112}
	pdfColAccent  = pdfRGB{28, 58, 94}
	pdfColRule    = pdfRGB{201, 206, 214}
	pdfColFill    = pdfRGB{236, 240, 245}
	pdfColNone    = pdfRGB{189, 195, 202} // activities without a consolidated status
	pdfColOutline = pdfRGB{70, 76, 84}    // thin border round swatches and bars
)

// pdfParseColor reads a "#rrggbb" status colour, falling back to grey.
func pdfParseColor(s string) pdfRGB {
	if len(s) != 7 || s[0] != '#' {
		return pdfColNone
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return pdfColNone
	}
	return pdfRGB{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}
}

// pdfFace is a face of the embedded font, named by its fpdf style.
type pdfFace string

// The faces: regular, bold, and italic for what is marked as not
// submitted.
const (
	pdfRegular pdfFace = ""
	pdfBold    pdfFace = "B"
	pdfItalic  pdfFace = "I"
)

// pdfTextStyle is a font face, size, line height (lead, in mm) and colour.
type pdfTextStyle struct {
	size  float64 // points
	face  pdfFace
	lead  float64 // millimetres from one line to the next
	color pdfRGB
}

// The type scale. Body text is 10.5 pt; tables and notes 9 pt.
var (
	pdfStBody   = pdfTextStyle{10.5, pdfRegular, 5.1, pdfColInk}
	pdfStBold   = pdfTextStyle{10.5, pdfBold, 5.1, pdfColInk}
	pdfStMuted  = pdfTextStyle{10.5, pdfRegular, 5.1, pdfColMuted}
	pdfStSmall  = pdfTextStyle{9, pdfRegular, 4.3, pdfColInk}
	pdfStSmallB = pdfTextStyle{9, pdfBold, 4.3, pdfColInk}
	pdfStSmallM = pdfTextStyle{9, pdfRegular, 4.3, pdfColMuted}
	// Italic marks what does not count: answers not submitted.
	pdfStItalic  = pdfTextStyle{10.5, pdfItalic, 5.1, pdfColInk}
	pdfStItalicM = pdfTextStyle{10.5, pdfItalic, 5.1, pdfColMuted}
	pdfStSmallI  = pdfTextStyle{9, pdfItalic, 4.3, pdfColInk}
	pdfStSmallIM = pdfTextStyle{9, pdfItalic, 4.3, pdfColMuted}
	pdfStH1      = pdfTextStyle{19, pdfBold, 8.5, pdfColAccent}
	pdfStH2      = pdfTextStyle{14, pdfBold, 6.6, pdfColAccent}
	pdfStH3      = pdfTextStyle{11.5, pdfBold, 5.6, pdfColInk}
	pdfStLabel   = pdfTextStyle{10, pdfBold, 5, pdfColAccent}
)

// pdfBaseline returns the baseline of a line of style st drawn at y.
func pdfBaseline(y float64, st pdfTextStyle) float64 {
	return y + st.lead/2 + 0.3*st.size*pdfPtToMM
}

// pdfSwatchSize is the side of a status swatch next to text of style st:
// about the height of a capital letter.
func pdfSwatchSize(st pdfTextStyle) float64 { return 0.72 * st.size * pdfPtToMM }
