package reports

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The structure checks of a tagged PDF (PDF/UA-1) and its PDF/A-2
// identification, read back with qpdf and poppler.

// pdfElem is a structure element as read back from the file.
type pdfElem struct {
	ref    string
	role   string
	parent *pdfElem
	kids   []*pdfElem
	alt    string
	attrs  map[string]any
	// Its own content, in order: marked-content sequences and annotations.
	content []pdfKid
}

// pdfKid is a marked-content sequence (page object and MCID) or, when
// annot is set, an annotation.
type pdfKid struct {
	page  string
	mcid  int
	annot string
}

// pdfTagged is what the checks read from a tagged PDF.
type pdfTagged struct {
	root  *pdfElem
	xmp   string
	texts map[pdfKid]string // the text of each marked-content sequence
}

// nodes returns the structure with the text of each element's marked
// content, in the form poppler's reading takes (see pdfStructText).
func (tg *pdfTagged) nodes() *pdfStructNode {
	inline := map[string]bool{"Link": true, "Span": true}
	var conv func(e *pdfElem) *pdfStructNode
	conv = func(e *pdfElem) *pdfStructNode {
		n := &pdfStructNode{role: e.role, block: !inline[e.role]}
		for _, c := range e.content {
			if c.annot == "" {
				n.text = append(n.text, tg.texts[c])
			}
		}
		for _, k := range e.kids {
			n.kids = append(n.kids, conv(k))
		}
		return n
	}
	return conv(tg.root)
}

