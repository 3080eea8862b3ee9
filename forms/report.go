package forms

import (
	"slices"
	"time"
)

// RoundReport gathers everything known about one round in domain values: the
// plan, the departments taking part, their responses, the interim answers
// an annual round is compared with, and the office's consolidations. The
// Excel and PDF writers and the office's pages all read it.
type RoundReport struct {
	Plan        Plan
	Round       Round
	Departments []Department // taking part, in name order
	Responses   map[int64]*Response
	// InterimRound is the interim round of the same plan that an annual
	// round is compared with; nil for interim rounds or when there is none.
	InterimRound *Round
	// Interim holds that round's responses by department.
	Interim        map[int64]*Response
	Consolidations map[int64]Consolidation
	// Settings are the office's choices for the round's reports.
	Settings ReportSettings
	// Texts are the office's own texts for the report, by kind.
	Texts map[TextKind]RoundText
	// CarriedTo says, by activity of the plan, where each activity was
	// carried: the activities made from it in later plans.
	CarriedTo   map[int64][]Destination
	GeneratedAt time.Time
	CompiledBy  string
}

// Answer returns a department's counted answer about an activity: one with a
// status, from a submitted response (see Counts).
func (r *RoundReport) Answer(departmentID, activityID int64) (Answer, bool) {
	resp := r.Responses[departmentID]
	if resp == nil || !resp.EffectiveState().Counts() {
		return Answer{}, false
	}
	a, ok := resp.Answers[activityID]
	return a, ok && a.Answered()
}

// Status returns the status of a department's counted answer about an
// activity.
func (r *RoundReport) Status(departmentID, activityID int64) (Status, bool) {
	a, ok := r.Answer(departmentID, activityID)
	if !ok {
		return Status{}, false
	}
	return r.Plan.Statuses.ByID(a.StatusID)
}

// Cell returns a department's answer about an activity as an output shows
// it: counted, a marked draft when drafts is true, or nothing.
func (r *RoundReport) Cell(departmentID int64, a Activity, drafts bool) Cell {
	return cellOf(r.Plan.Statuses, r.Responses[departmentID], a, departmentID, drafts)
}

// InterimCell is Cell for the interim round an annual round is compared
// with.
func (r *RoundReport) InterimCell(departmentID int64, a Activity, drafts bool) Cell {
	return cellOf(r.Plan.Statuses, r.Interim[departmentID], a, departmentID, drafts)
}

// InterimAnswer returns what the department answered about the activity in
// the interim round, for annual rounds, when that response was submitted.
func (r *RoundReport) InterimAnswer(departmentID, activityID int64) (Answer, bool) {
	resp := r.Interim[departmentID]
	if resp == nil || !resp.EffectiveState().Counts() {
		return Answer{}, false
	}
	a, ok := resp.Answers[activityID]
	return a, ok && a.Answered()
}

// InterimStatus returns the status of the department's interim answer.
func (r *RoundReport) InterimStatus(departmentID, activityID int64) (Status, bool) {
	a, ok := r.InterimAnswer(departmentID, activityID)
	if !ok {
		return Status{}, false
	}
	return r.Plan.Statuses.ByID(a.StatusID)
}

// Assigned returns the departments of the round that answer the activity.
func (r *RoundReport) Assigned(a Activity) []Department {
	var out []Department
	for _, d := range r.Departments {
		if a.AssignedTo(d.ID) {
			out = append(out, d)
		}
	}
	return out
}

// Tally counts the answers to one activity under the counting rule: only
// submitted answers count; Drafts and Returned say how many uncounted
// answers with a status wait in drafts and returned responses.
func (r *RoundReport) Tally(a Activity) Tally {
	ids := make([]int64, 0, len(r.Departments))
	var drafts, returned int
	for _, d := range r.Departments {
		if !a.AssignedTo(d.ID) {
			continue
		}
		ans, ok := r.Answer(d.ID, a.ID)
		if c := r.Cell(d.ID, a, true); !ok && c.Mark == MarkDraft && c.HasStatus {
			if c.State == ResponseReturned {
				returned++
			} else {
				drafts++
			}
		}
		ids = append(ids, ans.StatusID)
	}
	t := Count(r.Plan.Statuses, ids)
	t.Drafts, t.Returned = drafts, returned
	return t
}

