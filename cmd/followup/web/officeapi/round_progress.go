package officeapi

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// ReturnedJSON tells when and why the office returned a response.
type ReturnedJSON struct {
	Message    string    `json:"message"`
	ReturnedBy string    `json:"returned_by"`
	ReturnedAt time.Time `json:"returned_at"`
}

func returnedJSON(r *forms.Response) *ReturnedJSON {
	if r == nil || r.ReturnedAt.IsZero() {
		return nil
	}
	return &ReturnedJSON{Message: r.ReturnMessage, ReturnedBy: r.ReturnedBy, ReturnedAt: r.ReturnedAt}
}

// ProgressRowJSON is one department's progress in a round.
type ProgressRowJSON struct {
	ID          int64         `json:"id"`
	Name        string        `json:"name"`
	State       string        `json:"state"`
	Answered    int           `json:"answered"`
	Assigned    int           `json:"assigned"`
	UpdatedAt   time.Time     `json:"updated_at,omitzero"`
	SubmittedBy string        `json:"submitted_by,omitempty"`
	SubmittedAt time.Time     `json:"submitted_at,omitzero"`
	Returned    *ReturnedJSON `json:"returned,omitempty"`
}

// ProgressJSON is a round's progress: how many departments are in each
// state, and each department's row.
type ProgressJSON struct {
	RoundID int64 `json:"round_id"`
	Total   int   `json:"total"`
	Counts  struct {
		NotStarted int `json:"not_started"`
		Draft      int `json:"draft"`
		Returned   int `json:"returned"`
		Submitted  int `json:"submitted"`
	} `json:"counts"`
	Departments []ProgressRowJSON `json:"departments"`
}

// Progress, GET /api/v1/rounds/:round/progress, tells how far each
// department has come, and how many departments are in each state.
func (h *Handlers) Progress(c *gin.Context) error {
	rep, err := h.roundReport(c)
	if err != nil {
		return err
	}
	b := ProgressJSON{RoundID: rep.Round.ID, Total: len(rep.Departments), Departments: make([]ProgressRowJSON, 0, len(rep.Departments))}
	for _, d := range rep.Departments {
		resp := rep.Responses[d.ID]
		answered, assigned := rep.AnsweredOf(d.ID)
		st := rep.ResponseState(d.ID)
		switch st {
		case forms.ResponseNotStarted:
			b.Counts.NotStarted++
		case forms.ResponseDraft:
			b.Counts.Draft++
		case forms.ResponseReturned:
			b.Counts.Returned++
		case forms.ResponseSubmitted:
			b.Counts.Submitted++
		}
		row := ProgressRowJSON{ID: d.ID, Name: d.Name, State: string(st), Answered: answered, Assigned: assigned, Returned: returnedJSON(resp)}
		if resp != nil {
			row.UpdatedAt, row.SubmittedBy, row.SubmittedAt = resp.UpdatedAt, resp.SubmittedBy, resp.SubmittedAt
		}
		b.Departments = append(b.Departments, row)
	}
	c.JSON(http.StatusOK, b)
	return nil
}

// roundReport loads the report of the :round of the path.
func (h *Handlers) roundReport(c *gin.Context) (*forms.RoundReport, error) {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return nil, err
	}
	return h.site.DB.RoundReport(c.Request.Context(), id)
}
