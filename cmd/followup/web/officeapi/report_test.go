package officeapi_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web/officeapi"
	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

func TestAPIOfficeReportSettings(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	round := f.Demo.AnnualID
	path := fmt.Sprintf("/api/v1/rounds/%d/report-settings", round)
	t.Run("DefaultsBeforeASave", func(t *testing.T) {
		var got officeapi.ReportSettingsJSON
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", path, nil), http.StatusOK, &got)
		if want := settingsJSON(forms.DefaultReportSettings()); got != want {
			t.Errorf("settings = %+v, want %+v", got, want)
		}
	})
	t.Run("SaveChangesOnlyWhatIsSent", func(t *testing.T) {
		var got officeapi.ReportSettingsJSON
		webtest.WantJSON(t, f.API(t, f.Admin, "PUT", path, map[string]any{"drafts": true, "appendix": false, "compiled_by": "Säkerhetsenheten", "base_version": 0}), http.StatusOK, &got)
		want := forms.DefaultReportSettings()
		want.Drafts, want.Appendix, want.CompiledBy, want.Version = true, false, "Säkerhetsenheten", 1
		if got != settingsJSON(want) {
			t.Errorf("saved = %+v, want %+v", got, want)
		}
		if s, _ := f.DB.ReportSettings(ctx, round); s != want {
			t.Errorf("stored = %+v, want %+v", s, want)
		}
	})
	t.Run("ErrStaleBase", func(t *testing.T) {
		b := webtest.WantAPIError(t, f.API(t, f.Admin, "PUT", path, map[string]any{"chart": false, "base_version": 0}), http.StatusConflict, forms.ECONFLICT)
		if b.Error.Fields["base_version"] == "" {
			t.Errorf("fields = %v", b.Error.Fields)
		}
		if s, _ := f.DB.ReportSettings(ctx, round); !s.Chart || s.Version != 1 {
			t.Errorf("a stale save changed %+v", s)
		}
	})
	for _, tc := range []struct{ name, body, field string }{
		{"ErrPaper", `{"paper": "letter", "base_version": 1}`, "paper"},
		{"ErrCompilerTwoLines", `{"compiled_by": "a\nb", "base_version": 1}`, "compiled_by"},
		{"ErrUnknownField", `{"landscape": true, "base_version": 1}`, "landscape"},
		{"ErrWrongType", `{"drafts": "ja", "base_version": 1}`, "drafts"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			webtest.WantField(t, f.API(t, f.Admin, "PUT", path, tc.body), tc.field)
		})
	}
	t.Run("ErrNotFoundRound", func(t *testing.T) {
		webtest.WantAPIError(t, f.API(t, f.Admin, "PUT", "/api/v1/rounds/999999/report-settings", map[string]any{"base_version": 0}), http.StatusNotFound, forms.ENOTFOUND)
		webtest.WantAPIError(t, f.API(t, f.Reader, "GET", "/api/v1/rounds/999999/report-settings", nil), http.StatusNotFound, forms.ENOTFOUND)
	})
	t.Run("ErrReaderMayNotSave", func(t *testing.T) {
		webtest.WantAPIError(t, f.API(t, f.Reader, "PUT", path, map[string]any{"base_version": 1}), http.StatusForbidden, forms.EFORBIDDEN)
	})
}

func TestAPIOfficeRoundTexts(t *testing.T) {
	f := webtest.New(t)
	round := f.Demo.InterimID // the demo wrote the annual round's texts already
	list := fmt.Sprintf("/api/v1/rounds/%d/texts", round)
	intro := list + "/introduction"
	var got officeapi.TextJSON
	webtest.WantJSON(t, f.API(t, f.Admin, "PUT", intro, map[string]any{"body": "Året i korthet.\r\n\r\n- riskanalyser\r\n- övning", "base_version": 0}), http.StatusOK, &got)
	if got.Version != 1 || got.Body != "Året i korthet.\n\n- riskanalyser\n- övning" || got.Author != demo.AdminEmail || got.Kind != "introduction" {
		t.Fatalf("saved = %+v", got)
	}
	t.Run("ListHasEveryKind", func(t *testing.T) {
		var b struct{ Texts []officeapi.TextJSON }
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", list, nil), http.StatusOK, &b)
		if len(b.Texts) != 2 || b.Texts[0].Kind != "introduction" || b.Texts[0].Version != 1 || b.Texts[1].Kind != "assessment" || b.Texts[1].Version != 0 {
			t.Errorf("texts = %+v", b.Texts)
		}
	})
	t.Run("ErrStaleBase", func(t *testing.T) {
		webtest.WantAPIError(t, f.API(t, f.Admin, "PUT", intro, map[string]any{"body": "Annan", "base_version": 0}), http.StatusConflict, forms.ECONFLICT)
	})
	t.Run("ErrUnknownKind", func(t *testing.T) {
		webtest.WantAPIError(t, f.API(t, f.Admin, "PUT", list+"/epilog", map[string]any{"body": "x", "base_version": 0}), http.StatusNotFound, forms.ENOTFOUND)
	})
	t.Run("ErrControlCharacters", func(t *testing.T) {
		webtest.WantField(t, f.API(t, f.Admin, "PUT", list+"/assessment", `{"body": "a\u0007b", "base_version": 0}`), "body")
	})
	t.Run("HistoryKept", func(t *testing.T) {
		webtest.WantJSON(t, f.API(t, f.Admin, "PUT", intro, map[string]any{"body": "Ny inledning.", "base_version": 1}), http.StatusOK, nil)
		h, err := f.DB.RoundTextHistory(context.Background(), round, forms.TextIntroduction)
		if err != nil || len(h) != 2 || h[0].Body != "Ny inledning." {
			t.Errorf("history = %+v, %v", h, err)
		}
	})
}

func TestAPIOfficeConsolidationContinues(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	round := f.Demo.InterimID
	rep, _ := f.DB.RoundReport(ctx, round)
	act := rep.Plan.Activities()[1]
	inProgress := rep.Plan.Statuses.InProgress()
	done, _ := rep.Plan.Statuses.DoneStatus()
	path := fmt.Sprintf("/api/v1/rounds/%d/consolidations/%d", round, act.ID)
	var got officeapi.ConsolidationItemJSON
	webtest.WantJSON(t, f.API(t, f.Admin, "PUT", path, map[string]any{"status_id": inProgress.ID, "narrative": "Pågår.", "continues": true,
		"carry_reason": "Systemet byts under våren.", "base_version": 0}), http.StatusOK, &got)
	if c := got.Consolidation; c == nil || !c.Continues || c.CarryReason != "Systemet byts under våren." {
		t.Fatalf("saved = %+v", c)
	}
	rep2, _ := f.DB.RoundReport(ctx, round)
	if carried := rep2.CarriedOver(); len(carried) != 1 || carried[0].Activity.ID != act.ID || carried[0].Reason != "Systemet byts under våren." {
		t.Errorf("carried over = %+v", carried)
	}
	webtest.WantField(t, f.API(t, f.Admin, "PUT", path, map[string]any{"status_id": done.ID, "continues": true, "base_version": 1}), "continues")
}

// settingsJSON is report settings as the API writes them.
func settingsJSON(s forms.ReportSettings) officeapi.ReportSettingsJSON {
	return officeapi.ReportSettingsJSON{Appendix: s.Appendix, DepartmentTables: s.DepartmentTables, Comments: s.Comments,
		Drafts: s.Drafts, Chart: s.Chart, EmptyStatuses: s.EmptyStatuses, Paper: string(s.Paper), CompiledBy: s.CompiledBy,
		Version: s.Version}
}
