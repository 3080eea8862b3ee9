package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/internal/ratelimit"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// errUnknownLink answers every unknown or malformed link alike.
var errUnknownLink = forms.Errorf(forms.ENOTFOUND, "unknown link")

// linkTarget resolves the :token of the path; an unknown or malformed token
// gets the same 404 whatever it looks like, and counts against the
// client's address (see limitLinkGuessing).
func (s *Server) linkTarget(c *gin.Context) (roundID, departmentID int64, err error) {
	roundID, departmentID, err = s.DB.LinkTarget(c.Request.Context(), c.Param("token"))
	if forms.ErrorCode(err) == forms.ENOTFOUND {
		s.linkFailures.Add(ratelimit.AddressKey(c.ClientIP()))
		return 0, 0, errUnknownLink
	}
	return roundID, departmentID, err
}

// showQuestionnaire renders a department's questionnaire. It changes
// nothing: mail scanners open links before people do. A page already
// rendered for the same state of the response is served again.
func (s *Server) showQuestionnaire(c *gin.Context) error {
	roundID, depID, err := s.linkTarget(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	token := c.Param("token")
	l := s.Localizer(c)
	notice := ""
	switch {
	case c.Query("sparat") == "1":
		notice = "saved"
	case c.Query("redan") == "1":
		notice = "already"
	}
	stamp, err := s.DB.QuestionnaireStamp(ctx, roundID, depID)
	if err != nil {
		return err
	}
	closed := stamp.Closed(s.Now(), s.Loc)
	key := fmt.Sprintf("%s|%s|offer=%t|%s|closed=%t|notice=%s", token, l.Lang, l.OfferEnglish, stamp.Key, closed, notice)
	if b, ok := s.rendered.get(key); ok {
		site.WriteHTML(c, http.StatusOK, b)
		return nil
	}
	q, err := s.loadQuestionnaire(ctx, token, roundID, depID)
	if err != nil {
		return err
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
	b, err := s.pages.Bytes(c, "questionnaire", site.Page{L: l, Title: q.Department.Name + " – " + q.Round.Title, Data: q})
	if err != nil {
		return err
	}
	s.rendered.put(key, b)
	site.WriteHTML(c, http.StatusOK, b)
	return nil
}

// postQuestionnaire saves a draft or submits, without JavaScript: on success
// it redirects (post/redirect/get); on any problem it shows the form again
// with everything the person typed and the problem beside its field.
func (s *Server) postQuestionnaire(c *gin.Context) error {
	roundID, depID, err := s.linkTarget(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	token := c.Param("token")
	s.auditUnexpected(ctx, roundID, depID, unexpectedFields(c.Request.PostForm))
	q, err := s.loadQuestionnaire(ctx, token, roundID, depID)
	if err != nil {
		return err
	}
	l := s.Localizer(c)
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
		return nil
	}
	if err == nil && len(fieldErrs) == 0 {
		if submit {
			c.Redirect(http.StatusSeeOther, "/r/"+token+"#kvitto")
		} else {
			c.Redirect(http.StatusSeeOther, "/r/"+token+"?sparat=1#status")
		}
		return nil
	}

	// Something needs the person's attention: show the form again from
	// what is stored now, overlaid with what they typed.
	if q2, err2 := s.loadQuestionnaire(ctx, token, roundID, depID); err2 == nil {
		q = q2
	}
	status := http.StatusUnprocessableEntity
	var fe *forms.Error
	errors.As(err, &fe)
	code := forms.ErrorCode(err)
	unsaved := map[int64]bool{}
	for f := range fieldErrs {
		unsaved[fieldActivity(f)] = true
	}
	if fe != nil {
		for _, cf := range fe.Conflicts {
			unsaved[cf.ActivityID] = true
		}
	}
	savedNothing := err != nil && code != forms.ECONFLICT && code != forms.EINVALID
	q.keepTyped(in, func(id int64) bool { return savedNothing || unsaved[id] })
	switch code {
	case forms.ECONFLICT:
		status = http.StatusConflict
		q.markConflicts(l, fe.Conflicts)
		q.Notice, q.NoticeKind = "questionnaire.conflict_notice", "warning"
	case forms.EINVALID:
		for _, f := range fe.Order {
			q.addError(l, f, q.labelOf(l, f), fe.Fields[f])
		}
		q.Notice, q.NoticeKind = "questionnaire.invalid_notice", "error"
	case "":
		q.Notice, q.NoticeKind = "questionnaire.invalid_notice", "error"
	default:
		// A refusal of the whole save (closed, submitted, busy): the page
		// again with the notice and what was typed; anything else is the
		// error page.
		if site.Code(err) == forms.EINTERNAL {
			return err
		}
		status = site.Status(err)
		q.Notice, q.NoticeKind = "error.code."+site.Code(err), "error"
		if code == forms.ECLOSED || code == forms.ESUBMITTED {
			// Show what they typed, read-only, so it can be copied.
			q.Editable = false
		}
	}
	for _, f := range order {
		q.addError(l, f, q.labelOf(l, f), fieldErrs[f])
	}
	return s.pages.Render(c, status, "questionnaire", site.Page{L: l, Title: l.T("questionnaire.error_title_prefix") + title, Data: q})
}

func nameOr(p *string, fallback string) string {
	if p != nil && *p != "" {
		return *p
	}
	return fallback
}

// limitLinkGuessing answers 429 to a client address that has tried too many
// unknown department links, so tokens cannot be guessed at speed (they are
// 256 bits; this keeps the logs and the database quiet too).
func (s *Server) limitLinkGuessing() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.linkFailures.Exceeded(ratelimit.AddressKey(c.ClientIP())) {
			s.Error(c, forms.Errorf(forms.ERATELIMIT, "too many unknown links"))
			return
		}
		c.Next()
	}
}
