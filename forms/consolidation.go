package forms

import (
	"sort"
	"strings"
	"time"
)

// Consolidation is the office's consolidated status and narrative for one
// activity in one round: the text that goes into the follow-up report.
type Consolidation struct {
	RoundID    int64
	ActivityID int64
	StatusID   int64 // 0 when the office has not chosen a status
	Narrative  string
	// IncludeComments decides whether the departments' comments are printed
	// under the activity in the PDF report.
	IncludeComments bool
	// Continues marks an activity not done that goes on in next year's
	// plan whatever its status; CarryReason says why, in a sentence.
	Continues   bool
	CarryReason string
	Author      string
	SavedAt     time.Time
	Version     int
}

// ConsolidationInput is what the office sends to save a consolidation.
type ConsolidationInput struct {
	StatusID        int64
	Narrative       string
	IncludeComments bool
	Continues       bool
	CarryReason     string
	BaseVersion     int
}

// MaxReasonRunes bounds the short reason why an activity continues.
const MaxReasonRunes = 500

// Validate checks the status against the scale and the narrative's text.
func (in *ConsolidationInput) Validate(scale Scale) error {
	var fe FieldErrors
	if in.StatusID != 0 {
		if _, ok := scale.ByID(in.StatusID); !ok {
			fe.Add("status", "error.unknown_status")
		}
	}
	if k := CheckText(in.Narrative, MaxTextRunes); k != "" {
		fe.Add("narrative", k)
	}
	in.Narrative = NormalizeText(in.Narrative)
	if k := CheckText(in.CarryReason, MaxReasonRunes); k != "" {
		fe.Add("carry_reason", k)
	}
	in.CarryReason = NormalizeText(in.CarryReason)
	if st, ok := scale.ByID(in.StatusID); ok && st.Done && in.Continues {
		fe.Add("continues", "error.continues_done")
	}
	return fe.Err("invalid consolidation")
}

// Rule names which branch of the suggestion rule applied; the catalog has a
// sentence for each so the page can show the rule in words.
type Rule string

// The branches of the suggestion rule, in the order they are tried.
const (
	RuleNoAnswers   Rule = "no_answers"   // nobody has answered yet
	RuleAllNA       Rule = "all_na"       // every answer is "not applicable"
	RuleAllDone     Rule = "all_done"     // every applicable answer is done
	RuleNoneStarted Rule = "none_started" // every applicable answer is the first status
	RuleInProgress  Rule = "in_progress"  // anything else
)

// Tally counts the answers to one activity in a round.
type Tally struct {
	Assigned      int   // departments that answer the activity
	Answered      int   // of those, how many have a counted status (not-applicable included)
	NotApplicable int   // counted answers with a not-applicable status
	Done          int   // counted answers with a done status
	PerStatus     []int // counted answers per scale position
	// Drafts and Returned count the assigned departments whose status for
	// the activity waits in a draft or a returned response: shown to the
	// office, never counted.
	Drafts, Returned int
}

// Unanswered is the number of assigned departments without a counted
// status: those that have not submitted, and those whose submitted response
// has no status for the activity.
func (t Tally) Unanswered() int { return t.Assigned - t.Answered }

// Applicable is the number of assigned departments whose answer counts:
// not-applicable answers are left out of rates.
func (t Tally) Applicable() int { return t.Assigned - t.NotApplicable }

// ResponseRate is the share of applicable departments that answered, from 0
// to 1; 0 when no department counts.
func (t Tally) ResponseRate() float64 {
	if t.Applicable() == 0 {
		return 0
	}
	return float64(t.Answered-t.NotApplicable) / float64(t.Applicable())
}

// Count tallies the status ids given, one per assigned department (0 for no
// answer), against the scale.
func Count(scale Scale, statusIDs []int64) Tally {
	t := Tally{Assigned: len(statusIDs), PerStatus: make([]int, len(scale))}
	for _, id := range statusIDs {
		if id == 0 {
			continue
		}
		for i, st := range scale {
			if st.ID != id {
				continue
			}
			t.Answered++
			t.PerStatus[i]++
			if st.NotApplicable {
				t.NotApplicable++
			}
			if st.Done {
				t.Done++
			}
			break
		}
	}
	return t
}

// Suggestion is the status the app proposes for an activity from the
// departments' answers, with the rule that chose it.
type Suggestion struct {
	Status    Status
	HasStatus bool
	Rule      Rule
	Tally     Tally
}

// Suggest applies the consolidation rule to a tally:
//
//   - answers with a not-applicable status are left out;
//   - no answers left: no suggestion;
//   - every answer left is a done status: the scale's done status;
//   - every answer left is the scale's first status: the first status;
//   - otherwise: the scale's in-progress status (see Scale.InProgress).
//
// Departments that have not answered do not move the suggestion; the counts
// shown beside it say how many they are.
func Suggest(scale Scale, t Tally) Suggestion {
	s := Suggestion{Tally: t}
	counted := t.Answered - t.NotApplicable
	switch {
	case t.Answered == 0:
		s.Rule = RuleNoAnswers
	case counted == 0:
		s.Rule = RuleAllNA
	case t.Done == counted:
		s.Rule = RuleAllDone
		s.Status, s.HasStatus = scale.DoneStatus()
	case len(scale) > 0 && t.PerStatus[0] == counted:
		s.Rule = RuleNoneStarted
		s.Status, s.HasStatus = scale.First(), true
	default:
		s.Rule = RuleInProgress
		s.Status, s.HasStatus = scale.InProgress(), true
	}
	return s
}

// CountsText writes a tally the way the office reads it, largest count
// first (ties in scale order), with the counting rule in words, such as
// "7 av 12 Genomfört, 3 Pågår, 2 utan inlämnat svar; 1 utkast räknas inte",
// in Swedish; the HTTP layer has its own translated variant.
func CountsText(scale Scale, t Tally) string {
	order := make([]int, 0, len(t.PerStatus))
	for i, n := range t.PerStatus {
		if n > 0 {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return t.PerStatus[order[a]] > t.PerStatus[order[b]] })
	var parts []string
	for _, i := range order {
		parts = append(parts, itoa(t.PerStatus[i])+" "+scale[i].Name)
	}
	if u := t.Unanswered(); u > 0 {
		parts = append(parts, itoa(u)+" utan inlämnat svar")
	}
	if len(parts) > 0 {
		parts[0] = strings.Replace(parts[0], " ", " av "+itoa(t.Assigned)+" ", 1)
	}
	return strings.Join(parts, ", ") + NotCountedText(t.Drafts, t.Returned)
}

// NotCountedText names, in Swedish, the uncounted answers a count leaves
// out, such as "; 2 utkast och 1 återsänt svar räknas inte", or "" when
// there are none.
func NotCountedText(drafts, returned int) string {
	var parts []string
	if drafts > 0 {
		parts = append(parts, itoa(drafts)+" utkast")
	}
	switch {
	case returned == 1:
		parts = append(parts, "1 återsänt svar")
	case returned > 1:
		parts = append(parts, itoa(returned)+" återsända svar")
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, " och ") + " räknas inte"
}

// Text states a response count and the counting rule in Swedish, such as
// "4 av 8 har lämnat in; 2 utkast räknas inte; 2 har inte börjat".
func (c ResponseCount) Text() string {
	s := itoa(c.Submitted) + " av " + itoa(c.Participants) + " har lämnat in" + NotCountedText(c.Draft, c.Returned)
	if c.NotStarted > 0 {
		s += "; " + itoa(c.NotStarted) + " har inte börjat"
	}
	return s
}
