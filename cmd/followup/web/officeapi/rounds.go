package officeapi

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// RoundJSON is a round in the API; Departments (the participants) only
// in a single round's body.
type RoundJSON struct {
	ID             int64           `json:"id"`
	PlanID         int64           `json:"plan_id"`
	Kind           string          `json:"kind"`
	Title          string          `json:"title"`
	ReportDate     string          `json:"report_date"`
	Deadline       string          `json:"deadline"`
	State          string          `json:"state"`
	AcceptsAnswers bool            `json:"accepts_answers"`
	Archived       bool            `json:"archived"`
	CreatedAt      time.Time       `json:"created_at,omitzero"`
	OpenedAt       time.Time       `json:"opened_at,omitzero"`
	ClosedAt       time.Time       `json:"closed_at,omitzero"`
	Departments    []DepartmentRef `json:"departments,omitempty"`
}

func (h *Handlers) roundJSON(r forms.Round) RoundJSON {
	return RoundJSON{ID: r.ID, PlanID: r.PlanID, Kind: string(r.Kind), Title: r.Title, ReportDate: date(r.ReportDate),
		Deadline: date(r.Deadline), State: string(r.State), AcceptsAnswers: r.AcceptsAnswers(h.site.Now(), h.site.Loc) == nil,
		Archived: r.Archived, CreatedAt: r.CreatedAt, OpenedAt: r.OpenedAt, ClosedAt: r.ClosedAt}
}

// Rounds, GET /api/v1/rounds, lists the rounds of every plan, newest report
// date first.
func (h *Handlers) Rounds(c *gin.Context) error {
	rounds, err := h.site.DB.Rounds(c.Request.Context())
	if err != nil {
		return err
	}
	out := make([]RoundJSON, 0, len(rounds))
	for _, r := range rounds {
		out = append(out, h.roundJSON(r))
	}
	c.JSON(http.StatusOK, gin.H{"rounds": out})
	return nil
}

// Round, GET /api/v1/rounds/:round, returns a round with the departments
// taking part.
func (h *Handlers) Round(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	return h.writeRound(c, http.StatusOK, id)
}

func (h *Handlers) writeRound(c *gin.Context, status int, id int64) error {
	ctx := c.Request.Context()
	r, err := h.site.DB.Round(ctx, id)
	if err != nil {
		return err
	}
	deps, err := h.site.DB.Participants(ctx, id)
	if err != nil {
		return err
	}
	b := h.roundJSON(r)
	b.Departments = make([]DepartmentRef, 0, len(deps))
	for _, d := range deps {
		b.Departments = append(b.Departments, DepartmentRef{ID: d.ID, Name: d.Name})
	}
	c.JSON(status, b)
	return nil
}

// RoundRequest is the body that creates a round.
type RoundRequest struct {
	PlanID        int64   `json:"plan_id"`
	Kind          string  `json:"kind"`
	Title         string  `json:"title"`
	ReportDate    string  `json:"report_date"`
	Deadline      string  `json:"deadline"`
	DepartmentIDs []int64 `json:"department_ids"`
}

// CreateRound, POST /api/v1/rounds, creates a round in the draft state; without
// department_ids every active department takes part.
func (h *Handlers) CreateRound(c *gin.Context) error {
	ctx := c.Request.Context()
	var req RoundRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	in := forms.RoundInput{PlanID: req.PlanID, Kind: req.Kind, Title: req.Title, ReportDate: req.ReportDate,
		Deadline: req.Deadline, DepartmentIDs: req.DepartmentIDs}
	// Check every field at once: the domain's rules, then the ids.
	var fe forms.FieldErrors
	if _, _, _, err := in.Validate(); err != nil {
		var ve *forms.Error
		if !errors.As(site.RenameFields(err, map[string]string{"plan": "plan_id"}), &ve) {
			return err
		}
		for _, f := range ve.Order {
			fe.Add(f, ve.Fields[f])
		}
	}
	if in.PlanID > 0 {
		if _, err := h.site.DB.Plan(ctx, in.PlanID); forms.ErrorCode(err) == forms.ENOTFOUND {
			fe.Add("plan_id", "api.error.unknown_plan")
		} else if err != nil {
			return err
		}
	}
	if len(in.DepartmentIDs) > 0 {
		deps, err := h.site.DB.Departments(ctx, true)
		if err != nil {
			return err
		}
		known := map[int64]bool{}
		for _, d := range deps {
			known[d.ID] = true
		}
		for _, id := range in.DepartmentIDs {
			if !known[id] {
				fe.Add("department_ids", "api.error.unknown_department")
			}
		}
	}
	if err := fe.Err("invalid round"); err != nil {
		return err
	}
	id, err := h.site.DB.CreateRound(ctx, in, site.AccountOf(c).Actor())
	if err != nil {
		return site.RenameFields(err, map[string]string{"plan": "plan_id"})
	}
	c.JSON(http.StatusCreated, gin.H{"id": id})
	return nil
}

// OpenRound, POST /api/v1/rounds/:round/open, opens a round (or reopens a
// closed one) and returns it.
func (h *Handlers) OpenRound(c *gin.Context) error { return h.setRoundState(c, forms.RoundOpen) }

// CloseRound, POST /api/v1/rounds/:round/close, closes an open round and
// returns it.
func (h *Handlers) CloseRound(c *gin.Context) error { return h.setRoundState(c, forms.RoundClosed) }

func (h *Handlers) setRoundState(c *gin.Context, state forms.RoundState) error {
	ctx := c.Request.Context()
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	r, err := h.site.DB.Round(ctx, id)
	if err != nil {
		return err
	}
	if state == forms.RoundClosed && r.State == forms.RoundDraft {
		return site.FieldErr(forms.EINVALID, "state", "api.error.round_not_opened")
	}
	if err := h.site.DB.SetRoundState(ctx, id, state, site.AccountOf(c).Actor()); err != nil {
		return err
	}
	return h.writeRound(c, http.StatusOK, id)
}
