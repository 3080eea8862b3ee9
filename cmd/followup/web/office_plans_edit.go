package web

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// The plan page's forms: areas, activities and the status scale. Moving an
// item up or down is a small form of its own, so it works without
// JavaScript.

// planEditRequest loads the plan page and reads the posted form.
func (s *Server) planEditRequest(c *gin.Context) (*planEditorView, url.Values, bool) {
	v, ok := s.loadPlanEditor(c)
	if !ok {
		return nil, nil, false
	}
	values, err := dpParseForm(c)
	if err != nil {
		s.errorPage(c, err)
		return nil, nil, false
	}
	return v, values, true
}

// planConflict shows the plan page with a message about a refused change.
func (s *Server) planConflict(c *gin.Context, v *planEditorView, err error, key string) {
	if forms.ErrorCode(err) == forms.ECONFLICT && !v.Plan.Archived {
		v.Notice, v.NoticeKind = s.localizer(c).T(key), "error"
		s.renderPlanEditor(c, http.StatusConflict, v)
		return
	}
	s.planEditFailed(c, v, err)
}

func (s *Server) addArea(c *gin.Context) {
	v, values, ok := s.planEditRequest(c)
	if !ok {
		return
	}
	l := s.localizer(c)
	title := values.Get("title")
	id, err := s.DB.AddArea(c.Request.Context(), v.Plan.ID, title, account(c).Actor())
	if err != nil {
		v.NewArea = title
		if v.Errors.addAll(l, err, func(string) string { return "new-area-title" }, func(string) string { return l.T("plans.field.new_area") }) {
			v.Open = "new-area"
			s.renderPlanEditor(c, http.StatusUnprocessableEntity, v)
			return
		}
		s.planEditFailed(c, v, err)
		return
	}
	s.planSaved(c, v.Plan.ID, fmt.Sprintf("area-%d", id))
}

// updateArea renames an area (action=save), moves it (up, down) or deletes
// it when it is empty (delete).
func (s *Server) updateArea(c *gin.Context) {
	v, values, ok := s.planEditRequest(c)
	if !ok {
		return
	}
	areaID, ok := dpParamID(c, "area")
	if !ok {
		s.errorPage(c, notFound)
		return
	}
	ctx, actor, l := c.Request.Context(), account(c).Actor(), s.localizer(c)
	target := fmt.Sprintf("area-%d", areaID)
	var err error
	switch values.Get("action") {
	case "up", "down":
		err = s.DB.MoveArea(ctx, v.Plan.ID, areaID, values.Get("action") == "up", actor)
	case "delete":
		if err = s.DB.DeleteArea(ctx, v.Plan.ID, areaID, actor); err == nil {
			target = "areas"
		}
		if forms.ErrorCode(err) == forms.ECONFLICT {
			s.planConflict(c, v, err, "plans.error.area_not_empty")
			return
		}
	case "save", "":
		title := values.Get("title")
		err = s.DB.UpdateArea(ctx, v.Plan.ID, areaID, title, actor)
		if forms.ErrorCode(err) == forms.EINVALID {
			for i := range v.Areas {
				if v.Areas[i].ID == areaID {
					v.Areas[i].FormTitle = title
					id := fmt.Sprintf("area-%d-title", areaID)
					label := l.T("plans.field.area_title_of", v.Areas[i].Title)
					if v.Errors.addAll(l, err, func(string) string { return id }, func(string) string { return label }) {
						v.Open = fmt.Sprintf("area-%d-edit", areaID)
						s.renderPlanEditor(c, http.StatusUnprocessableEntity, v)
						return
					}
				}
			}
		}
	default:
		err = &forms.Error{Code: forms.EINVALID, Message: "unknown action"}
	}
	if err != nil {
		s.planEditFailed(c, v, err)
		return
	}
	s.planSaved(c, v.Plan.ID, target)
}

func (s *Server) addActivity(c *gin.Context) {
	v, values, ok := s.planEditRequest(c)
	if !ok {
		return
	}
	areaID, ok := dpParamID(c, "area")
	if !ok {
		s.errorPage(c, notFound)
		return
	}
	l := s.localizer(c)
	f, wellFormed := planActivityFormFrom(values)
	a, err := f.Validate(wellFormed)
	var id int64
	if err == nil {
		id, err = s.DB.AddActivity(c.Request.Context(), v.Plan.ID, areaID, a, account(c).Actor())
	}
	if err != nil {
		for i := range v.Areas {
			if v.Areas[i].ID != areaID {
				continue
			}
			v.Areas[i].New = f
			prefix := fmt.Sprintf("new-act-%d", areaID)
			if s.addActivityErrors(l, &v.Errors, prefix, l.T("plans.new_activity_in", v.Areas[i].Title), err) {
				v.Open = prefix
				s.renderPlanEditor(c, http.StatusUnprocessableEntity, v)
				return
			}
		}
		s.planEditFailed(c, v, err)
		return
	}
	s.planSaved(c, v.Plan.ID, fmt.Sprintf("activity-%d", id))
}

