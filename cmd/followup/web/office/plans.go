package office

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// The office's action plans (handlingsplaner): everyone signed in sees them;
// admins create, edit, import and archive them. Plans are never deleted:
// their rounds and answers are records.

// plansView is the list of plans.
type plansView struct {
	Current  []storage.PlanSummary
	Archived []storage.PlanSummary
	Notice   string // translated
}

// planListFlashes are the list's notices after a change, by query flag.
var planListFlashes = []queryFlash{{Param: "arkiverad", Key: "plans.notice.archived"}}

// Plans, GET /kontor/planer, lists the current and the archived plans.
func (h *Handlers) Plans(c *gin.Context) error {
	plans, err := h.site.DB.Plans(c.Request.Context())
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	v := plansView{Notice: flashNotice(c, l, planListFlashes)}
	v.Archived, v.Current = partition(plans, func(p storage.PlanSummary) bool { return p.Archived })
	return h.pages.Render(c, http.StatusOK, "plans", site.Page{L: l, Title: l.T("plans.title"), Data: v})
}

// planMetaForm is the form of a plan's organisation, title and year, as
// typed.
type planMetaForm struct {
	Organisation string
	Title        string
	Year         string
}

func planMetaFormFrom(v url.Values) planMetaForm {
	return planMetaForm{Organisation: v.Get("organisation"), Title: v.Get("title"), Year: v.Get("year")}
}

// Validate returns the details to store, or the fields' problems.
func (f planMetaForm) Validate() (forms.PlanMeta, error) {
	m := forms.PlanMeta{Organisation: f.Organisation, Title: f.Title}
	year, yerr := strconv.Atoi(strings.TrimSpace(f.Year))
	if yerr == nil {
		m.Year = year
	}
	err := m.Validate()
	if yerr != nil {
		var fe forms.FieldErrors
		if e, ok := err.(*forms.Error); ok {
			for _, k := range e.Order {
				if k != "year" {
					fe.Add(k, e.Fields[k])
				}
			}
		}
		fe.Add("year", "plans.error.year")
		err = fe.Err("invalid plan")
	}
	return m, err
}

// addPlanMetaErrors shows the problems of the details form beside its
// fields, whose element ids start with prefix.
func (h *Handlers) addPlanMetaErrors(l *i18n.Localizer, e *dpErrors, prefix string, err error) bool {
	labels := map[string]string{"organisation": l.T("plans.field.organisation"), "title": l.T("plans.field.title"), "year": l.T("plans.field.year")}
	return e.addAll(l, err, func(f string) string { return prefix + f }, func(f string) string { return labels[f] })
}

// newPlanView is the page that creates a plan.
type newPlanView struct {
	Form   planMetaForm
	Errors dpErrors
}

func (h *Handlers) renderNewPlan(c *gin.Context, status int, v *newPlanView) error {
	l := h.site.Localizer(c)
	title := l.T("plans.new_title")
	if len(v.Errors.List) > 0 {
		title = l.T("plans.error_prefix") + title
	}
	return h.pages.Render(c, status, "plan_new", site.Page{L: l, Title: title, Data: v})
}

// NewPlan, GET /kontor/planer/ny, shows the form of a new plan, filled in
// with a suggestion.
func (h *Handlers) NewPlan(c *gin.Context) error {
	v := &newPlanView{Form: planMetaForm{Year: strconv.Itoa(h.site.Now().In(h.site.Loc).Year())}}
	if plans, err := h.site.DB.Plans(c.Request.Context()); err == nil && len(plans) > 0 {
		v.Form.Organisation = plans[0].Organisation
		v.Form.Year = strconv.Itoa(max(plans[0].Year+1, h.site.Now().In(h.site.Loc).Year()))
	}
	return h.renderNewPlan(c, http.StatusOK, v)
}

