package forms

import (
	"sort"
	"strconv"
	"strings"
)

// An activity's history is its line across years: the activity in each
// plan it was carried through, and for each of that plan's rounds the
// office's consolidated status and narrative and each department's status.
// Department statuses follow the counting rule: only submitted answers
// count; an uncounted one is marked, never shown as a status.

// PlanRef names a plan without its contents.
type PlanRef struct {
	ID    int64
	Year  int
	Title string
}

// DepartmentStep is one department's answer about the activity in one
// round.
type DepartmentStep struct {
	Department Department
	// Status is the counted status, when HasStatus.
	Status    Status
	HasStatus bool
	// Comment is the counted answer's comment.
	Comment string
	// Uncounted is true when a status waits in a draft or a returned
	// response: the office may see that there is one, it does not count.
	Uncounted bool
}

// HistoryRound is the activity in one follow-up round.
type HistoryRound struct {
	Round Round
	// Status is the office's consolidated status, when HasStatus.
	Status      Status
	HasStatus   bool
	Narrative   string
	Continues   bool
	CarryReason string
	// Departments are the round's participants that answer the activity,
	// in name order.
	Departments []DepartmentStep
	Tally       Tally
}

// HistoryYear is the activity as it stood in one plan of its line.
type HistoryYear struct {
	Plan     PlanRef
	Activity Activity
	Area     string
	Rounds   []HistoryRound // by reporting date
}

// ActivityHistory is an activity's whole line, oldest plan first.
type ActivityHistory struct {
	// ActivityID is the activity asked about; it is one of the line's.
	ActivityID int64
	Years      []HistoryYear
	// Before is where the line's first activity came from when that is
	// known only as text (a plan imported from another installation):
	// its rounds are not here, but its times carried are counted.
	Before Origin
}

// HistorySource is one plan of a line with the activity of the line in it
// and the reports of the plan's rounds, in reporting order.
type HistorySource struct {
	Plan       *Plan
	ActivityID int64
	Reports    []*RoundReport
}

// BuildActivityHistory builds the history of an activity from the plans of
// its line, oldest first.
func BuildActivityHistory(activityID int64, line []HistorySource) *ActivityHistory {
	h := &ActivityHistory{ActivityID: activityID}
	for i, src := range line {
		a, ok := src.Plan.Activity(src.ActivityID)
		if !ok {
			continue
		}
		area, _ := src.Plan.AreaOf(a.ID)
		y := HistoryYear{Plan: PlanRef{ID: src.Plan.ID, Year: src.Plan.Year, Title: src.Plan.Title}, Activity: a, Area: area.Title}
		for _, rep := range src.Reports {
			y.Rounds = append(y.Rounds, historyRound(rep, a))
		}
		if i == 0 && a.Origin.Known() && !a.Origin.Linked() {
			h.Before = a.Origin
		}
		h.Years = append(h.Years, y)
	}
	return h
}

// historyRound reads one activity's round from the round's report.
func historyRound(rep *RoundReport, a Activity) HistoryRound {
	c := rep.Consolidations[a.ID]
	hr := HistoryRound{Round: rep.Round, Narrative: c.Narrative, Continues: c.Continues, CarryReason: c.CarryReason, Tally: rep.Tally(a)}
	hr.Status, hr.HasStatus = rep.ConsolidatedStatus(a.ID)
	for _, d := range rep.Assigned(a) {
		step := DepartmentStep{Department: d}
		if ans, ok := rep.Answer(d.ID, a.ID); ok {
			step.Comment = ans.Comment
			step.Status, step.HasStatus = rep.Plan.Statuses.ByID(ans.StatusID)
		} else if cell := rep.Cell(d.ID, a, true); cell.Mark == MarkDraft && cell.HasStatus {
			step.Uncounted = true
		}
		hr.Departments = append(hr.Departments, step)
	}
	return hr
}

// Current returns the year of the activity asked about.
func (h *ActivityHistory) Current() (HistoryYear, bool) {
	for _, y := range h.Years {
		if y.Activity.ID == h.ActivityID {
			return y, true
		}
	}
	return HistoryYear{}, false
}

// TimesCarried is how many year changes the activity asked about has been
// carried through.
func (h *ActivityHistory) TimesCarried() int {
	y, _ := h.Current()
	return y.Activity.TimesCarried
}

// Departments returns every department that answers the activity in some
// round of the line, in name order.
func (h *ActivityHistory) Departments() []Department {
	seen := map[int64]bool{}
	var out []Department
	for _, y := range h.Years {
		for _, r := range y.Rounds {
			for _, s := range r.Departments {
				if !seen[s.Department.ID] {
					seen[s.Department.ID] = true
					out = append(out, s.Department)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// TrailStep is one status in a trail over time: a year, and the round kind
// when the year has more than one round in the line.
type TrailStep struct {
	Year   int
	Kind   RoundKind // "" when the year has one round
	Status Status
}

// Label names the step's time in Swedish: "2025", "2026 delår" or
// "2026 helår".
func (s TrailStep) Label() string {
	y := strconv.Itoa(s.Year)
	switch s.Kind {
	case RoundInterim:
		return y + " delår"
	case RoundAnnual:
		return y + " helår"
	}
	return y
}

// Trail returns a department's counted status over the line; rounds in
// which it has none are left out.
func (h *ActivityHistory) Trail(departmentID int64) []TrailStep {
	return h.trail(func(r HistoryRound) (Status, bool) {
		for _, s := range r.Departments {
			if s.Department.ID == departmentID {
				return s.Status, s.HasStatus
			}
		}
		return Status{}, false
	})
}

// ConsolidatedTrail returns the office's consolidated status over the line;
// rounds without one are left out.
func (h *ActivityHistory) ConsolidatedTrail() []TrailStep {
	return h.trail(func(r HistoryRound) (Status, bool) { return r.Status, r.HasStatus })
}

func (h *ActivityHistory) trail(status func(HistoryRound) (Status, bool)) []TrailStep {
	var out []TrailStep
	for _, y := range h.Years {
		for _, r := range y.Rounds {
			st, ok := status(r)
			if !ok {
				continue
			}
			step := TrailStep{Year: y.Plan.Year, Status: st}
			if len(y.Rounds) > 1 {
				step.Kind = r.Round.Kind
			}
			out = append(out, step)
		}
	}
	return out
}

// TrailText writes a trail in Swedish, such as
// "2025 Ej påbörjat → 2026 delår Påbörjat → 2026 helår Genomfört"; "" for
// an empty trail.
func TrailText(steps []TrailStep) string {
	parts := make([]string, len(steps))
	for i, s := range steps {
		parts[i] = s.Label() + " " + s.Status.Name
	}
	return strings.Join(parts, " → ")
}
