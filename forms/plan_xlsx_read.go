package forms

import (
	"fmt"
	"strconv"
	"strings"
)

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

// normHeader folds a header or label as people type it (any case, a
// trailing colon or asterisk) to the keys of planHeaders and detailLabels.
func normHeader(s string) string {
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ":*"))
}

// planReading is the document being read from the sheets, the rows its
// parts came from, and the problems found on the way.
type planReading struct {
	doc      *PlanDocument
	src      planSheetSource
	problems []planProblem
}

// add records a problem at a sheet and row.
func (r *planReading) add(sheet, row int, format string, args ...any) {
	r.problems = append(r.problems, planProblem{sheet, row, fmt.Sprintf(format, args...)})
}

// document builds the exchange document and the problems found on the way.
// A problem with the sheets' layout (no header row) stops the reading: ok is
// false and nothing is worth validating further.
func (ps PlanSheets) document() (doc *PlanDocument, src planSheetSource, problems []planProblem, ok bool) {
	r := &planReading{doc: &PlanDocument{Areas: []AreaDocument{}}}
	if ps.Details == nil {
		r.add(0, 0, "the workbook has no sheet %q", PlanSheetDetails)
	}
	r.readDetails(ps.Details)
	header, col := findPlanHeader(ps.Plan)
	if header < 0 {
		r.add(2, 0, "no row names the columns %s, %s, %s and %s", PlanColumnArea, PlanColumnActivity, PlanColumnDescription, PlanColumnRespondents)
		return r.doc, r.src, r.problems, false
	}
	if _, ok := col["respondents"]; !ok {
		r.add(2, header+1, "the column %s is missing", PlanColumnRespondents)
		return r.doc, r.src, r.problems, false
	}
	r.readActivities(ps.Plan, header, col)
	return r.doc, r.src, r.problems, true
}

// readDetails takes the organisation, title and year from the rows of the
// sheet Uppgifter that carry their labels, and skips the other rows.
func (r *planReading) readDetails(details [][]string) {
	for i, rec := range details {
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
			r.doc.Organisation = value
		case "title":
			r.doc.Title = value
		case "year":
			digits := strings.NewReplacer(" ", "", "\u00a0", "").Replace(value)
			digits = strings.TrimSuffix(digits, ".0")
			if y, err := strconv.Atoi(digits); err == nil {
				r.doc.Year = y
			} else if value != "" {
				r.add(1, i+1, "%s must be a year such as 2026, not %q", PlanDetailYear, value)
				r.doc.Year = -1 // reported here; keep ToPlan from naming it again
			}
		}
	}
}

// findPlanHeader returns the index of the first row of the sheet Plan that
// names at least the area and activity columns, since the rows above it are
// notes, and where each named column is; -1 when no row does.
func findPlanHeader(plan [][]string) (header int, col map[string]int) {
	for i, rec := range plan {
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
				return i, found
			}
		}
	}
	return -1, map[string]int{}
}

// readActivities reads the rows below the header row as activities, each of
// the area it names or of the area above, and notes which row each area and
// activity came from.
func (r *planReading) readActivities(plan [][]string, header int, col map[string]int) {
	cell := func(rec []string, c string) string {
		i, ok := col[c]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	areaIndex := map[string]int{}
	current := -1
	for i, rec := range plan[header+1:] {
		row := header + 2 + i
		area, title, desc, resp := cell(rec, "area"), cell(rec, "activity"), cell(rec, "description"), cell(rec, "respondents")
		if area == "" && title == "" && desc == "" && resp == "" {
			continue
		}
		if area != "" {
			key := strings.ToLower(strings.Join(strings.Fields(area), " "))
			idx, ok := areaIndex[key]
			if !ok {
				idx = len(r.doc.Areas)
				areaIndex[key] = idx
				r.doc.Areas = append(r.doc.Areas, AreaDocument{Title: area, Activities: []ActivityDocument{}})
				r.src.areaRow = append(r.src.areaRow, row)
				r.src.actRow = append(r.src.actRow, nil)
			}
			current = idx
		}
		if title == "" && desc == "" && resp == "" {
			continue // a row naming only an area
		}
		if current < 0 {
			r.add(2, row, "%s is empty", PlanColumnArea)
			continue
		}
		if title == "" {
			r.add(2, row, "%s is empty", PlanColumnActivity)
			continue
		}
		act := ActivityDocument{Title: title, Description: desc}
		var ok bool
		if act.Respondents, ok = respondentsCell(resp); !ok {
			r.add(2, row, "%s: write either alla or department names, not both", PlanColumnRespondents)
		}
		r.doc.Areas[current].Activities = append(r.doc.Areas[current].Activities, act)
		r.src.actRow[current] = append(r.src.actRow[current], row)
	}
}

// respondentsCell reads the Svarande cell: "alla" or department names
// separated by semicolons or line breaks. ok is false when the cell mixes
// alla with names, and then the respondents are left empty.
func respondentsCell(cell string) (Respondents, bool) {
	var names []string
	for _, part := range strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '\n' }) {
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
		return Respondents{}, false
	case all:
		return Respondents{All: true}, true
	default:
		return Respondents{Names: names}, true
	}
}
