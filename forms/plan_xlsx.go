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
