package office

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// The plan page: what the plan holds, for everyone, and for admins the
// forms that change it. Each form posts on its own; a refused post shows
// the whole page again with what was typed and the problems beside the
// fields, and a saved one redirects back to the item it changed.

// planEditorView is the plan page.
type planEditorView struct {
	Plan        *forms.Plan
	Rounds      int
	Activities  int
	Departments []forms.Department // every department, by name
	Names       map[int64]string
	Admin       bool
	Editable    bool // an admin, and the plan is not archived
	Notice      string
	NoticeKind  string
	Errors      dpErrors
	Saved       string // element id of the item just saved
	Open        string // element id of the <details> whose form failed
	Meta        planMetaForm
	NewArea     string
	Areas       []planAreaView
	Scale       []planStatusRow
	ScaleInUse  bool
}

// planAreaView is an area with its forms.
type planAreaView struct {
	ID         int64
	Title      string // as stored
	FormTitle  string // as typed in the rename form
	First      bool
	Last       bool
	Activities []planActivityView
	New        planActivityForm
}

// planActivityView is an activity with its edit form.
type planActivityView struct {
	forms.Activity
	Respondents string // "Alla" or the departments' names
	Form        planActivityForm
	First       bool
	Last        bool
	InUse       bool // answers refer to it: it cannot be deleted
}

// planActivityForm is the add and edit form of an activity, as typed.
type planActivityForm struct {
	Title       string
	Description string
	All         bool
	Depts       map[int64]bool
}

// planStatusRow is one row of the scale form.
type planStatusRow struct {
	Row             int
	ID              int64
	Name            string
	Color           string // the picker's value
	ColorText       string // the text field's value
	ColorWas        string // the stored colour, to tell which field changed
	Done            bool
	CarriesOver     bool
	NotApplicable   bool
	CommentRequired bool
	Order           string
	Remove          bool
	InUse           bool
}

// planSavedTarget is what ?sparat= may name.
var planSavedTarget = regexp.MustCompile(`^(plan|scale|new-area|area-\d+|activity-\d+)$`)

// planSaved redirects to the plan page after a change, to the item saved.
func (h *Handlers) planSaved(c *gin.Context, planID int64, target string) {
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/kontor/planer/%d?sparat=%s#%s", planID, url.QueryEscape(target), target))
}

// loadPlanEditor builds the plan page of the path's plan from what is stored.
func (h *Handlers) loadPlanEditor(c *gin.Context) (*planEditorView, error) {
	id, err := site.ParamID(c, "plan")
	if err != nil {
		return nil, err
	}
	ctx := c.Request.Context()
	plan, err := h.site.DB.Plan(ctx, id)
	if err != nil {
		return nil, err
	}
	deps, err := h.site.DB.Departments(ctx, true)
	if err != nil {
		return nil, err
	}
	acct := site.AccountOf(c)
	v := &planEditorView{Plan: plan, Departments: deps, Names: map[int64]string{}, Admin: acct.IsAdmin()}
	v.Editable = v.Admin && !plan.Archived
	for _, d := range deps {
		v.Names[d.ID] = d.Name
	}
	if summaries, err := h.site.DB.Plans(ctx); err == nil {
		for _, p := range summaries {
			if p.ID == id {
				v.Rounds = p.Rounds
			}
		}
	}
	var actsInUse, statusesInUse map[int64]bool
	if v.Editable {
		if actsInUse, err = h.site.DB.ActivitiesInUse(ctx, id); err != nil {
			return nil, err
		}
		if statusesInUse, err = h.site.DB.StatusesInUse(ctx, id); err != nil {
			return nil, err
		}
	}
	l := h.site.Localizer(c)
	v.Meta = planMetaForm{Organisation: plan.Organisation, Title: plan.Title, Year: strconv.Itoa(plan.Year)}
	for i, ar := range plan.Areas {
		av := planAreaView{ID: ar.ID, Title: ar.Title, FormTitle: ar.Title, First: i == 0, Last: i == len(plan.Areas)-1,
			New: planActivityForm{All: true, Depts: map[int64]bool{}}}
		for j, a := range ar.Activities {
			av.Activities = append(av.Activities, planActivityView{Activity: a, Respondents: planRespondents(l, a, v.Names),
				Form: planActivityFormOf(a), First: j == 0, Last: j == len(ar.Activities)-1, InUse: actsInUse[a.ID]})
			v.Activities++
		}
		v.Areas = append(v.Areas, av)
	}
	for i, st := range plan.Statuses {
		v.Scale = append(v.Scale, planStatusRow{Row: i, ID: st.ID, Name: st.Name, Color: st.Color, ColorText: st.Color, ColorWas: st.Color,
			Done: st.Done, CarriesOver: st.CarriesOver, NotApplicable: st.NotApplicable, CommentRequired: st.CommentRequired,
			Order: strconv.Itoa(i + 1), InUse: statusesInUse[st.ID]})
		v.ScaleInUse = v.ScaleInUse || statusesInUse[st.ID]
	}
	v.Scale = append(v.Scale, planNewStatusRow(len(plan.Statuses)))
	if plan.Archived {
		v.Notice, v.NoticeKind = l.T("plans.archived_notice"), "warning"
	}
	return v, nil
}

