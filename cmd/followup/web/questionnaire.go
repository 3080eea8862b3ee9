package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/forms"
	"followup/storage"
)

// linkTarget resolves the :token of the path; an unknown or malformed token
// gets the same 404 page whatever it looks like.
func (s *Server) linkTarget(c *gin.Context) (roundID, departmentID int64, ok bool) {
	roundID, departmentID, err := s.DB.LinkTarget(c.Request.Context(), c.Param("token"))
	if err != nil {
		if forms.ErrorCode(err) != forms.ENOTFOUND {
			s.fail(c, err)
			return 0, 0, false
		}
		s.linkFailures.Add(limitKey(c))
		s.errorPage(c, &forms.Error{Code: forms.ENOTFOUND})
		return 0, 0, false
	}
	return roundID, departmentID, true
}

// showQuestionnaire renders a department's questionnaire. It changes
// nothing: mail scanners open links before people do. A page already
// rendered for the same state of the response is served again.
func (s *Server) showQuestionnaire(c *gin.Context) {
	roundID, depID, ok := s.linkTarget(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	token := c.Param("token")
	l := s.localizer(c)
	notice := ""
	switch {
	case c.Query("sparat") == "1":
		notice = "saved"
	case c.Query("redan") == "1":
		notice = "already"
	}
	stamp, err := s.DB.QuestionnaireStamp(ctx, roundID, depID)
	if err != nil {
		s.fail(c, err)
		return
	}
	closed := stamp.Closed(s.Now(), s.Loc)
	key := fmt.Sprintf("%s|%s|offer=%t|%s|closed=%t|notice=%s", token, l.Lang, l.OfferEnglish, stamp.Key, closed, notice)
	if b, ok := s.rendered.get(key); ok {
		writeHTML(c, http.StatusOK, b)
		return
	}
	q, err := s.loadQuestionnaire(ctx, token, roundID, depID)
	if err != nil {
		s.fail(c, err)
		return
	}
	switch {
	case q.Response.State == forms.ResponseSubmitted && notice == "already":
		q.Notice, q.NoticeKind = "questionnaire.already_submitted_notice", "info"
	case q.Response.State == forms.ResponseSubmitted:
		q.Notice, q.NoticeKind = "questionnaire.submitted_notice", "success"
	case q.Closed:
		q.Notice, q.NoticeKind = "error.code.closed", "warning"
	case notice == "saved":
		q.Notice, q.NoticeKind = "questionnaire.saved_notice", "success"
	}
	b, err := s.renderBytes(c, "questionnaire", page{L: l, Title: q.Department.Name + " – " + q.Round.Title, Data: q})
	if err != nil {
		s.fail(c, err)
		return
	}
	s.rendered.put(key, b)
	writeHTML(c, http.StatusOK, b)
}

// postQuestionnaire saves a draft or submits, without JavaScript: on success
// it redirects (post/redirect/get); on any problem it shows the form again
// with everything the person typed and the problem beside its field.
func (s *Server) postQuestionnaire(c *gin.Context) {
	roundID, depID, ok := s.linkTarget(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	if err := c.Request.ParseForm(); err != nil {
		s.errorPage(c, bodyError(err))
		return
	}
	token := c.Param("token")
	s.auditUnexpected(ctx, roundID, depID, unexpectedFields(c.Request.PostForm))
	q, err := s.loadQuestionnaire(ctx, token, roundID, depID)
	if err != nil {
		s.fail(c, err)
		return
	}
	l := s.localizer(c)
	title := q.Department.Name + " – " + q.Round.Title
	assigned := q.Plan.AssignedAreas(depID)
	var acts []forms.Activity
	assignedSet := map[int64]bool{}
	for _, ar := range assigned {
		for _, a := range ar.Activities {
			acts = append(acts, a)
			assignedSet[a.ID] = true
		}
	}
	in, pre := decodeSaveForm(c.Request.PostForm, acts)
	valid, fieldErrs, order := splitInvalid(in, q.Plan.Statuses, assignedSet, pre)
	submit := c.PostForm("action") == "submit"
	// Storage names the person from the validated form; "länk" only when
	// no name is known at all.
	const actor = storage.Actor("länk")
	if submit && len(fieldErrs) == 0 {
		_, err = s.DB.SubmitResponse(ctx, s.Loc, roundID, depID, valid, actor)
	} else {
		_, err = s.DB.SaveDraft(ctx, s.Loc, roundID, depID, valid, actor)
	}
	if submit && forms.ErrorCode(err) == forms.ESUBMITTED {
		// A double click, or a second tab: the first submission counts;
		// say so above its receipt rather than show an error page.
		c.Redirect(http.StatusSeeOther, "/r/"+token+"?redan=1#kvitto")
		return
	}
	if err == nil && len(fieldErrs) == 0 {
		if submit {
			c.Redirect(http.StatusSeeOther, "/r/"+token+"#kvitto")
		} else {
			c.Redirect(http.StatusSeeOther, "/r/"+token+"?sparat=1#status")
		}
		return
	}

	// Something needs the person's attention: show the form again from
	// what is stored now, overlaid with what they typed.
	if q2, err2 := s.loadQuestionnaire(ctx, token, roundID, depID); err2 == nil {
		q = q2
	}
	status := http.StatusUnprocessableEntity
	var ce *forms.ConflictError
	var fe *forms.Error
	unsaved := map[int64]bool{}
	for f := range fieldErrs {
		unsaved[fieldActivity(f)] = true
	}
	if errors.As(err, &ce) {
		for _, cf := range ce.Conflicts {
			unsaved[cf.ActivityID] = true
		}
	}
	savedNothing := err != nil && ce == nil && forms.ErrorCode(err) != forms.EINVALID
	q.keepTyped(in, func(id int64) bool { return savedNothing || unsaved[id] })
	switch {
	case errors.As(err, &ce):
		status = http.StatusConflict
		q.markConflicts(l, ce.Conflicts)
		q.Notice, q.NoticeKind = "questionnaire.conflict_notice", "warning"
	case err != nil && errors.As(err, &fe) && fe.Code == forms.EINVALID:
		for _, f := range fe.Order {
			q.addError(l, f, q.labelOf(l, f), fe.Fields[f])
		}
		q.Notice, q.NoticeKind = "questionnaire.invalid_notice", "error"
	case err != nil:
		st, key := statusOf(err)
		if st == http.StatusInternalServerError {
			s.fail(c, err)
			return
		}
		status = st
		q.Notice, q.NoticeKind = key, "error"
		if fe != nil && (fe.Code == forms.ECLOSED || fe.Code == forms.ESUBMITTED) {
			// Show what they typed, read-only, so it can be copied.
			q.Editable = false
		}
	default:
		q.Notice, q.NoticeKind = "questionnaire.invalid_notice", "error"
	}
	for _, f := range order {
		q.addError(l, f, q.labelOf(l, f), fieldErrs[f])
	}
	s.render(c, status, "questionnaire", page{L: l, Title: l.T("questionnaire.error_title_prefix") + title, Data: q})
}

func nameOr(p *string, fallback string) string {
	if p != nil && *p != "" {
		return *p
	}
	return fallback
}

// bodyError turns a failure to read the body into the vocabulary: over the
// limit is ETOOLARGE, anything else EINVALID.
func bodyError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &forms.Error{Code: forms.ETOOLARGE, Message: "request body too large"}
	}
	return &forms.Error{Code: forms.EINVALID, Message: "unreadable form"}
}
