package forms

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Sheet names and column headers of the plan spreadsheet. The office
// downloads a template with these, fills it in and imports it.
const (
	PlanSheetPlan    = "Plan"
	PlanSheetDetails = "Uppgifter"

	PlanColumnArea        = "Område"
	PlanColumnActivity    = "Aktivitet"
	PlanColumnDescription = "Beskrivning"
	PlanColumnRespondents = "Svarande"

	PlanDetailOrganisation = "Organisation"
	PlanDetailTitle        = "Titel"
	PlanDetailYear         = "År"
)

// PlanSheets holds the cells of a plan spreadsheet as text, row by row as
// the spreadsheet numbers them (Plan[0] is row 1).
//
// Plan is the sheet of activities: a header row names the columns Område,
// Aktivitet, Beskrivning and Svarande (English headers work too); rows above
// it are notes and are skipped. Each row below is one activity of the area
// named in Område, or of the area above when Område is left blank. Svarande
// is "alla" or department names separated by semicolons or line breaks.
//
// Details is the sheet "Uppgifter", whose rows pair a label (Organisation,
// Titel, År) in the first column with its value in the second; other rows
// are notes. Nil means the workbook has no such sheet.
type PlanSheets struct {
	Plan    [][]string
	Details [][]string
}

// planProblem is one problem of a plan spreadsheet, sorted by where it is.
type planProblem struct {
	sheet int // 0: the workbook, 1: Uppgifter, 2: Plan
	row   int
	text  string
}

// planSheetSource remembers which row each part of the document came from,
// so that ToPlan's problems can be named by row.
type planSheetSource struct {
	areaRow []int
	actRow  [][]int
}

var planHeaders = map[string]string{
	"område": "area", "omrade": "area", "area": "area",
	"aktivitet": "activity", "activity": "activity",
	"beskrivning": "description", "description": "description",
	"svarande": "respondents", "respondents": "respondents",
}

var detailLabels = map[string]string{
	"organisation": "organisation", "organization": "organisation",
	"titel": "title", "title": "title",
	"år": "year", "ar": "year", "year": "year",
}

func normHeader(s string) string {
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ":*"))
}

