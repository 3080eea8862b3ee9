package web

import (
	"strings"

	"followup/forms"
	"followup/storage"
)

// The counting rule of forms/counting.go in the interface's words: every
// count on the office's pages says what it leaves out, in the same terms as
// the reports ("4 av 8 har lämnat in; 2 utkast räknas inte; 2 har inte
// börjat"), in Swedish or English, singular or plural as the numbers ask.

// responseCountText states a round's response count and the counting rule,
// as forms.ResponseCount.Text does in Swedish.
func responseCountText(l *Localizer, c forms.ResponseCount) string {
	var s string
	if c.Submitted == 1 {
		s = l.T("count.submitted_one", c.Submitted, c.Participants)
	} else {
		s = l.T("count.submitted", c.Submitted, c.Participants)
	}
	s += notCountedText(l, c.Draft, c.Returned)
	switch {
	case c.NotStarted == 1:
		s += "; " + l.T("count.not_started_one", c.NotStarted)
	case c.NotStarted > 1:
		s += "; " + l.T("count.not_started", c.NotStarted)
	}
	return s
}

// notCountedText names the uncounted answers a count leaves out, such as
// "; 2 utkast och 1 återsänt svar räknas inte", or "" when there are none;
// forms.NotCountedText is its Swedish original.
func notCountedText(l *Localizer, drafts, returned int) string {
	var parts []string
	switch {
	case drafts == 1:
		parts = append(parts, l.T("count.drafts_one", drafts))
	case drafts > 1:
		parts = append(parts, l.T("count.drafts", drafts))
	}
	switch {
	case returned == 1:
		parts = append(parts, l.T("count.returned_one", returned))
	case returned > 1:
		parts = append(parts, l.T("count.returned", returned))
	}
	if len(parts) == 0 {
		return ""
	}
	verb := l.T("count.not_counted")
	if drafts+returned == 1 {
		verb = l.T("count.not_counted_one")
	}
	return "; " + strings.Join(parts, l.T("count.and")) + " " + verb
}

// emptyWord names a cell without a status in the reports' words: "Ej
// inlämnad" when nothing about the activity is saved in a response that
// does not count, "Ej besvarad" when a response has no status for it.
func emptyWord(l *Localizer, c forms.Cell) string {
	if c.Mark == forms.MarkNone && !c.State.Counts() {
		return l.T("answer.not_submitted")
	}
	return l.T("answer.not_answered")
}

// progressCount is a round's progress counts as the domain's response count.
func progressCount(n storage.ProgressCounts) forms.ResponseCount {
	return forms.ResponseCount{Participants: n.Participants, Submitted: n.Submitted, Draft: n.Draft, Returned: n.Returned, NotStarted: n.NotStarted}
}
