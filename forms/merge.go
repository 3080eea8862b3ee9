package forms

// MergeOutcome says what a save does with one answer.
type MergeOutcome int

// A saved answer is written, left alone, or refused as a conflict.
const (
	MergeWrite    MergeOutcome = iota // the person changed it and nobody else did
	MergeKeep                         // nothing to write: unchanged, or equal already
	MergeConflict                     // someone else changed it and so did the person
)

// Merge decides what to do with an incoming answer given the stored answer
// (current) and the stored answer as it was at the version the person's page
// was based on (base). Edits are merged answer by answer: a person who did
// not touch an answer that someone else changed does not undo that change,
// and a person who did touch it is told instead of overwriting it.
func Merge(current, base Answer, in AnswerInput) MergeOutcome {
	incoming := in.Value()
	if incoming.SameValue(current) {
		return MergeKeep
	}
	if in.BaseVersion == current.Version {
		return MergeWrite
	}
	if incoming.SameValue(base) {
		// Untouched on this page; keep what the other editor saved.
		return MergeKeep
	}
	return MergeConflict
}

// Conflict describes one answer two editors changed at the same time: what
// the person sent, and what is stored now, by whom and at which version.
type Conflict struct {
	ActivityID int64 // 0 for the general comment
	Mine       Answer
	Theirs     Answer
}

// SaveErr is the error of a save that stored only part of what was sent:
// ECONFLICT when answers conflicted, with the conflicts and, if some fields
// were invalid too, their messages; else EINVALID with the messages of the
// invalid fields (see SaveInput.Split); nil when all was saved. It carries
// the response after the save, which holds the rest.
func SaveErr(conflicts []Conflict, invalid error, saved *Response) error {
	var e *Error
	switch {
	case len(conflicts) > 0:
		e = &Error{Code: ECONFLICT, Message: itoa(len(conflicts)) + " answers were changed by someone else", Conflicts: conflicts}
		if fe, ok := invalid.(*Error); ok {
			e.Fields, e.Order = fe.Fields, fe.Order
		}
	case invalid != nil:
		fe, ok := invalid.(*Error)
		if !ok {
			return invalid
		}
		copied := *fe
		e = &copied
	default:
		return nil
	}
	e.Saved = saved
	return e
}
