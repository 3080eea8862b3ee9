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

// Post, POST /r/:token, saves a draft or submits, without JavaScript: on success
// it redirects (post/redirect/get); on any problem it shows the form again
// with everything the person typed and the problem beside its field.
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
	l := h.site.Localizer(c)
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
		_, err = h.site.DB.SubmitResponse(ctx, h.site.Loc, roundID, depID, valid, actor)
	} else {
		_, err = h.site.DB.SaveDraft(ctx, h.site.Loc, roundID, depID, valid, actor)
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
	if q2, err2 := responseview.Load(ctx, h.site, token, roundID, depID); err2 == nil {
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
	keepTyped(q, in, func(id int64) bool { return savedNothing || unsaved[id] })
	switch code {
	case forms.ECONFLICT:
		status = http.StatusConflict
		markConflicts(q, l, fe.Conflicts)
		q.Notice, q.NoticeKind = "questionnaire.conflict_notice", "warning"
	case forms.EINVALID:
		for _, f := range fe.Order {
			q.AddError(l, f, labelOf(q, l, f), fe.Fields[f])
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
		q.AddError(l, f, labelOf(q, l, f), fieldErrs[f])
	}
	return h.pages.Render(c, status, "questionnaire", site.Page{L: l, Title: l.T("questionnaire.error_title_prefix") + title, Data: q})
}

func nameOr(p *string, fallback string) string {
	if p != nil && *p != "" {
		return *p
	}
	return fallback
}
