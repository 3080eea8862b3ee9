package forms

import (
	"strconv"
	"strings"
)

// Next year's plan is made from this year's: the office is shown a
// proposal, ticks the activities to keep, edits texts, adds areas and
// activities, previews the plan and creates it. The proposal keeps
// everything not done and everything that carries over; done activities
// are shown unticked. Respondents that can no longer answer are flagged,
// never dropped: the office decides.

// ProposalReason says why an activity is ticked in the proposal, or why not.
type ProposalReason string

// The reasons, in the order they are tried.
const (
	ReasonCarriesOver ProposalReason = "carries_over" // its status carries over, or the office marked it continuing
	ReasonDone        ProposalReason = "done"         // done: shown unticked
	ReasonNotRelevant ProposalReason = "not_relevant" // consolidated as not applicable: shown unticked
	ReasonNotDone     ProposalReason = "not_done"     // its consolidated status is not a done one
	ReasonNoStatus    ProposalReason = "no_status"    // it has no consolidated status yet
)

// RespondentProblem says why a respondent of a proposed activity cannot
// answer next year as things stand.
type RespondentProblem string

// The problems; "" means none.
const (
	RespondentInactive RespondentProblem = "inactive" // the department is deactivated
	RespondentGone     RespondentProblem = "gone"     // the department is not in the register
)

// RespondentCheck is one named respondent of a proposed activity, flagged
// when it can no longer answer, so the office can decide what to do.
type RespondentCheck struct {
	DepartmentID int64
	Name         string // "" when the department is gone
	Problem      RespondentProblem
}

// ProposedActivity is one activity of the source plan as the proposal
// shows it.
type ProposedActivity struct {
	Source Activity
	// Status is the consolidated status in the proposal's round, when
	// HasStatus; Narrative is the office's text there.
	Status    Status
	HasStatus bool
	Narrative string
	// Continues and CarryReason are the office's "continues next year".
	Continues   bool
	CarryReason string
	Reason      ProposalReason
	// Keep is the proposal's tick: true for everything but done ones.
	Keep bool
	// Respondents lists the named respondents, flagged; nil when the
	// activity is for every department.
	Respondents []RespondentCheck
	// TimesCarried is what the carried activity will have.
	TimesCarried int
}

// Flagged returns the respondents that can no longer answer.
func (a ProposedActivity) Flagged() []RespondentCheck {
	var out []RespondentCheck
	for _, r := range a.Respondents {
		if r.Problem != "" {
			out = append(out, r)
		}
	}
	return out
}

// ProposedArea is an area of the source plan with its proposed activities.
type ProposedArea struct {
	Title      string
	Activities []ProposedActivity
}

// ProposalWarning is something the office should know before creating the
// plan; the pages have a sentence for each.
type ProposalWarning string

// The warnings.
const (
	WarnNoRound            ProposalWarning = "no_round"         // no follow-up round: nothing is known to be done
	WarnNoAnnualRound      ProposalWarning = "no_annual_round"  // the statuses come from an interim round
	WarnRoundNotClosed     ProposalWarning = "round_not_closed" // the round is not closed: statuses may still change
	WarnNotConsolidated    ProposalWarning = "not_consolidated" // some activities have no consolidated status
	WarnFlaggedRespondents ProposalWarning = "respondents"      // some respondents are deactivated or gone
	WarnYearTaken          ProposalWarning = "year_taken"       // another plan for the year exists
)

// NextPlanProposal is the proposal for next year's plan from a plan.
type NextPlanProposal struct {
	Source Plan
	// Round is the round whose consolidations decided what is done: the
	// latest annual round, else the latest round; nil when there is none.
	Round        *Round
	Year         int
	Title        string
	Organisation string
	Areas        []ProposedArea
	Warnings     []ProposalWarning
	// Existing is the plan already made from Source for Year; 0 when none.
	// Creating another is refused.
	Existing int64
	// SameYear lists other plans of Year, for WarnYearTaken.
	SameYear []int64
}

// Warned reports whether the proposal carries the warning.
func (p *NextPlanProposal) Warned(w ProposalWarning) bool {
	for _, x := range p.Warnings {
		if x == w {
			return true
		}
	}
	return false
}

// ProposalSource is what a proposal is built from: the plan, the round
// ChooseProposalRound picked with its consolidations, every department of
// the register (deactivated ones included), and the plans that already
// exist for the year.
type ProposalSource struct {
	Plan           *Plan
	Round          *Round
	Consolidations map[int64]Consolidation
	Departments    []Department
	// Existing is the plan already made from Plan for the year; 0 when none.
	Existing int64
	// SameYear are the other plans of the year.
	SameYear []int64
}

