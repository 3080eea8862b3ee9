package reports

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"followup/forms"
)

// Colours of the workbook's own elements (not of the status scale).
const (
	xlHeaderFill      = "1F3864" // dark blue header rows
	xlAreaFill        = "D9E1F2" // light blue area rows
	xlNotAssignedFill = "D9D9D9" // grey cells for activities a department does not answer
	xlNotAssignedFont = "595959"
	xlUnknownStatus   = "BFBFBF" // a status whose colour is not "#rrggbb"
	xlBorderColour    = "BFBFBF"
)

// xlStyles holds the cell styles of a workbook, made once so that rows only
// refer to them by id.
type xlStyles struct {
	// Bordered cells of the sheets' own grids.
	title, subtitle, header, area, text, wrap, date, percent, number, bold, note int
	// Cells inside the Svar table, which draws its own stripes.
	plainTop, plainWrap, plainDate int
	// notAssigned is a grey "–" cell; empty a bordered cell without a
	// value.
	notAssigned, empty int
	// noAnswer shows, muted, a word where there is no answer to show, such
	// as "Ej inlämnad"; plainNoAnswer the same inside the Svar table.
	noAnswer, plainNoAnswer int
	// Italic marks texts of answers that do not count, shown because the
	// office asked for drafts.
	wrapItalic, plainWrapItalic, italicNumber int
	// unanswered heads the "not answered" count in a neutral fill.
	unanswered int
	// status and statusHeader are the styles in each status colour, by
	// status id; draftStatus hatches the colour for an answer that does
	// not count (see markedFill).
	status, statusHeader, draftStatus map[int64]int
	// statusLines is how many lines a status name takes in a department
	// column of Sammanställning.
	statusLines map[int64]int
	// Cells that many rows repeat, boxed once so rows do not allocate them.
	statusCells                map[int64]any
	notAssignedCell, emptyCell any
}

func newXlStyles(f *excelize.File, scale forms.Scale) (*xlStyles, error) {
	var err error
	st := &xlStyles{status: map[int64]int{}, statusHeader: map[int64]int{}, draftStatus: map[int64]int{},
		statusCells: map[int64]any{}, statusLines: map[int64]int{}}
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	border := []excelize.Border{
		{Type: "left", Color: xlBorderColour, Style: 1}, {Type: "right", Color: xlBorderColour, Style: 1},
		{Type: "top", Color: xlBorderColour, Style: 1}, {Type: "bottom", Color: xlBorderColour, Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	dateFmt := "yyyy-mm-dd hh:mm"

	st.title = add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	st.subtitle = add(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "404040"}})
	st.header = add(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      xlSolid(xlHeaderFill),
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    border,
	})
	st.area = add(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: xlSolid(xlAreaFill), Alignment: top})
	st.text = add(&excelize.Style{Alignment: top, Border: border})
	st.wrap = add(&excelize.Style{Alignment: wrapTop, Border: border})
	st.date = add(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: top, Border: border})
	st.percent = add(&excelize.Style{NumFmt: 9, Alignment: top, Border: border})
	st.number = add(&excelize.Style{NumFmt: 1, Alignment: top, Border: border})
	st.plainTop = add(&excelize.Style{Alignment: top})
	st.plainWrap = add(&excelize.Style{Alignment: wrapTop})
	st.plainDate = add(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: top})
	st.bold = add(&excelize.Style{Font: &excelize.Font{Bold: true}})
	st.note = add(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: false}})
	st.notAssigned = add(&excelize.Style{
		Font: &excelize.Font{Color: xlNotAssignedFont}, Fill: xlSolid(xlNotAssignedFill),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Border: border,
	})
	st.notAssignedCell = excelize.Cell{StyleID: st.notAssigned, Value: wordNotAssigned}
	st.noAnswer = add(&excelize.Style{Font: &excelize.Font{Color: xlNotAssignedFont}, Alignment: wrapTop, Border: border})
	st.plainNoAnswer = add(&excelize.Style{Font: &excelize.Font{Color: xlNotAssignedFont}, Alignment: top})
	st.wrapItalic = add(&excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: wrapTop, Border: border})
	st.plainWrapItalic = add(&excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: wrapTop})
	st.italicNumber = add(&excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}, Border: border})
	st.empty = add(&excelize.Style{Border: border})
	st.emptyCell = excelize.Cell{StyleID: st.empty}
	st.unanswered = add(&excelize.Style{
		Font: &excelize.Font{Bold: true}, Fill: xlSolid("FFFFFF"),
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: border,
	})
	for _, s := range scale {
		fill := xlStatusColour(s)
		st.status[s.ID] = add(&excelize.Style{
			Font: &excelize.Font{Color: xlFontFor(fill)}, Fill: xlSolid(fill), Alignment: wrapTop, Border: border,
		})
		st.statusCells[s.ID] = excelize.Cell{StyleID: st.status[s.ID], Value: cellText(s.Name)}
		st.statusLines[s.ID] = xlLines(s.Name, xlDeptColumnWidth)
		st.draftStatus[s.ID] = add(&excelize.Style{
			Font: &excelize.Font{Italic: true, Color: "000000"}, Fill: xlMarkedFill(fill), Alignment: wrapTop, Border: border,
		})
		st.statusHeader[s.ID] = add(&excelize.Style{
			Font: &excelize.Font{Bold: true, Color: xlFontFor(fill)}, Fill: xlSolid(fill),
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: border,
		})
	}
	return st, err
}