// pdfCheckTagged checks a tagged PDF as PDF/UA-1 and PDF/A-2 ask, as far
// as a program can: the catalog, the metadata and output intent, that
// every page's marked content is reachable from the structure tree and the
// parent tree leads back, that nothing is drawn outside marked content or
// artifacts, and the elements: headings without jumps, tables with header
// cells, figures with alternative text, links tied to annotations that
// say where they lead, lists of items. title is the document's title.
// A table's header cells are checked by pdfCheckTable.
func pdfCheckTagged(t *testing.T, path, title string) *pdfTagged {
	t.Helper()
	if got := pdfInfo(t, path); got["Tagged"] != "yes" || got["PDF version"] != "1.7" || got["Title"] != title {
		t.Errorf("pdfinfo: Tagged %q, PDF version %q, Title %q; want yes, 1.7 and %q", got["Tagged"], got["PDF version"], got["Title"], title)
	}
	pdfQuiet(t, "qpdf", "--check", path)
	q := pdfReadQPDF(t, path)
	var catalog map[string]any
	for _, o := range q.objs {
		if d, ok := o.Value.(map[string]any); ok && d["/Type"] == "/Catalog" {
			catalog = d
		}
	}
	if catalog == nil {
		t.Fatal("no catalog")
	}
	tagged := &pdfTagged{texts: map[pdfKid]string{}}
	pdfCheckCatalog(t, q, catalog, title, tagged)

	// The structure tree.
	treeRoot := q.dict(catalog["/StructTreeRoot"])
	if treeRoot == nil || treeRoot["/Type"] != "/StructTreeRoot" {
		t.Fatalf("no structure tree root: %v", catalog["/StructTreeRoot"])
	}
	if treeRoot["/RoleMap"] != nil {
		t.Errorf("a role map: the report uses standard structure types only")
	}
	byMCR := map[pdfKid]*pdfElem{} // marked content → its element
	byAnnot := map[string]*pdfElem{}
	var read func(ref any, parent *pdfElem) *pdfElem
	read = func(ref any, parent *pdfElem) *pdfElem {
		d := q.dict(ref)
		e := &pdfElem{ref: fmt.Sprint(ref), role: strings.TrimPrefix(fmt.Sprint(d["/S"]), "/"), parent: parent, alt: pdfText(d["/Alt"])}
		e.attrs, _ = q.resolve(d["/A"]).(map[string]any)
		if parent != nil && d["/P"] != parent.ref {
			t.Errorf("%s %s has /P %v, not its parent %s", e.role, e.ref, d["/P"], parent.ref)
		}
		pg, _ := d["/Pg"].(string)
		for _, k := range q.array(d["/K"]) {
			if n, ok := pdfInt(k); ok {
				if pg == "" {
					t.Errorf("%s %s has an MCID without a page", e.role, e.ref)
				}
				e.content = append(e.content, pdfKid{page: pg, mcid: n})
				continue
			}
			kd := q.dict(k)
			switch {
			case kd["/Type"] == "/MCR":
				n, _ := pdfInt(kd["/MCID"])
				e.content = append(e.content, pdfKid{page: kd["/Pg"].(string), mcid: n})
			case kd["/Type"] == "/OBJR":
				e.content = append(e.content, pdfKid{annot: kd["/Obj"].(string)})
			case pdfIsRef(k) && kd["/S"] != nil:
				e.kids = append(e.kids, read(k, e))
			default:
				t.Errorf("%s %s has a kid %v that is none of an element, MCID, MCR or OBJR", e.role, e.ref, k)
			}
		}
		for _, c := range e.content {
			if c.annot != "" {
				byAnnot[c.annot] = e
				continue
			}
			if byMCR[c] != nil {
				t.Errorf("MCID %d of page %s belongs to two elements", c.mcid, c.page)
			}
			byMCR[c] = e
		}
		return e
	}
	kids := q.array(treeRoot["/K"])
	if len(kids) != 1 {
		t.Fatalf("the structure tree root has %d children, want one Document", len(kids))
	}
	tagged.root = read(kids[0], nil)
	if tagged.root.role != "Document" {
		t.Errorf("the root element is %s, not Document", tagged.root.role)
	}
	if d := q.dict(kids[0]); d["/P"] != catalog["/StructTreeRoot"] {
		t.Errorf("the Document's parent is %v, not the structure tree root", d["/P"])
	}

	// The parent tree leads from each page's MCIDs and each annotation
	// back to their elements.
	parents := map[int]any{}
	var nums func(v any)
	nums = func(v any) {
		d := q.dict(v)
		a := q.array(d["/Nums"])
		for i := 0; i+1 < len(a); i += 2 {
			k, _ := pdfInt(a[i])
			parents[k] = a[i+1]
		}
		for _, kid := range q.array(d["/Kids"]) {
			nums(kid)
		}
	}
	nums(treeRoot["/ParentTree"])
	next, _ := pdfInt(treeRoot["/ParentTreeNextKey"])
	for k := range parents {
		if k >= next {
			t.Errorf("parent tree key %d is not below /ParentTreeNextKey %d", k, next)
		}
	}

	// Each page: its content inside marked content or artifacts, each
	// MCID an element's, each element's marked content on the page.
	pages := q.array(q.dict(catalog["/Pages"])["/Kids"])
	seen := map[pdfKid]bool{}
	cmaps := map[string]*pdfCMap{}
	for i, pageRef := range pages {
		page := q.dict(pageRef)
		if page["/Tabs"] != "/S" {
			t.Errorf("page %d has /Tabs %v, want /S", i+1, page["/Tabs"])
		}
		var content []byte
		for _, c := range q.array(page["/Contents"]) {
			content = append(content, q.streamData(c)...)
		}
		mcids, texts := pdfCheckContent(t, i+1, content, q.fonts(t, page, cmaps))
		key, hasKey := pdfInt(page["/StructParents"])
		var byMCID []any
		if hasKey {
			byMCID = q.array(parents[key])
		} else if len(mcids) > 0 {
			t.Errorf("page %d has marked content but no /StructParents", i+1)
		}
		for _, mcid := range mcids {
			k := pdfKid{page: pageRef.(string), mcid: mcid}
			seen[k] = true
			tagged.texts[k] = texts[mcid]
			e := byMCR[k]
			if e == nil {
				t.Errorf("page %d: MCID %d is not reachable from the structure tree", i+1, mcid)
				continue
			}
			if mcid >= len(byMCID) || byMCID[mcid] != e.ref {
				t.Errorf("page %d: the parent tree does not lead MCID %d to its %s %s", i+1, mcid, e.role, e.ref)
			}
		}
		for _, a := range q.array(page["/Annots"]) {
			ad := q.dict(a)
			if ad["/Subtype"] != "/Link" {
				continue
			}
			e := byAnnot[a.(string)]
			k, _ := pdfInt(ad["/StructParent"])
			switch {
			case e == nil || e.role != "Link":
				t.Errorf("page %d: link annotation %v is not in a Link element", i+1, a)
			case parents[k] != e.ref:
				t.Errorf("page %d: the parent tree does not lead link annotation %v to its Link", i+1, a)
			}
			if pdfText(ad["/Contents"]) == "" {
				t.Errorf("page %d: link annotation %v has no /Contents", i+1, a)
			}
			if f, _ := pdfInt(ad["/F"]); f&4 == 0 {
				t.Errorf("page %d: link annotation %v is not printed (/F %v)", i+1, a, ad["/F"])
			}
		}
	}
	for k, e := range byMCR {
		if !seen[k] {
			t.Errorf("%s %s refers to MCID %d of page %s, which the page does not have", e.role, e.ref, k.mcid, k.page)
		}
	}
	pdfCheckElements(t, tagged)
	return tagged
}

