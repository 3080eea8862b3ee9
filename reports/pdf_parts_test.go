package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"followup/forms/formstest"
)

var (
	pdfDestRE         = regexp.MustCompile(`/Dest \[\d+ 0 R /XYZ 0 [0-9.]+ null\]`)
	pdfBookmarkDestRE = regexp.MustCompile(`\n(/Dest \[\d+ 0 R /XYZ 0 [0-9.]+ null\])\n/Count`)
)

// TestPDFReportInParts draws a report in parts of three pages, which takes
// the two-pass path, and wants the same document as drawn in one part:
// the same text on every page, the same outline, links to the same places,
// a file poppler reads without a complaint, and the same structure, tagged
// as it should be, whose text in structure order is the same.
func TestPDFReportInParts(t *testing.T) {
	rep := formstest.Synthetic(4, 6)
	opts := ReportOptions{Created: formstest.Clock}
	var whole, parts bytes.Buffer
	if err := writeReport(&whole, rep, opts, pdfPartPages); err != nil {
		t.Fatal(err)
	}
	if err := writeReport(&parts, rep, opts, 3); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := writeReport(&again, rep, opts, 3); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(parts.Bytes(), again.Bytes()) {
		t.Error("the same report drawn in parts twice gave different bytes")
	}
	wholePath, partsPath := pdfFile(t, whole.Bytes()), pdfFile(t, parts.Bytes())
	pdfQuiet(t, "pdfinfo", wholePath)
	pdfQuiet(t, "pdfinfo", partsPath)
	n := pdfPageCount(t, wholePath)
	if n < 10 {
		t.Fatalf("the report has %d pages; the test needs a report of many parts", n)
	}
	if got := pdfPageCount(t, partsPath); got != n {
		t.Fatalf("drawn in parts: %d pages, in one part: %d", got, n)
	}
	wp := strings.Split(string(pdfQuiet(t, "pdftotext", "-layout", "-enc", "UTF-8", wholePath, "-")), "\f")
	pp := strings.Split(string(pdfQuiet(t, "pdftotext", "-layout", "-enc", "UTF-8", partsPath, "-")), "\f")
	for i := range min(len(wp), len(pp)) {
		if wp[i] != pp[i] {
			t.Errorf("page %d differs:\n--- in one part\n%s\n--- in parts\n%s", i+1, wp[i], pp[i])
			break
		}
	}
	if !strings.Contains(pp[n-1], "Sida "+strconv.Itoa(n)+" av "+strconv.Itoa(n)) {
		t.Errorf("the last page's footer does not count every page:\n%s", pp[n-1])
	}
	title := reportTitle(rep) + " – " + pdfRoundLabel(rep)
	wholeTagged, partsTagged := pdfCheckTagged(t, wholePath, title), pdfCheckTagged(t, partsPath, title)
	wholeText := pdfReadingText(wholeTagged.nodes(), nil)
	if partsText := pdfReadingText(partsTagged.nodes(), nil); partsText != wholeText || len(wholeText) < 1000 {
		t.Errorf("the text in structure order differs:\n--- in one part\n%s\n--- in parts\n%s", wholeText, partsText)
	}
	if w, p := pdfOutline(t, whole.Bytes()), pdfOutline(t, parts.Bytes()); !slices.Equal(w, p) || len(w) < 10 {
		t.Errorf("outline in parts %q, in one part %q", p, w)
	}
	// Every bookmark leads to the page that shows its title.
	for _, e := range pdfOutlineEntries(t, parts.Bytes()) {
		words := strings.Fields(e.title)
		want := strings.Join(words[:min(2, len(words))], " ")
		if e.page < 1 || e.page > n || !strings.Contains(pdfWords(pp[e.page-1]), want) {
			t.Errorf("bookmark %q leads to page %d, which does not show %q", e.title, e.page, want)
		}
	}
	// Every line of the contents links to where its bookmark leads.
	marks := map[string]bool{}
	for _, m := range pdfBookmarkDestRE.FindAllSubmatch(parts.Bytes(), -1) {
		marks[string(m[1])] = true
	}
	// The links are in object streams: read them with qpdf.
	wholeLinks, partsLinks := pdfLinkDests(t, wholePath), pdfLinkDests(t, partsPath)
	for _, d := range partsLinks {
		if !marks[d] {
			t.Errorf("a contents link goes to %s, where no bookmark leads", d)
		}
	}
	if want := len(marks) - 1; len(partsLinks) != want { // "Innehåll" has no line of its own
		t.Errorf("%d contents links, want %d", len(partsLinks), want)
	}
	w, p := pdfDestRE.FindAll(whole.Bytes(), -1), pdfDestRE.FindAll(parts.Bytes(), -1)
	if len(w) < 10 || !slices.EqualFunc(w, p, bytes.Equal) || !slices.Equal(wholeLinks, partsLinks) {
		t.Errorf("link and bookmark destinations differ: %d and %d in one part, %d and %d in parts", len(w), len(wholeLinks), len(p), len(partsLinks))
	}
	// Each part embeds its own subset of the fonts it uses; the pages are
	// compressed either way.
	extra := (parts.Len() - whole.Len()) / ((n+2)/3 - 1)
	t.Logf("%d pages: %d bytes in one part, %d in parts; %d bytes more a part", n, whole.Len(), parts.Len(), extra)
	if extra > 40<<10 {
		t.Errorf("each part adds %d bytes, want the fonts' subsets only", extra)
	}
}

// pdfLinkDests lists the destinations of the document's link annotations
// in page order, written as the outline writes a bookmark's.
func pdfLinkDests(t *testing.T, path string) []string {
	t.Helper()
	q := pdfReadQPDF(t, path)
	var catalog map[string]any
	for _, o := range q.objs {
		if d, ok := o.Value.(map[string]any); ok && d["/Type"] == "/Catalog" {
			catalog = d
		}
	}
	var out []string
	for _, page := range q.array(q.dict(catalog["/Pages"])["/Kids"]) {
		for _, a := range q.array(q.dict(page)["/Annots"]) {
			d := q.array(q.dict(a)["/Dest"])
			if len(d) != 5 || d[1] != "/XYZ" {
				t.Fatalf("link annotation %v leads to %v", a, d)
			}
			out = append(out, fmt.Sprintf("/Dest [%s /XYZ 0 %.2f null]", d[0], d[3]))
		}
	}
	return out
}

// TestPDFReportCreationDateZone writes the document's dates with their
// offset from UTC, in the report's time zone.
func TestPDFReportCreationDateZone(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteReport(&buf, formstest.Small(), ReportOptions{Created: formstest.Clock, Location: loc}); err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"/CreationDate (D:20241218103000+01'00')", "/ModDate (D:20241218103000+01'00')"} {
		if !bytes.Contains(buf.Bytes(), []byte(raw)) {
			t.Errorf("the PDF lacks %s", raw)
		}
	}
	info := map[string]string{}
	for line := range strings.SplitSeq(string(pdfRun(t, "pdfinfo", "-isodates", pdfFile(t, buf.Bytes()))), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	if got := info["CreationDate"]; got != "2024-12-18T10:30:00+01" {
		t.Errorf("pdfinfo CreationDate = %q, want 2024-12-18T10:30:00+01", got)
	}
}
