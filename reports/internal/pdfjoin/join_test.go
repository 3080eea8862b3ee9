package pdfjoin

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansregular"
)

// created is the date of the test documents: 10:30 at UTC+01:00.
var created = time.Date(2024, 12, 18, 10, 30, 0, 0, time.FixedZone("", 3600))

// testInfo describes the test documents.
var testInfo = Info{
	Title: "Rapport – del (1) & <mer>", Subject: "Ämne", Author: "Åsa Öberg",
	Creator: "followup", Producer: "pdfjoin", Lang: "sv-SE", Created: created,
}

// newPart draws a part of pages pages, set up as the report sets up its
// parts, whose first page links to page target of the whole document.
func newPart(t *testing.T, pages, target int) *fpdf.Fpdf {
	t.Helper()
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetDisplayMode("fullwidth", "continuous")
	pdf.AddUTF8FontFromBytes("sans", "", liberationsansregular.TTF)
	for p := range pages {
		pdf.AddPage()
		pdf.SetFont("sans", "", 11)
		pdf.Text(20, 20, fmt.Sprintf("Sida %d – å", p+1))
		if p == 0 {
			link := pdf.AddLink()
			pdf.SetLink(link, 40, target)
			pdf.Link(20, 30, 50, 5, link)
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	return pdf
}

// output is a part's file as fpdf writes it.
func output(t *testing.T, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFpdfOutput checks, on a part drawn as the report draws its parts,
// the properties of fpdf's output that the package documentation lists.
func TestFpdfOutput(t *testing.T) {
	data := output(t, newPart(t, 3, 5))
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		t.Errorf("the file starts %q, want a header line %%PDF-1.x", data[:min(len(data), 10)])
	}
	objs, root, info, err := parse(data)
	if err != nil {
		t.Fatal(err)
	}
	byNum := map[int]*partObject{}
	var tree *partObject
	var pages []int
	for _, o := range objs {
		byNum[o.num] = o
		switch {
		case bytes.HasPrefix(o.dict, []byte("<</Type /Pages")):
			if tree != nil {
				t.Errorf("two page trees: objects %d and %d", tree.num, o.num)
			}
			tree = o
		case bytes.HasPrefix(o.dict, []byte("<</Type /Page\n")):
			pages = append(pages, o.num)
			if !bytes.HasSuffix(o.dict, []byte(">>")) {
				t.Errorf("page object %d does not end with >>: %q", o.num, o.dict)
			}
		}
	}
	if tree == nil || !mediaBoxRE.Match(tree.dict) {
		t.Fatalf("no page tree with a /MediaBox: %v", tree)
	}
	var kids []int
	for _, m := range regexp.MustCompile(`(\d+) 0 R`).FindAllSubmatch(regexp.MustCompile(`/Kids \[[^\]]*\]`).Find(tree.dict), -1) {
		var n int
		fmt.Sscan(string(m[1]), &n)
		kids = append(kids, n)
	}
	if !slices.Equal(pages, kids) {
		t.Errorf("pages in file order %v, in the page tree %v", pages, kids)
	}
	contents := 0
	for _, o := range objs {
		if o.stream == nil {
			continue
		}
		if bytes.Equal(o.dict, fmt.Appendf(nil, "<</Length %d>>", len(o.stream))) {
			if bytes.Contains(o.stream, []byte(" Tj")) {
				contents++
			}
		} else if bytes.Contains(o.stream, []byte(" Tj")) {
			t.Errorf("object %d holds text in a stream whose dictionary is %q", o.num, o.dict)
		}
	}
	if contents != 3 {
		t.Errorf("%d page contents as <</Length N>> streams, want 3", contents)
	}
	if !bytes.Contains(byNum[pages[0]].dict, []byte("/Dest [11 0 R /XYZ 0 ")) {
		t.Errorf("the link to page 5 is not /Dest [11 0 R: %s", byNum[pages[0]].dict)
	}
	for _, o := range objs {
		for _, m := range refRE.FindAllSubmatch(o.dict, -1) {
			var n int
			fmt.Sscan(string(m[2]), &n)
			if m[1] == nil && byNum[n] == nil {
				t.Errorf("object %d refers to object %d, which the file does not have", o.num, n)
			}
		}
	}
	if byNum[info] == nil {
		t.Errorf("the trailer's /Info %d is no object of the file", info)
	}
	catalog := byNum[root].dict
	if !bytes.HasSuffix(catalog, []byte(">>")) || !bytes.Contains(catalog, fmt.Appendf(nil, "/OpenAction [%d 0 R", pages[0])) {
		t.Errorf("the catalog is not as the joiner expects it: %s", catalog)
	}
	for _, key := range []string{"/Outlines", "/Lang", "/MarkInfo", "/StructTreeRoot", "/Metadata", "/OutputIntents", "/ViewerPreferences"} {
		if bytes.Contains(catalog, []byte(key)) {
			t.Errorf("the catalog has a %s of its own, which the joiner would repeat: %s", key, catalog)
		}
	}
	toUnicode := 0
	for _, o := range objs {
		if string(o.stream) == fpdfToUnicode {
			toUnicode++
		} else if bytes.Contains(o.stream, []byte("beginbfrange")) {
			t.Errorf("object %d is a character map other than the one the joiner replaces:\n%s", o.num, o.stream)
		}
	}
	if toUnicode != 1 {
		t.Errorf("%d of fpdf's character maps, want the one font's", toUnicode)
	}
	if bytes.Contains(byNum[pages[0]].dict, []byte("/StructParents")) || bytes.Contains(byNum[pages[0]].dict, []byte("/Tabs")) {
		t.Errorf("a page has structure entries of its own: %s", byNum[pages[0]].dict)
	}
}

// TestJoin joins two parts and reads the result back: every page in one
// tree, the link pointing at the page in the other part, the outline, and
// the dates with their time zone.
func TestJoin(t *testing.T) {
	var out bytes.Buffer
	j := New(&out, 5, testInfo, nil)
	if err := j.Add(newPart(t, 3, 5)); err != nil {
		t.Fatal(err)
	}
	if err := j.Add(newPart(t, 2, 1)); err != nil {
		t.Fatal(err)
	}
	marks := []Mark{
		{Level: 0, Title: "Början", Page: 1, Top: 800},
		{Level: 1, Title: "Del (a)", Page: 2, Top: 700.456},
		{Level: 0, Title: "Slut", Page: 5, Top: 600},
	}
	if err := j.Finish(marks); err != nil {
		t.Fatal(err)
	}
	data := out.Bytes()
	objs, root, info, err := parse(data)
	if err != nil {
		t.Fatalf("the joined file does not read back: %v", err)
	}
	byNum := map[int][]byte{}
	for _, o := range objs {
		byNum[o.num] = o.dict
	}
	if root != objCatalog || info != objInfo {
		t.Errorf("catalog %d, information %d", root, info)
	}
	if want := "/Kids [5 0 R 6 0 R 7 0 R 8 0 R 9 0 R]\n/Count 5\n/MediaBox [0 0 595.28 841.89]"; !bytes.Contains(byNum[objPages], []byte(want)) {
		t.Errorf("page tree %s, want %s", byNum[objPages], want)
	}
	for p := range 5 {
		if d := byNum[FirstPageObject+p]; !bytes.HasPrefix(d, []byte("<</Type /Page\n/Parent 2 0 R")) {
			t.Errorf("page %d is %.40q", p+1, d)
		}
	}
	for page, want := range map[int]string{1: "/Dest [9 0 R /XYZ 0 ", 4: "/Dest [5 0 R /XYZ 0 "} {
		if !bytes.Contains(byNum[FirstPageObject+page-1], []byte(want)) {
			t.Errorf("page %d's link is not %q: %s", page, want, byNum[FirstPageObject+page-1])
		}
	}
	if !bytes.Contains(byNum[objCatalog], []byte("/Outlines 4 0 R\n/PageMode /UseOutlines\n")) {
		t.Errorf("catalog without the outline: %s", byNum[objCatalog])
	}
	for _, want := range []string{
		"/Dest [5 0 R /XYZ 0 800.00 null]", "/Dest [6 0 R /XYZ 0 700.46 null]", "/Dest [9 0 R /XYZ 0 600.00 null]",
		textString("Del (a)"), "/CreationDate (D:20241218103000+01'00')", "/ModDate (D:20241218103000+01'00')",
		"/Title " + textString(testInfo.Title), "/Lang (sv-SE)\n", "/ViewerPreferences <</DisplayDocTitle true>>",
		"/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 ",
	} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the joined file lacks %q", want)
		}
	}
	if !bytes.HasPrefix(data, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")) {
		t.Errorf("the file starts %q, want PDF 1.7 and four bytes above 127", data[:16])
	}
	if !regexp.MustCompile(`/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]`).Match(data) {
		t.Error("the trailer has no /ID")
	}
	maps := 0
	for _, o := range objs {
		if o.stream == nil || !bytes.Contains(o.dict, []byte("/FlateDecode")) {
			continue
		}
		r, err := zlib.NewReader(bytes.NewReader(o.stream))
		if err != nil {
			t.Fatalf("object %d: %v", o.num, err)
		}
		s, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("object %d: %v", o.num, err)
		}
		if bytes.Contains(s, []byte("beginbfrange")) {
			maps++
			if !bytes.Equal(s, toUnicode) {
				t.Errorf("object %d is a character map other than toUnicode", o.num)
			}
		}
	}
	if maps != 1 {
		t.Errorf("%d character maps, want the one the two parts' fonts share", maps)
	}
	if bytes.Contains(data, []byte("pdfuaid")) {
		t.Error("a file without structure claims PDF/UA")
	}
	if n := strings.Count(string(data), "/Filter /FlateDecode"); n < 5 {
		t.Errorf("%d compressed streams, want at least the 5 pages' contents", n)
	}
}

// TestJoinRefusesWrongPageCounts fails rather than write a document whose
// page tree and links disagree with its pages.
func TestJoinRefusesWrongPageCounts(t *testing.T) {
	var out bytes.Buffer
	if err := New(&out, 2, testInfo, nil).Add(newPart(t, 3, 1)); err == nil {
		t.Error("a part with more pages than planned was accepted")
	}
	j := New(&out, 4, testInfo, nil)
	if err := j.Add(newPart(t, 3, 1)); err != nil {
		t.Fatal(err)
	}
	if err := j.Finish(nil); err == nil {
		t.Error("Finish with a page missing returned nil")
	}
	if err := New(&out, 2, testInfo, nil).Add(newPart(t, 1, 3)); err == nil {
		t.Error("a link to page 3 of 2 was accepted")
	}
}

// TestTextString writes bookmark titles as fpdf writes text strings.
func TestTextString(t *testing.T) {
	if got, want := textString("Å (1)\r"), "(\xfe\xff\x00\xc5\x00 \x00\\(\x001\x00\\)\x00\\r)"; got != want {
		t.Errorf("textString = %q, want %q", got, want)
	}
}
