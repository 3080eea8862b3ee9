package questionnaire

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/responseview"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// Post, POST /r/:token, saves a draft or submits, without JavaScript: on
// success it redirects (post/redirect/get); on any problem it shows the form
// again with everything the person typed and the problem beside its field.
func (h *Handlers) Post(c *gin.Context) error {
	roundID, depID, err := h.linkTarget(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	token := c.Param("token")
	h.auditUnexpected(ctx, roundID, depID, unexpectedFields(c.Request.PostForm))
	q, err := responseview.Load(ctx, h.site, token, roundID, depID)
	if err != nil {
		return err
	}
	var assigned []forms.Activity
	for _, ar := range q.Plan.AssignedAreas(depID) {
		assigned = append(assigned, ar.Activities...)
	}
	// Storage applies the save rule: the valid answers are saved, the
	// invalid ones come back with their messages.
	in := decodeSaveForm(c.Request.PostForm, assigned)
	submit := c.PostForm("action") == "submit"
	// Storage names the person from the form; "länk" only when no name is
	// known at all.
	const actor = storage.Actor("länk")
	if submit {
		_, err = h.site.DB.SubmitResponse(ctx, h.site.Loc, roundID, depID, in, actor)
	} else {
		_, err = h.site.DB.SaveDraft(ctx, h.site.Loc, roundID, depID, in, actor)
	}
	if submit && forms.ErrorCode(err) == forms.ESUBMITTED {
		// A double click, or a second tab: the first submission counts;
		// say so above its receipt rather than show an error page.
		c.Redirect(http.StatusSeeOther, "/r/"+token+"?redan=1#kvitto")
		return nil
	}
	if err == nil {
		if submit {
			c.Redirect(http.StatusSeeOther, "/r/"+token+"#kvitto")
		} else {
			c.Redirect(http.StatusSeeOther, "/r/"+token+"?sparat=1#status")
		}
		return nil
	}

	return h.refused(c, roundID, depID, in, err)
}

// refused shows the questionnaire again after a save that did not store
// everything: from what is stored now, overlaid with what the person typed
// where it was not saved, with the conflicts and the field errors beside
// their fields. A refusal of the whole save (closed, submitted, busy) shows
// the page with its notice; an internal error is the error page.
func (h *Handlers) refused(c *gin.Context, roundID, depID int64, in forms.SaveInput, err error) error {
	if site.Code(err) == forms.EINTERNAL {
		return err
	}
	q, lerr := responseview.Load(c.Request.Context(), h.site, c.Param("token"), roundID, depID)
	if lerr != nil {
		return lerr
	}
	l := h.site.Localizer(c)
	fe := &forms.Error{}
	errors.As(err, &fe)
	code := site.Code(err)
	unsaved := map[int64]bool{}
	for f := range fe.Fields {
		unsaved[fieldActivity(f)] = true
	}
	for _, cf := range fe.Conflicts {
		unsaved[cf.ActivityID] = true
	}
	savedNothing := code != forms.ECONFLICT && code != forms.EINVALID
	keepTyped(q, in, func(id int64) bool { return savedNothing || unsaved[id] })
	status := h.site.Refused(c, err)
	switch code {
	case forms.ECONFLICT:
		markConflicts(q, l, fe.Conflicts)
		q.Notice, q.NoticeKind = "questionnaire.conflict_notice", "warning"
	case forms.EINVALID:
		q.Notice, q.NoticeKind = "questionnaire.invalid_notice", "error"
	default:
		q.Notice, q.NoticeKind = "error.code."+code, "error"
		if code == forms.ECLOSED || code == forms.ESUBMITTED {
			// Show what they typed, read-only, so it can be copied.
			q.Editable = false
		}
	}
	for _, f := range fe.Order {
		q.AddError(l, f, labelOf(q, l, f), fe.Fields[f])
	}
	title := l.T("questionnaire.error_title_prefix") + q.Department.Name + " – " + q.Round.Title
	return h.pages.Render(c, status, "questionnaire", site.Page{L: l, Title: title, Data: q})
}

func nameOr(p *string, fallback string) string {
	if p != nil && *p != "" {
		return *p
	}
	return fallback
}
