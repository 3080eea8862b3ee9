package questionnaire

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/responseview"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// Show, GET /r/:token, renders a department's questionnaire. It changes
// nothing: mail scanners open links before people do. A page already
// rendered for the same state of the response is served again.
func (h *Handlers) Show(c *gin.Context) error {
	roundID, depID, err := h.linkTarget(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	token := c.Param("token")
	l := h.site.Localizer(c)
	notice := ""
	switch {
	case c.Query("sparat") == "1":
		notice = "saved"
	case c.Query("redan") == "1":
		notice = "already"
	}
	stamp, err := h.site.DB.QuestionnaireStamp(ctx, roundID, depID)
	if err != nil {
		return err
	}
	closed := stamp.Closed(h.site.Now(), h.site.Loc)
	key := fmt.Sprintf("%s|%s|offer=%t|%s|closed=%t|notice=%s", token, l.Lang, l.OfferEnglish, stamp.Key, closed, notice)
	if b, ok := h.rendered.get(key); ok {
		site.WriteHTML(c, http.StatusOK, b)
		return nil
	}
	q, err := responseview.Load(ctx, h.site, token, roundID, depID)
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
	b, err := h.pages.Bytes(c, "questionnaire", site.Page{L: l, Title: q.Department.Name + " – " + q.Round.Title, Data: q})
	if err != nil {
		return err
	}
	h.rendered.put(key, b)
	site.WriteHTML(c, http.StatusOK, b)
	return nil
}
