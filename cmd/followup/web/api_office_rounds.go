package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/responseview"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// apiRoundBody is a round in the API; Departments (the participants) only
// in a single round's body.
type apiRoundBody struct {
	ID             int64              `json:"id"`
	PlanID         int64              `json:"plan_id"`
	Kind           string             `json:"kind"`
	Title          string             `json:"title"`
	ReportDate     string             `json:"report_date"`
	Deadline       string             `json:"deadline"`
	State          string             `json:"state"`
	AcceptsAnswers bool               `json:"accepts_answers"`
	Archived       bool               `json:"archived"`
	CreatedAt      time.Time          `json:"created_at,omitzero"`
	OpenedAt       time.Time          `json:"opened_at,omitzero"`
	ClosedAt       time.Time          `json:"closed_at,omitzero"`
	Departments    []apiDepartmentRef `json:"departments,omitempty"`
}

func (s *Server) toAPIRound(r forms.Round) apiRoundBody {
	return apiRoundBody{ID: r.ID, PlanID: r.PlanID, Kind: string(r.Kind), Title: r.Title, ReportDate: apiDate(r.ReportDate),
		Deadline: apiDate(r.Deadline), State: string(r.State), AcceptsAnswers: r.AcceptsAnswers(s.Now(), s.Loc) == nil,
		Archived: r.Archived, CreatedAt: r.CreatedAt, OpenedAt: r.OpenedAt, ClosedAt: r.ClosedAt}
}

// apiRounds lists the rounds of every plan, newest report date first.
func (s *Server) apiRounds(c *gin.Context) error {
	rounds, err := s.DB.Rounds(c.Request.Context())
	if err != nil {
		return err
	}
	out := make([]apiRoundBody, 0, len(rounds))
	for _, r := range rounds {
		out = append(out, s.toAPIRound(r))
	}
	c.JSON(http.StatusOK, gin.H{"rounds": out})
	return nil
}

// apiRound returns a round with the departments taking part.
func (s *Server) apiRound(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	return s.writeAPIRound(c, http.StatusOK, id)
}

func (s *Server) writeAPIRound(c *gin.Context, status int, id int64) error {
	ctx := c.Request.Context()
	r, err := s.DB.Round(ctx, id)
	if err != nil {
		return err
	}
	deps, err := s.DB.Participants(ctx, id)
	if err != nil {
		return err
	}
	b := s.toAPIRound(r)
	b.Departments = make([]apiDepartmentRef, 0, len(deps))
	for _, d := range deps {
		b.Departments = append(b.Departments, apiDepartmentRef{ID: d.ID, Name: d.Name})
	}
	c.JSON(status, b)
	return nil
}

// apiRoundRequest is the body that creates a round.
type apiRoundRequest struct {
	PlanID        int64   `json:"plan_id"`
	Kind          string  `json:"kind"`
	Title         string  `json:"title"`
	ReportDate    string  `json:"report_date"`
	Deadline      string  `json:"deadline"`
	DepartmentIDs []int64 `json:"department_ids"`
}

// apiCreateRound creates a round in the draft state; without
// department_ids every active department takes part.
func (s *Server) apiCreateRound(c *gin.Context) error {
	ctx := c.Request.Context()
	var req apiRoundRequest
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
		if _, err := s.DB.Plan(ctx, in.PlanID); forms.ErrorCode(err) == forms.ENOTFOUND {
			fe.Add("plan_id", "api.error.unknown_plan")
		} else if err != nil {
			return err
		}
	}
	if len(in.DepartmentIDs) > 0 {
		deps, err := s.DB.Departments(ctx, true)
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
	id, err := s.DB.CreateRound(ctx, in, site.AccountOf(c).Actor())
	if err != nil {
		return site.RenameFields(err, map[string]string{"plan": "plan_id"})
	}
	c.JSON(http.StatusCreated, gin.H{"id": id})
	return nil
}

// apiOpenRound opens a round (or reopens a closed one) and returns it.
func (s *Server) apiOpenRound(c *gin.Context) error { return s.apiSetRoundState(c, forms.RoundOpen) }

// apiCloseRound closes an open round and returns it.
func (s *Server) apiCloseRound(c *gin.Context) error { return s.apiSetRoundState(c, forms.RoundClosed) }

