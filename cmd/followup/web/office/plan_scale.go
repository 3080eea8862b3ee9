package office

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// The plan page's scale form: the statuses, their colours, flags and order.

// maxScaleRows bounds the scale form.
const maxScaleRows = 40

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
func planScaleForm(values url.Values, l *i18n.Localizer, e *dpErrors) ([]planStatusRow, forms.Scale, []int, error) {
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
			ColorWas: values.Get(p + "colorwas"), Done: site.Checked(values.Get(p + "done")), CarriesOver: site.Checked(values.Get(p + "carries")),
			NotApplicable: site.Checked(values.Get(p + "na")), CommentRequired: site.Checked(values.Get(p + "comment")),
			Order: values.Get(p + "order"), Remove: site.Checked(values.Get(p + "remove"))}
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

// UpdateScale, POST /kontor/planer/:plan/skala, saves a plan's status
// scale: names, colours, flags and order.
func (h *Handlers) UpdateScale(c *gin.Context) error {
	v, values, err := h.planEditRequest(c)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	inUse := map[int64]bool{}
	for _, r := range v.Scale {
		inUse[r.ID] = r.InUse
	}
	rows, scale, rowOf, err := planScaleForm(values, l, &v.Errors)
	if err != nil {
		return err
	}
	if len(v.Errors.List) == 0 {
		err = h.site.DB.ReplaceScale(c.Request.Context(), v.Plan.ID, scale, site.AccountOf(c).Actor())
		if err == nil {
			h.planSaved(c, v.Plan.ID, "scale")
			return nil
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
		return h.planEditFailed(c, v, err)
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
	return h.renderPlanEditor(c, status, v)
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
