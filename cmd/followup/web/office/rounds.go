package office

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// Rounds, GET /kontor/omgangar, lists every round with its progress.
func (h *Handlers) Rounds(c *gin.Context) error {
	all, _, err := h.roundSummaries(c)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	return h.pages.Render(c, http.StatusOK, "rounds", site.Page{L: l, Title: l.T("rounds.title"), Data: all})
}

// newRoundView is the form that creates a round, with what was typed.
type newRoundView struct {
	Plans       []storage.PlanSummary
	Departments []participantOption
	PlanID      int64
	Kind        string
	Title       string
	ReportDate  string
	Deadline    string
	Errors      []site.FieldError
	FieldErrs   map[string]string
}

// NewRound, GET /kontor/omgangar/ny, shows the form of a new round.
func (h *Handlers) NewRound(c *gin.Context) error {
	v := &newRoundView{Kind: string(forms.RoundInterim), FieldErrs: map[string]string{}}
	v.PlanID, _ = site.QueryID(c, "plan")
	if err := h.renderNewRound(c, http.StatusOK, v, nil, true); err != nil {
		return err
	}
	return nil
}

// renderNewRound fills in the choices of plans and departments (every
// active department checked when allChecked) and shows the form.
func (h *Handlers) renderNewRound(c *gin.Context, status int, v *newRoundView, checked []int64, allChecked bool) error {
	ctx := c.Request.Context()
	plans, err := h.site.DB.Plans(ctx)
	if err != nil {
		return err
	}
	for _, p := range plans {
		if !p.Archived {
			v.Plans = append(v.Plans, p)
		}
	}
	if v.PlanID == 0 && len(v.Plans) > 0 {
		v.PlanID = v.Plans[0].ID
	}
	deps, err := h.site.DB.Departments(ctx, false)
	if err != nil {
		return err
	}
	if allChecked {
		checked = nil
		for _, d := range deps {
			checked = append(checked, d.ID)
		}
	}
	v.Departments = roundParticipantOptions(deps, checked)
	l := h.site.Localizer(c)
	title := l.T("rounds.new.title")
	if len(v.Errors) > 0 {
		title = l.T("questionnaire.error_title_prefix") + title
	}
	return h.pages.Render(c, status, "round_new", site.Page{L: l, Title: title, Data: v})
}

// CreateRound, POST /kontor/omgangar, creates a round in the draft state,
// or shows the form again with every problem at once.
func (h *Handlers) CreateRound(c *gin.Context) error {
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	ctx := c.Request.Context()
	l := h.site.Localizer(c)
	f := c.Request.PostForm
	v := &newRoundView{Kind: f.Get("kind"), Title: f.Get("title"), ReportDate: f.Get("report_date"), Deadline: f.Get("deadline"), FieldErrs: map[string]string{}}
	v.PlanID, _ = strconv.ParseInt(f.Get("plan"), 10, 64)
	ids, valid := roundParseIDs(f["departments"])
	in := forms.RoundInput{PlanID: v.PlanID, Kind: v.Kind, Title: v.Title, ReportDate: v.ReportDate, Deadline: v.Deadline, DepartmentIDs: ids}

	// Check the form as a whole first, so every problem shows at once.
	check := in
	_, _, _, err := check.Validate()
	fields := map[string]string{}
	var order []string
	if fe, ok := err.(*forms.Error); ok {
		fields, order = fe.Fields, fe.Order
	}
	add := func(f, k string) {
		if _, ok := fields[f]; !ok {
			fields[f] = k
			order = append(order, f)
		}
	}
	switch {
	case !valid:
		add("departments", "error.round_participants_unknown")
	case len(ids) == 0:
		add("departments", "error.round_participants_none")
	}
	var id int64
	if len(order) == 0 {
		id, err = h.site.DB.CreateRound(ctx, in, site.AccountOf(c).Actor())
		switch {
		case err == nil:
			roundRedirect(c, roundPath(id), "skapad")
			return nil
		case forms.ErrorCode(err) == forms.ENOTFOUND:
			add("plan", "error.round_plan")
		case forms.ErrorCode(err) == forms.EINVALID:
			if fe, ok := err.(*forms.Error); ok && len(fe.Fields) > 0 {
				for _, f := range fe.Order {
					add(f, fe.Fields[f])
				}
			} else {
				add("departments", "error.round_participants_unknown")
			}
		default:
			return err
		}
	}
	// Show the fields in the order of the form.
	var sorted []string
	for _, f := range []string{"plan", "kind", "title", "report_date", "deadline", "departments"} {
		if _, ok := fields[f]; ok {
			sorted = append(sorted, f)
		}
	}
	labels := map[string]string{"plan": l.T("rounds.new.plan"), "kind": l.T("rounds.new.kind"), "title": l.T("rounds.new.round_title"),
		"report_date": l.T("rounds.new.report_date"), "deadline": l.T("rounds.new.deadline"), "departments": l.T("rounds.participants.legend")}
	v.Errors, v.FieldErrs = roundFormErrors(l, &forms.Error{Code: forms.EINVALID, Fields: fields, Order: sorted}, labels,
		map[string]string{"kind": "kind-interim", "departments": "departments"})
	if err := h.renderNewRound(c, http.StatusUnprocessableEntity, v, ids, false); err != nil {
		return err
	}
	return nil
}