// planNewStatusRow is the scale form's blank row for adding a status.
func planNewStatusRow(row int) planStatusRow {
	return planStatusRow{Row: row, Color: "#5d6d7e", Order: strconv.Itoa(row + 1)}
}

// planRespondents says who answers an activity.
func planRespondents(l *i18n.Localizer, a forms.Activity, names map[int64]string) string {
	if a.AllDepartments {
		return l.T("plans.respondents.all")
	}
	list := make([]string, 0, len(a.DepartmentIDs))
	for _, id := range a.DepartmentIDs {
		list = append(list, names[id])
	}
	slices.SortFunc(list, func(x, y string) int { return strings.Compare(strings.ToLower(x), strings.ToLower(y)) })
	return strings.Join(list, "; ")
}

func planActivityFormOf(a forms.Activity) planActivityForm {
	f := planActivityForm{Title: a.Title, Description: a.Description, All: a.AllDepartments, Depts: map[int64]bool{}}
	for _, id := range a.DepartmentIDs {
		f.Depts[id] = true
	}
	return f
}

func (h *Handlers) renderPlanEditor(c *gin.Context, status int, v *planEditorView) error {
	l := h.site.Localizer(c)
	title := l.T("plans.show_title", v.Plan.Title)
	if len(v.Errors.List) > 0 || status >= 400 {
		title = l.T("plans.error_prefix") + title
	}
	return h.pages.Render(c, status, "plan", site.Page{L: l, Title: title, Data: v})
}

// planEditFailed shows the plan page again after a change was refused for
// a reason of the whole plan (archived, in use, changed by someone), or the
// error page for anything else.
func (h *Handlers) planEditFailed(c *gin.Context, v *planEditorView, err error) error {
	l := h.site.Localizer(c)
	switch forms.ErrorCode(err) {
	case forms.ECONFLICT:
		if v.Plan.Archived {
			v.Notice = l.T("plans.archived_notice")
		} else {
			v.Notice = l.T("plans.error.conflict")
		}
		v.NoticeKind = "error"
		return h.renderPlanEditor(c, http.StatusConflict, v)
	}
	return err
}

// planFieldKey adjusts a domain message key to the plan's forms.
func planFieldKey(field, key string) string {
	if key == "error.text_too_long" {
		if field == "description" {
			return "plans.error.description_too_long"
		}
		return "plans.error.title_too_long"
	}
	return key
}

// planActivityFormFrom reads an activity form: respondents is "all" or
// "some", with the chosen departments' ids in dept.
func planActivityFormFrom(v url.Values) (planActivityForm, bool) {
	f := planActivityForm{Title: v.Get("title"), Description: v.Get("description"), All: v.Get("respondents") == "all", Depts: map[int64]bool{}}
	ok := true
	for _, s := range v["dept"] {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			ok = false
			continue
		}
		f.Depts[id] = true
	}
	return f, ok
}

// Validate returns the activity to store, or the fields' problems.
func (f planActivityForm) Validate(wellFormed bool) (forms.Activity, error) {
	a := forms.Activity{Title: f.Title, Description: f.Description, AllDepartments: f.All}
	if !f.All {
		for id := range f.Depts {
			a.DepartmentIDs = append(a.DepartmentIDs, id)
		}
		slices.Sort(a.DepartmentIDs)
	}
	err := forms.ValidateActivity(&a)
	if !wellFormed {
		var fe forms.FieldErrors
		if e, ok := err.(*forms.Error); ok {
			for _, k := range e.Order {
				fe.Add(k, e.Fields[k])
			}
		}
		fe.Add("respondents", "plans.error.unknown_department")
		err = fe.Err("invalid activity")
	}
	return a, err
}

// addActivityErrors shows an activity form's problems; its element ids
// start with prefix.
func (h *Handlers) addActivityErrors(l *i18n.Localizer, e *dpErrors, prefix, name string, err error) bool {
	labels := map[string]string{"title": l.T("plans.field.activity_title"), "description": l.T("plans.field.description"), "respondents": l.T("plans.field.respondents")}
	fe, ok := err.(*forms.Error)
	if !ok || len(fe.Fields) == 0 {
		return false
	}
	for _, f := range fe.Order {
		label := labels[f]
		if name != "" {
			label = name + " – " + label
		}
		e.add(prefix+"-"+f, label, l.T(planFieldKey(f, fe.Fields[f])))
	}
	return true
}
