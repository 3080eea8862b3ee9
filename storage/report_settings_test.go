package storage

import (
	"testing"
	"time"

	"followup/forms"
)

func TestReportSettings(t *testing.T) {
	f := newFixture(t)
	got, err := f.db.ReportSettings(f.ctx, f.round)
	if err != nil {
		t.Fatal(err)
	}
	if got != forms.DefaultReportSettings() {
		t.Errorf("settings before any save = %+v, want the defaults", got)
	}
	in := forms.ReportSettings{Appendix: false, DepartmentTables: true, Comments: false, Drafts: true, Chart: false,
		EmptyStatuses: true, CompiledBy: "  Säkerhetsenheten  "}
	saved, err := f.db.SaveReportSettings(f.ctx, f.round, in, "anna@example.se")
	if err != nil {
		t.Fatal(err)
	}
	want := in
	want.CompiledBy, want.Paper, want.Version = "Säkerhetsenheten", forms.PaperA4Portrait, 1
	if saved != want {
		t.Errorf("saved = %+v, want %+v", saved, want)
	}
	rep, err := f.db.RoundReport(f.ctx, f.round)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Settings != want {
		t.Errorf("report's settings = %+v, want %+v", rep.Settings, want)
	}
	t.Run("ErrConflictStaleVersion", func(t *testing.T) {
		_, err := f.db.SaveReportSettings(f.ctx, f.round, forms.DefaultReportSettings(), "bo@example.se")
		wantCode(t, err, forms.ECONFLICT)
	})
	t.Run("ErrInvalidName", func(t *testing.T) {
		bad := saved
		bad.CompiledBy = "Två\nrader"
		_, err := f.db.SaveReportSettings(f.ctx, f.round, bad, "bo@example.se")
		wantCode(t, err, forms.EINVALID)
	})
	t.Run("ErrNotFoundRound", func(t *testing.T) {
		_, err := f.db.SaveReportSettings(f.ctx, 9999, forms.DefaultReportSettings(), "bo@example.se")
		wantCode(t, err, forms.ENOTFOUND)
	})
}

func TestRoundTexts(t *testing.T) {
	f := newFixture(t)
	t1, err := f.db.SaveRoundText(f.ctx, f.round, forms.TextIntroduction, forms.RoundTextInput{Body: "Inledning.\r\n\r\n- en punkt\r\n"}, "anna@example.se")
	if err != nil {
		t.Fatal(err)
	}
	if t1.Version != 1 || t1.Body != "Inledning.\n\n- en punkt" {
		t.Errorf("first = %+v", t1)
	}
	later := clock.Add(time.Hour)
	f.db.Now = func() time.Time { return later }
	if _, err := f.db.SaveRoundText(f.ctx, f.round, forms.TextIntroduction, forms.RoundTextInput{Body: "Ny inledning.", BaseVersion: 1}, "bo@example.se"); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrConflictStaleBase", func(t *testing.T) {
		_, err := f.db.SaveRoundText(f.ctx, f.round, forms.TextIntroduction, forms.RoundTextInput{Body: "Annan", BaseVersion: 1}, "anna@example.se")
		wantCode(t, err, forms.ECONFLICT)
	})
	t.Run("ErrNotFoundKind", func(t *testing.T) {
		_, err := f.db.SaveRoundText(f.ctx, f.round, "epilogue", forms.RoundTextInput{Body: "x"}, "anna@example.se")
		wantCode(t, err, forms.ENOTFOUND)
	})
	t.Run("HistoryNewestFirst", func(t *testing.T) {
		h, err := f.db.RoundTextHistory(f.ctx, f.round, forms.TextIntroduction)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != 2 || h[0].Body != "Ny inledning." || h[0].Author != "bo@example.se" || !h[0].SavedAt.Equal(later) || h[1].Version != 1 {
			t.Errorf("history = %+v", h)
		}
	})
	t.Run("ReportHasTexts", func(t *testing.T) {
		rep, err := f.db.RoundReport(f.ctx, f.round)
		if err != nil {
			t.Fatal(err)
		}
		if got := rep.Texts[forms.TextIntroduction]; got.Body != "Ny inledning." || got.Version != 2 {
			t.Errorf("introduction = %+v", got)
		}
		if _, ok := rep.Texts[forms.TextAssessment]; ok {
			t.Error("an assessment nobody wrote is in the report")
		}
	})
}

func TestConsolidationContinues(t *testing.T) {
	f := newFixture(t)
	pagar := f.status(t, "Pågår")
	in := forms.ConsolidationInput{StatusID: pagar, Narrative: "Pågår.", Continues: true, CarryReason: " Leverantören levererar i mars. "}
	if _, err := f.db.SaveConsolidation(f.ctx, f.round, f.actA, in, "anna@example.se"); err != nil {
		t.Fatal(err)
	}
	rep, err := f.db.RoundReport(f.ctx, f.round)
	if err != nil {
		t.Fatal(err)
	}
	carried := rep.CarriedOver()
	if len(carried) != 1 || carried[0].Activity.ID != f.actA || carried[0].Reason != "Leverantören levererar i mars." {
		t.Errorf("carried over = %+v", carried)
	}
	h, err := f.db.ConsolidationHistory(f.ctx, f.round, f.actA)
	if err != nil || len(h) != 1 || !h[0].Continues || h[0].CarryReason != "Leverantören levererar i mars." {
		t.Errorf("history = %+v, %v", h, err)
	}
}
