package pdfjoin

import (
	"regexp"
	"strconv"
	"testing"
)

// TestToUnicode maps every code of the Basic Multilingual Plane but the
// surrogates to the same code point, in ranges that vary only in their
// last byte, at most 100 to a block.
func TestToUnicode(t *testing.T) {
	if len(fpdfToUnicode) != 345 {
		t.Errorf("fpdfToUnicode has %d bytes, fpdf writes 345", len(fpdfToUnicode))
	}
	mapped := map[int]bool{}
	for _, m := range regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>`).FindAllStringSubmatch(string(toUnicode), -1) {
		lo, _ := strconv.ParseInt(m[1], 16, 32)
		hi, _ := strconv.ParseInt(m[2], 16, 32)
		dst, _ := strconv.ParseInt(m[3], 16, 32)
		if lo>>8 != hi>>8 || dst != lo {
			t.Errorf("range %s", m[0])
		}
		for c := lo; c <= hi; c++ {
			mapped[int(c)] = true
		}
	}
	for c := range 0x10000 {
		if surrogate := c >= 0xd800 && c <= 0xdfff; mapped[c] == surrogate {
			t.Fatalf("code %04X mapped: %v", c, mapped[c])
		}
	}
	for _, m := range regexp.MustCompile(`(\d+) beginbfrange`).FindAllStringSubmatch(string(toUnicode), -1) {
		if n, _ := strconv.Atoi(m[1]); n > 100 {
			t.Errorf("a block of %d ranges", n)
		}
	}
}
