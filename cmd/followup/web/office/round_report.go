package office

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// reportView is the page of a round's report: what the PDF and the
// workbook include, saved with the round, and the office's own texts.
// Readers see the same page without the form.
type reportView struct {
	Round forms.Round
	Plan  *forms.Plan
	// Saved are the stored settings; Form what the form shows: the saved
	// settings, or what was typed when a save is refused.
	Saved     forms.ReportSettings
	Form      forms.ReportSettings
	Texts     []reportTextSummary
	Errors    []site.FieldError
	FieldErrs map[string]string
	// Conflict holds what another coordinator saved while this one chose.
	Conflict *forms.ReportSettings
	Notice   string // translated; shown with role=status
	Papers   []reportPaper
	Loc      *time.Location
}

// reportPaper is one choice of page format.
type reportPaper struct {
	Value forms.Paper
	Label string
}

// reportTextSummary is one of the office's texts as the report page lists
// it.
type reportTextSummary struct {
	Kind  forms.TextKind
	Slug  string
	Title string // translated
	Saved *forms.RoundText
	By    string
	// Lead is the text's first paragraph or list entry, for a glance.
	Lead string
}

// reportPath is the address of a round's report page.
func reportPath(roundID int64) string { return roundPath(roundID) + "/rapport" }

// loadReport builds the report page of a round from what is stored.
func (h *Handlers) loadReport(ctx context.Context, l *i18n.Localizer, roundID int64) (*reportView, error) {
	round, err := h.site.DB.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	plan, err := h.site.DB.Plan(ctx, round.PlanID)
	if err != nil {
		return nil, err
	}
	saved, err := h.site.DB.ReportSettings(ctx, roundID)
	if err != nil {
		return nil, err
	}
	texts, err := h.site.DB.RoundTexts(ctx, roundID)
	if err != nil {
		return nil, err
	}
	v := &reportView{Round: round, Plan: plan, Saved: saved, Form: saved, FieldErrs: map[string]string{}, Loc: h.site.Loc,
		Papers: []reportPaper{{Value: forms.PaperA4Portrait, Label: l.T("report.paper.a4-portrait")}}}
	names := h.consAuthorNames(ctx)
	for _, k := range forms.TextKinds() {
		sum := reportTextSummary{Kind: k, Slug: textSlugs[k], Title: l.T("report.text." + string(k))}
		if t, ok := texts[k]; ok {
			sum.Saved, sum.By = &t, authorName(names, t.Author)
			if b := forms.Blocks(t.Body); len(b) > 0 {
				sum.Lead = tipText(b[0].Lines[0])
			}
		}
		v.Texts = append(v.Texts, sum)
	}
	return v, nil
}

// Report, GET /kontor/omgangar/:round/rapport, renders the report page;
// ?sparad=1 names a save just made.
func (h *Handlers) Report(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	v, err := h.loadReport(c.Request.Context(), l, id)
	if err != nil {
		return err
	}
	if c.Query("sparad") == "1" {
		v.Notice = l.T("report.saved_notice", v.Saved.Version)
	}
	return h.pages.Render(c, http.StatusOK, "round_report", site.Page{L: l, Title: l.T("report.title", v.Round.Title), Data: v})
}

// reportFormOf reads the settings form; every choice not ticked is off.
func reportFormOf(form url.Values) forms.ReportSettings {
	in := forms.ReportSettings{Appendix: site.Checked(form.Get("appendix")), DepartmentTables: site.Checked(form.Get("department_tables")),
		Comments: site.Checked(form.Get("comments")), Drafts: site.Checked(form.Get("drafts")), Chart: site.Checked(form.Get("chart")),
		EmptyStatuses: site.Checked(form.Get("empty_statuses")), Paper: forms.Paper(form.Get("paper")), CompiledBy: form.Get("compiled_by")}
	in.Version, _ = strconv.Atoi(form.Get("v"))
	return in
}

// SaveReportSettings, POST /kontor/omgangar/:round/rapport, stores the
// office's choices for the round's reports. A refused save shows the form
// again with everything chosen; a save based on settings that someone else
// has changed since shows theirs next to the form, with status 409, and lets
// this one save again over them.
func (h *Handlers) SaveReportSettings(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	l := h.site.Localizer(c)
	ctx := c.Request.Context()
	typed := reportFormOf(c.Request.PostForm)
	_, err = h.site.DB.SaveReportSettings(ctx, id, typed, site.AccountOf(c).Actor())
	if err == nil {
		c.Redirect(http.StatusSeeOther, reportPath(id)+"?sparad=1#notice")
		return nil
	}
	code := forms.ErrorCode(err)
	if code != forms.EINVALID && code != forms.ECONFLICT {
		return err
	}
	v, lerr := h.loadReport(ctx, l, id)
	if lerr != nil {
		return lerr
	}
	v.Form = typed
	status := http.StatusUnprocessableEntity
	if code == forms.ECONFLICT {
		status = http.StatusConflict
		theirs := v.Saved
		v.Conflict = &theirs
		v.Form.Version = theirs.Version
	} else {
		v.Errors, v.FieldErrs = site.FormErrors(l, err, map[string]site.FormField{
			"compiled_by": {Label: l.T("report.field.compiled_by"), Limit: forms.MaxNameRunes},
			"paper":       {Label: l.T("report.field.paper"), Anchor: "paper-" + string(forms.PaperA4Portrait)},
		})
	}
	return h.pages.Render(c, status, "round_report", site.Page{L: l, Title: l.T("cons.error_prefix") + l.T("report.title", v.Round.Title), Data: v})
}