// pdfCheckCatalog checks the catalog's entries that PDF/UA-1 and PDF/A-2
// ask for, the XMP metadata and the output intent.
func pdfCheckCatalog(t *testing.T, q *pdfQPDF, catalog map[string]any, title string, tagged *pdfTagged) {
	t.Helper()
	if m := q.dict(catalog["/MarkInfo"]); m["/Marked"] != true {
		t.Errorf("/MarkInfo %v, want /Marked true", catalog["/MarkInfo"])
	}
	if lang := pdfText(catalog["/Lang"]); lang != "sv-SE" {
		t.Errorf("/Lang %q, want sv-SE", lang)
	}
	if vp := q.dict(catalog["/ViewerPreferences"]); vp["/DisplayDocTitle"] != true {
		t.Errorf("/ViewerPreferences %v, want /DisplayDocTitle true", catalog["/ViewerPreferences"])
	}
	meta := q.dict(catalog["/Metadata"])
	if meta["/Type"] != "/Metadata" || meta["/Subtype"] != "/XML" || meta["/Filter"] != nil {
		t.Errorf("metadata %v, want an unfiltered XML stream", meta)
	}
	tagged.xmp = string(q.streamData(catalog["/Metadata"]))
	for _, want := range []string{
		"<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>U</pdfaid:conformance>", "<pdfuaid:part>1</pdfuaid:part>",
		"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + pdfXMLEscape(title) + "</rdf:li></rdf:Alt></dc:title>",
		"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
	} {
		if !strings.Contains(tagged.xmp, want) {
			t.Errorf("the XMP metadata lacks %s", want)
		}
	}
	intents := q.array(catalog["/OutputIntents"])
	if len(intents) != 1 {
		t.Fatalf("%d output intents, want one", len(intents))
	}
	intent := q.dict(intents[0])
	profile := q.streamData(intent["/DestOutputProfile"])
	if intent["/S"] != "/GTS_PDFA1" || len(profile) < 128 || string(profile[12:20]) != "mntrRGB " ||
		q.dict(intent["/DestOutputProfile"])["/N"] != 3.0 {
		t.Errorf("output intent %v with a profile of %d bytes, want GTS_PDFA1 with an RGB monitor profile", intent, len(profile))
	}
}

