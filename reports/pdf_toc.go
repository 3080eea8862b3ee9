package reports

import (
	"fmt"
	"strconv"

	"followup/forms"
	"followup/reports/internal/pdfjoin"
	"followup/reports/internal/pdftag"
)

// pdfTocEntry is one line of the table of contents and one bookmark of the
// outline. The report plans its entries before drawing the body, so that
// the contents pages can be reserved; the body then fills in the pages.
type pdfTocEntry struct {
	level int
	title string
	page  int     // in the whole document
	y     float64 // of the entry's start on its page
}

// Titles of the report's top-level sections.
const (
	pdfSecContents  = "Innehåll"
	pdfSecSummary   = "Sammanfattning"
	pdfSecAreas     = "Uppföljning per område"
	pdfSecCarried   = "Aktiviteter som fortsätter nästa år"
	pdfSecAppendix  = "Bilaga: Svar per verksamhet"
	pdfTocNumberW   = 12.0 // column for page numbers
	pdfTocIndentLvl = 7.0
)

// pdfAreaTitle numbers an area: "1 Styrning och samordning".
func pdfAreaTitle(i int, ar forms.Area) string {
	return strconv.Itoa(i+1) + " " + pdfClean(ar.Title)
}

// activityTitle numbers an activity within the plan: "1.2 Kontinuitetsplan".
func (d *pdfDoc) activityTitle(a forms.Activity) string {
	return d.numbers[a.ID] + " " + pdfClean(a.Title)
}

// planOutline lists the report's sections, areas, activities and
// appendix departments in the order the body draws them.
func (d *pdfDoc) planOutline(opts ReportOptions) []pdfTocEntry {
	add := func(out []pdfTocEntry, level int, title string) []pdfTocEntry {
		return append(out, pdfTocEntry{level: level, title: title})
	}
	var out []pdfTocEntry
	for _, k := range pdfOfficeTexts(d.rep) {
		out = add(out, 0, pdfTextTitles[k])
	}
	out = add(out, 0, pdfSecSummary)
	out = add(out, 0, pdfSecAreas)
	for i, ar := range d.rep.Plan.Areas {
		out = add(out, 1, pdfAreaTitle(i, ar))
		for _, a := range ar.Activities {
			out = add(out, 2, d.activityTitle(a))
		}
	}
	out = add(out, 0, pdfSecCarried)
	if d.rep.Settings.Appendix {
		out = add(out, 0, pdfSecAppendix)
		for _, dep := range pdfAppendixDepartments(d.rep) {
			out = add(out, 1, pdfClean(dep.Name))
		}
	}
	return out
}

// enter marks the start of an outline entry at y on the current page: a
// bookmark, the target of the contents line's link, and its page number.
// Documents without a table of contents only get the bookmark.
func (d *pdfDoc) enter(level int, title string, y float64) {
	// The bookmark's height, in points from the bottom of the page, is
	// computed as fpdf computes the link's (see pdfPageHPt).
	d.marks = append(d.marks, pdfjoin.Mark{Level: level, Title: title, Page: d.pageNo(),
		Top: pdfPageHPt - y*pdfPtPerMM})
	if d.toc == nil {
		return
	}
	if d.tocNext >= len(d.toc) || d.toc[d.tocNext].title != title || d.toc[d.tocNext].level != level {
		if d.err == nil {
			d.err = fmt.Errorf("reports: outline entry %q is out of order", title)
		}
		return
	}
	e := &d.toc[d.tocNext]
	if d.known != nil && (e.page != d.pageNo() || e.y != y) && d.err == nil {
		d.err = fmt.Errorf("reports: outline entry %q moved between the two passes", title)
	}
	e.page, e.y = d.pageNo(), y
	d.tocNext++
}

// pdfTocLine is where one contents entry goes: a page (counted from the first
// contents page), a top y and its wrapped title.
type pdfTocLine struct {
	page  int
	y     float64
	lines []string
}

// pdfTocStyle is the style of a contents entry of the given level.
func pdfTocStyle(level int) pdfTextStyle {
	switch level {
	case 0:
		return pdfTextStyle{10.5, pdfBold, 5.4, pdfColInk}
	case 1:
		return pdfTextStyle{10.5, pdfRegular, 5.1, pdfColInk}
	}
	return pdfTextStyle{9.5, pdfRegular, 4.6, pdfColMuted}
}

// layoutTOC places the contents entries on as many pages as they need.
// Reserving and filling use the same layout, so the number of reserved
// pages is always the number filled.
func (d *pdfDoc) layoutTOC(entries []pdfTocEntry) ([]pdfTocLine, int) {
	out := make([]pdfTocLine, len(entries))
	page := 0
	y := pdfBodyTop + pdfStH1.lead + 6
	for i, e := range entries {
		st := pdfTocStyle(e.level)
		indent := float64(min(e.level, 2)) * pdfTocIndentLvl
		lines := d.split(e.title, pdfContentW-indent-pdfTocNumberW-6, st)
		if len(lines) == 0 {
			lines = []string{""}
		}
		before := 0.0
		if e.level == 0 && i > 0 {
			before = 3.5
		}
		h := float64(len(lines)) * st.lead
		if y+before+h > pdfBodyBottom {
			page++
			y = pdfBodyTop
			before = 0
		}
		y += before
		out[i] = pdfTocLine{page: page, y: y, lines: lines}
		y += h
	}
	return out, page + 1
}