// Suggestion applies the consolidation rule to an activity's answers.
func (r *RoundReport) Suggestion(a Activity) Suggestion {
	return Suggest(r.Plan.Statuses, r.Tally(a))
}

// ConsolidatedStatus returns the office's status for the activity; ok is
// false when the office has not chosen one yet.
func (r *RoundReport) ConsolidatedStatus(activityID int64) (Status, bool) {
	c, ok := r.Consolidations[activityID]
	if !ok || c.StatusID == 0 {
		return Status{}, false
	}
	return r.Plan.Statuses.ByID(c.StatusID)
}

// IncludeComments reports whether the departments' comments on an activity
// go into the report: yes unless the office said no.
func (r *RoundReport) IncludeComments(activityID int64) bool {
	c, ok := r.Consolidations[activityID]
	return !ok || c.IncludeComments
}

// Carried is an activity that continues into next year's plan, with the
// office's short reason.
type Carried struct {
	Activity Activity
	Area     Area
	Status   Status // the consolidated status; zero when none is chosen
	Reason   string
}

// CarriedOver returns, in plan order, the activities that continue into
// next year: those whose consolidated status carries over, and those not
// done that the office marked as continuing.
func (r *RoundReport) CarriedOver() []Carried {
	var out []Carried
	for _, ar := range r.Plan.Areas {
		for _, a := range ar.Activities {
			c := r.Consolidations[a.ID]
			st, ok := r.ConsolidatedStatus(a.ID)
			if (ok && st.CarriesOver) || (c.Continues && !st.Done) {
				out = append(out, Carried{Activity: a, Area: ar, Status: st, Reason: c.CarryReason})
			}
		}
	}
	return out
}

// Destinations returns where an activity of the round's plan was carried,
// in year order; none when it was not (yet) carried into a later plan.
func (r *RoundReport) Destinations(activityID int64) []Destination {
	return r.CarriedTo[activityID]
}

// StatusTotals counts the activities per consolidated status, by scale
// position; the last element counts activities without one.
func (r *RoundReport) StatusTotals() []int {
	out := make([]int, len(r.Plan.Statuses)+1)
	for _, a := range r.Plan.Activities() {
		st, ok := r.ConsolidatedStatus(a.ID)
		idx := slices.IndexFunc(r.Plan.Statuses, func(s Status) bool { return s.ID == st.ID })
		if !ok || idx < 0 {
			out[len(out)-1]++
			continue
		}
		out[idx]++
	}
	return out
}

// ResponseState returns the department's response state.
func (r *RoundReport) ResponseState(departmentID int64) ResponseState {
	return r.Responses[departmentID].EffectiveState()
}

// ResponseCount counts the participants by where their responses stand.
func (r *RoundReport) ResponseCount() ResponseCount {
	states := make([]ResponseState, len(r.Departments))
	for i, d := range r.Departments {
		states[i] = r.ResponseState(d.ID)
	}
	return CountResponses(states)
}

// Submitted returns the departments that have submitted, in name order.
func (r *RoundReport) Submitted() []Department {
	var out []Department
	for _, d := range r.Departments {
		if r.ResponseState(d.ID) == ResponseSubmitted {
			out = append(out, d)
		}
	}
	return out
}

// AnsweredOf returns how many of its assigned activities a department has
// given a status, whatever the state of its response (how far it has come),
// and how many it is assigned.
func (r *RoundReport) AnsweredOf(departmentID int64) (answered, assigned int) {
	resp := r.Responses[departmentID]
	for _, a := range r.Plan.Activities() {
		if !a.AssignedTo(departmentID) {
			continue
		}
		assigned++
		if resp != nil && resp.Answers[a.ID].Answered() {
			answered++
		}
	}
	return answered, assigned
}