func (s *Server) apiSetRoundState(c *gin.Context, state forms.RoundState) error {
	ctx := c.Request.Context()
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	r, err := s.DB.Round(ctx, id)
	if err != nil {
		return err
	}
	if state == forms.RoundClosed && r.State == forms.RoundDraft {
		return site.FieldErr(forms.EINVALID, "state", "api.error.round_not_opened")
	}
	if err := s.DB.SetRoundState(ctx, id, state, site.AccountOf(c).Actor()); err != nil {
		return err
	}
	return s.writeAPIRound(c, http.StatusOK, id)
}

// apiLink is a department's link to its questionnaire.
type apiLink struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Link string `json:"link"`
}

// apiLinks returns every participant's link, creating the missing ones.
func (s *Server) apiLinks(c *gin.Context) error {
	ctx := c.Request.Context()
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	if _, err := s.DB.Round(ctx, id); err != nil {
		return err
	}
	links, err := s.DB.Links(ctx, s.Secret, id)
	if err != nil {
		return err
	}
	out := make([]apiLink, 0, len(links))
	for _, l := range links {
		out = append(out, apiLink{ID: l.Department.ID, Name: l.Department.Name, Link: s.Link(l.Token)})
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"links": out})
	return nil
}

// apiReplaceLink gives a department a new link; the old one stops working.
func (s *Server) apiReplaceLink(c *gin.Context) error {
	ctx := c.Request.Context()
	ids, err := apiParamIDs(c, "round", "dept")
	if err != nil {
		return err
	}
	dep, err := s.DB.Department(ctx, ids[1])
	if err != nil {
		return err
	}
	tok, err := s.DB.ReplaceLink(ctx, s.Secret, ids[0], ids[1], site.AccountOf(c).Actor())
	if err != nil {
		return err
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, apiLink{ID: dep.ID, Name: dep.Name, Link: s.Link(tok)})
	return nil
}

// apiReturned tells when and why the office returned a response.
type apiReturned struct {
	Message    string    `json:"message"`
	ReturnedBy string    `json:"returned_by"`
	ReturnedAt time.Time `json:"returned_at"`
}

func toAPIReturned(r *forms.Response) *apiReturned {
	if r == nil || r.ReturnedAt.IsZero() {
		return nil
	}
	return &apiReturned{Message: r.ReturnMessage, ReturnedBy: r.ReturnedBy, ReturnedAt: r.ReturnedAt}
}

// apiProgressRow is one department's progress in a round.
type apiProgressRow struct {
	ID          int64        `json:"id"`
	Name        string       `json:"name"`
	State       string       `json:"state"`
	Answered    int          `json:"answered"`
	Assigned    int          `json:"assigned"`
	UpdatedAt   time.Time    `json:"updated_at,omitzero"`
	SubmittedBy string       `json:"submitted_by,omitempty"`
	SubmittedAt time.Time    `json:"submitted_at,omitzero"`
	Returned    *apiReturned `json:"returned,omitempty"`
}

// apiProgressBody is a round's progress: how many departments are in each
// state, and each department's row.
type apiProgressBody struct {
	RoundID int64 `json:"round_id"`
	Total   int   `json:"total"`
	Counts  struct {
		NotStarted int `json:"not_started"`
		Draft      int `json:"draft"`
		Returned   int `json:"returned"`
		Submitted  int `json:"submitted"`
	} `json:"counts"`
	Departments []apiProgressRow `json:"departments"`
}

// apiProgress tells how far each department has come, and how many
// departments are in each state.
func (s *Server) apiProgress(c *gin.Context) error {
	rep, err := s.apiRoundReport(c)
	if err != nil {
		return err
	}
	b := apiProgressBody{RoundID: rep.Round.ID, Total: len(rep.Departments), Departments: make([]apiProgressRow, 0, len(rep.Departments))}
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
		row := apiProgressRow{ID: d.ID, Name: d.Name, State: string(st), Answered: answered, Assigned: assigned, Returned: toAPIReturned(resp)}
		if resp != nil {
			row.UpdatedAt, row.SubmittedBy, row.SubmittedAt = resp.UpdatedAt, resp.SubmittedBy, resp.SubmittedAt
		}
		b.Departments = append(b.Departments, row)
	}
	c.JSON(http.StatusOK, b)
	return nil
}

