package forms

import (
	"fmt"
	"strings"
)

// NextActivityInput is one activity of next year's plan as the office sends
// it: a kept activity names its origin, a new one has OriginID 0.
type NextActivityInput struct {
	OriginID       int64
	Title          string
	Description    string
	AllDepartments bool
	DepartmentIDs  []int64
}

// NextAreaInput is one area of next year's plan, kept or new.
type NextAreaInput struct {
	Title      string
	Activities []NextActivityInput
}

// NextPlanInput is what the office sends back from the proposal: the new
// plan's year and title and its areas and activities in order. The status
// scale is always the source plan's.
type NextPlanInput struct {
	SourcePlanID int64
	// Organisation is the new plan's organisation; empty keeps the
	// source's.
	Organisation string
	Year         int
	Title        string
	Areas        []NextAreaInput
}

// Input returns the proposal as the office would send it untouched: the
// ticked activities (every one with includeDone) with their texts and
// respondents, flagged ones included, in their areas; areas left empty are
// left out.
func (p *NextPlanProposal) Input(includeDone bool) NextPlanInput {
	in := NextPlanInput{SourcePlanID: p.Source.ID, Organisation: p.Organisation, Year: p.Year, Title: p.Title}
	for _, ar := range p.Areas {
		na := NextAreaInput{Title: ar.Title}
		for _, a := range ar.Activities {
			if !a.Keep && !includeDone {
				continue
			}
			na.Activities = append(na.Activities, NextActivityInput{OriginID: a.Source.ID, Title: a.Source.Title,
				Description: a.Source.Description, AllDepartments: a.Source.AllDepartments,
				DepartmentIDs: append([]int64(nil), a.Source.DepartmentIDs...)})
		}
		if len(na.Activities) > 0 {
			in.Areas = append(in.Areas, na)
		}
	}
	return in
}

// Dropped names the respondents DropDepartments took from one activity.
type Dropped struct {
	Area, Activity string
	DepartmentIDs  []int64
	// Emptied is true when no respondent is left: the input no longer
	// validates until the office chooses respondents.
	Emptied bool
}

// DropDepartments removes the given departments from the respondents of
// every activity and says, per activity, which it removed, so that a caller
// that drops deactivated respondents can say so.
func (in *NextPlanInput) DropDepartments(drop map[int64]bool) []Dropped {
	var out []Dropped
	for i := range in.Areas {
		for j := range in.Areas[i].Activities {
			a := &in.Areas[i].Activities[j]
			var keep, gone []int64
			for _, id := range a.DepartmentIDs {
				if drop[id] {
					gone = append(gone, id)
				} else {
					keep = append(keep, id)
				}
			}
			if len(gone) > 0 {
				a.DepartmentIDs = keep
				out = append(out, Dropped{Area: in.Areas[i].Title, Activity: a.Title, DepartmentIDs: gone,
					Emptied: !a.AllDepartments && len(keep) == 0})
			}
		}
	}
	return out
}

// Build validates the input against its source plan and the register and
// returns next year's plan, not yet stored: the source's scale copied, the
// source as predecessor, and each kept activity's origin and times carried
// (1 + its origin's). Problems are field errors by path, such as
// areas[1].activities[0].title, with catalog keys.
func (in *NextPlanInput) Build(source *Plan, departments []Department) (*Plan, error) {
	var fe FieldErrors
	p := in.head(source, &fe)
	known := map[int64]bool{}
	for _, d := range departments {
		known[d.ID] = true
	}
	used := map[int64]bool{}
	areaTitles := map[string]bool{}
	if len(in.Areas) == 0 {
		fe.Add("areas", "error.required")
	}
	for i, ain := range in.Areas {
		path := fmt.Sprintf("areas[%d]", i)
		title, err := NormalizeAreaTitle(ain.Title)
		addPrefixed(&fe, path+".", err)
		if key := strings.ToLower(title); title != "" && areaTitles[key] {
			fe.Add(path+".title", "plans.error.duplicate_area")
		}
		areaTitles[strings.ToLower(title)] = true
		area := Area{Position: i, Title: title}
		titles := map[string]bool{}
		for j, acin := range ain.Activities {
			ap := fmt.Sprintf("%s.activities[%d]", path, j)
			a := in.activity(source, acin, known, used, ap, &fe)
			if key := strings.ToLower(a.Title); a.Title != "" && titles[key] {
				fe.Add(ap+".title", "plans.error.duplicate_activity")
			}
			titles[strings.ToLower(a.Title)] = true
			a.Position = j
			area.Activities = append(area.Activities, a)
		}
		p.Areas = append(p.Areas, area)
	}
	if err := fe.Err("invalid plan"); err != nil {
		return nil, err
	}
	if err := CheckPlanSize(len(p.Areas), len(p.Activities())); err != nil {
		return nil, err
	}
	return p, nil
}

// head checks the plan's own details and starts the plan with a copy of
// the source's scale.
func (in *NextPlanInput) head(source *Plan, fe *FieldErrors) *Plan {
	meta := PlanMeta{Organisation: in.Organisation, Title: in.Title, Year: in.Year}
	if strings.TrimSpace(meta.Organisation) == "" {
		meta.Organisation = source.Organisation
	}
	if err := meta.Validate(); err != nil {
		addPrefixed(fe, "", err)
	}
	if in.Year <= source.Year {
		fe.Add("year", "plans.error.next_year")
	}
	if in.SourcePlanID != 0 && in.SourcePlanID != source.ID {
		fe.Add("source", "plans.error.next_source")
	}
	p := &Plan{Organisation: meta.Organisation, Title: meta.Title, Year: in.Year, PredecessorID: source.ID}
	for i, st := range source.Statuses {
		st.ID, st.Position = 0, i
		p.Statuses = append(p.Statuses, st)
	}
	return p
}

// activity checks one activity of the input and builds it with its origin.
func (in *NextPlanInput) activity(source *Plan, acin NextActivityInput, known, used map[int64]bool, path string, fe *FieldErrors) Activity {
	a := Activity{Title: acin.Title, Description: acin.Description, AllDepartments: acin.AllDepartments,
		DepartmentIDs: append([]int64(nil), acin.DepartmentIDs...)}
	addPrefixed(fe, path+".", ValidateActivity(&a))
	for _, id := range a.DepartmentIDs {
		if !known[id] {
			fe.Add(path+".respondents", "plans.error.unknown_department")
		}
	}
	if acin.OriginID == 0 {
		return a
	}
	src, ok := source.Activity(acin.OriginID)
	switch {
	case !ok:
		fe.Add(path+".origin", "plans.error.next_origin")
	case used[acin.OriginID]:
		fe.Add(path+".origin", "plans.error.next_origin_twice")
	default:
		a.Origin = Origin{ActivityID: src.ID, PlanID: source.ID, Year: source.Year, PlanTitle: source.Title, ActivityTitle: src.Title}
		a.TimesCarried = src.TimesCarried + 1
	}
	used[acin.OriginID] = true
	return a
}

// addPrefixed copies the field errors of err, if any, under prefix.
func addPrefixed(fe *FieldErrors, prefix string, err error) {
	e, ok := err.(*Error)
	if !ok {
		return
	}
	for _, f := range e.Order {
		fe.Add(prefix+f, e.Fields[f])
	}
}
