package officeapi

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// ReportSettingsJSON is how the office wants a round's PDF report and
// workbook; version is 0 until the first save.
type ReportSettingsJSON struct {
	Appendix         bool   `json:"appendix"`
	DepartmentTables bool   `json:"department_tables"`
	Comments         bool   `json:"comments"`
	Drafts           bool   `json:"drafts"`
	Chart            bool   `json:"chart"`
	EmptyStatuses    bool   `json:"empty_statuses"`
	Paper            string `json:"paper"`
	CompiledBy       string `json:"compiled_by"`
	Version          int    `json:"version"`
}

func reportSettingsJSON(s forms.ReportSettings) ReportSettingsJSON {
	return ReportSettingsJSON{Appendix: s.Appendix, DepartmentTables: s.DepartmentTables, Comments: s.Comments,
		Drafts: s.Drafts, Chart: s.Chart, EmptyStatuses: s.EmptyStatuses, Paper: string(s.Paper), CompiledBy: s.CompiledBy,
		Version: s.Version}
}

// ReportSettingsRequest is the body that saves a round's report
// settings. Every choice is optional and keeps its stored value when left
// out; base_version is the version the client last read.
type ReportSettingsRequest struct {
	Appendix         *bool   `json:"appendix"`
	DepartmentTables *bool   `json:"department_tables"`
	Comments         *bool   `json:"comments"`
	Drafts           *bool   `json:"drafts"`
	Chart            *bool   `json:"chart"`
	EmptyStatuses    *bool   `json:"empty_statuses"`
	Paper            *string `json:"paper"`
	CompiledBy       *string `json:"compiled_by"`
	BaseVersion      int     `json:"base_version"`
}

// apply changes the stored settings by the request's choices.
func (r ReportSettingsRequest) apply(s forms.ReportSettings) forms.ReportSettings {
	set := func(dst *bool, v *bool) {
		if v != nil {
			*dst = *v
		}
	}
	set(&s.Appendix, r.Appendix)
	set(&s.DepartmentTables, r.DepartmentTables)
	set(&s.Comments, r.Comments)
	set(&s.Drafts, r.Drafts)
	set(&s.Chart, r.Chart)
	set(&s.EmptyStatuses, r.EmptyStatuses)
	if r.Paper != nil {
		s.Paper = forms.Paper(*r.Paper)
	}
	if r.CompiledBy != nil {
		s.CompiledBy = *r.CompiledBy
	}
	s.Version = r.BaseVersion
	return s
}

// ReportSettings, GET /api/v1/rounds/:round/report-settings, returns a
// round's report settings.
func (h *Handlers) ReportSettings(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	set, err := h.site.DB.ReportSettings(c.Request.Context(), id)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, reportSettingsJSON(set))
	return nil
}

// SaveReportSettings, PUT /api/v1/rounds/:round/report-settings, saves a
// round's report settings; a base_version older than the stored one is 409
// and changes nothing.
func (h *Handlers) SaveReportSettings(c *gin.Context) error {
	ctx := c.Request.Context()
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	var req ReportSettingsRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	cur, err := h.site.DB.ReportSettings(ctx, id)
	if err != nil {
		return err
	}
	saved, err := h.site.DB.SaveReportSettings(ctx, id, req.apply(cur), site.AccountOf(c).Actor())
	if forms.ErrorCode(err) == forms.ECONFLICT {
		err = site.FieldErr(forms.ECONFLICT, "base_version", "api.error.stale_settings")
	}
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, reportSettingsJSON(saved))
	return nil
}

// TextJSON is one of the office's texts for a round's report; version
// is 0 and body empty until the first save.
type TextJSON struct {
	Kind    string    `json:"kind"`
	Body    string    `json:"body"`
	Author  string    `json:"author,omitempty"`
	SavedAt time.Time `json:"saved_at,omitzero"`
	Version int       `json:"version"`
}

func textJSON(kind forms.TextKind, t forms.RoundText) TextJSON {
	return TextJSON{Kind: string(kind), Body: t.Body, Author: t.Author, SavedAt: t.SavedAt, Version: t.Version}
}

// Texts, GET /api/v1/rounds/:round/texts, returns the office's texts of a
// round, every kind in the order the report prints them.
func (h *Handlers) Texts(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	texts, err := h.site.DB.RoundTexts(c.Request.Context(), id)
	if err != nil {
		return err
	}
	out := []TextJSON{}
	for _, k := range forms.TextKinds() {
		out = append(out, textJSON(k, texts[k]))
	}
	c.JSON(http.StatusOK, gin.H{"round_id": id, "texts": out})
	return nil
}

// TextRequest is the body that saves one of a round's texts.
type TextRequest struct {
	Body        string `json:"body"`
	BaseVersion int    `json:"base_version"`
}

// SaveText, PUT /api/v1/rounds/:round/texts/:kind, saves one of the office's
// texts of a round; a base_version older than the stored one is 409 and
// changes nothing.
func (h *Handlers) SaveText(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	kind, ok := forms.ParseTextKind(c.Param("kind"))
	if !ok {
		return forms.Errorf(forms.ENOTFOUND, "no text %q", c.Param("kind"))
	}
	var req TextRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	saved, err := h.site.DB.SaveRoundText(c.Request.Context(), id, kind, forms.RoundTextInput{Body: req.Body, BaseVersion: req.BaseVersion}, site.AccountOf(c).Actor())
	if forms.ErrorCode(err) == forms.ECONFLICT {
		err = site.FieldErr(forms.ECONFLICT, "base_version", "api.error.stale_text")
	}
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, textJSON(kind, saved))
	return nil
}
