package storage

import (
	"testing"
	"time"

	"followup/forms"
)

func TestSaveConsolidation(t *testing.T) {
	f := newFixture(t)
	pagar, klart := f.status(t, "Pågår"), f.status(t, "Genomfört")

	c1, err := f.db.SaveConsolidation(f.ctx, f.round, f.actA, forms.ConsolidationInput{StatusID: pagar, Narrative: " Arbetet pågår.\r\n", IncludeComments: true}, "anna@example.se")
	if err != nil {
		t.Fatalf("first save: %v", err)
	}
	if c1.Version != 1 || c1.Narrative != "Arbetet pågår." || c1.StatusID != pagar || !c1.SavedAt.Equal(clock) {
		t.Errorf("first = %+v", c1)
	}
	later := clock.Add(time.Hour)
	f.db.Now = func() time.Time { return later }
	c2, err := f.db.SaveConsolidation(f.ctx, f.round, f.actA, forms.ConsolidationInput{StatusID: klart, Narrative: "Klart.", BaseVersion: 1}, "bo@example.se")
	if err != nil {
		t.Fatalf("second save: %v", err)
	}
	if c2.Version != 2 || c2.IncludeComments {
		t.Errorf("second = %+v", c2)
	}

	t.Run("ErrConflictStaleBase", func(t *testing.T) {
		_, err := f.db.SaveConsolidation(f.ctx, f.round, f.actA, forms.ConsolidationInput{StatusID: pagar, Narrative: "Annans text", BaseVersion: 1}, "anna@example.se")
		wantCode(t, err, forms.ECONFLICT)
		_, err = f.db.SaveConsolidation(f.ctx, f.round, f.actB, forms.ConsolidationInput{Narrative: "Ny", BaseVersion: 1}, "anna@example.se")
		wantCode(t, err, forms.ECONFLICT)
	})
	t.Run("HistoryKeepsBothVersions", func(t *testing.T) {
		h, err := f.db.ConsolidationHistory(f.ctx, f.round, f.actA)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != 2 {
			t.Fatalf("history has %d versions, want 2: %+v", len(h), h)
		}
		want := []forms.Consolidation{
			{RoundID: f.round, ActivityID: f.actA, StatusID: klart, Narrative: "Klart.", Author: "bo@example.se", SavedAt: later, Version: 2},
			{RoundID: f.round, ActivityID: f.actA, StatusID: pagar, Narrative: "Arbetet pågår.", IncludeComments: true, Author: "anna@example.se", SavedAt: clock, Version: 1},
		}
		for i := range want {
			g := h[i]
			if g.Version != want[i].Version || g.StatusID != want[i].StatusID || g.Narrative != want[i].Narrative ||
				g.IncludeComments != want[i].IncludeComments || g.Author != want[i].Author || !g.SavedAt.Equal(want[i].SavedAt) {
				t.Errorf("history[%d] = %+v, want %+v", i, g, want[i])
			}
		}
	})
	t.Run("ReportHasLatest", func(t *testing.T) {
		rep, err := f.db.RoundReport(f.ctx, f.round)
		if err != nil {
			t.Fatal(err)
		}
		if st, ok := rep.ConsolidatedStatus(f.actA); !ok || st.ID != klart || rep.IncludeComments(f.actA) {
			t.Errorf("consolidated = %+v, %v; include comments %v", st, ok, rep.IncludeComments(f.actA))
		}
	})
	t.Run("OKWithoutStatus", func(t *testing.T) {
		c, err := f.db.SaveConsolidation(f.ctx, f.round, f.actB, forms.ConsolidationInput{Narrative: "Utkast"}, "anna@example.se")
		if err != nil || c.StatusID != 0 || c.Version != 1 {
			t.Errorf("save without status = %+v, %v", c, err)
		}
	})
	t.Run("ErrInvalidStatus", func(t *testing.T) {
		_, err := f.db.SaveConsolidation(f.ctx, f.round, f.actC, forms.ConsolidationInput{StatusID: 9999}, "anna@example.se")
		wantCode(t, err, forms.EINVALID)
	})
	t.Run("ErrNotFoundActivity", func(t *testing.T) {
		_, err := f.db.SaveConsolidation(f.ctx, f.round, 9999, forms.ConsolidationInput{}, "anna@example.se")
		wantCode(t, err, forms.ENOTFOUND)
	})
}
