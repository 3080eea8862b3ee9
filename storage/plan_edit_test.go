package storage

import (
	"testing"

	"followup/forms"
)

func planEditTitles(p *forms.Plan) (areas []string, acts [][]string) {
	for _, ar := range p.Areas {
		areas = append(areas, ar.Title)
		var ts []string
		for _, a := range ar.Activities {
			ts = append(ts, a.Title)
		}
		acts = append(acts, ts)
	}
	return areas, acts
}

func planEditReload(tb testing.TB, f *fixture) *forms.Plan {
	tb.Helper()
	p, err := f.db.Plan(f.ctx, f.plan.ID)
	if err != nil {
		tb.Fatalf("Plan: %v", err)
	}
	return p
}

func TestPlanEditMeta(t *testing.T) {
	f := newFixture(t)
	t.Run("OK", func(t *testing.T) {
		err := f.db.UpdatePlanMeta(f.ctx, f.plan.ID, forms.PlanMeta{Organisation: " Exempelby  kommun ", Title: "Ny titel", Year: 2025}, "test")
		wantCode(t, err, "")
		p := planEditReload(t, f)
		if p.Organisation != "Exempelby kommun" || p.Title != "Ny titel" || p.Year != 2025 {
			t.Fatalf("got %q %q %d", p.Organisation, p.Title, p.Year)
		}
		if n := queryInt(t, f.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'plan.update' AND entity_id = ?`, f.plan.ID); n != 1 {
			t.Fatalf("audit rows = %d, want 1", n)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		err := f.db.UpdatePlanMeta(f.ctx, f.plan.ID, forms.PlanMeta{Organisation: "", Title: "x", Year: 1999}, "test")
		wantCode(t, err, forms.EINVALID)
		e := err.(*forms.Error)
		if e.Fields["organisation"] != "error.required" || e.Fields["year"] != "plans.error.year" {
			t.Fatalf("fields = %v", e.Fields)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		wantCode(t, f.db.UpdatePlanMeta(f.ctx, 999, forms.PlanMeta{Organisation: "a", Title: "b", Year: 2024}, "test"), forms.ENOTFOUND)
	})
}

func TestPlanEditAreasAndActivities(t *testing.T) {
	f := newFixture(t)
	id, err := f.db.AddArea(f.ctx, f.plan.ID, "  Nätverk ", "test")
	wantCode(t, err, "")
	t.Run("DuplicateAreaRefused", func(t *testing.T) {
		_, err := f.db.AddArea(f.ctx, f.plan.ID, "nätverk", "test")
		wantCode(t, err, forms.EINVALID)
		if k := err.(*forms.Error).Fields["title"]; k != "plans.error.duplicate_area" {
			t.Fatalf("title error = %q", k)
		}
	})
	t.Run("MoveAreaUp", func(t *testing.T) {
		wantCode(t, f.db.MoveArea(f.ctx, f.plan.ID, id, true, "test"), "")
		areas, _ := planEditTitles(planEditReload(t, f))
		if want := []string{"Styrning", "Nätverk", "IT-säkerhet"}; !planEqualStrings(areas, want) {
			t.Fatalf("areas = %v, want %v", areas, want)
		}
		// At the top already: nothing changes, no error.
		first := planEditReload(t, f).Areas[0].ID
		wantCode(t, f.db.MoveArea(f.ctx, f.plan.ID, first, true, "test"), "")
	})
	t.Run("AddActivityWithNamedRespondents", func(t *testing.T) {
		actID, err := f.db.AddActivity(f.ctx, f.plan.ID, id, forms.Activity{Title: "Nätverksträffar", Description: "Fyra per år.\r\n", DepartmentIDs: []int64{f.it.ID, f.bou.ID}}, "test")
		wantCode(t, err, "")
		p := planEditReload(t, f)
		a, ok := p.Activity(actID)
		if !ok || a.AllDepartments || len(a.DepartmentIDs) != 2 || a.Description != "Fyra per år." {
			t.Fatalf("activity = %+v", a)
		}
	})
	t.Run("ActivityNeedsRespondents", func(t *testing.T) {
		_, err := f.db.AddActivity(f.ctx, f.plan.ID, id, forms.Activity{Title: "Utan svarande"}, "test")
		wantCode(t, err, forms.EINVALID)
		if k := err.(*forms.Error).Fields["respondents"]; k != "plans.error.respondents" {
			t.Fatalf("respondents error = %q", k)
		}
		_, err = f.db.AddActivity(f.ctx, f.plan.ID, id, forms.Activity{Title: "Okänd", DepartmentIDs: []int64{9999}}, "test")
		wantCode(t, err, forms.EINVALID)
	})
	t.Run("AreaOfAnotherPlanNotFound", func(t *testing.T) {
		other := &forms.Plan{Organisation: "O", Title: "T", Year: 2024, Statuses: forms.DefaultScale(), Areas: []forms.Area{{Title: "X"}}}
		if _, err := f.db.CreatePlan(f.ctx, other, "test"); err != nil {
			t.Fatal(err)
		}
		_, err := f.db.AddActivity(f.ctx, f.plan.ID, other.Areas[0].ID, forms.Activity{Title: "A", AllDepartments: true}, "test")
		wantCode(t, err, forms.ENOTFOUND)
	})
	t.Run("UpdateAndMoveActivity", func(t *testing.T) {
		err := f.db.UpdateActivity(f.ctx, f.plan.ID, f.actB, forms.Activity{Title: "Kontinuitetsplaner", Description: "Ny text", DepartmentIDs: []int64{f.energi.ID}}, "test")
		wantCode(t, err, "")
		wantCode(t, f.db.MoveActivity(f.ctx, f.plan.ID, f.actB, true, "test"), "")
		p := planEditReload(t, f)
		_, acts := planEditTitles(p)
		if want := []string{"Kontinuitetsplaner", "Riskanalys"}; !planEqualStrings(acts[0], want) {
			t.Fatalf("activities = %v, want %v", acts[0], want)
		}
		a, _ := p.Activity(f.actB)
		if a.AllDepartments || len(a.DepartmentIDs) != 1 || a.DepartmentIDs[0] != f.energi.ID {
			t.Fatalf("respondents = %v %v", a.AllDepartments, a.DepartmentIDs)
		}
		err = f.db.UpdateActivity(f.ctx, f.plan.ID, f.actB, forms.Activity{Title: "riskanalys", AllDepartments: true}, "test")
		wantCode(t, err, forms.EINVALID)
	})
	t.Run("DeleteActivityWithAnswersRefused", func(t *testing.T) {
		f.mustSave(t, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: f.actA, StatusID: f.status(t, "Pågår")}}})
		wantCode(t, f.db.DeleteActivity(f.ctx, f.plan.ID, f.actA, "test"), forms.ECONFLICT)
		used, err := f.db.ActivitiesInUse(f.ctx, f.plan.ID)
		wantCode(t, err, "")
		if !used[f.actA] || used[f.actC] {
			t.Fatalf("in use = %v", used)
		}
		wantCode(t, f.db.DeleteActivity(f.ctx, f.plan.ID, f.actC, "test"), "")
		wantCode(t, f.db.DeleteArea(f.ctx, f.plan.ID, f.plan.Areas[1].ID, "test"), "")
		wantCode(t, f.db.DeleteArea(f.ctx, f.plan.ID, f.plan.Areas[0].ID, "test"), forms.ECONFLICT)
	})
	t.Run("ArchivedPlanReadOnly", func(t *testing.T) {
		wantCode(t, f.db.ArchivePlan(f.ctx, f.plan.ID, true, "test"), "")
		_, err := f.db.AddArea(f.ctx, f.plan.ID, "Efter arkivering", "test")
		wantCode(t, err, forms.ECONFLICT)
		wantCode(t, f.db.ArchivePlan(f.ctx, f.plan.ID, false, "test"), "")
		_, err = f.db.AddArea(f.ctx, f.plan.ID, "Efter återställning", "test")
		wantCode(t, err, "")
	})
}

func TestPlanEditScale(t *testing.T) {
	f := newFixture(t)
	pagar := f.status(t, "Pågår")
	f.mustSave(t, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: f.actA, StatusID: pagar}}})
	scale := func() forms.Scale { return append(forms.Scale(nil), planEditReload(t, f).Statuses...) }

	t.Run("ErrInvalidColour", func(t *testing.T) {
		s := scale()
		s[1].Color = "red"
		err := f.db.ReplaceScale(f.ctx, f.plan.ID, s, "test")
		wantCode(t, err, forms.EINVALID)
		if k := err.(*forms.Error).Fields["statuses[1].color"]; k != "error.color" {
			t.Fatalf("fields = %v", err.(*forms.Error).Fields)
		}
	})
	t.Run("ErrRenameUsedStatus", func(t *testing.T) {
		s := scale()
		for i := range s {
			if s[i].ID == pagar {
				s[i].Name = "Pågår fortfarande"
			}
		}
		err := f.db.ReplaceScale(f.ctx, f.plan.ID, s, "test")
		wantCode(t, err, forms.ECONFLICT)
		if k := err.(*forms.Error).Fields["status:"+itoa(int(pagar))]; k != "plans.error.status_in_use" {
			t.Fatalf("fields = %v", err.(*forms.Error).Fields)
		}
	})
	t.Run("ErrRemoveUsedStatus", func(t *testing.T) {
		var s forms.Scale
		for _, st := range scale() {
			if st.ID != pagar {
				s = append(s, st)
			}
		}
		wantCode(t, f.db.ReplaceScale(f.ctx, f.plan.ID, s, "test"), forms.ECONFLICT)
		if _, ok := planEditReload(t, f).Statuses.ByID(pagar); !ok {
			t.Fatal("the used status was removed")
		}
	})
	t.Run("OKRecolourReorderAddRemoveUnused", func(t *testing.T) {
		old := scale()
		var s forms.Scale
		for _, st := range old {
			switch st.Name {
			case "Ej aktuellt":
				continue // unused: may go
			case "Pågår":
				st.Color = "#00AA00" // used: colour may change
			}
			s = append(s, st)
		}
		s[0], s[1] = s[1], s[0]
		s = append(s, forms.Status{Name: "Avbrutet", Color: "#333333", CommentRequired: true})
		wantCode(t, f.db.ReplaceScale(f.ctx, f.plan.ID, s, "test"), "")
		got := scale()
		var names []string
		for _, st := range got {
			names = append(names, st.Name)
		}
		want := []string{"Påbörjat", "Ej påbörjat", "Pågår", "Genomfört", "Flyttas till nästa år", "Avbrutet"}
		if !planEqualStrings(names, want) {
			t.Fatalf("scale = %v, want %v", names, want)
		}
		st, _ := got.ByID(pagar)
		if st.Color != "#00aa00" || st.Position != 2 {
			t.Fatalf("Pågår = %+v", st)
		}
		used, err := f.db.StatusesInUse(f.ctx, f.plan.ID)
		wantCode(t, err, "")
		if !used[pagar] || len(used) != 1 {
			t.Fatalf("in use = %v", used)
		}
	})
	t.Run("ErrStatusOfAnotherPlan", func(t *testing.T) {
		other := &forms.Plan{Organisation: "O", Title: "T", Year: 2024, Statuses: forms.DefaultScale()}
		if _, err := f.db.CreatePlan(f.ctx, other, "test"); err != nil {
			t.Fatal(err)
		}
		s := append(scale(), other.Statuses[0])
		s[len(s)-1].Name = "Främmande"
		wantCode(t, f.db.ReplaceScale(f.ctx, f.plan.ID, s, "test"), forms.EINVALID)
	})
}

func planEqualStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
