package reports

import (
	"bytes"
	"fmt"
	"html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"followup/forms"
	"followup/forms/formstest"
	"followup/reports/internal/pdfjoin"
)

// pdfNeedTool skips the test when a poppler tool or qpdf is missing,
// unless CI is set: there the tool must be installed.
func pdfNeedTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		pkg := "poppler-utils"
		if name == "qpdf" {
			pkg = "qpdf"
		}
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI (apt-get install %s): %v", name, pkg, err)
		}
		t.Skipf("%s not installed (apt-get install %s); skipping", name, pkg)
	}
	return path
}

// pdfRun runs a poppler tool and returns its standard output.
func pdfRun(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	return pdfExec(t, false, name, args...)
}

// pdfQuiet is pdfRun that also fails on anything the tool reports on
// standard error: poppler repairs a broken file silently except for such
// messages ("Syntax Error: …", "Internal Error: xref num … not found").
func pdfQuiet(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	return pdfExec(t, true, name, args...)
}

func pdfExec(t *testing.T, quiet bool, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(pdfNeedTool(t, name), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || quiet && stderr.Len() > 0 {
		t.Fatalf("%s %v: %v\n%s", name, args, err, stderr.String())
	}
	return out
}

// pdfFile stores a PDF in the test's temporary directory.
func pdfFile(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfReport renders a report with the appendix and a fixed date.
func pdfReport(t *testing.T, rep *forms.RoundReport) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReport(&buf, rep, ReportOptions{Created: formstest.Clock}); err != nil {
		t.Fatalf("WriteReport: %v", err)
	}
	return buf.Bytes()
}

// pdfPages returns the text of each page, as pdftotext -layout lays it out.
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	out := string(pdfRun(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"))
	pages := strings.Split(out, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// pdfInfo returns pdfinfo's fields.
func pdfInfo(t *testing.T, path string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for line := range strings.SplitSeq(string(pdfRun(t, "pdfinfo", path)), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// pdfPageCount is the number of pages pdfinfo counts.
func pdfPageCount(t *testing.T, path string) int {
	t.Helper()
	n, err := strconv.Atoi(pdfInfo(t, path)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo pages: %v", err)
	}
	return n
}

var pdfFooterLine = regexp.MustCompile(`Sida \d+ av \d+\s*$`)

// pdfBody joins the pages' text without running headers (from page
// headerFrom on) and footers into one line of words, so that wrapped and
// page-broken text can be searched.
func pdfBody(pages []string, headerFrom int) string {
	var words []string
	for i, p := range pages {
		lines := strings.Split(p, "\n")
		first := true
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			if first && i+1 >= headerFrom {
				first = false
				continue // the running header
			}
			first = false
			if pdfFooterLine.MatchString(l) {
				continue
			}
			words = append(words, strings.Fields(l)...)
		}
	}
	return strings.Join(words, " ")
}

// pdfWords normalises white space the way pdfBody does.
func pdfWords(s string) string { return strings.Join(strings.Fields(s), " ") }

// pdfWord is a word and its box in points, as pdftotext -bbox reports it.
type pdfWord struct {
	page                   int
	text                   string
	xMin, yMin, xMax, yMax float64
	pageW, pageH           float64
}

var (
	pdfBBoxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	pdfBBoxWord = regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
)

// pdfBBoxes lists every word of the document with its box.
func pdfBBoxes(t *testing.T, path string) []pdfWord {
	t.Helper()
	out := string(pdfRun(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-"))
	var words []pdfWord
	page := 0
	var w, h float64
	for line := range strings.SplitSeq(out, "\n") {
		if m := pdfBBoxPage.FindStringSubmatch(line); m != nil {
			page++
			w, _ = strconv.ParseFloat(m[1], 64)
			h, _ = strconv.ParseFloat(m[2], 64)
			continue
		}
		if m := pdfBBoxWord.FindStringSubmatch(line); m != nil {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			words = append(words, pdfWord{page, html.UnescapeString(m[5]), f(m[1]), f(m[2]), f(m[3]), f(m[4]), w, h})
		}
	}
	return words
}

// pdfCheckBoxes checks that every word lies inside the page's margins, and
// that no word of the body reaches into the header or the footer.
func pdfCheckBoxes(t *testing.T, path string) {
	t.Helper()
	const mm = 72 / 25.4
	words := pdfBBoxes(t, path)
	if len(words) == 0 {
		t.Fatal("pdftotext -bbox found no words")
	}
	for _, w := range words {
		if w.xMin < pdfMarginL*mm-0.5 || w.xMax > (pdfPageW-pdfMarginR)*mm+0.5 || w.yMin < 0 || w.yMax > w.pageH {
			t.Errorf("page %d: %q lies outside the margins (%.1f–%.1f pt)", w.page, w.text, w.xMin, w.xMax)
		}
		inFooter := w.yMin > pdfBodyBottom*mm
		inHeader := w.yMax < pdfHeaderRule*mm
		mid := (w.yMin + w.yMax) / 2
		switch {
		case inFooter && mid > (pdfFooterBase-4)*mm && mid < (pdfFooterBase+1)*mm:
			// the footer line itself
		case inHeader && mid > (pdfHeaderBase-4)*mm && mid < (pdfHeaderBase+1)*mm:
			// the running header
		case w.yMax > pdfBodyBottom*mm+0.5:
			t.Errorf("page %d: %q reaches into the footer area (y %.1f pt)", w.page, w.text, w.yMax)
		case w.yMin < pdfHeaderRule*mm && w.page > 1:
			t.Errorf("page %d: %q reaches into the header area (y %.1f pt)", w.page, w.text, w.yMin)
		}
	}
}

// pdfCheckPixels renders the pages and checks that nothing is drawn in the
// margins beside and below the body, between it and the footer.
func pdfCheckPixels(t *testing.T, path string, first, last int) {
	t.Helper()
	dir := t.TempDir()
	pdfRun(t, "pdftoppm", "-r", "50", "-gray", "-png", "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), path, filepath.Join(dir, "p"))
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(files) != last-first+1 {
		t.Fatalf("pdftoppm wrote %d pages, want %d", len(files), last-first+1)
	}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		b := img.Bounds()
		px := func(mm float64) int { return int(mm / pdfPageW * float64(b.Dx())) }
		py := func(mm float64) int { return int(mm / pdfPageH * float64(b.Dy())) }
		ink := 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				beside := x < px(pdfMarginL-2) || x > px(pdfPageW-pdfMarginR+2)
				below := y > py(pdfBodyBottom+1.5) && y < py(pdfFooterBase-4)
				if !beside && !below {
					continue
				}
				if g, _, _, _ := img.At(x, y).RGBA(); g < 0xe000 {
					ink++
				}
			}
		}
		if ink > 0 {
			t.Errorf("%s: %d dark pixels in the margins or above the footer", filepath.Base(file), ink)
		}
	}
}

// pdfOutline lists the document's bookmarks in order, read from the raw
// PDF: outline items are written as uncompressed dictionaries.
func pdfOutline(t *testing.T, data []byte) []string {
	t.Helper()
	var titles []string
	for _, e := range pdfOutlineEntries(t, data) {
		titles = append(titles, e.title)
	}
	return titles
}

// pdfOutlineEntry is a bookmark and the page it leads to, from 1.
type pdfOutlineEntry struct {
	title string
	page  int
}

// pdfOutlineEntries lists the bookmarks with their pages. The joined
// document numbers its pages' objects from pdfjoin.FirstPageObject.
func pdfOutlineEntries(t *testing.T, data []byte) []pdfOutlineEntry {
	t.Helper()
	var out []pdfOutlineEntry
	for rest := data; ; {
		i := bytes.Index(rest, []byte("<</Title ("))
		if i < 0 {
			break
		}
		rest = rest[i+len("<</Title ("):]
		var raw []byte
		j := 0
		for ; j < len(rest) && rest[j] != ')'; j++ {
			if rest[j] == '\\' && j+1 < len(rest) {
				j++
				switch rest[j] {
				case 'r':
					raw = append(raw, '\r')
				case 'n':
					raw = append(raw, '\n')
				default:
					raw = append(raw, rest[j])
				}
				continue
			}
			raw = append(raw, rest[j])
		}
		if !bytes.HasPrefix(rest[j:], []byte(")\n/Parent")) {
			continue // the document information's title
		}
		e := pdfOutlineEntry{title: pdfDecodeUTF16(raw)}
		end := bytes.Index(rest[j:], []byte(">>"))
		if k := bytes.Index(rest[j:], []byte("/Dest [")); k >= 0 && (end < 0 || k < end) {
			var obj int
			if _, err := fmt.Sscanf(string(rest[j+k+len("/Dest ["):]), "%d", &obj); err != nil {
				t.Fatalf("bookmark %q: %v", e.title, err)
			}
			e.page = obj - pdfjoin.FirstPageObject + 1
		}
		out = append(out, e)
	}
	return out
}

// pdfDecodeUTF16 decodes a PDF text string in UTF-16BE with a byte order mark.
func pdfDecodeUTF16(b []byte) string {
	b = bytes.TrimPrefix(b, []byte{0xfe, 0xff})
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}