// CreatePlan, POST /kontor/planer, creates a plan with the default scale.
func (h *Handlers) CreatePlan(c *gin.Context) error {
	values, err := site.ParseForm(c)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	v := &newPlanView{Form: planMetaFormFrom(values)}
	m, err := v.Form.Validate()
	if err != nil {
		if !h.addPlanMetaErrors(l, &v.Errors, "plan-", err) {
			return err
		}
		return h.renderNewPlan(c, http.StatusUnprocessableEntity, v)
	}
	p := &forms.Plan{Organisation: m.Organisation, Title: m.Title, Year: m.Year, Statuses: forms.DefaultScale()}
	id, err := h.site.DB.CreatePlan(c.Request.Context(), p, site.AccountOf(c).Actor())
	if err != nil {
		return err
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/kontor/planer/%d?skapad=1", id))
	return nil
}

// planFlashes are the page-wide notices after a change, by query flag.
var planFlashes = []queryFlash{
	{Param: "skapad", Key: "plans.notice.created"},
	{Param: "importerad", Key: "plans.notice.imported"},
	{Param: "aterstalld", Key: "plans.notice.restored"},
}

// Plan, GET /kontor/planer/:plan, shows a plan, and for admins the forms
// that change it.
func (h *Handlers) Plan(c *gin.Context) error {
	v, err := h.loadPlanEditor(c)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	if notice := flashNotice(c, l, planFlashes); notice != "" {
		v.Notice, v.NoticeKind = notice, "success"
	}
	if saved := c.Query("sparat"); planSavedTarget.MatchString(saved) {
		v.Saved = saved
	}
	return h.renderPlanEditor(c, http.StatusOK, v)
}

// UpdatePlan, POST /kontor/planer/:plan, saves a plan's organisation,
// title and year.
func (h *Handlers) UpdatePlan(c *gin.Context) error {
	v, values, err := h.planEditRequest(c)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	v.Meta = planMetaFormFrom(values)
	m, err := v.Meta.Validate()
	if err == nil {
		err = h.site.DB.UpdatePlanMeta(c.Request.Context(), v.Plan.ID, m, site.AccountOf(c).Actor())
	}
	if err != nil {
		if h.addPlanMetaErrors(l, &v.Errors, "plan-", err) {
			return h.refusePlanForm(c, v, "plan-details")
		}
		return h.planEditFailed(c, v, err)
	}
	h.planSaved(c, v.Plan.ID, "plan")
	return nil
}

// ArchivePlan, POST /kontor/planer/:plan/arkiv, archives a plan
// (action=archive) or restores it (action=restore).
func (h *Handlers) ArchivePlan(c *gin.Context) error {
	id, err := site.ParamID(c, "plan")
	if err != nil {
		return err
	}
	values, err := site.ParseForm(c)
	if err != nil {
		return err
	}
	var archive bool
	switch values.Get("action") {
	case "archive":
		archive = true
	case "restore":
	default:
		return &forms.Error{Code: forms.EINVALID, Message: "action must be archive or restore"}
	}
	if err := h.site.DB.ArchivePlan(c.Request.Context(), id, archive, site.AccountOf(c).Actor()); err != nil {
		return err
	}
	if archive {
		c.Redirect(http.StatusSeeOther, "/kontor/planer?arkiverad=1")
		return nil
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/kontor/planer/%d?aterstalld=1", id))
	return nil
}

// ExportPlan, GET /kontor/planer/:plan/export.json, sends the plan in the
// JSON exchange format, with the departments named.
func (h *Handlers) ExportPlan(c *gin.Context) error {
	id, err := site.ParamID(c, "plan")
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	plan, err := h.site.DB.Plan(ctx, id)
	if err != nil {
		return err
	}
	deps, err := h.site.DB.Departments(ctx, true)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(forms.NewPlanDocument(plan, deps), "", "  ")
	if err != nil {
		return err
	}
	site.SendFile(c, "application/json; charset=utf-8", fmt.Sprintf("plan-%d-%d.json", plan.ID, plan.Year), append(b, '\n'))
	return nil
}
