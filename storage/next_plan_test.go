package storage

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"followup/forms"
)

// proposed returns the proposal's activities by title.
func proposed(p *forms.NextPlanProposal) map[string]forms.ProposedActivity {
	out := map[string]forms.ProposedActivity{}
	for _, ar := range p.Areas {
		for _, a := range ar.Activities {
			out[a.Source.Title] = a
		}
	}
	return out
}

func TestNextPlanProposalDefaults(t *testing.T) {
	f := newLineFixture(t)
	p := f.firstPlan(t)
	_, annual := f.finishedYear(t, p)
	prop, err := f.db.NextPlanProposal(f.ctx, p.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if prop.Year != 2025 || prop.Title != "Handlingsplan 2025" || prop.Round == nil || prop.Round.ID != annual {
		t.Errorf("proposal head = %d %q round %+v, want 2025, Handlingsplan 2025, round %d", prop.Year, prop.Title, prop.Round, annual)
	}
	if len(prop.Warnings) != 0 {
		t.Errorf("warnings = %v, want none for a closed, consolidated annual round", prop.Warnings)
	}
	want := map[string]struct {
		keep   bool
		reason forms.ProposalReason
	}{
		"Riskanalys":              {false, forms.ReasonDone},
		"Informationsklassning":   {true, forms.ReasonNotDone},
		"Tvåfaktorsautentisering": {true, forms.ReasonCarriesOver},
		"Loggning":                {true, forms.ReasonNotDone},
	}
	got := proposed(prop)
	for title, w := range want {
		if a := got[title]; a.Keep != w.keep || a.Reason != w.reason || a.TimesCarried != 1 {
			t.Errorf("%s: keep %v reason %q times %d, want keep %v reason %q times 1", title, a.Keep, a.Reason, a.TimesCarried, w.keep, w.reason)
		}
	}
	if len(got) != len(want) {
		t.Errorf("the proposal shows %d activities, want all %d (done ones unticked)", len(got), len(want))
	}
}

func TestCreateNextPlan(t *testing.T) {
	f := newLineFixture(t)
	p := f.firstPlan(t)
	f.finishedYear(t, p)
	next := f.next(t, p, 2025)

	t.Run("ScaleCopied", func(t *testing.T) {
		if len(next.Statuses) != len(p.Statuses) {
			t.Fatalf("%d statuses, want %d", len(next.Statuses), len(p.Statuses))
		}
		for i, st := range next.Statuses {
			old := p.Statuses[i]
			if st.ID == old.ID || st.Name != old.Name || st.Color != old.Color || st.Done != old.Done || st.CarriesOver != old.CarriesOver ||
				st.NotApplicable != old.NotApplicable || st.CommentRequired != old.CommentRequired {
				t.Errorf("status %d = %+v, want a copy of %+v with its own id", i, st, old)
			}
		}
	})
	t.Run("OriginsSet", func(t *testing.T) {
		if next.PredecessorID != p.ID || next.Year != 2025 || next.Title != "Handlingsplan 2025" {
			t.Errorf("plan = predecessor %d year %d %q", next.PredecessorID, next.Year, next.Title)
		}
		var titles []string
		for _, a := range next.Activities() {
			titles = append(titles, a.Title)
			o := a.Origin
			if o.ActivityID != lineAct(t, p, a.Title) || o.PlanID != p.ID || o.Year != 2024 || o.PlanTitle != p.Title || o.ActivityTitle != a.Title || a.TimesCarried != 1 {
				t.Errorf("%s: origin %+v times %d", a.Title, o, a.TimesCarried)
			}
		}
		if want := []string{"Informationsklassning", "Tvåfaktorsautentisering", "Loggning"}; !slices.Equal(titles, want) {
			t.Errorf("activities = %q, want %q", titles, want)
		}
		logg, _ := next.Activity(lineAct(t, next, "Loggning"))
		if logg.AllDepartments || !slices.Equal(logg.DepartmentIDs, []int64{f.energi.ID, f.it.ID}) {
			t.Errorf("Loggning respondents = %v", logg.DepartmentIDs)
		}
	})
	t.Run("OtherYearAllowed", func(t *testing.T) {
		prop, err := f.db.NextPlanProposal(f.ctx, p.ID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if prop.Existing != 0 {
			t.Errorf("Existing = %d for 2026", prop.Existing)
		}
		if _, err := f.db.PreviewNextPlan(f.ctx, prop.Input(true)); err != nil {
			t.Errorf("preview for 2026: %v", err)
		}
	})
	t.Run("Audited", func(t *testing.T) {
		if n := queryInt(t, f.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'plan.next' AND entity_id = ?`, next.ID); n != 1 {
			t.Errorf("%d audit rows for the new plan", n)
		}
	})
}

func TestPreviewNextPlanWritesNothing(t *testing.T) {
	f := newLineFixture(t)
	p := f.firstPlan(t)
	prop, err := f.db.NextPlanProposal(f.ctx, p.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	in := prop.Input(false)
	in.Areas = append(in.Areas, forms.NextAreaInput{Title: "Dataskydd", Activities: []forms.NextActivityInput{
		{Title: "Registerförteckning", AllDepartments: true}}})
	in.Areas[0].Activities[0].Title = "Riskanalys av kritisk information"
	plan, err := f.db.PreviewNextPlan(f.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	acts := plan.Activities()
	if len(acts) != 5 || acts[0].Title != "Riskanalys av kritisk information" || acts[0].Origin.ActivityTitle != "Riskanalys" || acts[4].Carried() {
		t.Errorf("preview = %+v", acts)
	}
	if n := queryInt(t, f.db, `SELECT COUNT(*) FROM plans`); n != 1 {
		t.Errorf("%d plans after a preview, want 1", n)
	}
	t.Run("ErrUnknownSource", func(t *testing.T) {
		in.SourcePlanID = 999
		_, err := f.db.PreviewNextPlan(f.ctx, in)
		wantCode(t, err, forms.ENOTFOUND)
	})
}

func TestNextPlanProposalFlagsDeactivatedRespondent(t *testing.T) {
	f := newLineFixture(t)
	p := f.firstPlan(t)
	f.finishedYear(t, p)
	if err := f.db.SetDepartmentActive(f.ctx, f.it.ID, false, "test"); err != nil {
		t.Fatal(err)
	}
	prop, err := f.db.NextPlanProposal(f.ctx, p.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !prop.Warned(forms.WarnFlaggedRespondents) {
		t.Errorf("warnings = %v, want %q", prop.Warnings, forms.WarnFlaggedRespondents)
	}
	got := proposed(prop)
	two := got["Tvåfaktorsautentisering"]
	if fl := two.Flagged(); len(fl) != 1 || fl[0].DepartmentID != f.it.ID || fl[0].Problem != forms.RespondentInactive || fl[0].Name != f.it.Name {
		t.Errorf("Tvåfaktorsautentisering flagged = %+v", fl)
	}
	if !two.Keep {
		t.Error("an activity with a deactivated respondent was unticked")
	}
	if fl := got["Riskanalys"].Flagged(); len(fl) != 0 {
		t.Errorf("an activity for everyone flagged %+v", fl)
	}
	// Nothing is dropped silently: kept as is, the respondent stays.
	id, err := f.db.CreateNextPlan(f.ctx, prop.Input(false), "test")
	if err != nil {
		t.Fatal(err)
	}
	next := f.plan(t, id)
	if a, _ := next.Activity(lineAct(t, next, "Tvåfaktorsautentisering")); !slices.Equal(a.DepartmentIDs, []int64{f.it.ID}) {
		t.Errorf("respondents = %v, want the deactivated department kept", a.DepartmentIDs)
	}
}

func TestNextPlanProposalWarnsOfUnfinishedRound(t *testing.T) {
	f := newLineFixture(t)
	p := f.firstPlan(t)
	t.Run("NoRound", func(t *testing.T) {
		prop, err := f.db.NextPlanProposal(f.ctx, p.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(prop.Warnings, []forms.ProposalWarning{forms.WarnNoRound}) {
			t.Errorf("warnings = %v", prop.Warnings)
		}
	})
	interim := f.openRound(t, p, "interim", "Delårsrapport 2024", "2024-08-31")
	f.consolidate(t, p, interim, map[string]string{"Riskanalys": "Genomfört"})
	t.Run("InterimOnly", func(t *testing.T) {
		prop, err := f.db.NextPlanProposal(f.ctx, p.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := []forms.ProposalWarning{forms.WarnNoAnnualRound, forms.WarnRoundNotClosed, forms.WarnNotConsolidated}
		if !slices.Equal(prop.Warnings, want) || prop.Round == nil || prop.Round.ID != interim {
			t.Errorf("warnings = %v round %+v, want %v from round %d", prop.Warnings, prop.Round, want, interim)
		}
		if a := proposed(prop)["Riskanalys"]; a.Keep {
			t.Error("done in the interim round but ticked")
		}
	})
	annual := f.openRound(t, p, "annual", "Årsredovisning 2024", "2024-12-31")
	t.Run("AnnualOpen", func(t *testing.T) {
		prop, err := f.db.NextPlanProposal(f.ctx, p.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := []forms.ProposalWarning{forms.WarnRoundNotClosed, forms.WarnNotConsolidated}
		if !slices.Equal(prop.Warnings, want) || prop.Round.ID != annual {
			t.Errorf("warnings = %v round %d, want %v from round %d", prop.Warnings, prop.Round.ID, want, annual)
		}
		for title, a := range proposed(prop) {
			if !a.Keep || a.Reason != forms.ReasonNoStatus {
				t.Errorf("%s: keep %v reason %q, want kept for lack of a status", title, a.Keep, a.Reason)
			}
		}
		// Allowed, with the warning.
		if _, err := f.db.CreateNextPlan(f.ctx, prop.Input(false), "test"); err != nil {
			t.Errorf("CreateNextPlan from an open round: %v", err)
		}
	})
}

func TestCreateNextPlanTwiceForTheSameYear(t *testing.T) {
	f := newLineFixture(t)
	p := f.firstPlan(t)
	f.finishedYear(t, p)
	next := f.next(t, p, 2025)
	prop, err := f.db.NextPlanProposal(f.ctx, p.ID, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if prop.Existing != next.ID {
		t.Errorf("proposal Existing = %d, want %d", prop.Existing, next.ID)
	}
	_, err = f.db.CreateNextPlan(f.ctx, prop.Input(false), "test")
	wantCode(t, err, forms.ECONFLICT)
	if !strings.Contains(forms.ErrorMessage(err), fmt.Sprintf("plan %d ", next.ID)) {
		t.Errorf("message %q does not name plan %d", forms.ErrorMessage(err), next.ID)
	}
	_, err = f.db.PreviewNextPlan(f.ctx, prop.Input(false))
	wantCode(t, err, forms.ECONFLICT)
	got, err := f.db.NextPlanOf(f.ctx, p.ID, 2025)
	if err != nil || got.ID != next.ID {
		t.Errorf("NextPlanOf = %+v, %v; want plan %d", got, err, next.ID)
	}
	if _, err := f.db.NextPlanOf(f.ctx, p.ID, 2026); forms.ErrorCode(err) != forms.ENOTFOUND {
		t.Errorf("NextPlanOf 2026: %v, want not found", err)
	}
	if n := queryInt(t, f.db, `SELECT COUNT(*) FROM plans`); n != 2 {
		t.Errorf("%d plans, want 2", n)
	}
}
