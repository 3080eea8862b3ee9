package storage

import (
	"reflect"
	"slices"
	"testing"

	"followup/forms"
)

func TestCreatePlanThenPlan(t *testing.T) {
	f := newFixture(t)
	got, err := f.db.Plan(f.ctx, f.plan.ID)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	// CreatePlan filled in the ids of f.plan; the stored plan must match.
	want := *f.plan
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("Plan =\n%+v\nwant\n%+v", got, &want)
	}
	t.Run("StatusIDs", func(t *testing.T) {
		seen := map[int64]bool{}
		for i, s := range got.Statuses {
			if s.ID == 0 || seen[s.ID] || s.Position != i {
				t.Errorf("status %d = %+v", i, s)
			}
			seen[s.ID] = true
		}
		if len(got.Statuses) != len(forms.DefaultScale()) || got.Statuses[3].Name != "Genomfört" || !got.Statuses[3].Done {
			t.Errorf("statuses = %+v", got.Statuses)
		}
	})
	t.Run("ActivityOrder", func(t *testing.T) {
		var titles []string
		for _, a := range got.Activities() {
			titles = append(titles, a.Title)
		}
		if want := []string{"Riskanalys", "Kontinuitetsplan", "Tvåfaktorsautentisering"}; !slices.Equal(titles, want) {
			t.Errorf("activities = %q, want %q", titles, want)
		}
	})
	t.Run("Respondents", func(t *testing.T) {
		c, _ := got.Activity(f.actC)
		if c.AllDepartments || !slices.Equal(c.DepartmentIDs, []int64{f.it.ID}) {
			t.Errorf("activity C respondents: all %v, %v; want only %d", c.AllDepartments, c.DepartmentIDs, f.it.ID)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := f.db.Plan(f.ctx, 9999)
		wantCode(t, err, forms.ENOTFOUND)
	})
}

