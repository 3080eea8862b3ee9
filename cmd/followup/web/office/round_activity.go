package office

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// Consolidation, GET /kontor/omgangar/:round/aktiviteter/:activity, renders
// the consolidation page; readers see it without the form.
func (h *Handlers) Consolidation(c *gin.Context) error {
	roundID, activityID, err := consParams(c)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	ctx := c.Request.Context()
	v, err := h.loadConsolidation(ctx, l, roundID, activityID)
	if err != nil {
		return err
	}
	// A form posted after the session expired comes back as it was typed.
	if form, ok := h.site.TakeKeptForm(c); ok {
		v.Form = consFormOf(form)
		v.Form.StatusID, _ = strconv.ParseInt(form.Get("status"), 10, 64)
		v.Notice = l.T("cons.restored_notice")
	}
	// ?sparad=<activity> names the activity just saved, which is this one
	// or, after "save and go to the next", the previous one.
	if savedID, ok := site.QueryID(c, "sparad"); ok {
		if a, ok := v.Plan.Activity(savedID); ok {
			if cons, ok := v.consolidations[a.ID]; ok {
				v.Notice = l.T("cons.saved_notice", a.Title, cons.Version)
			}
		}
	}
	return h.pages.Render(c, http.StatusOK, "round_activity", site.Page{L: l, Title: l.T("cons.title", v.Activity.Title), Data: v})
}

// SaveConsolidation, POST /kontor/omgangar/:round/aktiviteter/:activity,
// stores a new version of the office's consolidation. A save based on an
// older version than the stored one (another coordinator saved first) shows
// both texts with status 409, keeping what was typed.
func (h *Handlers) SaveConsolidation(c *gin.Context) error {
	roundID, activityID, err := consParams(c)
	if err != nil {
		return err
	}
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	l := h.site.Localizer(c)
	ctx := c.Request.Context()
	v, err := h.loadConsolidation(ctx, l, roundID, activityID)
	if err != nil {
		return err
	}
	typed := consFormOf(c.Request.PostForm)
	var fe forms.FieldErrors
	if raw := strings.TrimSpace(c.PostForm("status")); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil || id < 0 {
			fe.Add("status", "error.unknown_status")
		} else {
			typed.StatusID = id
		}
	}
	in := forms.ConsolidationInput{StatusID: typed.StatusID, Narrative: typed.Narrative, IncludeComments: typed.IncludeComments,
		Continues: typed.Continues, CarryReason: typed.CarryReason, BaseVersion: typed.BaseVersion}
	if fe.Len() > 0 {
		check := in
		if err := check.Validate(v.Plan.Statuses); err != nil {
			consAddFieldErrors(&fe, err)
		}
		return h.consInvalid(c, l, v, typed, fe.Err("invalid consolidation"))
	}
	saved, err := h.site.DB.SaveConsolidation(ctx, roundID, activityID, in, site.AccountOf(c).Actor())
	switch {
	case err == nil:
		target := h.consPath(roundID, activityID)
		if c.PostForm("action") == "next" && v.Next != nil {
			target = h.consPath(roundID, v.Next.ID)
		}
		c.Redirect(http.StatusSeeOther, target+"?sparad="+strconv.FormatInt(saved.ActivityID, 10)+"#notice")
		return nil
	case forms.ErrorCode(err) == forms.EINVALID:
		return h.consInvalid(c, l, v, typed, err)
	case forms.ErrorCode(err) == forms.ECONFLICT:
		// v was loaded before the save, but reload anyway: the winning
		// version may have been saved in between.
		if v2, err2 := h.loadConsolidation(ctx, l, roundID, activityID); err2 == nil {
			v = v2
		}
		v.Conflict = v.Saved
		typed.BaseVersion = 0
		if v.Saved != nil {
			typed.BaseVersion = v.Saved.Version
		}
		v.Form = typed
		return h.pages.Render(c, http.StatusConflict, "round_activity", site.Page{L: l, Title: l.T("cons.error_prefix") + l.T("cons.title", v.Activity.Title), Data: v})
	}
	return err
}

// consInvalid shows the form again with the problems and what was typed.
func (h *Handlers) consInvalid(c *gin.Context, l *i18n.Localizer, v *consolidationView, typed consForm, err error) error {
	v.Errors, v.FieldErrs = site.FormErrors(l, err, map[string]site.FormField{
		"status":       {Label: l.T("word.consolidated_status")},
		"narrative":    {Label: l.T("cons.field_narrative"), Limit: forms.MaxTextRunes},
		"continues":    {Label: l.T("cons.field_continues")},
		"carry_reason": {Label: l.T("cons.field_carry_reason"), Limit: forms.MaxReasonRunes},
	})
	v.Form = typed
	return h.pages.Render(c, http.StatusUnprocessableEntity, "round_activity", site.Page{L: l, Title: l.T("cons.error_prefix") + l.T("cons.title", v.Activity.Title), Data: v})
}

// consAddFieldErrors adds an EINVALID error's fields to fe.
func consAddFieldErrors(fe *forms.FieldErrors, err error) {
	var e *forms.Error
	if errors.As(err, &e) {
		for _, f := range e.Order {
			fe.Add(f, e.Fields[f])
		}
	}
}
