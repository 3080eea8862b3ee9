package storage

import (
	"testing"

	"followup/forms"
)

func TestRoundReport(t *testing.T) {
	f := newFixture(t)
	pagar, klart, paborjat := f.status(t, "Pågår"), f.status(t, "Genomfört"), f.status(t, "Påbörjat")

	// The interim round of the same plan, answered and closed.
	interim := f.openRound(t, "interim", "Delårsrapport 2024", "2024-08-31", "2025-01-31")
	if _, err := f.db.SaveResponse(f.ctx, f.loc, interim, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{
		{ActivityID: f.actA, StatusID: paborjat, Comment: "delår"}}}, "test"); err != nil {
		t.Fatal(err)
	}
	if err := f.db.SetRoundState(f.ctx, interim, forms.RoundClosed, "office"); err != nil {
		t.Fatal(err)
	}
	// A later interim round still in draft is not the one compared with.
	if _, err := f.db.CreateRound(f.ctx, forms.RoundInput{PlanID: f.plan.ID, Kind: "interim", Title: "Utkast", ReportDate: "2024-10-31", Deadline: "2024-11-15"}, "office"); err != nil {
		t.Fatal(err)
	}

	f.mustSave(t, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{
		{ActivityID: f.actA, StatusID: klart, Comment: "år"}, {ActivityID: f.actB, StatusID: pagar}}})
	if _, err := f.db.SubmitResponse(f.ctx, f.loc, f.round, f.it.ID, forms.SaveInput{
		Answers:    []forms.AnswerInput{{ActivityID: f.actA, StatusID: klart}, {ActivityID: f.actB, StatusID: klart}, {ActivityID: f.actC, StatusID: pagar}},
		FilledInBy: ptr("Ivar")}, "link"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.SaveConsolidation(f.ctx, f.round, f.actA, forms.ConsolidationInput{StatusID: klart, Narrative: "Alla klara.", IncludeComments: true}, "office"); err != nil {
		t.Fatal(err)
	}

	rep, err := f.db.RoundReport(f.ctx, f.round)
	if err != nil {
		t.Fatalf("RoundReport: %v", err)
	}
	t.Run("RoundAndPlan", func(t *testing.T) {
		if rep.Round.ID != f.round || rep.Plan.ID != f.plan.ID || len(rep.Plan.Activities()) != 3 || !rep.GeneratedAt.Equal(clock) {
			t.Errorf("round %d plan %d activities %d generated %v", rep.Round.ID, rep.Plan.ID, len(rep.Plan.Activities()), rep.GeneratedAt)
		}
	})
	t.Run("Participants", func(t *testing.T) {
		var ids []int64
		for _, d := range rep.Departments {
			ids = append(ids, d.ID)
		}
		if want := []int64{f.bou.ID, f.energi.ID, f.it.ID}; len(ids) != 3 || ids[0] != want[0] || ids[1] != want[1] || ids[2] != want[2] {
			t.Errorf("departments = %v, want %v (name order)", ids, want)
		}
	})
	t.Run("Responses", func(t *testing.T) {
		tests := []struct {
			name  string
			dept  int64
			state forms.ResponseState
			n     int
		}{
			{"Draft", f.bou.ID, forms.ResponseDraft, 2},
			{"Submitted", f.it.ID, forms.ResponseSubmitted, 3},
			{"NotStarted", f.energi.ID, forms.ResponseNotStarted, 0},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := rep.ResponseState(tt.dept); got != tt.state {
					t.Errorf("state = %q, want %q", got, tt.state)
				}
				if r := rep.Responses[tt.dept]; r == nil || len(r.Answers) != tt.n {
					t.Errorf("response = %+v, want %d answers", r, tt.n)
				}
			})
		}
		actA, _ := rep.Plan.Activity(f.actA)
		if a, ok := rep.Answer(f.bou.ID, f.actA); ok {
			t.Errorf("a draft's answer counts: %+v", a)
		}
		if c := rep.Cell(f.bou.ID, actA, true); c.Mark != forms.MarkDraft || c.Status.ID != klart || c.Answer.Comment != "år" {
			t.Errorf("draft cell = %+v", c)
		}
		if s := rep.Suggestion(actA); s.Rule != forms.RuleAllDone || s.Status.ID != klart || s.Tally.Unanswered() != 2 || s.Tally.Drafts != 1 {
			t.Errorf("suggestion for A = %+v", s)
		}
		if sub := rep.Submitted(); len(sub) != 1 || sub[0].ID != f.it.ID {
			t.Errorf("submitted = %+v", sub)
		}
	})
	t.Run("Interim", func(t *testing.T) {
		if rep.InterimRound == nil || rep.InterimRound.ID != interim {
			t.Fatalf("InterimRound = %+v, want round %d", rep.InterimRound, interim)
		}
		actA, _ := rep.Plan.Activity(f.actA)
		c := rep.InterimCell(f.bou.ID, actA, true)
		if c.Status.ID != paborjat || c.Answer.Comment != "delår" {
			t.Errorf("interim cell = %+v", c)
		}
		if _, ok := rep.InterimAnswer(f.bou.ID, f.actA); ok != (c.Mark == forms.MarkCounted) {
			t.Errorf("interim answer counted = %v, cell %v", ok, c.Mark)
		}
		if _, ok := rep.InterimAnswer(f.it.ID, f.actA); ok {
			t.Error("interim answer for a department that gave none")
		}
		q, err := f.db.Questionnaire(f.ctx, rep.Round.ID, f.bou.ID)
		if err != nil || q.InterimRound == nil || q.InterimRound.ID != interim || q.Interim.Answers[f.actA].StatusID != paborjat {
			t.Errorf("the questionnaire's interim answers = %+v, %v", q, err)
		}
	})
	t.Run("Consolidations", func(t *testing.T) {
		c, ok := rep.Consolidations[f.actA]
		if !ok || c.StatusID != klart || c.Narrative != "Alla klara." || c.Version != 1 || c.Author != "office" {
			t.Errorf("consolidation = %+v, %v", c, ok)
		}
		if len(rep.Consolidations) != 1 {
			t.Errorf("%d consolidations, want 1", len(rep.Consolidations))
		}
	})
	t.Run("InterimRoundHasNoComparison", func(t *testing.T) {
		irep, err := f.db.RoundReport(f.ctx, interim)
		if err != nil {
			t.Fatal(err)
		}
		if irep.InterimRound != nil || irep.Interim != nil {
			t.Errorf("interim report compares with %+v", irep.InterimRound)
		}
		if a := irep.Responses[f.bou.ID].Answers[f.actA]; a.StatusID != paborjat {
			t.Errorf("interim report answer = %+v", a)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := f.db.RoundReport(f.ctx, 9999)
		wantCode(t, err, forms.ENOTFOUND)
	})
}
