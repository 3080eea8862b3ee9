package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// apiReportSettings is how the office wants a round's PDF report and
// workbook; version is 0 until the first save.
type apiReportSettings struct {
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

func toAPIReportSettings(s forms.ReportSettings) apiReportSettings {
	return apiReportSettings{Appendix: s.Appendix, DepartmentTables: s.DepartmentTables, Comments: s.Comments,
		Drafts: s.Drafts, Chart: s.Chart, EmptyStatuses: s.EmptyStatuses, Paper: string(s.Paper), CompiledBy: s.CompiledBy,
		Version: s.Version}
}

// apiReportSettingsRequest is the body that saves a round's report
// settings. Every choice is optional and keeps its stored value when left
// out; base_version is the version the client last read.
type apiReportSettingsRequest struct {
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
func (r apiReportSettingsRequest) apply(s forms.ReportSettings) forms.ReportSettings {
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

// apiGetReportSettings returns a round's report settings.
func (s *Server) apiGetReportSettings(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	set, err := s.DB.ReportSettings(c.Request.Context(), id)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, toAPIReportSettings(set))
	return nil
}

// apiSaveReportSettings saves a round's report settings; a base_version
// older than the stored one is 409 and changes nothing.
func (s *Server) apiSaveReportSettings(c *gin.Context) error {
	ctx := c.Request.Context()
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	var req apiReportSettingsRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	cur, err := s.DB.ReportSettings(ctx, id)
	if err != nil {
		return err
	}
	saved, err := s.DB.SaveReportSettings(ctx, id, req.apply(cur), site.AccountOf(c).Actor())
	if forms.ErrorCode(err) == forms.ECONFLICT {
		err = site.FieldErr(forms.ECONFLICT, "base_version", "api.error.stale_settings")
	}
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, toAPIReportSettings(saved))
	return nil
}

// apiRoundText is one of the office's texts for a round's report; version
// is 0 and body empty until the first save.
type apiRoundText struct {
	Kind    string    `json:"kind"`
	Body    string    `json:"body"`
	Author  string    `json:"author,omitempty"`
	SavedAt time.Time `json:"saved_at,omitzero"`
	Version int       `json:"version"`
}

func toAPIRoundText(kind forms.TextKind, t forms.RoundText) apiRoundText {
	return apiRoundText{Kind: string(kind), Body: t.Body, Author: t.Author, SavedAt: t.SavedAt, Version: t.Version}
}

// apiRoundTexts returns the office's texts of a round, every kind in the
// order the report prints them.
func (s *Server) apiRoundTexts(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	texts, err := s.DB.RoundTexts(c.Request.Context(), id)
	if err != nil {
		return err
	}
	out := []apiRoundText{}
	for _, k := range forms.TextKinds() {
		out = append(out, toAPIRoundText(k, texts[k]))
	}
	c.JSON(http.StatusOK, gin.H{"round_id": id, "texts": out})
	return nil
}

// apiRoundTextRequest is the body that saves one of a round's texts.
type apiRoundTextRequest struct {
	Body        string `json:"body"`
	BaseVersion int    `json:"base_version"`
}

// apiSaveRoundText saves one of the office's texts of a round; a
// base_version older than the stored one is 409 and changes nothing.
func (s *Server) apiSaveRoundText(c *gin.Context) error {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	kind, ok := forms.ParseTextKind(c.Param("kind"))
	if !ok {
		return notFound
	}
	var req apiRoundTextRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	saved, err := s.DB.SaveRoundText(c.Request.Context(), id, kind, forms.RoundTextInput{Body: req.Body, BaseVersion: req.BaseVersion}, site.AccountOf(c).Actor())
	if forms.ErrorCode(err) == forms.ECONFLICT {
		err = site.FieldErr(forms.ECONFLICT, "base_version", "api.error.stale_text")
	}
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, toAPIRoundText(kind, saved))
	return nil
}
