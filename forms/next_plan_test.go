package forms_test

import (
	"slices"
	"testing"
	"time"

	"followup/forms"
	"followup/forms/formstest"
)

// nextSource is the fixture's plan with its annual round's consolidations
// set: 11 done, 12 in progress, 13 none, 21 moved to next year, 22 in
// progress but marked continuing; department 3 is deactivated and
// department 9, which answers 21, is gone.
func nextSource(t *testing.T) forms.ProposalSource {
	t.Helper()
	rep := formstest.Small()
	plan := rep.Plan
	plan.Areas[1].Activities[0].DepartmentIDs = []int64{2, 3, 9}
	plan.Areas[0].Activities[1].TimesCarried = 2
	deps := append([]forms.Department(nil), rep.Departments...)
	deps[2].Active = false
	round := rep.Round
	round.State = forms.RoundClosed
	return forms.ProposalSource{Plan: &plan, Round: &round, Departments: deps, Consolidations: map[int64]forms.Consolidation{
		11: {StatusID: formstest.Done},
		12: {StatusID: formstest.InProgress},
		21: {StatusID: formstest.CarriedOver},
		22: {StatusID: formstest.Started, Continues: true},
	}}
}

func TestProposeNextPlanDefaults(t *testing.T) {
	p := forms.ProposeNextPlan(nextSource(t), 2025)
	if p.Year != 2025 || p.Title != "Handlingsplan 2025" || p.Organisation != "Exempelby kommun" {
		t.Errorf("head = %d %q %q", p.Year, p.Title, p.Organisation)
	}
	want := map[int64]struct {
		keep   bool
		reason forms.ProposalReason
		times  int
	}{
		11: {false, forms.ReasonDone, 1},
		12: {true, forms.ReasonNotDone, 3},
		13: {true, forms.ReasonNoStatus, 1},
		21: {true, forms.ReasonCarriesOver, 1},
		22: {true, forms.ReasonCarriesOver, 1},
	}
	for _, ar := range p.Areas {
		for _, a := range ar.Activities {
			w := want[a.Source.ID]
			if a.Keep != w.keep || a.Reason != w.reason || a.TimesCarried != w.times {
				t.Errorf("activity %d: keep %v reason %q times %d, want %+v", a.Source.ID, a.Keep, a.Reason, a.TimesCarried, w)
			}
		}
	}
	if want := []forms.ProposalWarning{forms.WarnNotConsolidated, forms.WarnFlaggedRespondents}; !slices.Equal(p.Warnings, want) {
		t.Errorf("warnings = %v, want %v", p.Warnings, want)
	}
	t.Run("RespondentsFlagged", func(t *testing.T) {
		got := p.Areas[1].Activities[0].Respondents
		want := []forms.RespondentCheck{{DepartmentID: 2, Name: "IT-avdelningen"},
			{DepartmentID: 3, Name: "Exempelby Energi AB", Problem: forms.RespondentInactive},
			{DepartmentID: 9, Problem: forms.RespondentGone}}
		if !slices.Equal(got, want) {
			t.Errorf("respondents = %+v\nwant %+v", got, want)
		}
		if n := len(p.Areas[1].Activities[0].Flagged()); n != 2 {
			t.Errorf("%d flagged, want 2", n)
		}
	})
	t.Run("Input", func(t *testing.T) {
		in := p.Input(false)
		var kept []int64
		for _, ar := range in.Areas {
			for _, a := range ar.Activities {
				kept = append(kept, a.OriginID)
			}
		}
		if !slices.Equal(kept, []int64{12, 13, 21, 22}) {
			t.Errorf("kept = %v", kept)
		}
		if all := p.Input(true); len(all.Areas[0].Activities) != 3 {
			t.Errorf("with done ones: %d activities in the first area", len(all.Areas[0].Activities))
		}
		dropped := in.DropDepartments(map[int64]bool{3: true, 9: true})
		if len(dropped) != 1 || dropped[0].Activity != "Tvåfaktorsautentisering" || !slices.Equal(dropped[0].DepartmentIDs, []int64{3, 9}) || dropped[0].Emptied {
			t.Errorf("dropped = %+v", dropped)
		}
		if got := in.Areas[1].Activities[0].DepartmentIDs; !slices.Equal(got, []int64{2}) {
			t.Errorf("left = %v", got)
		}
	})
}

func TestChooseProposalRound(t *testing.T) {
	d := func(m time.Month) time.Time { return time.Date(2024, m, 28, 0, 0, 0, 0, time.UTC) }
	rounds := []forms.Round{
		{ID: 1, Kind: forms.RoundInterim, ReportDate: d(8), State: forms.RoundClosed},
		{ID: 2, Kind: forms.RoundAnnual, ReportDate: d(6), State: forms.RoundClosed},
		{ID: 3, Kind: forms.RoundInterim, ReportDate: d(10), State: forms.RoundOpen},
		{ID: 4, Kind: forms.RoundAnnual, ReportDate: d(12), State: forms.RoundDraft},
		{ID: 5, Kind: forms.RoundAnnual, ReportDate: d(11), State: forms.RoundClosed, Archived: true},
	}
	if r, ok := forms.ChooseProposalRound(rounds); !ok || r.ID != 2 {
		t.Errorf("chose %d, want the annual round 2", r.ID)
	}
	if r, ok := forms.ChooseProposalRound(rounds[:1]); !ok || r.ID != 1 {
		t.Errorf("chose %d, want the interim round when there is no annual one", r.ID)
	}
	if _, ok := forms.ChooseProposalRound(rounds[3:]); ok {
		t.Error("chose a draft or archived round")
	}
}

func TestNextTitle(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Handlingsplan 2024", "Handlingsplan 2025"},
		{"Handlingsplan", "Handlingsplan 2025"},
		{"2024 års plan (2024)", "2025 års plan (2025)"},
	} {
		if got := forms.NextTitle(tc.in, 2024, 2025); got != tc.want {
			t.Errorf("NextTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestProposeNextPlanLeavesNotApplicableOut checks that an activity the
// office consolidated as not applicable is shown unticked, like a done one:
// nothing is left to carry.
func TestProposeNextPlanLeavesNotApplicableOut(t *testing.T) {
	src := nextSource(t)
	src.Consolidations[13] = forms.Consolidation{StatusID: formstest.NotRelevant}
	for _, ar := range forms.ProposeNextPlan(src, 2025).Areas {
		for _, a := range ar.Activities {
			if a.Source.ID == 13 && (a.Keep || a.Reason != forms.ReasonNotRelevant) {
				t.Errorf("activity 13 = keep %v, reason %q; want unticked as not relevant", a.Keep, a.Reason)
			}
		}
	}
}
