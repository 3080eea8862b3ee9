package forms

// An activity that is not finished in its year is carried into next year's
// plan as a new activity that keeps a link to the one it came from, its
// origin. Following origins back, and the activities carried from it
// forward, gives the activity's line across any number of years.

// Origin names the activity a carried activity came from: an activity of
// this installation, or, when an imported plan names one that does not
// exist here, only its year and titles, kept as text.
type Origin struct {
	// ActivityID is the origin in this installation; 0 when the origin is
	// known only as text.
	ActivityID int64
	// PlanID is the plan holding the origin, when ActivityID is set.
	PlanID        int64
	Year          int
	PlanTitle     string
	ActivityTitle string
}

// Known reports whether there is an origin at all: false for an activity
// that is new in its plan.
func (o Origin) Known() bool { return o.ActivityID != 0 || o.Year != 0 }

// Linked reports whether the origin is an activity of this installation, so
// that its history can be shown.
func (o Origin) Linked() bool { return o.ActivityID != 0 }

// Carried reports whether the activity was carried from an earlier plan.
func (a Activity) Carried() bool { return a.Origin.Known() }

// MaxTimesCarried bounds the times carried an imported file may claim: a
// plan carried every year since 2000 stays far below it.
const MaxTimesCarried = 200

// Standing says how an activity stands in its plan, for the marks on the
// plan page.
type Standing string

// The standings, from an activity new this year to one that is done.
const (
	StandingNew      Standing = "new"      // new in its plan
	StandingCarried  Standing = "carried"  // carried from an earlier plan, not done yet
	StandingFinished Standing = "finished" // done in its plan's latest consolidated round
)

// ActivityStanding is an activity's standing with what the plan page says
// beside it. A finished activity that was carried keeps its origin year and
// times carried, so the page can say both.
type ActivityStanding struct {
	Standing     Standing
	OriginYear   int // 0 for an activity new in its plan
	TimesCarried int
}

// StandingOf classifies an activity: finished when done is true (its
// consolidated status in its plan's latest consolidated round is a done
// status), otherwise carried or new by its origin.
func StandingOf(a Activity, done bool) ActivityStanding {
	s := ActivityStanding{Standing: StandingNew, OriginYear: a.Origin.Year, TimesCarried: a.TimesCarried}
	switch {
	case done:
		s.Standing = StandingFinished
	case a.Carried():
		s.Standing = StandingCarried
	}
	return s
}

// PlanStandings classifies every activity of a plan, by id, from the
// consolidations of the plan's latest consolidated round (nil or empty when
// it has none: then nothing is finished).
func PlanStandings(p *Plan, consolidations map[int64]Consolidation) map[int64]ActivityStanding {
	out := map[int64]ActivityStanding{}
	for _, a := range p.Activities() {
		st, ok := p.Statuses.ByID(consolidations[a.ID].StatusID)
		out[a.ID] = StandingOf(a, ok && st.Done)
	}
	return out
}

// Destination is where an activity was carried: the activity made from it
// in a later plan.
type Destination struct {
	Plan          PlanRef
	ActivityID    int64
	ActivityTitle string
}
