package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
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

func (s *Server) listPlans(c *gin.Context) {
	plans, err := s.DB.Plans(c.Request.Context())
	if err != nil {
		s.errorPage(c, err)
		return
	}
	l := s.localizer(c)
	v := plansView{Notice: flashNotice(c, l, planListFlashes)}
	v.Archived, v.Current = partition(plans, func(p storage.PlanSummary) bool { return p.Archived })
	s.render(c, http.StatusOK, "plans", page{L: l, Title: l.T("plans.title"), Data: v})
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
func (s *Server) addPlanMetaErrors(l *i18n.Localizer, e *dpErrors, prefix string, err error) bool {
	labels := map[string]string{"organisation": l.T("plans.field.organisation"), "title": l.T("plans.field.title"), "year": l.T("plans.field.year")}
	return e.addAll(l, err, func(f string) string { return prefix + f }, func(f string) string { return labels[f] })
}

// newPlanView is the page that creates a plan.
type newPlanView struct {
	Form   planMetaForm
	Errors dpErrors
}

func (s *Server) renderNewPlan(c *gin.Context, status int, v *newPlanView) {
	l := s.localizer(c)
	title := l.T("plans.new_title")
	if len(v.Errors.List) > 0 {
		title = l.T("plans.error_prefix") + title
	}
	s.render(c, status, "plans_new", page{L: l, Title: title, Data: v})
}

func (s *Server) newPlan(c *gin.Context) {
	v := &newPlanView{Form: planMetaForm{Year: strconv.Itoa(s.Now().In(s.Loc).Year())}}
	if plans, err := s.DB.Plans(c.Request.Context()); err == nil && len(plans) > 0 {
		v.Form.Organisation = plans[0].Organisation
		v.Form.Year = strconv.Itoa(max(plans[0].Year+1, s.Now().In(s.Loc).Year()))
	}
	s.renderNewPlan(c, http.StatusOK, v)
}

func (s *Server) createPlan(c *gin.Context) {
	values, err := dpParseForm(c)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	l := s.localizer(c)
	v := &newPlanView{Form: planMetaFormFrom(values)}
	m, err := v.Form.Validate()
	if err != nil {
		if !s.addPlanMetaErrors(l, &v.Errors, "plan-", err) {
			s.errorPage(c, err)
			return
		}
		s.renderNewPlan(c, http.StatusUnprocessableEntity, v)
		return
	}
	p := &forms.Plan{Organisation: m.Organisation, Title: m.Title, Year: m.Year, Statuses: forms.DefaultScale()}
	id, err := s.DB.CreatePlan(c.Request.Context(), p, account(c).Actor())
	if err != nil {
		s.errorPage(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/kontor/planer/%d?skapad=1", id))
}

// planFlashes are the page-wide notices after a change, by query flag.
var planFlashes = []queryFlash{
	{Param: "skapad", Key: "plans.notice.created"},
	{Param: "importerad", Key: "plans.notice.imported"},
	{Param: "aterstalld", Key: "plans.notice.restored"},
}

func (s *Server) showPlan(c *gin.Context) {
	v, ok := s.loadPlanEditor(c)
	if !ok {
		return
	}
	l := s.localizer(c)
	if notice := flashNotice(c, l, planFlashes); notice != "" {
		v.Notice, v.NoticeKind = notice, "success"
	}
	if saved := c.Query("sparat"); planSavedTarget.MatchString(saved) {
		v.Saved = saved
	}
	s.renderPlanEditor(c, http.StatusOK, v)
}

func (s *Server) updatePlan(c *gin.Context) {
	v, values, ok := s.planEditRequest(c)
	if !ok {
		return
	}
	l := s.localizer(c)
	v.Meta = planMetaFormFrom(values)
	m, err := v.Meta.Validate()
	if err == nil {
		err = s.DB.UpdatePlanMeta(c.Request.Context(), v.Plan.ID, m, account(c).Actor())
	}
	if err != nil {
		if s.planFormRefused(c, v, "plan-details", s.addPlanMetaErrors(l, &v.Errors, "plan-", err)) {
			return
		}
		s.planEditFailed(c, v, err)
		return
	}
	s.planSaved(c, v.Plan.ID, "plan")
}

// archivePlan archives a plan (action=archive) or restores it
// (action=restore).
func (s *Server) archivePlan(c *gin.Context) {
	id, ok := dpParamID(c, "plan")
	if !ok {
		s.errorPage(c, notFound)
		return
	}
	values, err := dpParseForm(c)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	var archive bool
	switch values.Get("action") {
	case "archive":
		archive = true
	case "restore":
	default:
		s.errorPage(c, &forms.Error{Code: forms.EINVALID, Message: "action must be archive or restore"})
		return
	}
	if err := s.DB.ArchivePlan(c.Request.Context(), id, archive, account(c).Actor()); err != nil {
		s.errorPage(c, err)
		return
	}
	if archive {
		c.Redirect(http.StatusSeeOther, "/kontor/planer?arkiverad=1")
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/kontor/planer/%d?aterstalld=1", id))
}

// exportPlanJSON sends the plan in the JSON exchange format, with the
// departments named.
func (s *Server) exportPlanJSON(c *gin.Context) {
	id, ok := dpParamID(c, "plan")
	if !ok {
		s.errorPage(c, notFound)
		return
	}
	ctx := c.Request.Context()
	plan, err := s.DB.Plan(ctx, id)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	deps, err := s.DB.Departments(ctx, true)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	b, err := json.MarshalIndent(forms.NewPlanDocument(plan, deps), "", "  ")
	if err != nil {
		s.fail(c, err)
		return
	}
	s.sendFile(c, "application/json; charset=utf-8", fmt.Sprintf("plan-%d-%d.json", plan.ID, plan.Year), append(b, '\n'))
}