// document builds the exchange document and the problems found on the way.
// A problem with the sheets' layout (no header row) stops the reading: ok is
// false and nothing is worth validating further.
func (ps PlanSheets) document() (doc *PlanDocument, src planSheetSource, problems []planProblem, ok bool) {
	doc = &PlanDocument{Areas: []AreaDocument{}}
	add := func(sheet, row int, format string, args ...any) {
		problems = append(problems, planProblem{sheet, row, fmt.Sprintf(format, args...)})
	}

	if ps.Details == nil {
		add(0, 0, "the workbook has no sheet %q", PlanSheetDetails)
	}
	for i, rec := range ps.Details {
		if len(rec) == 0 {
			continue
		}
		field, ok := detailLabels[normHeader(rec[0])]
		if !ok {
			continue
		}
		value := ""
		if len(rec) > 1 {
			value = strings.TrimSpace(rec[1])
		}
		switch field {
		case "organisation":
			doc.Organisation = value
		case "title":
			doc.Title = value
		case "year":
			digits := strings.NewReplacer(" ", "", "\u00a0", "").Replace(value)
			digits = strings.TrimSuffix(digits, ".0")
			if y, err := strconv.Atoi(digits); err == nil {
				doc.Year = y
			} else if value != "" {
				add(1, i+1, "%s must be a year such as 2026, not %q", PlanDetailYear, value)
				doc.Year = -1 // reported here; keep ToPlan from naming it again
			}
		}
	}

	header := -1
	col := map[string]int{}
	for i, rec := range ps.Plan {
		found := map[string]int{}
		for j, cell := range rec {
			if c, ok := planHeaders[normHeader(cell)]; ok {
				if _, dup := found[c]; !dup {
					found[c] = j
				}
			}
		}
		if _, a := found["area"]; a {
			if _, t := found["activity"]; t {
				header, col = i, found
				break
			}
		}
	}
	if header < 0 {
		add(2, 0, "no row names the columns %s, %s, %s and %s", PlanColumnArea, PlanColumnActivity, PlanColumnDescription, PlanColumnRespondents)
		return doc, src, problems, false
	}
	if _, ok := col["respondents"]; !ok {
		add(2, header+1, "the column %s is missing", PlanColumnRespondents)
		return doc, src, problems, false
	}
	cell := func(rec []string, c string) string {
		i, ok := col[c]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	areaIndex := map[string]int{}
	current := -1
	for i, rec := range ps.Plan[header+1:] {
		row := header + 2 + i
		area, title, desc, resp := cell(rec, "area"), cell(rec, "activity"), cell(rec, "description"), cell(rec, "respondents")
		if area == "" && title == "" && desc == "" && resp == "" {
			continue
		}
		if area != "" {
			key := strings.ToLower(strings.Join(strings.Fields(area), " "))
			idx, ok := areaIndex[key]
			if !ok {
				idx = len(doc.Areas)
				areaIndex[key] = idx
				doc.Areas = append(doc.Areas, AreaDocument{Title: area, Activities: []ActivityDocument{}})
				src.areaRow = append(src.areaRow, row)
				src.actRow = append(src.actRow, nil)
			}
			current = idx
		}
		if title == "" && desc == "" && resp == "" {
			continue // a row naming only an area
		}
		if current < 0 {
			add(2, row, "%s is empty", PlanColumnArea)
			continue
		}
		if title == "" {
			add(2, row, "%s is empty", PlanColumnActivity)
			continue
		}
		act := ActivityDocument{Title: title, Description: desc}
		var names []string
		for _, part := range strings.FieldsFunc(resp, func(r rune) bool { return r == ';' || r == '\n' }) {
			if n := strings.TrimSpace(part); n != "" {
				names = append(names, n)
			}
		}
		all := false
		for _, n := range names {
			switch strings.ToLower(n) {
			case "alla", "all":
				all = true
			}
		}
		switch {
		case all && len(names) > 1:
			add(2, row, "%s: write either alla or department names, not both", PlanColumnRespondents)
		case all:
			act.Respondents = Respondents{All: true}
		default:
			act.Respondents = Respondents{Names: names}
		}
		doc.Areas[current].Activities = append(doc.Areas[current].Activities, act)
		src.actRow[current] = append(src.actRow[current], row)
	}
	return doc, src, problems, true
}

var planPathPattern = regexp.MustCompile(`^areas\[(\d+)\](?:\.activities\[(\d+)\])?\.(\w+)$`)

// locate names by sheet and row a problem that ToPlan reported by path.
func (src planSheetSource) locate(line string) planProblem {
	path, msg, ok := strings.Cut(line, ": ")
	if !ok {
		return planProblem{0, 0, line}
	}
	switch path {
	case "organisation":
		return planProblem{1, 0, PlanDetailOrganisation + ": " + msg}
	case "title":
		return planProblem{1, 0, PlanDetailTitle + ": " + msg}
	case "year":
		return planProblem{1, 0, PlanDetailYear + ": " + msg}
	case "areas":
		return planProblem{2, 0, msg}
	}
	m := planPathPattern.FindStringSubmatch(path)
	if m == nil {
		return planProblem{0, 0, line}
	}
	i, _ := strconv.Atoi(m[1])
	if i >= len(src.areaRow) {
		return planProblem{0, 0, line}
	}
	if m[2] == "" {
		return planProblem{2, src.areaRow[i], PlanColumnArea + ": " + msg}
	}
	j, _ := strconv.Atoi(m[2])
	if j >= len(src.actRow[i]) {
		return planProblem{0, 0, line}
	}
	column := map[string]string{"title": PlanColumnActivity, "description": PlanColumnDescription, "respondents": PlanColumnRespondents}[m[3]]
	if column == "" {
		column = m[3]
	}
	return planProblem{2, src.actRow[i][j], column + ": " + msg}
}

// ToPlan reads the spreadsheet, validates it against the known departments
// and builds a plan with the default status scale. It also returns the plan
// as an exchange document, which says the same thing. Every problem is
// reported in one EINVALID error, one line each, naming the sheet and row
// (sheet Plan, row 7: Svarande: unknown department "X"); nothing is partly
// accepted.
func (ps PlanSheets) ToPlan(departments []Department) (*Plan, *PlanDocument, error) {
	doc, src, problems, ok := ps.document()
	if ok {
		year := doc.Year
		if year < 0 {
			doc.Year = 2000 // already reported; keep ToPlan quiet about it
		}
		p, err := doc.ToPlan(departments)
		doc.Year = year
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				return nil, nil, err
			}
			for _, line := range strings.Split(e.Message, "\n") {
				if p := src.locate(line); p.sheet != 1 || ps.Details != nil {
					problems = append(problems, p) // a missing sheet is named once
				}
			}
		}
		if len(problems) == 0 {
			return p, doc, nil
		}
	}
	sort.SliceStable(problems, func(a, b int) bool {
		if problems[a].sheet != problems[b].sheet {
			return problems[a].sheet < problems[b].sheet
		}
		return problems[a].row < problems[b].row
	})
	lines := make([]string, len(problems))
	for i, p := range problems {
		switch {
		case p.sheet == 0:
			lines[i] = p.text
		case p.row == 0:
			lines[i] = fmt.Sprintf("sheet %s: %s", planSheetName(p.sheet), p.text)
		default:
			lines[i] = fmt.Sprintf("sheet %s, row %d: %s", planSheetName(p.sheet), p.row, p.text)
		}
	}
	return nil, nil, &Error{Code: EINVALID, Message: strings.Join(lines, "\n")}
}

func planSheetName(sheet int) string {
	if sheet == 1 {
		return PlanSheetDetails
	}
	return PlanSheetPlan
}
