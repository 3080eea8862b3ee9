package web

import (
	"context"
	"strconv"
	"strings"
	"time"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// questionnaire is everything one department's questionnaire page shows.
type questionnaire struct {
	Token      string
	Round      forms.Round
	Plan       *forms.Plan
	Department forms.Department
	Response   *forms.Response
	Areas      []areaView
	Interim    *forms.Round // the interim round shown beside an annual one
	Editable   bool
	Closed     bool // the round is closed or past its deadline
	Loc        *time.Location
	// What the form shows in the closing fields: stored, or as typed.
	GeneralComment string
	GeneralVersion int
	// GeneralConflict is what another editor saved as the general comment
	// while this person edited it.
	GeneralConflict *answerView
	FilledInBy      string
	Errors          []site.FieldError
	FieldErrs       map[string]string // field → translated message
	Conflicts       int
	Notice          string // catalog key of a message shown on top
	NoticeKind      string // "info", "success", "warning", "error"
	Answered        int
	Assigned        int
}

type areaView struct {
	Title      string
	Activities []activityView
}

type activityView struct {
	forms.Activity
	StatusID     int64
	Comment      string
	NeedsSupport bool
	Version      int
	Options      []forms.Status
	Interim      *answerView
	Conflict     *answerView
	Current      *answerView // read-only display of the stored answer
}

type answerView struct {
	Status       forms.Status
	HasStatus    bool
	Comment      string
	NeedsSupport bool
	By           string
	At           time.Time
}

type fieldError struct {
	Field   string
	Label   string
	Message string
}

// loadQuestionnaire builds the page's view from the stored response.
func (s *Server) loadQuestionnaire(ctx context.Context, token string, roundID, departmentID int64) (*questionnaire, error) {
	data, err := s.DB.Questionnaire(ctx, roundID, departmentID)
	if err != nil {
		return nil, err
	}
	round, plan, dep, resp, interimRound, interim := data.Round, data.Plan, data.Department, data.Response, data.InterimRound, data.Interim
	q := &questionnaire{Token: token, Round: round, Plan: plan, Department: dep, Response: resp, Interim: interimRound, Loc: s.Loc,
		GeneralComment: resp.GeneralComment, GeneralVersion: resp.GeneralVersion, FilledInBy: resp.FilledInBy, FieldErrs: map[string]string{}}
	q.Closed = round.AcceptsAnswers(s.Now(), s.Loc) != nil
	q.Editable = !q.Closed && resp.State.Editable()
	for _, ar := range plan.AssignedAreas(departmentID) {
		av := areaView{Title: ar.Title}
		for _, a := range ar.Activities {
			ans := resp.Answers[a.ID]
			v := activityView{Activity: a, StatusID: ans.StatusID, Comment: ans.Comment, NeedsSupport: ans.NeedsSupport, Version: ans.Version, Options: plan.Statuses}
			v.Current = s.answerView(plan.Statuses, ans)
			if ia, ok := interim.AnswerTo(a.ID); ok && ia.Answered() {
				v.Interim = s.answerView(plan.Statuses, ia)
			}
			q.Assigned++
			if ans.Answered() {
				q.Answered++
			}
			av.Activities = append(av.Activities, v)
		}
		q.Areas = append(q.Areas, av)
	}
	return q, nil
}

func (s *Server) answerView(scale forms.Scale, a forms.Answer) *answerView {
	st, ok := scale.ByID(a.StatusID)
	return &answerView{Status: st, HasStatus: ok, Comment: a.Comment, NeedsSupport: a.NeedsSupport, By: a.UpdatedBy, At: a.UpdatedAt}
}

// keepTyped puts what the person sent back into the form where keep says
// it was not saved (a field with an error, a conflict, or nothing saved at
// all), so an error never costs them what they typed; elsewhere the form
// shows what is stored, including a colleague's change the person did not
// touch. An answer that is stored as typed (this
// save wrote it) keeps its stored version, so that changing it again is not
// taken for a conflict; others keep the version the page was based on. Call
// it before markConflicts, which bases conflicting answers on the stored
// version.
func (q *questionnaire) keepTyped(in forms.SaveInput, keep func(field int64) bool) {
	byID := map[int64]forms.AnswerInput{}
	for _, a := range in.Answers {
		byID[a.ActivityID] = a
	}
	for i := range q.Areas {
		for j := range q.Areas[i].Activities {
			v := &q.Areas[i].Activities[j]
			if a, ok := byID[v.ID]; ok && keep(v.ID) {
				stored := v.StatusID == a.StatusID && v.Comment == forms.NormalizeText(a.Comment) && v.NeedsSupport == a.NeedsSupport
				v.StatusID, v.Comment, v.NeedsSupport = a.StatusID, a.Comment, a.NeedsSupport
				if v.Conflict == nil && !stored {
					v.Version = a.BaseVersion
				}
			}
		}
	}
	if in.GeneralComment != nil && keep(fieldGeneral) {
		if forms.NormalizeText(*in.GeneralComment) != q.GeneralComment {
			q.GeneralVersion = in.GeneralBase
		}
		q.GeneralComment = *in.GeneralComment
	}
	if in.FilledInBy != nil && keep(fieldName) {
		q.FilledInBy = *in.FilledInBy
	}
}

// Pseudo activity ids for keepTyped's closing fields.
const (
	fieldGeneral int64 = 0
	fieldName    int64 = -1
)

// fieldActivity returns the activity a form field belongs to, or the
// pseudo id of a closing field.
func fieldActivity(field string) int64 {
	switch field {
	case forms.FieldGeneralComment:
		return fieldGeneral
	case forms.FieldFilledInBy:
		return fieldName
	}
	if i := strings.LastIndexByte(field, '-'); i >= 0 {
		if id, err := strconv.ParseInt(field[i+1:], 10, 64); err == nil {
			return id
		}
	}
	return fieldName - 1
}

// markConflicts shows, beside each conflicting answer, what the other editor
// saved, and bases the form on the stored version, so that saving again
// deliberately keeps the person's own value.
func (q *questionnaire) markConflicts(l *i18n.Localizer, conflicts []forms.Conflict) {
	byID := map[int64]forms.Conflict{}
	for _, c := range conflicts {
		byID[c.ActivityID] = c
	}
	for i := range q.Areas {
		for j := range q.Areas[i].Activities {
			v := &q.Areas[i].Activities[j]
			if c, ok := byID[v.ID]; ok {
				st, has := q.Plan.Statuses.ByID(c.Theirs.StatusID)
				v.Conflict = &answerView{Status: st, HasStatus: has, Comment: c.Theirs.Comment, NeedsSupport: c.Theirs.NeedsSupport, By: c.Theirs.UpdatedBy, At: c.Theirs.UpdatedAt}
				v.Version = c.Theirs.Version
				q.addError(l, forms.StatusField(v.ID), v.Title, "questionnaire.conflict_field")
			}
		}
	}
	if c, ok := byID[0]; ok {
		q.GeneralVersion = c.Theirs.Version
		q.GeneralConflict = &answerView{Comment: c.Theirs.Comment, By: c.Theirs.UpdatedBy, At: c.Theirs.UpdatedAt}
		q.addError(l, forms.FieldGeneralComment, l.T("questionnaire.general_comment"), "questionnaire.conflict_general")
	}
	q.Conflicts = len(conflicts)
}

// addError records a field's error for the summary and beside the field.
func (q *questionnaire) addError(l *i18n.Localizer, field, label, key string) {
	if _, ok := q.FieldErrs[field]; ok {
		return
	}
	q.FieldErrs[field] = l.T(key)
	q.Errors = append(q.Errors, site.FieldError{Field: field, Label: label, Message: l.T(key)})
}

// labelOf names a field for the error summary: the activity's title, or the
// closing field's label.
func (q *questionnaire) labelOf(l *i18n.Localizer, field string) string {
	for _, ar := range q.Areas {
		for _, a := range ar.Activities {
			if field == forms.StatusField(a.ID) || field == forms.CommentField(a.ID) {
				return a.Title
			}
		}
	}
	switch field {
	case forms.FieldGeneralComment:
		return l.T("questionnaire.general_comment")
	case forms.FieldFilledInBy:
		return l.T("questionnaire.filled_in_by")
	}
	return field
}
