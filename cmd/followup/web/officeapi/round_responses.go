package officeapi

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/responseview"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// ResponseJSON is one department's response with an answer for every
// activity it is assigned, in plan order (status_id 0: not answered).
type ResponseJSON struct {
	Department     DepartmentRef     `json:"department"`
	State          string            `json:"state"`
	Version        int               `json:"version"`
	Answered       int               `json:"answered"`
	Assigned       int               `json:"assigned"`
	FilledInBy     string            `json:"filled_in_by"`
	GeneralComment string            `json:"general_comment"`
	UpdatedAt      time.Time         `json:"updated_at,omitzero"`
	SubmittedBy    string            `json:"submitted_by,omitempty"`
	SubmittedAt    time.Time         `json:"submitted_at,omitzero"`
	Returned       *ReturnedJSON     `json:"returned,omitempty"`
	Answers        []site.AnswerJSON `json:"answers"`
	Events         []EventJSON       `json:"events,omitempty"`
}

// EventJSON is a submission or a return in a response's history.
type EventJSON struct {
	Kind    string    `json:"kind"`
	Actor   string    `json:"actor"`
	Message string    `json:"message,omitempty"`
	At      time.Time `json:"at"`
}

func responseJSON(rep *forms.RoundReport, d forms.Department) ResponseJSON {
	resp := rep.Responses[d.ID]
	b := ResponseJSON{Department: DepartmentRef{ID: d.ID, Name: d.Name}, State: string(rep.ResponseState(d.ID)),
		Returned: returnedJSON(resp), Answers: []site.AnswerJSON{}}
	b.Answered, b.Assigned = rep.AnsweredOf(d.ID)
	if resp != nil {
		b.Version, b.FilledInBy, b.GeneralComment = resp.Version, resp.FilledInBy, resp.GeneralComment
		b.UpdatedAt, b.SubmittedBy, b.SubmittedAt = resp.UpdatedAt, resp.SubmittedBy, resp.SubmittedAt
	}
	for _, a := range rep.Plan.Activities() {
		if !a.AssignedTo(d.ID) {
			continue
		}
		var ans forms.Answer
		if resp != nil {
			ans = resp.Answers[a.ID]
		}
		ans.ActivityID = a.ID
		out := site.AnswerOf(ans)
		if st, ok := rep.Plan.Statuses.ByID(ans.StatusID); ok {
			out.Status = st.Name
		}
		b.Answers = append(b.Answers, out)
	}
	return b
}

// Responses, GET /api/v1/rounds/:round/responses, returns every
// participant's response, by department name.
func (h *Handlers) Responses(c *gin.Context) error {
	rep, err := h.roundReport(c)
	if err != nil {
		return err
	}
	b := struct {
		RoundID   int64          `json:"round_id"`
		Responses []ResponseJSON `json:"responses"`
	}{RoundID: rep.Round.ID, Responses: make([]ResponseJSON, 0, len(rep.Departments))}
	for _, d := range rep.Departments {
		b.Responses = append(b.Responses, responseJSON(rep, d))
	}
	c.JSON(http.StatusOK, b)
	return nil
}

// Response, GET /api/v1/rounds/:round/responses/:dept, returns one
// department's response with its history of submissions and returns.
func (h *Handlers) Response(c *gin.Context) error {
	return h.writeResponse(c, http.StatusOK)
}

func (h *Handlers) writeResponse(c *gin.Context, status int) error {
	ctx := c.Request.Context()
	ids, err := paramIDs(c, "round", "dept")
	if err != nil {
		return err
	}
	rep, err := responseview.Report(ctx, h.site, ids[0], ids[1])
	if err != nil {
		return err
	}
	d := rep.Departments[0]
	b := responseJSON(rep, d)
	events, err := h.site.DB.ResponseEvents(ctx, rep.Round.ID, d.ID)
	if err != nil {
		return err
	}
	for _, e := range events {
		b.Events = append(b.Events, EventJSON{Kind: e.Kind, Actor: e.Actor, Message: e.Message, At: e.At})
	}
	c.JSON(status, b)
	return nil
}

// ReturnRequest is the body that returns a response for completion.
type ReturnRequest struct {
	Message string `json:"message"`
}

// ReturnResponse, POST /api/v1/rounds/:round/responses/:dept/return, sends a
// submitted response back to the department with the office's message; any
// other state is 409.
func (h *Handlers) ReturnResponse(c *gin.Context) error {
	ctx := c.Request.Context()
	ids, err := paramIDs(c, "round", "dept")
	if err != nil {
		return err
	}
	var req ReturnRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	cur, err := h.site.DB.Response(ctx, ids[0], ids[1])
	if err != nil {
		return err
	}
	if cur.EffectiveState() != forms.ResponseSubmitted {
		return site.FieldErr(forms.ECONFLICT, "state", "api.error.not_submitted")
	}
	if err := h.site.DB.ReturnResponse(ctx, h.site.Loc, ids[0], ids[1], req.Message, site.AccountOf(c).Actor()); err != nil {
		return err
	}
	return h.writeResponse(c, http.StatusOK)
}
