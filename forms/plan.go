package forms

import (
	"slices"
	"time"
)

// Plan is a year's action plan (handlingsplan): areas holding the activities
// that departments report on, and the status scale they report with.
type Plan struct {
	ID           int64
	Organisation string
	Title        string
	Year         int
	Statuses     Scale
	Areas        []Area
	Archived     bool
	CreatedAt    time.Time
	// PredecessorID is the plan this one was made from as next year's
	// plan (see NextPlanInput); 0 for plans made otherwise.
	PredecessorID int64
}

// Area is a section of a plan (område), such as "IT-säkerhet".
type Area struct {
	ID         int64
	Position   int
	Title      string
	Activities []Activity
}

// Activity is one item of the plan that departments answer for.
type Activity struct {
	ID          int64
	AreaID      int64
	Position    int
	Title       string
	Description string
	// AllDepartments is true when every department in a round answers it;
	// otherwise only DepartmentIDs do.
	AllDepartments bool
	DepartmentIDs  []int64
	// Origin is the activity this one was carried from; zero for an
	// activity new in its plan.
	Origin Origin
	// TimesCarried is how many year changes the activity has been carried
	// through: 1 + its origin's, 0 for a new one.
	TimesCarried int
}

// AssignedTo reports whether the department answers this activity.
func (a Activity) AssignedTo(departmentID int64) bool {
	return a.AllDepartments || slices.Contains(a.DepartmentIDs, departmentID)
}

// Activities returns every activity of the plan in plan order.
func (p *Plan) Activities() []Activity {
	var out []Activity
	for _, ar := range p.Areas {
		out = append(out, ar.Activities...)
	}
	return out
}

// Activity returns the activity with the given id.
func (p *Plan) Activity(id int64) (Activity, bool) {
	for _, ar := range p.Areas {
		for _, a := range ar.Activities {
			if a.ID == id {
				return a, true
			}
		}
	}
	return Activity{}, false
}

// AreaOf returns the area that holds the activity with the given id.
func (p *Plan) AreaOf(activityID int64) (Area, bool) {
	for _, ar := range p.Areas {
		for _, a := range ar.Activities {
			if a.ID == activityID {
				return ar, true
			}
		}
	}
	return Area{}, false
}

// AssignedAreas returns the plan's areas holding only the activities assigned
// to the department, leaving out areas that would be empty: what that
// department's questionnaire shows.
func (p *Plan) AssignedAreas(departmentID int64) []Area {
	var out []Area
	for _, ar := range p.Areas {
		cp := ar
		cp.Activities = nil
		for _, a := range ar.Activities {
			if a.AssignedTo(departmentID) {
				cp.Activities = append(cp.Activities, a)
			}
		}
		if len(cp.Activities) > 0 {
			out = append(out, cp)
		}
	}
	return out
}

// CountAssigned returns how many activities the department answers.
func (p *Plan) CountAssigned(departmentID int64) int {
	n := 0
	for _, ar := range p.Areas {
		for _, a := range ar.Activities {
			if a.AssignedTo(departmentID) {
				n++
			}
		}
	}
	return n
}