// ChooseProposalRound picks the round whose consolidations decide what is
// done: the latest annual round that has been opened, else the latest
// opened round of any kind. Archived and draft rounds are left out.
func ChooseProposalRound(rounds []Round) (Round, bool) {
	var best Round
	found := false
	later := func(r Round) bool {
		if !found {
			return true
		}
		if (r.Kind == RoundAnnual) != (best.Kind == RoundAnnual) {
			return r.Kind == RoundAnnual
		}
		if !r.ReportDate.Equal(best.ReportDate) {
			return r.ReportDate.After(best.ReportDate)
		}
		return r.ID > best.ID
	}
	for _, r := range rounds {
		if r.Archived || r.State == RoundDraft || !later(r) {
			continue
		}
		best, found = r, true
	}
	return best, found
}

// NextTitle proposes the next plan's title: the source's with its year
// replaced, or with the year added when it names none.
func NextTitle(title string, from, to int) string {
	old := strconv.Itoa(from)
	if strings.Contains(title, old) {
		return strings.ReplaceAll(title, old, strconv.Itoa(to))
	}
	return strings.TrimSpace(title + " " + strconv.Itoa(to))
}

// ProposeNextPlan builds the proposal for the plan of the given year.
func ProposeNextPlan(src ProposalSource, year int) *NextPlanProposal {
	p := &NextPlanProposal{Source: *src.Plan, Round: src.Round, Year: year,
		Title: NextTitle(src.Plan.Title, src.Plan.Year, year), Organisation: src.Plan.Organisation,
		Existing: src.Existing, SameYear: src.SameYear}
	deps := map[int64]Department{}
	for _, d := range src.Departments {
		deps[d.ID] = d
	}
	unconsolidated, flagged := false, false
	for _, ar := range src.Plan.Areas {
		pa := ProposedArea{Title: ar.Title}
		for _, a := range ar.Activities {
			pr := proposeActivity(src, a, deps)
			unconsolidated = unconsolidated || !pr.HasStatus
			flagged = flagged || len(pr.Flagged()) > 0
			pa.Activities = append(pa.Activities, pr)
		}
		p.Areas = append(p.Areas, pa)
	}
	switch {
	case src.Round == nil:
		p.Warnings = append(p.Warnings, WarnNoRound)
	case src.Round.Kind != RoundAnnual:
		p.Warnings = append(p.Warnings, WarnNoAnnualRound)
	}
	if src.Round != nil && src.Round.State != RoundClosed {
		p.Warnings = append(p.Warnings, WarnRoundNotClosed)
	}
	if src.Round != nil && unconsolidated {
		p.Warnings = append(p.Warnings, WarnNotConsolidated)
	}
	if flagged {
		p.Warnings = append(p.Warnings, WarnFlaggedRespondents)
	}
	if len(src.SameYear) > 0 {
		p.Warnings = append(p.Warnings, WarnYearTaken)
	}
	return p
}

// proposeActivity decides one activity's tick and flags its respondents.
func proposeActivity(src ProposalSource, a Activity, deps map[int64]Department) ProposedActivity {
	c := src.Consolidations[a.ID]
	pr := ProposedActivity{Source: a, Narrative: c.Narrative, Continues: c.Continues, CarryReason: c.CarryReason,
		TimesCarried: a.TimesCarried + 1}
	pr.Status, pr.HasStatus = src.Plan.Statuses.ByID(c.StatusID)
	switch {
	case pr.HasStatus && pr.Status.CarriesOver, c.Continues && !pr.Status.Done:
		pr.Reason = ReasonCarriesOver
	case pr.HasStatus && pr.Status.Done:
		pr.Reason = ReasonDone
	case pr.HasStatus && pr.Status.NotApplicable:
		pr.Reason = ReasonNotRelevant
	case pr.HasStatus:
		pr.Reason = ReasonNotDone
	default:
		pr.Reason = ReasonNoStatus
	}
	pr.Keep = pr.Reason != ReasonDone && pr.Reason != ReasonNotRelevant
	if !a.AllDepartments {
		for _, id := range a.DepartmentIDs {
			d, ok := deps[id]
			rc := RespondentCheck{DepartmentID: id, Name: d.Name}
			switch {
			case !ok:
				rc.Problem = RespondentGone
			case !d.Active:
				rc.Problem = RespondentInactive
			}
			pr.Respondents = append(pr.Respondents, rc)
		}
	}
	return pr
}
