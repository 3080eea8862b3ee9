package i18n

import (
	"sort"
	"strings"

	"followup/forms"
)

// The counting rule of forms/counting.go in the interface's words: every
// count on the office's pages says what it leaves out, in the same terms as
// the reports ("4 av 8 har lämnat in; 2 utkast räknas inte; 2 har inte
// börjat"), in Swedish or English, singular or plural as the numbers ask.

// ResponseCount states a round's response count and the counting rule, as
// forms.ResponseCount.Text does in Swedish.
func ResponseCount(l *Localizer, c forms.ResponseCount) string {
	s := l.N("count.submitted", c.Submitted, c.Submitted, c.Participants)
	s += NotCounted(l, c.Draft, c.Returned)
	if c.NotStarted > 0 {
		s += "; " + l.N("count.not_started", c.NotStarted)
	}
	return s
}

// NotCounted names the uncounted answers a count leaves out, such as
// "; 2 utkast och 1 återsänt svar räknas inte", or "" when there are none;
// forms.NotCountedText is its Swedish original.
func NotCounted(l *Localizer, drafts, returned int) string {
	var parts []string
	if drafts > 0 {
		parts = append(parts, l.N("count.drafts", drafts))
	}
	if returned > 0 {
		parts = append(parts, l.N("count.returned", returned))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, l.T("count.and")) + " " + l.N("count.not_counted", drafts+returned)
}

// Tally is the translated forms.CountsText of one activity, with the
// counting rule in the same words: "7 av 12 Genomfört, 3 Pågår, 2 utan
// inlämnat svar; 1 utkast räknas inte". Status names are the plan's own
// words.
func Tally(l *Localizer, scale forms.Scale, t forms.Tally) string {
	if t.Assigned == 0 {
		return l.T("cons.count_none")
	}
	// Largest count first, ties in scale order, as forms.CountsText.
	order := make([]int, 0, len(t.PerStatus))
	for i, n := range t.PerStatus {
		if n > 0 && i < len(scale) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return t.PerStatus[order[a]] > t.PerStatus[order[b]] })
	var parts []string
	for _, i := range order {
		n := t.PerStatus[i]
		if len(parts) == 0 {
			parts = append(parts, l.T("cons.count_first", n, t.Assigned, scale[i].Name))
		} else {
			parts = append(parts, l.T("cons.count_more", n, scale[i].Name))
		}
	}
	if u := t.Unanswered(); u > 0 {
		if len(parts) == 0 {
			parts = append(parts, l.T("cons.unanswered_first", u, t.Assigned))
		} else {
			parts = append(parts, l.T("cons.unanswered_more", u))
		}
	}
	return strings.Join(parts, ", ") + NotCounted(l, t.Drafts, t.Returned)
}

// EmptyWord names a cell without a status in the reports' words: "Ej
// inlämnad" when nothing about the activity is saved in a response that
// does not count, "Ej besvarad" when a response has no status for it.
func EmptyWord(l *Localizer, c forms.Cell) string {
	if c.Mark == forms.MarkNone && !c.State.Counts() {
		return l.T("answer.not_submitted")
	}
	return l.T("answer.not_answered")
}
