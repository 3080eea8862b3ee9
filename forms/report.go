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
	// Interim holds that round's answers by department and activity.
	Interim        map[int64]map[int64]Answer
	Consolidations map[int64]Consolidation
	GeneratedAt    time.Time
	CompiledBy     string
}

// Answer returns a department's answer about an activity.
func (r *RoundReport) Answer(departmentID, activityID int64) (Answer, bool) {
	resp := r.Responses[departmentID]
	if resp == nil {
		return Answer{}, false
	}
	a, ok := resp.Answers[activityID]
	return a, ok && a.Answered()
}

// Status returns the status of a department's answer about an activity.
func (r *RoundReport) Status(departmentID, activityID int64) (Status, bool) {
	a, ok := r.Answer(departmentID, activityID)
	if !ok {
		return Status{}, false
	}
	return r.Plan.Statuses.ByID(a.StatusID)
}

// InterimAnswer returns what the department answered about the activity in
// the interim round, for annual rounds.
func (r *RoundReport) InterimAnswer(departmentID, activityID int64) (Answer, bool) {
	a, ok := r.Interim[departmentID][activityID]
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

// Tally counts the answers to one activity.
func (r *RoundReport) Tally(a Activity) Tally {
	ids := make([]int64, 0, len(r.Departments))
	for _, d := range r.Departments {
		if !a.AssignedTo(d.ID) {
			continue
		}
		ans, _ := r.Answer(d.ID, a.ID)
		ids = append(ids, ans.StatusID)
	}
	return Count(r.Plan.Statuses, ids)
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

// CarriedOver returns, in plan order, the activities whose consolidated
// status carries over to next year.
func (r *RoundReport) CarriedOver() []Activity {
	var out []Activity
	for _, a := range r.Plan.Activities() {
		if st, ok := r.ConsolidatedStatus(a.ID); ok && st.CarriesOver {
			out = append(out, a)
		}
	}
	return out
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
// answered, and how many it is assigned.
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
