package office

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// The plan page's forms of areas and activities (the scale's are in
// office_plans_scale.go). Moving an item up or down is a small form of its
// own, so it works without JavaScript.

// planEditRequest loads the plan page and reads the posted form.
func (h *Handlers) planEditRequest(c *gin.Context) (*planEditorView, url.Values, error) {
	v, err := h.loadPlanEditor(c)
	if err != nil {
		return nil, nil, err
	}
	values, err := site.ParseForm(c)
	return v, values, err
}

// planConflict shows the plan page with a message about a refused change.
func (h *Handlers) planConflict(c *gin.Context, v *planEditorView, err error, key string) error {
	if forms.ErrorCode(err) == forms.ECONFLICT && !v.Plan.Archived {
		v.Notice, v.NoticeKind = h.site.Localizer(c).T(key), "error"
		return h.renderPlanEditor(c, http.StatusConflict, v)
	}
	return h.planEditFailed(c, v, err)
}

// refusePlanForm shows the plan page again, 422, with the form whose
// problems were put beside its fields open.
func (h *Handlers) refusePlanForm(c *gin.Context, v *planEditorView, open string) error {
	v.Open = open
	return h.renderPlanEditor(c, http.StatusUnprocessableEntity, v)
}

// AddArea, POST /kontor/planer/:plan/omraden, adds an area to a plan.
func (h *Handlers) AddArea(c *gin.Context) error {
	v, values, err := h.planEditRequest(c)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	title := values.Get("title")
	id, err := h.site.DB.AddArea(c.Request.Context(), v.Plan.ID, title, site.AccountOf(c).Actor())
	if err != nil {
		v.NewArea = title
		if v.Errors.addAll(l, err, func(string) string { return "new-area-title" }, func(string) string { return l.T("plans.field.new_area") }) {
			return h.refusePlanForm(c, v, "new-area")
		}
		return h.planEditFailed(c, v, err)
	}
	h.planSaved(c, v.Plan.ID, fmt.Sprintf("area-%d", id))
	return nil
}

// planItemEdit is what the forms of an area and of an activity differ in:
// the route parameter, the anchor and the storage calls.
type planItemEdit struct {
	param  string // the route parameter with the item's id
	anchor string // the item's element id, a format of its id
	inUse  string // the catalog key of a refused delete
	move   func(ctx context.Context, planID, id int64, up bool, actor string) error
	// remove deletes the item and returns the element id to show after.
	remove func(ctx context.Context, v *planEditorView, id int64, actor string) (string, error)
	// save stores the posted form; when it refuses it field by field it
	// puts the problems beside the fields and names the form to open.
	save func(c *gin.Context, v *planEditorView, values url.Values, id int64) (open string, err error)
}

// updatePlanItem saves an area or activity (action=save), moves it (up,
// down) or deletes it (delete).
func (h *Handlers) updatePlanItem(c *gin.Context, e planItemEdit) error {
	v, values, err := h.planEditRequest(c)
	if err != nil {
		return err
	}
	id, err := site.ParamID(c, e.param)
	if err != nil {
		return err
	}
	ctx, actor := c.Request.Context(), site.AccountOf(c).Actor()
	target := fmt.Sprintf(e.anchor, id)
	switch values.Get("action") {
	case "up", "down":
		err = e.move(ctx, v.Plan.ID, id, values.Get("action") == "up", actor)
	case "delete":
		var after string
		if after, err = e.remove(ctx, v, id, actor); err == nil {
			target = after
		}
		if forms.ErrorCode(err) == forms.ECONFLICT {
			return h.planConflict(c, v, err, e.inUse)
		}
	case "save", "":
		var open string
		if open, err = e.save(c, v, values, id); open != "" {
			return h.refusePlanForm(c, v, open)
		}
	default:
		err = &forms.Error{Code: forms.EINVALID, Message: "unknown action"}
	}
	if err != nil {
		return h.planEditFailed(c, v, err)
	}
	h.planSaved(c, v.Plan.ID, target)
	return nil
}

// UpdateArea, POST /kontor/planer/:plan/omraden/:area, renames an area
// (action=save), moves it (up, down) or deletes it when it is empty
// (delete).
func (h *Handlers) UpdateArea(c *gin.Context) error {
	return h.updatePlanItem(c, planItemEdit{
		param: "area", anchor: "area-%d", inUse: "plans.error.area_not_empty",
		move: h.site.DB.MoveArea,
		remove: func(ctx context.Context, v *planEditorView, areaID int64, actor string) (string, error) {
			return "areas", h.site.DB.DeleteArea(ctx, v.Plan.ID, areaID, actor)
		},
		save: h.saveArea,
	})
}