// updateActivity saves an activity (action=save), moves it within its area
// (up, down) or deletes it when no answer refers to it (delete).
func (s *Server) updateActivity(c *gin.Context) {
	v, values, ok := s.planEditRequest(c)
	if !ok {
		return
	}
	actID, ok := dpParamID(c, "activity")
	if !ok {
		s.errorPage(c, notFound)
		return
	}
	ctx, actor, l := c.Request.Context(), account(c).Actor(), s.localizer(c)
	target := fmt.Sprintf("activity-%d", actID)
	var err error
	switch values.Get("action") {
	case "up", "down":
		err = s.DB.MoveActivity(ctx, v.Plan.ID, actID, values.Get("action") == "up", actor)
	case "delete":
		if area, found := v.Plan.AreaOf(actID); found {
			target = fmt.Sprintf("area-%d", area.ID)
		}
		err = s.DB.DeleteActivity(ctx, v.Plan.ID, actID, actor)
		if forms.ErrorCode(err) == forms.ECONFLICT {
			s.planConflict(c, v, err, "plans.error.activity_in_use")
			return
		}
	case "save", "":
		f, wellFormed := planActivityFormFrom(values)
		var a forms.Activity
		a, err = f.Validate(wellFormed)
		if err == nil {
			err = s.DB.UpdateActivity(ctx, v.Plan.ID, actID, a, actor)
		}
		if forms.ErrorCode(err) == forms.EINVALID {
			for i := range v.Areas {
				for j := range v.Areas[i].Activities {
					av := &v.Areas[i].Activities[j]
					if av.ID != actID {
						continue
					}
					av.Form = f
					prefix := fmt.Sprintf("act-%d", actID)
					if s.addActivityErrors(l, &v.Errors, prefix, av.Title, err) {
						v.Open = prefix
						s.renderPlanEditor(c, http.StatusUnprocessableEntity, v)
						return
					}
				}
			}
		}
	default:
		err = &forms.Error{Code: forms.EINVALID, Message: "unknown action"}
	}
	if err != nil {
		s.planEditFailed(c, v, err)
		return
	}
	s.planSaved(c, v.Plan.ID, target)
}

// maxScaleRows bounds the scale form.
const maxScaleRows = 40

// dpChecked reads a checkbox.
func dpChecked(v string) bool { return v == "1" || v == "on" }

// planPickColour chooses between the colour picker and the text field: the
// one that differs from the stored colour wins, the text field when both do.
func planPickColour(picker, text, was string) string {
	text = strings.TrimSpace(text)
	if len(text) == 6 && !strings.HasPrefix(text, "#") {
		text = "#" + text
	}
	if text != "" && !strings.EqualFold(text, was) {
		return text
	}
	if picker != "" {
		return picker
	}
	return text
}