// statusCell is a cell showing a status by name in its colour; an unknown or
// missing status gives an empty bordered cell.
func (st *xlStyles) statusCell(s forms.Status, ok bool) any {
	if c, found := st.statusCells[s.ID]; ok && found {
		return c
	}
	return st.emptyCell
}

// answerCell is a cell showing a department's answer (see viewOf): a
// status in its colour; the status of an answer that does not count,
// marked "(utkast)" or "(återsänd)", in italic on its colour hatched; a
// grey "–" for an activity not assigned; a muted word where there is no
// answer to show. plain selects the styles of the Svar table.
func (st *xlStyles) answerCell(v answerView, plain bool) any {
	switch {
	case v.notAssigned:
		return st.notAssignedCell
	case !v.hasStatus:
		style := st.noAnswer
		if plain {
			style = st.plainNoAnswer
		}
		return excelize.Cell{StyleID: style, Value: v.text}
	case !v.marked:
		return st.statusCell(v.status, true)
	}
	style, ok := st.draftStatus[v.status.ID]
	if !ok {
		style = st.wrapItalic
	}
	return excelize.Cell{StyleID: style, Value: cellText(v.text)}
}

// answerLines is how many lines an answer takes in a column width
// characters wide.
func answerLines(v answerView, width float64) int { return xlLines(v.text, width) }

// xlTextCell is a string cell in a style; an empty text leaves the cell
// without a value, as an empty cell.
func xlTextCell(style int, s string) excelize.Cell {
	if s == "" {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: s}
}

func xlSolid(hex string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}}
}

// xlMarkedFill hatches a status colour on white (the "lightUp" pattern),
// so that an answer that does not count reads as such, in colour and in
// black and white.
func xlMarkedFill(hex string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 14, Color: []string{hex}}
}

// xlStatusColour returns the status colour as RRGGBB, or a neutral grey when
// the plan holds no valid colour.
func xlStatusColour(s forms.Status) string {
	c := strings.TrimPrefix(strings.TrimSpace(s.Color), "#")
	if len(c) != 6 {
		return xlUnknownStatus
	}
	if _, err := strconv.ParseUint(c, 16, 32); err != nil {
		return xlUnknownStatus
	}
	return strings.ToUpper(c)
}

// xlFontFor picks black or white text for a fill, whichever contrasts more by
// the WCAG relative luminance of the fill.
func xlFontFor(hex string) string {
	if xlLuminance(hex) > 0.179 {
		return "000000"
	}
	return "FFFFFF"
}

// xlLuminance is the WCAG relative luminance of an RRGGBB colour, from 0
// (black) to 1 (white).
func xlLuminance(hex string) float64 {
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || len(hex) != 6 {
		return 1
	}
	lin := func(c uint64) float64 {
		x := float64(c) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(v>>16&0xff) + 0.7152*lin(v>>8&0xff) + 0.0722*lin(v&0xff)
}