// reserveTOC adds the pages the contents will need and remembers where.
// When the page numbers are known from a first pass, it draws the
// contents on them right away. Its section of the structure takes its
// place in reading order here, however late it is drawn.
func (d *pdfDoc) reserveTOC(opts ReportOptions) {
	entries := d.planOutline(opts)
	_, pages := d.layoutTOC(entries)
	d.newPage()
	d.tocFirst = d.pageNo()
	d.enter(0, pdfSecContents, pdfBodyTop) // a bookmark only: d.toc is not set yet
	d.tocSect = d.open(pdftag.Sect)
	if d.known != nil {
		d.toc = append([]pdfTocEntry(nil), d.known.toc...)
		d.drawTOC(func(int) { d.newPage() })
		d.close(d.tocSect)
		return
	}
	d.tags.Leave(d.tocSect)
	d.toc = entries
	for range pages - 1 {
		d.newPage()
	}
}

// fillTOC draws the contents on the pages reserved for them, now that
// every entry knows its page. A document drawn in two passes has drawn
// them already.
func (d *pdfDoc) fillTOC() {
	if d.known != nil || d.counting {
		return
	}
	last := d.pdf.PageNo()
	d.setPage(d.tocFirst)
	d.tags.Enter(d.tocSect)
	d.drawTOC(func(page int) { d.setPage(d.tocFirst + page) })
	d.close(d.tocSect)
	d.setPage(last)
}

// pdfTocNest is one level of the contents' structure: a TOC and its last
// item (TOCI), in which the entries of the next level nest.
type pdfTocNest struct{ toc, item *pdftag.Elem }

// nestTOC opens the item of an entry of the given level in levels, the
// TOC of each level down to the last entry's, closing deeper levels and
// opening a TOC inside the last item for a level one deeper.
func (d *pdfDoc) nestTOC(levels []pdfTocNest, level int) []pdfTocNest {
	level = min(level, len(levels))
	for len(levels) > level+1 {
		last := levels[len(levels)-1]
		d.close(last.item)
		d.close(last.toc)
		levels = levels[:len(levels)-1]
	}
	if level == len(levels) {
		levels = append(levels, pdfTocNest{toc: d.open(pdftag.TOC)})
	}
	if levels[level].item != nil {
		d.close(levels[level].item)
	}
	levels[level].item = d.open(pdftag.TOCI)
	return levels
}

// drawTOC draws the contents from the top of the current page, with dotted
// leaders and links to the entries; toPage goes to the given contents page
// (counted from 0). It is a heading and a TOC whose items (TOCI) nest as
// the outline does; each item is a Link of the entry's title and page
// number, tied to the link's annotation.
func (d *pdfDoc) drawTOC(toPage func(page int)) {
	layout, _ := d.layoutTOC(d.toc)
	d.y = pdfBodyTop
	d.tagged(pdftag.H1, func() { d.cell(pdfMarginL, pdfContentW, pdfSecContents, pdfStH1, "L") })
	page := 0
	levels := []pdfTocNest{{toc: d.open(pdftag.TOC)}}
	for i, e := range d.toc {
		l := layout[i]
		if l.page != page {
			page = l.page
			toPage(page)
		}
		levels = d.nestTOC(levels, e.level)
		link := d.open(pdftag.Link)
		st := pdfTocStyle(e.level)
		indent := float64(min(e.level, 2)) * pdfTocIndentLvl
		x := pdfMarginL + indent
		d.y = l.y
		for _, line := range l.lines {
			d.cell(x, pdfContentW-indent-pdfTocNumberW, line, st, "L")
			d.y += st.lead
		}
		// Dotted leader from the end of the title to the page number.
		lastW := d.width(l.lines[len(l.lines)-1], st)
		numStr := strconv.Itoa(e.page)
		numW := d.width(numStr, st)
		base := pdfBaseline(d.y-st.lead, st)
		from, to := x+lastW+2, pdfPageW-pdfMarginR-numW-2
		if to > from {
			d.decor(pdftag.Decoration, func() {
				d.draw(pdfColRule, 0.3)
				d.pdf.SetDashPattern([]float64{0.3, 1.2}, 0)
				d.line(from, base, to, base)
				d.pdf.SetDashPattern(nil, 0)
			})
		}
		d.y -= st.lead
		// A space before the number, which shows nothing right-aligned,
		// keeps it apart from the title when the entry is read.
		d.cell(pdfPageW-pdfMarginR-pdfTocNumberW, pdfTocNumberW, " "+numStr, st, "R")
		// The link names the page in the whole document, and its top as
		// the entry's bookmark does.
		d.tags.Link(d.pageNo(), pdfPoints(x, l.y, pdfPageW-pdfMarginR-x, float64(len(l.lines))*st.lead),
			e.page, pdfPageHPt-e.y*pdfPtPerMM, e.title+", sida "+numStr)
		d.close(link)
	}
	for i := len(levels) - 1; i >= 0; i-- {
		if levels[i].item != nil {
			d.close(levels[i].item)
		}
		d.close(levels[i].toc)
	}
}
