package officeapi

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// PlanSummaryJSON is a plan as listed.
type PlanSummaryJSON struct {
	ID           int64  `json:"id"`
	Organisation string `json:"organisation"`
	Title        string `json:"title"`
	Year         int    `json:"year"`
	Archived     bool   `json:"archived"`
	Activities   int    `json:"activities"`
	Rounds       int    `json:"rounds"`
}

// Plans, GET /api/v1/plans, lists the plans, newest year first.
func (h *Handlers) Plans(c *gin.Context) error {
	plans, err := h.site.DB.Plans(c.Request.Context())
	if err != nil {
		return err
	}
	out := make([]PlanSummaryJSON, 0, len(plans))
	for _, p := range plans {
		out = append(out, PlanSummaryJSON{ID: p.ID, Organisation: p.Organisation, Title: p.Title, Year: p.Year,
			Archived: p.Archived, Activities: p.Activities, Rounds: p.Rounds})
	}
	c.JSON(http.StatusOK, gin.H{"plans": out})
	return nil
}

// PlanJSON is a plan with its scale, areas and activities.
type PlanJSON struct {
	ID           int64             `json:"id"`
	Organisation string            `json:"organisation"`
	Title        string            `json:"title"`
	Year         int               `json:"year"`
	Archived     bool              `json:"archived"`
	CreatedAt    time.Time         `json:"created_at,omitzero"`
	Statuses     []site.StatusJSON `json:"statuses"`
	Areas        []PlanAreaJSON    `json:"areas"`
}

// PlanAreaJSON is an area of a plan with its activities.
type PlanAreaJSON struct {
	ID         int64              `json:"id"`
	Title      string             `json:"title"`
	Activities []PlanActivityJSON `json:"activities"`
}

// PlanActivityJSON is an activity of a plan and who answers it.
type PlanActivityJSON struct {
	ID             int64   `json:"id"`
	Title          string  `json:"title"`
	Description    string  `json:"description"`
	AllDepartments bool    `json:"all_departments"`
	DepartmentIDs  []int64 `json:"department_ids"`
}

func planJSON(p *forms.Plan) PlanJSON {
	b := PlanJSON{ID: p.ID, Organisation: p.Organisation, Title: p.Title, Year: p.Year, Archived: p.Archived,
		CreatedAt: p.CreatedAt, Statuses: []site.StatusJSON{}, Areas: []PlanAreaJSON{}}
	for _, st := range p.Statuses {
		b.Statuses = append(b.Statuses, site.StatusOf(st))
	}
	for _, ar := range p.Areas {
		a := PlanAreaJSON{ID: ar.ID, Title: ar.Title, Activities: []PlanActivityJSON{}}
		for _, act := range ar.Activities {
			ids := act.DepartmentIDs
			if ids == nil {
				ids = []int64{}
			}
			a.Activities = append(a.Activities, PlanActivityJSON{ID: act.ID, Title: act.Title, Description: act.Description,
				AllDepartments: act.AllDepartments, DepartmentIDs: ids})
		}
		b.Areas = append(b.Areas, a)
	}
	return b
}

// Plan, GET /api/v1/plans/:plan, returns one plan.
func (h *Handlers) Plan(c *gin.Context) error {
	id, err := site.ParamID(c, "plan")
	if err != nil {
		return err
	}
	p, err := h.site.DB.Plan(c.Request.Context(), id)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, planJSON(p))
	return nil
}

// ImportPlan, POST /api/v1/plans, creates a plan from a document in the plan
// exchange format (forms.PlanDocument). Any problem refuses the whole plan;
// each is named by its place in the document.
func (h *Handlers) ImportPlan(c *gin.Context) error {
	ctx := c.Request.Context()
	doc, err := forms.DecodePlanDocument(c.Request.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			err = site.BodyError(err)
		}
		return planError(err)
	}
	deps, err := h.site.DB.Departments(ctx, true)
	if err != nil {
		return err
	}
	plan, err := doc.ToPlan(deps)
	if err != nil {
		return planError(err)
	}
	id, err := h.site.DB.CreatePlan(ctx, plan, site.AccountOf(c).Actor())
	if err != nil {
		return err
	}
	c.JSON(http.StatusCreated, gin.H{"id": id})
	return nil
}

// planPath matches the field paths the plan's validation names, such as
// areas[1].activities[0].respondents.
var planPath = regexp.MustCompile(`^[a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*$`)

// planError turns the plan document's problems, one per line as
// "path: problem", into fields; problems without a path (malformed JSON,
// with its line and column) go under "body". The problems are the domain's
// own English sentences: they name departments and titles from the
// document, which the catalog cannot hold.
func planError(err error) error {
	var fe *forms.Error
	if !errors.As(err, &fe) || fe.Code != forms.EINVALID || len(fe.Fields) > 0 {
		return err
	}
	out := &forms.Error{Code: forms.EINVALID, Message: fe.Message, Fields: map[string]string{}}
	for _, line := range strings.Split(fe.Message, "\n") {
		if line == "" {
			continue
		}
		field, problem := "body", line
		if p, rest, ok := strings.Cut(line, ": "); ok && planPath.MatchString(p) {
			field, problem = p, rest
		}
		if prev, ok := out.Fields[field]; ok {
			out.Fields[field] = prev + "; " + problem
			continue
		}
		out.Fields[field] = problem
		out.Order = append(out.Order, field)
	}
	return out
}