// pdfXMLEscape escapes text as the XMP metadata has it.
func pdfXMLEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// pdfCheckContent checks one page's content stream: every text and path
// is inside marked content, tagged content and artifacts do not nest in
// each other, and every sequence ends on the page. It returns the page's
// MCIDs in the order they occur and the text of each, read through the
// fonts' character maps.
func pdfCheckContent(t *testing.T, page int, content []byte, fonts map[string]*pdfCMap) ([]int, map[int]string) {
	t.Helper()
	ops, err := pdfContentOps(content)
	if err != nil {
		t.Fatalf("page %d: %v", page, err)
	}
	type mc struct {
		artifact bool
		mcid     int
	}
	var stack []mc
	var mcids []int
	texts := map[int]string{}
	var font *pdfCMap
	mcidRE := regexp.MustCompile(`/MCID (\d+)`)
	stringRE := regexp.MustCompile(`\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>`)
	painted := 0
	for _, op := range ops {
		var shown []string
		switch op.op {
		case "Tf":
			font = fonts[op.operands[0]]
			if font == nil {
				t.Fatalf("page %d: font %s is not among the page's fonts", page, op.operands[0])
			}
		case "Tj", "'":
			shown = op.operands[:1]
		case "\"":
			shown = op.operands[2:3]
		case "TJ":
			shown = stringRE.FindAllString(op.operands[0], -1)
		}
		if len(shown) > 0 && len(stack) > 0 {
			if font == nil {
				t.Fatalf("page %d: text before a font is set", page)
			}
			for _, s := range shown {
				text, err := font.decode(pdfStringBytes(s))
				if err != nil {
					t.Errorf("page %d: %v", page, err)
				}
				for i := len(stack) - 1; i >= 0; i-- {
					if stack[i].mcid >= 0 {
						texts[stack[i].mcid] += text
						break
					}
				}
			}
		}
		switch op.op {
		case "BDC", "BMC":
			if len(op.operands) == 0 {
				t.Fatalf("page %d: %s without a tag", page, op.op)
			}
			m := mc{artifact: op.operands[0] == "/Artifact", mcid: -1}
			if op.op == "BDC" {
				if s := mcidRE.FindStringSubmatch(op.operands[len(op.operands)-1]); s != nil {
					m.mcid, _ = strconv.Atoi(s[1])
					if slices.Contains(mcids, m.mcid) {
						t.Errorf("page %d: MCID %d used twice", page, m.mcid)
					}
					mcids = append(mcids, m.mcid)
				}
			}
			for _, outer := range stack {
				if outer.artifact != m.artifact || outer.mcid >= 0 && m.mcid >= 0 {
					t.Errorf("page %d: %s marked content inside %v", page, op.operands[0], outer)
				}
			}
			if !m.artifact && m.mcid < 0 {
				t.Errorf("page %d: %s marked content without an MCID", page, op.operands[0])
			}
			stack = append(stack, m)
		case "EMC":
			if len(stack) == 0 {
				t.Fatalf("page %d: EMC without marked content", page)
			}
			stack = stack[:len(stack)-1]
		case "Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do":
			painted++
			if len(stack) == 0 {
				t.Errorf("page %d: %s %q is outside marked content and artifacts", page, op.op, op.operands)
			}
		}
	}
	if len(stack) > 0 {
		t.Errorf("page %d: %d marked-content sequences do not end", page, len(stack))
	}
	if painted == 0 {
		t.Errorf("page %d draws nothing", page)
	}
	return mcids, texts
}

// pdfCheckElements checks the elements: where each kind may stand,
// headings without jumps, header cells in every table, alternative text
// on every figure, an annotation in every link.
func pdfCheckElements(t *testing.T, tagged *pdfTagged) {
	t.Helper()
	parentOK := map[string][]string{
		"TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"},
		"THead": {"Table"}, "TBody": {"Table"}, "LI": {"L"}, "Lbl": {"LI"}, "LBody": {"LI"},
		"TOCI": {"TOC"}, "TOC": {"TOCI", "Sect", "Document"},
	}
	last := 0
	var walk func(e *pdfElem)
	walk = func(e *pdfElem) {
		if ok := parentOK[e.role]; ok != nil && (e.parent == nil || !slices.Contains(ok, e.parent.role)) {
			t.Errorf("%s %s stands in %v", e.role, e.ref, e.parent.role)
		}
		switch e.role {
		case "H1", "H2", "H3", "H4", "H5", "H6":
			level := int(e.role[1] - '0')
			if last == 0 && level != 1 || level > last+1 {
				t.Errorf("heading %s %s follows an H%d", e.role, e.ref, last)
			}
			last = level
		case "Table":
			pdfCheckTable(t, e)
		case "Figure":
			if strings.TrimSpace(e.alt) == "" {
				t.Errorf("figure %s has no alternative text", e.ref)
			}
			if bbox, _ := e.attrs["/BBox"].([]any); len(bbox) != 4 {
				t.Errorf("figure %s has no bounding box: %v", e.ref, e.attrs)
			}
		case "Link":
			if !slices.ContainsFunc(e.content, func(k pdfKid) bool { return k.annot != "" }) {
				t.Errorf("link %s has no annotation", e.ref)
			}
		case "L":
			if len(e.kids) == 0 {
				t.Errorf("list %s has no items", e.ref)
			}
		}
		if e.role != "Link" && slices.ContainsFunc(e.content, func(k pdfKid) bool { return k.annot != "" }) {
			t.Errorf("%s %s holds an annotation", e.role, e.ref)
		}
		for _, k := range e.kids {
			walk(k)
		}
	}
	walk(tagged.root)
	if last == 0 {
		t.Error("no headings")
	}
}

