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

// textSlugs name the office's texts in addresses:
// /kontor/omgangar/:round/rapport/texter/inledning.
var textSlugs = map[forms.TextKind]string{
	forms.TextIntroduction: "inledning",
	forms.TextAssessment:   "samlad-bedomning",
}

// textOfSlug returns the kind a slug names.
func textOfSlug(slug string) (forms.TextKind, bool) {
	for k, s := range textSlugs {
		if s == slug {
			return k, true
		}
	}
	return "", false
}

// reportTextView is the page of one of the office's texts for a round's
// report: the editor (for admins), a preview of its paragraphs and lists as
// the report prints them, and every saved version.
type reportTextView struct {
	Round forms.Round
	Plan  *forms.Plan
	Kind  forms.TextKind
	Slug  string
	Title string // translated: "Inledning"
	Saved *textVersion
	// Preview is the text shown as the report prints it: the saved text,
	// or what was typed when previewing or when a save is refused.
	Preview      []forms.Block
	PreviewTyped bool
	History      []textVersion
	Body         string // what the form shows
	BaseVersion  int
	Errors       []site.FieldError
	FieldErrs    map[string]string
	Conflict     *textVersion // what another coordinator saved meanwhile
	Notice       string       // translated; shown with role=status
	Loc          *time.Location
}

// textVersion is one saved version of a text, ready to show.
type textVersion struct {
	forms.RoundText
	By     string
	Blocks []forms.Block
}

// reportTextPath is the address of one of a round's texts.
func reportTextPath(roundID int64, kind forms.TextKind) string {
	return reportPath(roundID) + "/texter/" + textSlugs[kind]
}

// reportTextParams reads :round and :kind; anything else is not found.
func reportTextParams(c *gin.Context) (int64, forms.TextKind, error) {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return 0, "", err
	}
	kind, ok := textOfSlug(c.Param("kind"))
	if !ok {
		return 0, "", forms.Errorf(forms.ENOTFOUND, "no text %q", c.Param("kind"))
	}
	return id, kind, nil
}

// loadReportText builds a text's page from what is stored.
func (h *Handlers) loadReportText(ctx context.Context, l *i18n.Localizer, roundID int64, kind forms.TextKind) (*reportTextView, error) {
	round, err := h.site.DB.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	plan, err := h.site.DB.Plan(ctx, round.PlanID)
	if err != nil {
		return nil, err
	}
	texts, err := h.site.DB.RoundTexts(ctx, roundID)
	if err != nil {
		return nil, err
	}
	hist, err := h.site.DB.RoundTextHistory(ctx, roundID, kind)
	if err != nil {
		return nil, err
	}
	v := &reportTextView{Round: round, Plan: plan, Kind: kind, Slug: textSlugs[kind], Title: l.T("report.text." + string(kind)),
		FieldErrs: map[string]string{}, Loc: h.site.Loc}
	names := h.consAuthorNames(ctx)
	if t, ok := texts[kind]; ok {
		tv := textVersion{RoundText: t, By: authorName(names, t.Author), Blocks: forms.Blocks(t.Body)}
		v.Saved = &tv
		v.Body, v.BaseVersion, v.Preview = t.Body, t.Version, tv.Blocks
	}
	for _, h := range hist {
		v.History = append(v.History, textVersion{RoundText: h, By: authorName(names, h.Author), Blocks: forms.Blocks(h.Body)})
	}
	return v, nil
}

// ReportText, GET /kontor/omgangar/:round/rapport/texter/:kind, renders a
// text's page; ?sparad=1 names a save just made.
func (h *Handlers) ReportText(c *gin.Context) error {
	id, kind, err := reportTextParams(c)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	v, err := h.loadReportText(c.Request.Context(), l, id, kind)
	if err != nil {
		return err
	}
	// A text posted after the session expired comes back as it was typed.
	if form, ok := h.site.TakeKeptForm(c); ok {
		v.typed(form)
		v.Notice = l.T("cons.restored_notice")
	}
	if c.Query("sparad") == "1" && v.Saved != nil {
		v.Notice = l.T("report.text_saved_notice", v.Title, v.Saved.Version)
	}
	return h.pages.Render(c, http.StatusOK, "round_report_text", site.Page{L: l, Title: l.T("report.text_title", v.Title, v.Round.Title), Data: v})
}

// typed puts what was typed in the form and the preview.
func (v *reportTextView) typed(form url.Values) {
	v.Body = form.Get("body")
	v.BaseVersion, _ = strconv.Atoi(form.Get("v"))
	v.Preview, v.PreviewTyped = forms.Blocks(v.Body), true
}

// SaveReportText, POST /kontor/omgangar/:round/rapport/texter/:kind, stores
// a new version of the text, or, for "Förhandsgranska", shows what was typed
// as the report would print it without saving. A save based on an older
// version than the stored one (another coordinator saved first) shows both
// texts with status 409, keeping what was typed.
func (h *Handlers) SaveReportText(c *gin.Context) error {
	id, kind, err := reportTextParams(c)
	if err != nil {
		return err
	}
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	l := h.site.Localizer(c)
	ctx := c.Request.Context()
	v, err := h.loadReportText(ctx, l, id, kind)
	if err != nil {
		return err
	}
	title := l.T("report.text_title", v.Title, v.Round.Title)
	v.typed(c.Request.PostForm)
	if c.PostForm("action") == "preview" {
		v.Notice = l.T("report.preview_notice")
		return h.pages.Render(c, http.StatusOK, "round_report_text", site.Page{L: l, Title: title, Data: v})
	}
	_, err = h.site.DB.SaveRoundText(ctx, id, kind, forms.RoundTextInput{Body: v.Body, BaseVersion: v.BaseVersion}, site.AccountOf(c).Actor())
	switch forms.ErrorCode(err) {
	case "":
		c.Redirect(http.StatusSeeOther, reportTextPath(id, kind)+"?sparad=1#notice")
	case forms.EINVALID:
		v.Errors, v.FieldErrs = site.FormErrors(l, err, map[string]site.FormField{"body": {Label: v.Title, Limit: forms.MaxTextRunes}})
		return h.pages.Render(c, http.StatusUnprocessableEntity, "round_report_text", site.Page{L: l, Title: l.T("cons.error_prefix") + title, Data: v})
	case forms.ECONFLICT:
		typed := c.Request.PostForm
		if v2, err2 := h.loadReportText(ctx, l, id, kind); err2 == nil {
			v = v2
			v.typed(typed)
		}
		v.Conflict = v.Saved
		v.BaseVersion = 0
		if v.Saved != nil {
			v.BaseVersion = v.Saved.Version
		}
		return h.pages.Render(c, http.StatusConflict, "round_report_text", site.Page{L: l, Title: l.T("cons.error_prefix") + title, Data: v})
	default:
		return err
	}
	return nil
}