// planScaleForm reads the scale form: the rows as typed, the scale to store
// in the chosen order, and for each of its statuses the form row it came
// from.
func planScaleForm(values url.Values, l *Localizer, e *dpErrors) ([]planStatusRow, forms.Scale, []int, error) {
	n, err := strconv.Atoi(values.Get("scale_rows"))
	if err != nil || n < 0 || n > maxScaleRows {
		return nil, nil, nil, &forms.Error{Code: forms.EINVALID, Message: "malformed scale form"}
	}
	type entry struct {
		order, row int
		moved      bool // the order was changed: it goes first among equals
		st         forms.Status
	}
	rows := make([]planStatusRow, 0, n)
	var entries []entry
	for i := range n {
		p := fmt.Sprintf("s-%d-", i)
		r := planStatusRow{Row: i, Name: values.Get(p + "name"), Color: values.Get(p + "color"), ColorText: values.Get(p + "colortext"),
			ColorWas: values.Get(p + "colorwas"), Done: dpChecked(values.Get(p + "done")), CarriesOver: dpChecked(values.Get(p + "carries")),
			NotApplicable: dpChecked(values.Get(p + "na")), CommentRequired: dpChecked(values.Get(p + "comment")),
			Order: values.Get(p + "order"), Remove: dpChecked(values.Get(p + "remove"))}
		if s := values.Get(p + "id"); s != "" {
			if r.ID, err = strconv.ParseInt(s, 10, 64); err != nil || r.ID <= 0 {
				return nil, nil, nil, &forms.Error{Code: forms.EINVALID, Message: "malformed scale form"}
			}
		}
		rows = append(rows, r)
		if r.ID == 0 && strings.TrimSpace(r.Name) == "" || r.Remove {
			continue // the blank row for a new status, or a status to remove
		}
		order, err := strconv.Atoi(strings.TrimSpace(r.Order))
		if err != nil {
			e.add(p+"order", l.T("plans.scale.status_n", i+1)+" – "+l.T("plans.scale.order"), l.T("plans.error.order"))
			order = i + 1
		}
		entries = append(entries, entry{order: order, row: i, moved: order != i+1, st: forms.Status{ID: r.ID, Name: r.Name,
			Color: planPickColour(r.Color, r.ColorText, r.ColorWas), Done: r.Done, CarriesOver: r.CarriesOver,
			NotApplicable: r.NotApplicable, CommentRequired: r.CommentRequired}})
	}
	sort.SliceStable(entries, func(a, b int) bool {
		if entries[a].order != entries[b].order {
			return entries[a].order < entries[b].order
		}
		return entries[a].moved && !entries[b].moved
	})
	scale := make(forms.Scale, len(entries))
	rowOf := make([]int, len(entries))
	for k, en := range entries {
		scale[k], rowOf[k] = en.st, en.row
	}
	return rows, scale, rowOf, nil
}

// planScaleFieldIDs are the element ids of the scale form's fields, by the
// domain's field names.
var planScaleFieldIDs = map[string]string{"name": "name", "color": "colortext", "done": "done"}

func (s *Server) updateScale(c *gin.Context) {
	v, values, ok := s.planEditRequest(c)
	if !ok {
		return
	}
	l := s.localizer(c)
	inUse := map[int64]bool{}
	for _, r := range v.Scale {
		inUse[r.ID] = r.InUse
	}
	rows, scale, rowOf, err := planScaleForm(values, l, &v.Errors)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	if len(v.Errors.List) == 0 {
		err = s.DB.ReplaceScale(c.Request.Context(), v.Plan.ID, scale, account(c).Actor())
		if err == nil {
			s.planSaved(c, v.Plan.ID, "scale")
			return
		}
	}
	rowByID := map[int64]int{}
	for i := range rows {
		rows[i].InUse = inUse[rows[i].ID]
		if rows[i].ID != 0 {
			rowByID[rows[i].ID] = i
		}
	}
	v.Scale = rows
	status := http.StatusUnprocessableEntity
	fe, isForm := err.(*forms.Error)
	if err != nil && (!isForm || len(fe.Fields) == 0) {
		s.planEditFailed(c, v, err)
		return
	}
	if fe != nil {
		if fe.Code == forms.ECONFLICT {
			status = http.StatusConflict
		}
		for _, f := range fe.Order {
			id, label := "scale-statuses", l.T("plans.scale.heading")
			var k, sid int
			var field string
			switch {
			case strings.HasPrefix(f, "status:"):
				sid, _ = strconv.Atoi(strings.TrimPrefix(f, "status:"))
				if row, ok := rowByID[int64(sid)]; ok {
					id, label = fmt.Sprintf("s-%d", row), l.T("plans.scale.status_n", row+1)
				}
			case scanStatusField(f, &k, &field) && k < len(rowOf):
				suffix := planScaleFieldIDs[field]
				if suffix == "" {
					suffix = "name"
				}
				id = fmt.Sprintf("s-%d-%s", rowOf[k], suffix)
				if rows[rowOf[k]].InUse && suffix != "colortext" {
					id = fmt.Sprintf("s-%d", rowOf[k]) // its name and flags are not fields
				}
				label = l.T("plans.scale.status_n", rowOf[k]+1)
			}
			v.Errors.add(id, label, l.T(fe.Fields[f]))
		}
	}
	v.Open = "scale-edit"
	s.renderPlanEditor(c, status, v)
}

// scanStatusField reads a field path statuses[k].field.
func scanStatusField(path string, k *int, field *string) bool {
	rest, ok := strings.CutPrefix(path, "statuses[")
	if !ok {
		return false
	}
	num, f, ok := strings.Cut(rest, "].")
	if !ok {
		return false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return false
	}
	*k, *field = n, f
	return true
}