// saveArea renames an area; a refused title is shown beside its field.
func (h *Handlers) saveArea(c *gin.Context, v *planEditorView, values url.Values, areaID int64) (string, error) {
	l := h.site.Localizer(c)
	title := values.Get("title")
	err := h.site.DB.UpdateArea(c.Request.Context(), v.Plan.ID, areaID, title, site.AccountOf(c).Actor())
	if forms.ErrorCode(err) != forms.EINVALID {
		return "", err
	}
	for i := range v.Areas {
		if v.Areas[i].ID != areaID {
			continue
		}
		v.Areas[i].FormTitle = title
		id := fmt.Sprintf("area-%d-title", areaID)
		label := l.T("plans.field.area_title_of", v.Areas[i].Title)
		if v.Errors.addAll(l, err, func(string) string { return id }, func(string) string { return label }) {
			return fmt.Sprintf("area-%d-edit", areaID), err
		}
	}
	return "", err
}

// AddActivity, POST /kontor/planer/:plan/omraden/:area/aktiviteter, adds an
// activity to an area.
func (h *Handlers) AddActivity(c *gin.Context) error {
	v, values, err := h.planEditRequest(c)
	if err != nil {
		return err
	}
	areaID, err := site.ParamID(c, "area")
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	f, wellFormed := planActivityFormFrom(values)
	a, err := f.Validate(wellFormed)
	var id int64
	if err == nil {
		id, err = h.site.DB.AddActivity(c.Request.Context(), v.Plan.ID, areaID, a, site.AccountOf(c).Actor())
	}
	if err != nil {
		for i := range v.Areas {
			if v.Areas[i].ID != areaID {
				continue
			}
			v.Areas[i].New = f
			prefix := fmt.Sprintf("new-act-%d", areaID)
			if h.addActivityErrors(l, &v.Errors, prefix, l.T("plans.new_activity_in", v.Areas[i].Title), err) {
				return h.refusePlanForm(c, v, prefix)
			}
		}
		return h.planEditFailed(c, v, err)
	}
	h.planSaved(c, v.Plan.ID, fmt.Sprintf("activity-%d", id))
	return nil
}

// UpdateActivity, POST /kontor/planer/:plan/aktiviteter/:activity, saves an
// activity (action=save), moves it within its area (up, down) or deletes it
// when no answer refers to it (delete).
func (h *Handlers) UpdateActivity(c *gin.Context) error {
	return h.updatePlanItem(c, planItemEdit{
		param: "activity", anchor: "activity-%d", inUse: "plans.error.activity_in_use",
		move: h.site.DB.MoveActivity,
		remove: func(ctx context.Context, v *planEditorView, actID int64, actor string) (string, error) {
			target := fmt.Sprintf("activity-%d", actID)
			if area, found := v.Plan.AreaOf(actID); found {
				target = fmt.Sprintf("area-%d", area.ID)
			}
			return target, h.site.DB.DeleteActivity(ctx, v.Plan.ID, actID, actor)
		},
		save: h.saveActivity,
	})
}

// saveActivity stores an activity's form; its problems are shown beside its
// fields.
func (h *Handlers) saveActivity(c *gin.Context, v *planEditorView, values url.Values, actID int64) (string, error) {
	l := h.site.Localizer(c)
	f, wellFormed := planActivityFormFrom(values)
	a, err := f.Validate(wellFormed)
	if err == nil {
		err = h.site.DB.UpdateActivity(c.Request.Context(), v.Plan.ID, actID, a, site.AccountOf(c).Actor())
	}
	if forms.ErrorCode(err) != forms.EINVALID {
		return "", err
	}
	for i := range v.Areas {
		for j := range v.Areas[i].Activities {
			av := &v.Areas[i].Activities[j]
			if av.ID != actID {
				continue
			}
			av.Form = f
			prefix := fmt.Sprintf("act-%d", actID)
			if h.addActivityErrors(l, &v.Errors, prefix, av.Title, err) {
				return prefix, err
			}
		}
	}
	return "", err
}