// pdfCheckTable checks that a table's header row, if it has one (a
// THead), is header cells that head their columns, and that every other
// row starts with a cell that heads its row.
func pdfCheckTable(t *testing.T, table *pdfElem) {
	t.Helper()
	scope := func(c *pdfElem) any {
		if c.role != "TH" || c.attrs["/O"] != "/Table" {
			return nil
		}
		return c.attrs["/Scope"]
	}
	rows := 0
	pdfWalk(table, func(r *pdfElem) {
		if r.role != "TR" {
			return
		}
		rows++
		if len(r.kids) == 0 {
			t.Errorf("table %s has an empty row", table.ref)
			return
		}
		if r.parent.role == "THead" {
			for _, c := range r.kids {
				if scope(c) != "/Column" {
					t.Errorf("table %s: header row cell %s %s does not head its column (%v)", table.ref, c.role, c.ref, c.attrs)
				}
			}
			return
		}
		if scope(r.kids[0]) != "/Row" {
			t.Errorf("table %s: row %s starts with %s %s, not a cell that heads the row (%v)", table.ref, r.ref, r.kids[0].role, r.kids[0].ref, r.kids[0].attrs)
		}
	})
	if rows == 0 {
		t.Errorf("table %s has no rows", table.ref)
	}
}

// pdfWalk calls f on e and every element below it, in structure order.
func pdfWalk(e *pdfElem, f func(*pdfElem)) {
	f(e)
	for _, k := range e.kids {
		pdfWalk(k, f)
	}
}

// pdfStructNode is an element of poppler's structure tree with its text,
// as pdfinfo -struct-text prints it.
type pdfStructNode struct {
	role  string
	text  []string // the text of its own marked content, in order
	kids  []*pdfStructNode
	block bool
}

// pdfStructText reads the structure tree as poppler reads it, with the
// text of each element's marked content in structure order: poppler
// extracts it through the fonts' character maps, as a screen reader's
// access to the file would.
func pdfStructText(t *testing.T, path string) *pdfStructNode {
	t.Helper()
	out := string(pdfQuiet(t, "pdfinfo", "-struct-text", path))
	root := &pdfStructNode{role: "(root)"}
	stack := []*pdfStructNode{root}
	depths := []int{-1}
	for line := range strings.SplitSeq(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" {
			continue
		}
		depth := len(line) - len(trimmed)
		for depth <= depths[len(depths)-1] {
			stack, depths = stack[:len(stack)-1], depths[:len(depths)-1]
		}
		parent := stack[len(stack)-1]
		switch {
		case strings.HasPrefix(trimmed, `"`):
			parent.text = append(parent.text, strings.TrimSuffix(strings.TrimPrefix(trimmed, `"`), `"`))
		case strings.HasPrefix(trimmed, "/") || strings.HasPrefix(trimmed, "Object "):
			// an attribute, or an annotation
		default:
			role, rest, _ := strings.Cut(strings.TrimSuffix(trimmed, ":"), " ")
			n := &pdfStructNode{role: role, block: strings.Contains(rest, "(block)")}
			parent.kids = append(parent.kids, n)
			stack, depths = append(stack, n), append(depths, depth)
		}
	}
	if len(root.kids) != 1 || root.kids[0].role != "Document" {
		t.Fatalf("pdfinfo -struct-text does not show one Document:\n%.2000s", out)
	}
	return root.kids[0]
}

