package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"followup/forms"
	"followup/storage"
)

// officeResponseView is a department's response as the office sees it: the
// questionnaire's answers read-only, the history of submissions and
// returns, and the form that returns the response for completion.
type officeResponseView struct {
	*questionnaire
	Events         []storage.ResponseEvent
	CanReturn      bool   // the response is submitted and the round open
	ShowReturnForm bool   // CanReturn, or a refused return to show again
	Message        string // the return message as typed
	FormError      string // catalog key of a refusal not tied to the message
	DeadlineWarn   bool   // the deadline has passed: a return cannot be acted on
}

func (s *Server) showResponse(c *gin.Context) {
	s.renderResponse(c, http.StatusOK, "", nil)
}

// renderResponse shows the page; message and formErr come from a refused
// return.
func (s *Server) renderResponse(c *gin.Context, status int, message string, formErr error) {
	roundID, depID, ok := s.roundDeptParams(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	q, err := s.loadQuestionnaire(ctx, "", roundID, depID)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	events, err := s.DB.ResponseEvents(ctx, roundID, depID)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	l := s.localizer(c)
	v := &officeResponseView{questionnaire: q, Events: events, Message: message}
	v.CanReturn = account(c).IsAdmin() && q.Response.State == forms.ResponseSubmitted && q.Round.State == forms.RoundOpen
	v.ShowReturnForm = v.CanReturn || (formErr != nil && account(c).IsAdmin())
	v.DeadlineWarn = q.Round.State == forms.RoundOpen && q.Round.DeadlinePassed(s.Now(), s.Loc)
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
	s.render(c, status, "response_office", page{L: l, Title: title, Data: v, Flash: roundFlash(c)})
}

// returnResponse sends a submitted response back to the department with a
// message; the department sees it on its page and can edit again.
func (s *Server) returnResponse(c *gin.Context) {
	roundID, depID, ok := s.roundDeptParams(c)
	if !ok {
		return
	}
	if err := c.Request.ParseForm(); err != nil {
		s.errorPage(c, bodyError(err))
		return
	}
	ctx := c.Request.Context()
	message := c.PostForm("message")
	// Storage refuses a return the department could not act on (a closed
	// round or a passed deadline).
	err := s.DB.ReturnResponse(ctx, s.Loc, roundID, depID, message, account(c).Actor())
	if err == nil {
		roundRedirect(c, roundPath(roundID)+"/verksamheter/"+strconv.FormatInt(depID, 10), "aterskickad")
		return
	}
	switch code := forms.ErrorCode(err); code {
	case forms.EINVALID, forms.ECONFLICT, forms.ECLOSED:
		st, _ := statusOf(err)
		s.renderResponse(c, st, message, err)
	default:
		s.errorPage(c, err)
	}
}
