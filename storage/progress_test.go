package storage

import (
	"testing"

	"followup/forms"
)

func TestRoundProgress(t *testing.T) {
	f := newFixture(t)
	klart := f.status(t, "Genomfört")
	// BOU answers one of its two activities; IT submits all three of its own;
	// Energi does nothing.
	f.mustSave(t, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: f.actA, StatusID: klart}}})
	in := forms.SaveInput{FilledInBy: ptr("Ivar IT"), Answers: []forms.AnswerInput{
		{ActivityID: f.actA, StatusID: klart}, {ActivityID: f.actB, StatusID: klart}, {ActivityID: f.actC, StatusID: klart}}}
	if _, err := f.db.SubmitResponse(f.ctx, f.loc, f.round, f.it.ID, in, "Ivar IT"); err != nil {
		t.Fatalf("submit: %v", err)
	}
	if err := f.db.ReturnResponse(f.ctx, f.loc, f.round, f.it.ID, "Komplettera C.", "kontor@exempelby.se"); err != nil {
		t.Fatalf("return: %v", err)
	}

	round, rows, err := f.db.RoundProgress(f.ctx, f.round)
	if err != nil {
		t.Fatal(err)
	}
	if round.ID != f.round {
		t.Errorf("round id %d, want %d", round.ID, f.round)
	}
	byName := map[string]Progress{}
	var names []string
	for _, p := range rows {
		byName[p.Department.Name] = p
		names = append(names, p.Department.Name)
	}
	if len(rows) != 3 || names[0] != f.bou.Name || names[2] != f.it.Name {
		t.Fatalf("rows in order %v, want three by name", names)
	}
	type want struct {
		state              forms.ResponseState
		answered, assigned int
		returned           bool
	}
	for name, w := range map[string]want{
		f.bou.Name:    {forms.ResponseDraft, 1, 2, false},
		f.it.Name:     {forms.ResponseReturned, 3, 3, true},
		f.energi.Name: {forms.ResponseNotStarted, 0, 2, false},
	} {
		p := byName[name]
		got := want{p.State, p.Answered, p.Assigned, p.Returned()}
		if got != w {
			t.Errorf("%s: got %+v, want %+v", name, got, w)
		}
	}
	it := byName[f.it.Name]
	if it.SubmittedBy != "Ivar IT" || it.SubmittedAt.IsZero() || it.ReturnMessage != "Komplettera C." || it.UpdatedAt.IsZero() {
		t.Errorf("IT row = %+v", it)
	}

	n := CountProgress(rows)
	if n != (ProgressCounts{Participants: 3, NotStarted: 1, Draft: 1, Returned: 1}) {
		t.Errorf("CountProgress = %+v", n)
	}
	all, err := f.db.RoundCounts(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if all[f.round] != n {
		t.Errorf("RoundCounts = %+v, want %+v", all[f.round], n)
	}
}

func TestRoundProgressNotFound(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.db.RoundProgress(f.ctx, 9999); forms.ErrorCode(err) != forms.ENOTFOUND {
		t.Fatalf("got %v, want ENOTFOUND", err)
	}
}

func TestSetParticipants(t *testing.T) {
	f := newFixture(t)
	draft, err := f.db.CreateRound(f.ctx, forms.RoundInput{PlanID: f.plan.ID, Kind: "interim", Title: "Delår", ReportDate: "2024-08-31", Deadline: "2024-09-30"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	ids := func(round int64) []int64 {
		deps, err := f.db.Participants(f.ctx, round)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, d := range deps {
			out = append(out, d.ID)
		}
		return out
	}
	t.Run("OK", func(t *testing.T) {
		if err := f.db.SetParticipants(f.ctx, draft, []int64{f.it.ID}, "test"); err != nil {
			t.Fatal(err)
		}
		if got := ids(draft); len(got) != 1 || got[0] != f.it.ID {
			t.Errorf("participants %v, want only IT", got)
		}
	})
	t.Run("ErrNone", func(t *testing.T) {
		err := f.db.SetParticipants(f.ctx, draft, nil, "test")
		if fe, ok := err.(*forms.Error); !ok || fe.Fields["departments"] != "error.round_participants_none" {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("ErrUnknownDepartment", func(t *testing.T) {
		if err := f.db.SetParticipants(f.ctx, draft, []int64{f.it.ID, 4242}, "test"); forms.ErrorCode(err) != forms.EINVALID {
			t.Fatalf("got %v, want EINVALID", err)
		}
		if got := ids(draft); len(got) != 1 {
			t.Errorf("a refused change changed participants to %v", got)
		}
	})
	t.Run("ErrDropAnswered", func(t *testing.T) {
		f.mustSave(t, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: f.actA, StatusID: f.status(t, "Pågår")}}})
		err := f.db.SetParticipants(f.ctx, f.round, []int64{f.it.ID}, "test")
		if fe, ok := err.(*forms.Error); !ok || fe.Fields["departments"] != "error.round_participants_answered" {
			t.Fatalf("got %v", err)
		}
		if got := ids(f.round); len(got) != 3 {
			t.Errorf("participants %v, want still three", got)
		}
	})
	t.Run("ErrClosed", func(t *testing.T) {
		if err := f.db.SetRoundState(f.ctx, f.round, forms.RoundClosed, "test"); err != nil {
			t.Fatal(err)
		}
		if err := f.db.SetParticipants(f.ctx, f.round, []int64{f.bou.ID, f.it.ID, f.energi.ID}, "test"); forms.ErrorCode(err) != forms.ECLOSED {
			t.Fatalf("got %v, want ECLOSED", err)
		}
	})
}
