package forms

import (
	"strconv"
	"strings"
)

// AnswerInput is one activity's answer as sent by the questionnaire, with the
// version of the answer the person's page was showing.
type AnswerInput struct {
	ActivityID   int64
	StatusID     int64
	Comment      string
	NeedsSupport bool
	BaseVersion  int
}

// Value returns the input as an Answer value, for comparisons.
func (in AnswerInput) Value() Answer {
	return Answer{ActivityID: in.ActivityID, StatusID: in.StatusID, Comment: in.Comment, NeedsSupport: in.NeedsSupport}
}

// SaveInput is one save of a questionnaire: the answers it carries (only
// those sent are changed) and, when present, the general comment and the
// name of the person filling it in.
type SaveInput struct {
	Answers        []AnswerInput
	GeneralComment *string
	GeneralBase    int
	FilledInBy     *string
}

// Field names used on the questionnaire; errors and conflicts refer to them
// so the page can put each message next to its field.
func StatusField(activityID int64) string  { return "status-" + strconv.FormatInt(activityID, 10) }
func CommentField(activityID int64) string { return "comment-" + strconv.FormatInt(activityID, 10) }

// Names of the questionnaire's fields that are not per activity.
const (
	FieldGeneralComment = "general_comment"
	FieldFilledInBy     = "filled_in_by"
)

// Split applies the save rule: save the valid answers, show the invalid
// ones with their messages. It checks each field of the save once, on its
// own (the status must be on the scale, the activity assigned to the
// department and sent once, the texts clean and within their limits), and
// returns what can be saved, with its texts normalised, and an EINVALID
// *Error naming the fields of the rest (nil when all is valid). An answer
// with a bad status or comment is left out whole; a bad general comment or
// name is left out on its own. It does not require completeness; see
// ValidateSubmission. The questionnaire's page and JSON API save through
// storage, which applies it in the transaction that saves.
func (in SaveInput) Split(scale Scale, assigned map[int64]bool) (SaveInput, error) {
	var fe FieldErrors
	sent := map[int64]int{}
	for _, a := range in.Answers {
		sent[a.ActivityID]++
	}
	var valid SaveInput
	for _, a := range in.Answers {
		if !assigned[a.ActivityID] || sent[a.ActivityID] > 1 {
			fe.Add(StatusField(a.ActivityID), "error.unknown_activity")
			continue
		}
		bad := false
		if _, ok := scale.ByID(a.StatusID); a.StatusID != 0 && !ok {
			fe.Add(StatusField(a.ActivityID), "error.unknown_status")
			bad = true
		}
		// Normalise first: browsers send line breaks as CRLF, and the limit
		// is on the text as stored.
		a.Comment = NormalizeText(a.Comment)
		if k := CheckText(a.Comment, MaxCommentRunes); k != "" {
			fe.Add(CommentField(a.ActivityID), k)
			bad = true
		}
		if !bad {
			valid.Answers = append(valid.Answers, a)
		}
	}
	if in.GeneralComment != nil {
		s := NormalizeText(*in.GeneralComment)
		if k := CheckText(s, MaxCommentRunes); k != "" {
			fe.Add(FieldGeneralComment, k)
		} else {
			valid.GeneralComment, valid.GeneralBase = &s, in.GeneralBase
		}
	}
	if in.FilledInBy != nil {
		k := CheckText(*in.FilledInBy, MaxNameRunes)
		if k == "" && strings.ContainsAny(*in.FilledInBy, "\n\r") {
			k = "error.text_control"
		}
		if k != "" {
			fe.Add(FieldFilledInBy, k)
		} else {
			s := NormalizeText(*in.FilledInBy)
			valid.FilledInBy = &s
		}
	}
	return valid, fe.Err("invalid answers")
}

// ValidateSubmission checks that a response is complete: every assigned
// activity has a status, a comment is given where the status requires one,
// and the name of the person submitting is filled in.
func ValidateSubmission(plan *Plan, departmentID int64, r *Response) error {
	var fe FieldErrors
	for _, ar := range plan.AssignedAreas(departmentID) {
		for _, act := range ar.Activities {
			ans := r.Answers[act.ID]
			if !ans.Answered() {
				fe.Add(StatusField(act.ID), "error.status_required")
				continue
			}
			st, ok := plan.Statuses.ByID(ans.StatusID)
			if !ok {
				fe.Add(StatusField(act.ID), "error.unknown_status")
				continue
			}
			if st.CommentRequired && strings.TrimSpace(ans.Comment) == "" {
				fe.Add(CommentField(act.ID), "error.comment_required")
			}
		}
	}
	if strings.TrimSpace(r.FilledInBy) == "" {
		fe.Add(FieldFilledInBy, "error.filled_in_by_required")
	}
	return fe.Err("the response is not complete")
}
