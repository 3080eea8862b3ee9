package reports

import (
	"strconv"

	"followup/forms"
)

// Words for one department's answer about one activity, which the report,
// the receipt and the workbook share so that each thing has one name
// wherever it appears.

var (
	// wordNotAnswered stands where a submitted response has no status for
	// the activity.
	wordNotAnswered = forms.WordNotAnswered.SV
	// wordNotSubmitted stands where the response is not submitted and the
	// output leaves out answers that do not count.
	wordNotSubmitted = forms.WordNotSubmitted.SV
	// wordNotConsolidated stands where the office has not chosen a
	// consolidated status.
	wordNotConsolidated = forms.WordNotConsolidated.SV
)

// wordNotAssigned marks, in the workbook's grid, an activity the
// department does not answer.
const wordNotAssigned = "–"

// draftWord marks an answer that does not count, by its response's state:
// "utkast" for a draft, "återsänd" for a response returned for completion.
func draftWord(s forms.ResponseState) string { return s.MarkWord().SV }

// draftLabel marks a department's uncounted text, such as a comment:
// "utkast, ej inlämnat".
func draftLabel(s forms.ResponseState) string { return s.UncountedWord().SV }

// answerView is how an output shows one forms.Cell: the words, and the
// status behind them when there is one.
type answerView struct {
	text      string // "Pågår", "Pågår (utkast)", "Ej besvarad", "Ej inlämnad" or "–"
	status    forms.Status
	hasStatus bool
	// marked is set for an answer that does not count, shown because the
	// office asked for drafts.
	marked bool
	// notAssigned is set when the activity does not concern the
	// department.
	notAssigned bool
}

// viewOf names a cell: the status of an answer that counts; the status
// marked "(utkast)" or "(återsänd)" for one that does not; "Ej besvarad"
// when a submitted response has no status for the activity; "Ej
// inlämnad" when the response is not submitted and drafts are left out.
func viewOf(c forms.Cell) answerView {
	switch c.Mark {
	case forms.MarkNotAssigned:
		return answerView{text: wordNotAssigned, notAssigned: true}
	case forms.MarkNone:
		if c.State.Counts() {
			return answerView{text: wordNotAnswered}
		}
		return answerView{text: wordNotSubmitted}
	}
	v := answerView{text: wordNotAnswered, status: c.Status, hasStatus: c.HasStatus, marked: c.Mark == forms.MarkDraft}
	if c.HasStatus {
		v.text = c.Status.Name
	}
	if v.marked {
		v.text += " (" + draftWord(c.State) + ")"
	}
	return v
}

// ownView names a department's own answer, whatever the state of its
// response, as its receipt shows it: the status, or "Ej besvarad".
func ownView(c forms.Cell) answerView {
	if c.Mark == forms.MarkDraft {
		c.Mark = forms.MarkCounted
	}
	if c.Mark == forms.MarkNone {
		return answerView{text: wordNotAnswered}
	}
	return viewOf(c)
}

// answeredWord says how many of its activities a department has answered
// under the counting rule: "4 av 4" when submitted; for a response that
// is not submitted, "–", or with drafts shown "3 av 5 (utkast)". The
// second result is set for the marked form.
func answeredWord(rep *forms.RoundReport, dep forms.Department) (string, bool) {
	answered, assigned := rep.AnsweredOf(dep.ID)
	n := strconv.Itoa(answered) + " av " + strconv.Itoa(assigned)
	state := rep.ResponseState(dep.ID)
	switch {
	case state.Counts():
		return n, false
	case rep.Settings.Drafts && answered > 0:
		return n + " (" + draftWord(state) + ")", true
	}
	return "–", false
}
