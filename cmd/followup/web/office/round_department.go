package office

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/responseview"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// officeResponseView is a department's response as the office sees it: the
// questionnaire's answers read-only, the history of submissions and
// returns, and the form that returns the response for completion.
type officeResponseView struct {
	*responseview.View
	Events         []storage.ResponseEvent
	CanReturn      bool   // the response is submitted and the round open
	ShowReturnForm bool   // CanReturn, or a refused return to show again
	Message        string // the return message as typed
	FormError      string // catalog key of a refusal not tied to the message
	DeadlineWarn   bool   // the deadline has passed: a return cannot be acted on
}

// Response, GET /kontor/omgangar/:round/verksamheter/:dept, shows a
// department's response, its history, and for admins the form that returns
// it for completion.
func (h *Handlers) Response(c *gin.Context) error {
	return h.renderResponse(c, http.StatusOK, "", nil)
}

// renderResponse shows the page; message and formErr come from a refused
// return.
func (h *Handlers) renderResponse(c *gin.Context, status int, message string, formErr error) error {
	roundID, depID, err := roundDeptParams(c)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	q, err := responseview.Load(ctx, h.site, "", roundID, depID)
	if err != nil {
		return err
	}
	events, err := h.site.DB.ResponseEvents(ctx, roundID, depID)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	v := &officeResponseView{View: q, Events: events, Message: message}
	v.CanReturn = site.AccountOf(c).IsAdmin() && q.Response.State == forms.ResponseSubmitted && q.Round.State == forms.RoundOpen
	v.ShowReturnForm = v.CanReturn || (formErr != nil && site.AccountOf(c).IsAdmin())
	v.DeadlineWarn = q.Round.State == forms.RoundOpen && q.Round.DeadlinePassed(h.site.Now(), h.site.Loc)
	title := q.Department.Name + " – " + q.Round.Title
	if formErr != nil {
		title = l.T("questionnaire.error_title_prefix") + title
		if fe, ok := formErr.(*forms.Error); ok && len(fe.Fields) > 0 {
			v.Errors, v.FieldErrs = roundFormErrors(l, formErr, map[string]string{"message": l.T("rounds.response.return_message")}, nil)
		} else {
			switch forms.ErrorCode(formErr) {
			case forms.ECLOSED:
				v.FormError = "rounds.response.return_closed"
			default:
				v.FormError = "rounds.response.return_not_submitted"
			}
		}
	}
	return h.pages.Render(c, status, "round_department", site.Page{L: l, Title: title, Data: v, Flash: roundFlash(c)})
}

// ReturnResponse, POST /kontor/omgangar/:round/verksamheter/:dept/aterlamna,
// sends a submitted response back to the department with a message; the
// department sees it on its page and can edit again.
func (h *Handlers) ReturnResponse(c *gin.Context) error {
	roundID, depID, err := roundDeptParams(c)
	if err != nil {
		return err
	}
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	ctx := c.Request.Context()
	message := c.PostForm("message")
	// Storage refuses a return the department could not act on (a closed
	// round or a passed deadline).
	err = h.site.DB.ReturnResponse(ctx, h.site.Loc, roundID, depID, message, site.AccountOf(c).Actor())
	if err == nil {
		roundRedirect(c, roundPath(roundID)+"/verksamheter/"+strconv.FormatInt(depID, 10), "aterskickad")
		return nil
	}
	switch forms.ErrorCode(err) {
	case forms.EINVALID, forms.ECONFLICT, forms.ECLOSED:
		return h.renderResponse(c, site.Status(err), message, err)
	}
	return err
}
