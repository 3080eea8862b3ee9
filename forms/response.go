package forms

import "time"

// ResponseState is where a department's response to a round stands.
type ResponseState string

// A response starts unstarted, becomes a draft at the first save, is
// submitted, and may be returned by the office for completion.
const (
	ResponseNotStarted ResponseState = "not_started"
	ResponseDraft      ResponseState = "draft"
	ResponseSubmitted  ResponseState = "submitted"
	ResponseReturned   ResponseState = "returned"
)

// ResponseStates lists the states in the order progress tables show them.
func ResponseStates() []ResponseState {
	return []ResponseState{ResponseNotStarted, ResponseDraft, ResponseReturned, ResponseSubmitted}
}

// Editable reports whether the department may still change its answers.
func (s ResponseState) Editable() bool { return s != ResponseSubmitted }

// Response is one department's answers to one round.
type Response struct {
	ID             int64
	RoundID        int64
	DepartmentID   int64
	State          ResponseState
	Answers        map[int64]Answer // by activity id
	GeneralComment string
	GeneralVersion int
	FilledInBy     string // who is filling it in; becomes SubmittedBy
	SubmittedBy    string
	SubmittedAt    time.Time
	ReturnMessage  string
	ReturnedBy     string
	ReturnedAt     time.Time
	UpdatedAt      time.Time
	// Version grows with every save, so a save can tell whether anything
	// changed since the page was loaded.
	Version int
}

// Answer is a department's answer about one activity.
type Answer struct {
	ActivityID   int64
	StatusID     int64 // 0 when no status is chosen yet
	Comment      string
	NeedsSupport bool
	// Version grows with every change of this answer; saves name the version
	// they were based on so two editors cannot silently overwrite each other.
	Version   int
	UpdatedAt time.Time
	UpdatedBy string
}

// Answered reports whether a status has been chosen.
func (a Answer) Answered() bool { return a.StatusID != 0 }

// SameValue reports whether two answers say the same thing, whatever their
// versions and timestamps.
func (a Answer) SameValue(b Answer) bool {
	return a.StatusID == b.StatusID && a.Comment == b.Comment && a.NeedsSupport == b.NeedsSupport
}

// CountAnswered returns how many of the given activities have a status.
func (r *Response) CountAnswered(activities []Activity) int {
	if r == nil {
		return 0
	}
	n := 0
	for _, a := range activities {
		if r.Answers[a.ID].Answered() {
			n++
		}
	}
	return n
}

// AnswerTo returns the answer about an activity; a nil response has none.
func (r *Response) AnswerTo(activityID int64) (Answer, bool) {
	if r == nil {
		return Answer{}, false
	}
	a, ok := r.Answers[activityID]
	return a, ok
}

// EffectiveState treats a missing response as not started.
func (r *Response) EffectiveState() ResponseState {
	if r == nil || r.State == "" {
		return ResponseNotStarted
	}
	return r.State
}