// pdfReadingText writes the document's text in structure order, as a
// screen reader would read it: each element on its own line as "Role:
// text", with a figure's alternative text (alts, in order) for its
// content, the text of inline elements within their line, and a table's
// row on one line, its cells apart.
func pdfReadingText(doc *pdfStructNode, alts []string) string {
	var b strings.Builder
	inline := map[string]bool{"Link": true, "Span": true, "TH": true, "TD": true}
	var walk func(n *pdfStructNode) string
	walk = func(n *pdfStructNode) string {
		if n.role == "Figure" {
			alt := ""
			if len(alts) > 0 {
				alt, alts = alts[0], alts[1:]
			}
			fmt.Fprintf(&b, "Figure: %s\n", alt)
			return ""
		}
		var line strings.Builder
		line.WriteString(strings.Join(n.text, ""))
		flush := func() {
			if s := strings.TrimSpace(line.String()); s != "" {
				fmt.Fprintf(&b, "%s: %s\n", n.role, s)
			}
			line.Reset()
		}
		for i, k := range n.kids {
			if !inline[k.role] {
				flush()
				walk(k)
				continue
			}
			if n.role == "TR" && i > 0 {
				line.WriteString(" | ")
			}
			line.WriteString(walk(k))
		}
		if inline[n.role] {
			return line.String()
		}
		flush()
		return ""
	}
	walk(doc)
	return b.String()
}

// pdfCheckReading checks the document's text in structure order against
// its golden file, and that its headings come in the order of the
// outline. It returns the text.
func pdfCheckReading(t *testing.T, tagged *pdfTagged, data []byte, golden string) string {
	t.Helper()
	var alts []string
	pdfWalk(tagged.root, func(e *pdfElem) {
		if e.role == "Figure" {
			alts = append(alts, e.alt)
		}
	})
	doc := tagged.nodes()
	// Every outline entry is a heading, in the same order.
	var headings []string
	pdfWalkStruct(doc, func(n *pdfStructNode) {
		if len(n.role) == 2 && n.role[0] == 'H' {
			headings = append(headings, strings.TrimSpace(strings.Join(n.text, "")))
		}
	})
	marks := pdfOutline(t, data)
	j := 0
	for _, h := range headings {
		if j < len(marks) && h == marks[j] {
			j++
		}
	}
	if j != len(marks) {
		t.Errorf("the outline's entries from %q on are not headings in the same order; the headings are %q", marks[j], headings)
	}
	text := pdfReadingText(doc, alts)
	pdfCompareGolden(t, golden, text)
	return text
}

// pdfCheckPoppler checks that poppler reads the same text in the same
// structure as the test's own reader (reading, from pdfCheckReading).
// poppler extracts each element's text on its own, which takes seconds
// for a document of a few pages, so only a few tests ask it.
func pdfCheckPoppler(t *testing.T, path string, tagged *pdfTagged, reading string) {
	t.Helper()
	var alts []string
	pdfWalk(tagged.root, func(e *pdfElem) {
		if e.role == "Figure" {
			alts = append(alts, e.alt)
		}
	})
	if got := pdfReadingText(pdfStructText(t, path), alts); got != reading {
		gl, wl := strings.Split(got, "\n"), strings.Split(reading, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Errorf("poppler reads line %d as\n%q\nwhere the test reads\n%q", i+1, gl[i], wl[i])
				return
			}
		}
		t.Errorf("poppler reads %d lines, the test %d", len(gl), len(wl))
	}
}

// pdfWalkStruct calls f on n and every node below it, in order.
func pdfWalkStruct(n *pdfStructNode, f func(*pdfStructNode)) {
	f(n)
	for _, k := range n.kids {
		pdfWalkStruct(k, f)
	}
}

// pdfContentText is the text of all marked content in structure order,
// one line per element, without the roles: what two documents that say
// the same in the same order share.
func pdfContentText(reading string) string {
	var b bytes.Buffer
	for line := range strings.SplitSeq(reading, "\n") {
		if _, text, ok := strings.Cut(line, ": "); ok {
			b.WriteString(text + "\n")
		}
	}
	return b.String()
}
