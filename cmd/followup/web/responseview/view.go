// Package responseview is one department's response to a round as the
// pages show it: its areas and activities with the stored answers, the
// interim answers beside an annual round's, and the closing fields. The
// department's questionnaire edits it; the office's response page shows it
// read-only. Report gives the same response as the domain's report of the
// round, for a receipt and the office's API.
package responseview

import (
	"context"
	"time"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// View is everything a page about one department's response shows.
type View struct {
	Token      string // the department's link token; "" on the office's pages
	Round      forms.Round
	Plan       *forms.Plan
	Department forms.Department
	Response   *forms.Response
	Areas      []Area
	Interim    *forms.Round // the interim round shown beside an annual one
	Editable   bool
	Closed     bool // the round is closed or past its deadline
	Loc        *time.Location
	// What the form shows in the closing fields: stored, or as typed.
	GeneralComment string
	GeneralVersion int
	// GeneralConflict is what another editor saved as the general comment
	// while this person edited it.
	GeneralConflict *Answer
	FilledInBy      string
	Errors          []site.FieldError
	FieldErrs       map[string]string // field → translated message
	Conflicts       int
	Notice          string // catalog key of a message shown on top
	NoticeKind      string // "info", "success", "warning", "error"
	Answered        int
	Assigned        int
}

// Area is one area of the plan with the activities the department answers.
type Area struct {
	Title      string
	Activities []Activity
}

// Activity is one activity with the answer the form shows.
type Activity struct {
	forms.Activity
	StatusID     int64
	Comment      string
	NeedsSupport bool
	Version      int
	Options      []forms.Status
	Interim      *Answer
	Conflict     *Answer
	Current      *Answer // read-only display of the stored answer
}

// Answer is a stored answer ready to show: its status, words and author.
type Answer struct {
	Status       forms.Status
	HasStatus    bool
	Comment      string
	NeedsSupport bool
	By           string
	At           time.Time
}

// Load builds the view of a department's response from what is stored.
func Load(ctx context.Context, st *site.Site, token string, roundID, departmentID int64) (*View, error) {
	data, err := st.DB.Questionnaire(ctx, roundID, departmentID)
	if err != nil {
		return nil, err
	}
	round, plan, dep, resp, interimRound, interim := data.Round, data.Plan, data.Department, data.Response, data.InterimRound, data.Interim
	v := &View{Token: token, Round: round, Plan: plan, Department: dep, Response: resp, Interim: interimRound, Loc: st.Loc,
		GeneralComment: resp.GeneralComment, GeneralVersion: resp.GeneralVersion, FilledInBy: resp.FilledInBy, FieldErrs: map[string]string{}}
	v.Closed = round.AcceptsAnswers(st.Now(), st.Loc) != nil
	v.Editable = !v.Closed && resp.State.Editable()
	for _, ar := range plan.AssignedAreas(departmentID) {
		av := Area{Title: ar.Title}
		for _, a := range ar.Activities {
			ans := resp.Answers[a.ID]
			act := Activity{Activity: a, StatusID: ans.StatusID, Comment: ans.Comment, NeedsSupport: ans.NeedsSupport, Version: ans.Version, Options: plan.Statuses}
			act.Current = AnswerOf(plan.Statuses, ans)
			if ia, ok := interim.AnswerTo(a.ID); ok && ia.Answered() {
				act.Interim = AnswerOf(plan.Statuses, ia)
			}
			v.Assigned++
			if ans.Answered() {
				v.Answered++
			}
			av.Activities = append(av.Activities, act)
		}
		v.Areas = append(v.Areas, av)
	}
	return v, nil
}

// AnswerOf is a stored answer ready to show, with its status on the scale.
func AnswerOf(scale forms.Scale, a forms.Answer) *Answer {
	st, ok := scale.ByID(a.StatusID)
	return &Answer{Status: st, HasStatus: ok, Comment: a.Comment, NeedsSupport: a.NeedsSupport, By: a.UpdatedBy, At: a.UpdatedAt}
}

// AddError records a field's error for the summary and beside the field;
// key is a catalog key.
func (v *View) AddError(l *i18n.Localizer, field, label, key string) {
	if _, ok := v.FieldErrs[field]; ok {
		return
	}
	v.FieldErrs[field] = l.T(key)
	v.Errors = append(v.Errors, site.FieldError{Field: field, Label: label, Message: l.T(key)})
}

// Report is one department's view of a round as a RoundReport holding
// only that department: what a receipt or a single response needs,
// without reading every answer of the round.
func Report(ctx context.Context, st *site.Site, roundID, departmentID int64) (*forms.RoundReport, error) {
	q, err := st.DB.Questionnaire(ctx, roundID, departmentID)
	if err != nil {
		return nil, err
	}
	d := q.Department
	rep := &forms.RoundReport{Plan: *q.Plan, Round: q.Round, Departments: []forms.Department{d},
		Responses: map[int64]*forms.Response{d.ID: q.Response}, InterimRound: q.InterimRound, GeneratedAt: st.Now()}
	if q.Interim != nil {
		rep.Interim = map[int64]*forms.Response{d.ID: q.Interim}
	}
	return rep, nil
}