func TestCreatePlanFromJSONKeepsOrder(t *testing.T) {
	f := newFixture(t)
	deps, err := f.db.Departments(f.ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	// Many activities, respondents named out of name order.
	doc := &forms.PlanDocument{Organisation: "K", Year: 2025, Title: "P", Areas: []forms.AreaDocument{
		{Title: "Ö", Activities: []forms.ActivityDocument{
			{Title: "3", Respondents: forms.Respondents{Names: []string{"IT-avdelningen", "Barn- och utbildningsförvaltningen"}}},
			{Title: "1", Respondents: forms.Respondents{All: true}},
			{Title: "2", Respondents: forms.Respondents{All: true}},
		}},
		{Title: "A", Activities: []forms.ActivityDocument{{Title: "x", Respondents: forms.Respondents{All: true}}}},
	}}
	p, err := doc.ToPlan(deps)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.CreatePlan(f.ctx, p, "office"); err != nil {
		t.Fatal(err)
	}
	got, err := f.db.Plan(f.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range got.Activities() {
		titles = append(titles, a.Title)
	}
	if want := []string{"3", "1", "2", "x"}; !slices.Equal(titles, want) {
		t.Errorf("activities = %q, want %q", titles, want)
	}
	first := got.Areas[0].Activities[0]
	ids := slices.Clone(first.DepartmentIDs)
	slices.Sort(ids)
	want := []int64{f.bou.ID, f.it.ID}
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("respondents = %v, want %v", first.DepartmentIDs, want)
	}
	plans, err := f.db.Plans(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 2 || plans[0].ID != p.ID || plans[0].Activities != 4 || plans[1].Activities != 3 || plans[1].Rounds != 1 {
		t.Errorf("Plans = %+v", plans)
	}
}

func TestRounds(t *testing.T) {
	f := newFixture(t)
	names := func(deps []forms.Department) []string {
		var out []string
		for _, d := range deps {
			out = append(out, d.Name)
		}
		return out
	}

	t.Run("EveryActiveDepartmentByDefault", func(t *testing.T) {
		deps, err := f.db.Participants(f.ctx, f.round)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"Barn- och utbildningsförvaltningen", "Exempelby Energi AB", "IT-avdelningen"}
		if got := names(deps); !slices.Equal(got, want) {
			t.Errorf("participants = %q, want %q", got, want)
		}
	})

	in := forms.RoundInput{PlanID: f.plan.ID, Kind: "delår", Title: "Delårsrapport", ReportDate: "2024-08-31", Deadline: "2024-09-15",
		DepartmentIDs: []int64{f.it.ID, f.energi.ID}}
	id, err := f.db.CreateRound(f.ctx, in, "office")
	if err != nil {
		t.Fatalf("CreateRound: %v", err)
	}
	t.Run("NamedParticipants", func(t *testing.T) {
		deps, err := f.db.Participants(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := names(deps), []string{"Exempelby Energi AB", "IT-avdelningen"}; !slices.Equal(got, want) {
			t.Errorf("participants = %q, want %q", got, want)
		}
		if _, err := f.db.Response(f.ctx, id, f.bou.ID); forms.ErrorCode(err) != forms.ENOTFOUND {
			t.Errorf("Response of a non-participant: %v, want ENOTFOUND", err)
		}
	})
	t.Run("Stored", func(t *testing.T) {
		r, err := f.db.Round(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Kind != forms.RoundInterim || r.State != forms.RoundDraft || r.Title != "Delårsrapport" ||
			r.ReportDate.Format(forms.DateLayout) != "2024-08-31" || r.Deadline.Format(forms.DateLayout) != "2024-09-15" || !r.CreatedAt.Equal(clock) {
			t.Errorf("round = %+v", r)
		}
	})
	t.Run("ErrInvalidCloseDraft", func(t *testing.T) {
		wantCode(t, f.db.SetRoundState(f.ctx, id, forms.RoundClosed, "office"), forms.EINVALID)
	})
	t.Run("OpenAndClose", func(t *testing.T) {
		if err := f.db.SetRoundState(f.ctx, id, forms.RoundOpen, "office"); err != nil {
			t.Fatal(err)
		}
		r, _ := f.db.Round(f.ctx, id)
		if r.State != forms.RoundOpen || !r.OpenedAt.Equal(clock) {
			t.Errorf("after opening: %+v", r)
		}
		if n := queryInt(t, f.db, `SELECT COUNT(*) FROM responses WHERE round_id = ? AND state = 'not_started'`, id); n != 2 {
			t.Errorf("%d not-started responses, want one per participant (2)", n)
		}
		if err := f.db.SetRoundState(f.ctx, id, forms.RoundClosed, "office"); err != nil {
			t.Fatal(err)
		}
		r, _ = f.db.Round(f.ctx, id)
		if r.State != forms.RoundClosed || !r.ClosedAt.Equal(clock) {
			t.Errorf("after closing: %+v", r)
		}
		// Reopening keeps the first opening time and clears the closing.
		if err := f.db.SetRoundState(f.ctx, id, forms.RoundOpen, "office"); err != nil {
			t.Fatal(err)
		}
		r, _ = f.db.Round(f.ctx, id)
		if r.State != forms.RoundOpen || !r.ClosedAt.IsZero() || !r.OpenedAt.Equal(clock) {
			t.Errorf("after reopening: %+v", r)
		}
	})
	t.Run("ErrInvalidUnknownState", func(t *testing.T) {
		wantCode(t, f.db.SetRoundState(f.ctx, id, "archived", "office"), forms.EINVALID)
	})
	t.Run("ErrNotFoundRound", func(t *testing.T) {
		wantCode(t, f.db.SetRoundState(f.ctx, 9999, forms.RoundOpen, "office"), forms.ENOTFOUND)
	})
	t.Run("ErrNotFoundPlan", func(t *testing.T) {
		bad := in
		bad.PlanID = 9999
		_, err := f.db.CreateRound(f.ctx, bad, "office")
		wantCode(t, err, forms.ENOTFOUND)
	})
	t.Run("ErrInvalidUnknownDepartment", func(t *testing.T) {
		bad := in
		bad.DepartmentIDs = []int64{f.it.ID, 9999}
		_, err := f.db.CreateRound(f.ctx, bad, "office")
		wantCode(t, err, forms.EINVALID)
		if n := queryInt(t, f.db, `SELECT COUNT(*) FROM rounds`); n != 2 {
			t.Errorf("%d rounds after a refused create, want 2", n)
		}
	})
	t.Run("ErrInvalidInput", func(t *testing.T) {
		bad := in
		bad.Deadline = "snart"
		_, err := f.db.CreateRound(f.ctx, bad, "office")
		wantCode(t, err, forms.EINVALID)
	})
}