// apiRoundReport loads the report of the :round of the path.
func (s *Server) apiRoundReport(c *gin.Context) (*forms.RoundReport, error) {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return nil, err
	}
	return s.DB.RoundReport(c.Request.Context(), id)
}

// apiResponseBody is one department's response with an answer for every
// activity it is assigned, in plan order (status_id 0: not answered).
type apiResponseBody struct {
	Department     apiDepartmentRef  `json:"department"`
	State          string            `json:"state"`
	Version        int               `json:"version"`
	Answered       int               `json:"answered"`
	Assigned       int               `json:"assigned"`
	FilledInBy     string            `json:"filled_in_by"`
	GeneralComment string            `json:"general_comment"`
	UpdatedAt      time.Time         `json:"updated_at,omitzero"`
	SubmittedBy    string            `json:"submitted_by,omitempty"`
	SubmittedAt    time.Time         `json:"submitted_at,omitzero"`
	Returned       *apiReturned      `json:"returned,omitempty"`
	Answers        []site.AnswerJSON `json:"answers"`
	Events         []apiEvent        `json:"events,omitempty"`
}

// apiEvent is a submission or a return in a response's history.
type apiEvent struct {
	Kind    string    `json:"kind"`
	Actor   string    `json:"actor"`
	Message string    `json:"message,omitempty"`
	At      time.Time `json:"at"`
}

func toAPIResponse(rep *forms.RoundReport, d forms.Department) apiResponseBody {
	resp := rep.Responses[d.ID]
	b := apiResponseBody{Department: apiDepartmentRef{ID: d.ID, Name: d.Name}, State: string(rep.ResponseState(d.ID)),
		Returned: toAPIReturned(resp), Answers: []site.AnswerJSON{}}
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

// apiResponses returns every participant's response, by department name.
func (s *Server) apiResponses(c *gin.Context) error {
	rep, err := s.apiRoundReport(c)
	if err != nil {
		return err
	}
	b := struct {
		RoundID   int64             `json:"round_id"`
		Responses []apiResponseBody `json:"responses"`
	}{RoundID: rep.Round.ID, Responses: make([]apiResponseBody, 0, len(rep.Departments))}
	for _, d := range rep.Departments {
		b.Responses = append(b.Responses, toAPIResponse(rep, d))
	}
	c.JSON(http.StatusOK, b)
	return nil
}

// apiResponse returns one department's response with its history of
// submissions and returns.
func (s *Server) apiResponse(c *gin.Context) error {
	return s.writeAPIResponse(c, http.StatusOK)
}

func (s *Server) writeAPIResponse(c *gin.Context, status int) error {
	ctx := c.Request.Context()
	ids, err := apiParamIDs(c, "round", "dept")
	if err != nil {
		return err
	}
	rep, err := responseview.Report(ctx, s.Site, ids[0], ids[1])
	if err != nil {
		return err
	}
	d := rep.Departments[0]
	b := toAPIResponse(rep, d)
	events, err := s.DB.ResponseEvents(ctx, rep.Round.ID, d.ID)
	if err != nil {
		return err
	}
	for _, e := range events {
		b.Events = append(b.Events, apiEvent{Kind: e.Kind, Actor: e.Actor, Message: e.Message, At: e.At})
	}
	c.JSON(status, b)
	return nil
}

// apiReturnRequest is the body that returns a response for completion.
type apiReturnRequest struct {
	Message string `json:"message"`
}

// apiReturnResponse sends a submitted response back to the department with
// the office's message; any other state is 409.
func (s *Server) apiReturnResponse(c *gin.Context) error {
	ctx := c.Request.Context()
	ids, err := apiParamIDs(c, "round", "dept")
	if err != nil {
		return err
	}
	var req apiReturnRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	cur, err := s.DB.Response(ctx, ids[0], ids[1])
	if err != nil {
		return err
	}
	if cur.EffectiveState() != forms.ResponseSubmitted {
		return site.FieldErr(forms.ECONFLICT, "state", "api.error.not_submitted")
	}
	if err := s.DB.ReturnResponse(ctx, s.Loc, ids[0], ids[1], req.Message, site.AccountOf(c).Actor()); err != nil {
		return err
	}
	return s.writeAPIResponse(c, http.StatusOK)
}
