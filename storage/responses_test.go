package storage

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"followup/forms"
)

func TestSaveResponseDraft(t *testing.T) {
	f := newFixture(t)
	pagar, klart := f.status(t, "Pågår"), f.status(t, "Genomfört")

	r, err := f.save(f.bou.ID, "Åsa", forms.AnswerInput{ActivityID: f.actA, StatusID: pagar, Comment: " Halvvägs.\r\n"})
	if err != nil {
		t.Fatalf("first save: %v", err)
	}
	if r.State != forms.ResponseDraft || r.Version != 1 {
		t.Errorf("after first save: state %q version %d, want draft 1", r.State, r.Version)
	}
	got := r.Answers[f.actA]
	if got.StatusID != pagar || got.Comment != "Halvvägs." || got.Version != 1 || got.UpdatedBy != "Åsa" || !got.UpdatedAt.Equal(clock) {
		t.Errorf("answer after first save = %+v", got)
	}

	r, err = f.save(f.bou.ID, "Åsa", forms.AnswerInput{ActivityID: f.actA, StatusID: klart, Comment: "Klart.", NeedsSupport: true, BaseVersion: 1})
	if err != nil {
		t.Fatalf("second save: %v", err)
	}
	if r.Version != 2 || r.Answers[f.actA].Version != 2 {
		t.Errorf("after second save: response version %d answer version %d, want 2 and 2", r.Version, r.Answers[f.actA].Version)
	}
	stamp := ts(clock)
	want := []historyRow{
		{Version: 1, Status: pagar, Comment: "Halvvägs.", ChangedBy: "Åsa", ChangedAt: stamp},
		{Version: 2, OldStatus: pagar, OldComment: "Halvvägs.", Status: klart, Comment: "Klart.", Support: true, ChangedBy: "Åsa", ChangedAt: stamp},
	}
	if h := history(t, f.db, r.ID, f.actA); !reflect.DeepEqual(h, want) {
		t.Errorf("answer_history =\n%+v\nwant\n%+v", h, want)
	}

	t.Run("SameValuesWriteNothing", func(t *testing.T) {
		r2, err := f.save(f.bou.ID, "Bengt", forms.AnswerInput{ActivityID: f.actA, StatusID: klart, Comment: "Klart.", NeedsSupport: true, BaseVersion: 2})
		if err != nil {
			t.Fatal(err)
		}
		if r2.Version != 2 || r2.Answers[f.actA].Version != 2 || r2.Answers[f.actA].UpdatedBy != "Åsa" {
			t.Errorf("unchanged save bumped versions: response %d, answer %+v", r2.Version, r2.Answers[f.actA])
		}
		if h := history(t, f.db, r.ID, f.actA); len(h) != 2 {
			t.Errorf("answer_history has %d rows, want still 2", len(h))
		}
	})

	t.Run("GeneralCommentAndFilledInBy", func(t *testing.T) {
		r3 := f.mustSave(t, f.bou.ID, forms.SaveInput{GeneralComment: ptr("Allmänt"), FilledInBy: ptr(" Åsa Öberg ")})
		if r3.GeneralComment != "Allmänt" || r3.GeneralVersion != 1 || r3.FilledInBy != "Åsa Öberg" || r3.Version != 3 {
			t.Errorf("response = %+v", r3)
		}
		h := history(t, f.db, r3.ID, 0)
		if len(h) != 1 || h[0].Comment != "Allmänt" || h[0].Version != 1 {
			t.Errorf("general comment history = %+v", h)
		}
	})
}

func TestSaveResponseInvalid(t *testing.T) {
	f := newFixture(t)
	before := f.mustSave(t, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: f.actA, StatusID: f.status(t, "Pågår")}}})
	tests := []struct {
		name  string
		in    forms.AnswerInput
		field string
	}{
		{"ErrStatusNotOnScale", forms.AnswerInput{ActivityID: f.actA, StatusID: 9999, BaseVersion: 1}, forms.StatusField(f.actA)},
		{"ErrActivityNotAssigned", forms.AnswerInput{ActivityID: f.actC, StatusID: f.status(t, "Genomfört")}, forms.StatusField(f.actC)},
		{"ErrControlCharacter", forms.AnswerInput{ActivityID: f.actA, StatusID: f.status(t, "Genomfört"), Comment: "a\x00b", BaseVersion: 1}, forms.CommentField(f.actA)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The save rule: a valid answer in the same save is written,
			// the invalid one is not, and the error names its field.
			valid := forms.AnswerInput{ActivityID: f.actB, StatusID: f.status(t, "Genomfört"), BaseVersion: f.response(t, f.bou.ID).Answers[f.actB].Version}
			saved, err := f.save(f.bou.ID, "test", tt.in, valid)
			wantCode(t, err, forms.EINVALID)
			var fe *forms.Error
			if !errors.As(err, &fe) || fe.Fields[tt.field] == "" {
				t.Errorf("no message for %s: %v", tt.field, err)
			}
			if saved == nil || fe.Saved != saved || saved.Answers[f.actB].StatusID != valid.StatusID {
				t.Errorf("the error does not carry the response with the valid answer: %+v", saved)
			}
			after := f.response(t, f.bou.ID)
			if !reflect.DeepEqual(after.Answers[f.actA], before.Answers[f.actA]) {
				t.Errorf("the invalid answer changed the stored one:\n got %+v\nwant %+v", after.Answers[f.actA], before.Answers[f.actA])
			}
			if _, ok := after.Answers[f.actC]; ok {
				t.Error("an answer to an activity the department does not answer was stored")
			}
			if after.Answers[f.actB].StatusID != valid.StatusID {
				t.Errorf("the valid answer was not saved: %+v", after.Answers[f.actB])
			}
		})
	}
	t.Run("NothingValidChangesNothing", func(t *testing.T) {
		cur := f.response(t, f.bou.ID)
		_, err := f.save(f.bou.ID, "test", forms.AnswerInput{ActivityID: f.actA, StatusID: 9999, BaseVersion: cur.Answers[f.actA].Version})
		wantCode(t, err, forms.EINVALID)
		if after := f.response(t, f.bou.ID); !reflect.DeepEqual(after, cur) {
			t.Errorf("response changed:\n got %+v\nwant %+v", after, cur)
		}
	})
	t.Run("ErrNotFoundNotParticipating", func(t *testing.T) {
		other := f.department(t, "Ny nämnd", "förvaltning") // created after the round
		_, err := f.save(other.ID, "test", forms.AnswerInput{ActivityID: f.actA, StatusID: f.status(t, "Genomfört")})
		wantCode(t, err, forms.ENOTFOUND)
	})
}

func TestSaveResponseTwoEditors(t *testing.T) {
	f := newFixture(t)
	pagar, klart, ejPaborjat := f.status(t, "Pågår"), f.status(t, "Genomfört"), f.status(t, "Ej påbörjat")
	// Both editors load the page after this save: X and Y at version 1.
	f.mustSave(t, f.it.ID, forms.SaveInput{Answers: []forms.AnswerInput{
		{ActivityID: f.actA, StatusID: pagar, Comment: "start"},
		{ActivityID: f.actB, StatusID: pagar},
		{ActivityID: f.actC, StatusID: pagar},
	}})
	// A saves X (activity A) as version 2.
	if _, err := f.save(f.it.ID, "A", forms.AnswerInput{ActivityID: f.actA, StatusID: klart, Comment: "A: klart", BaseVersion: 1}); err != nil {
		t.Fatal(err)
	}

	t.Run("ConflictOnXAndYWritten", func(t *testing.T) {
		mineX := forms.AnswerInput{ActivityID: f.actA, StatusID: ejPaborjat, Comment: "B: inte börjat", BaseVersion: 1}
		mineY := forms.AnswerInput{ActivityID: f.actB, StatusID: klart, Comment: "B: klart", BaseVersion: 1}
		saved, err := f.save(f.it.ID, "B", mineX, mineY)
		wantCode(t, err, forms.ECONFLICT)
		var ce *forms.Error
		if !errors.As(err, &ce) || len(ce.Conflicts) == 0 {
			t.Fatalf("error %T carries no conflicts", err)
		}
		if len(ce.Conflicts) != 1 {
			t.Fatalf("conflicts = %+v, want one for activity %d", ce.Conflicts, f.actA)
		}
		c := ce.Conflicts[0]
		if c.ActivityID != f.actA {
			t.Errorf("conflict on activity %d, want %d", c.ActivityID, f.actA)
		}
		if c.Mine.StatusID != ejPaborjat || c.Mine.Comment != "B: inte börjat" {
			t.Errorf("Mine = %+v", c.Mine)
		}
		if c.Theirs.StatusID != klart || c.Theirs.Comment != "A: klart" || c.Theirs.Version != 2 || c.Theirs.UpdatedBy != "A" {
			t.Errorf("Theirs = %+v", c.Theirs)
		}
		if saved == nil || ce.Saved == nil || saved.Answers[f.actB].Comment != "B: klart" {
			t.Errorf("the saved response lacks B's change to Y: %+v", saved)
		}
		r := f.response(t, f.it.ID)
		if x := r.Answers[f.actA]; x.Comment != "A: klart" || x.Version != 2 {
			t.Errorf("X = %+v, want A's version 2 kept", x)
		}
		if y := r.Answers[f.actB]; y.StatusID != klart || y.Comment != "B: klart" || y.Version != 2 || y.UpdatedBy != "B" {
			t.Errorf("Y = %+v, want B's change as version 2", y)
		}
	})

	t.Run("UntouchedOnStalePageKeepsOtherEditorsChange", func(t *testing.T) {
		// B's stale page still shows X and Z as at version 1; B sends both
		// but changes only Z.
		r, err := f.save(f.it.ID, "B",
			forms.AnswerInput{ActivityID: f.actA, StatusID: pagar, Comment: "start", BaseVersion: 1},
			forms.AnswerInput{ActivityID: f.actC, StatusID: klart, BaseVersion: 1})
		if err != nil {
			t.Fatalf("save: %v", err)
		}
		if x := r.Answers[f.actA]; x.StatusID != klart || x.Comment != "A: klart" || x.Version != 2 {
			t.Errorf("X = %+v, the untouched stale value undid A's change", x)
		}
		if z := r.Answers[f.actC]; z.StatusID != klart || z.Version != 2 {
			t.Errorf("Z = %+v, want B's change", z)
		}
	})

	t.Run("ConflictOnGeneralComment", func(t *testing.T) {
		f.mustSave(t, f.it.ID, forms.SaveInput{GeneralComment: ptr("A skrev"), GeneralBase: 0})
		_, err := f.db.SaveResponse(f.ctx, f.loc, f.round, f.it.ID, forms.SaveInput{GeneralComment: ptr("B skrev"), GeneralBase: 0}, "B")
		var ce *forms.Error
		if !errors.As(err, &ce) || len(ce.Conflicts) != 1 || ce.Conflicts[0].ActivityID != 0 || ce.Conflicts[0].Theirs.Comment != "A skrev" {
			t.Fatalf("err = %v, want a conflict on the general comment", err)
		}
		if r := f.response(t, f.it.ID); r.GeneralComment != "A skrev" {
			t.Errorf("general comment = %q, want A's", r.GeneralComment)
		}
	})
}

func TestSubmitResponse(t *testing.T) {
	f := newFixture(t)
	klart, ejAktuellt := f.status(t, "Genomfört"), f.status(t, "Ej aktuellt")
	submit := func(in forms.SaveInput) (*forms.Response, error) {
		return f.db.SubmitResponse(f.ctx, f.loc, f.round, f.bou.ID, in, "link")
	}

	t.Run("ErrIncompleteKeepsDraft", func(t *testing.T) {
		r, err := submit(forms.SaveInput{Answers: []forms.AnswerInput{
			{ActivityID: f.actA, StatusID: klart, Comment: "Klart."},
			{ActivityID: f.actB, StatusID: ejAktuellt},
		}})
		wantCode(t, err, forms.EINVALID)
		var fe *forms.Error
		if !errors.As(err, &fe) {
			t.Fatalf("error %T is not a *forms.Error", err)
		}
		want := map[string]string{forms.CommentField(f.actB): "error.comment_required", forms.FieldFilledInBy: "error.filled_in_by_required"}
		if !reflect.DeepEqual(fe.Fields, want) {
			t.Errorf("Fields = %v, want %v", fe.Fields, want)
		}
		if r == nil || r.State != forms.ResponseDraft {
			t.Fatalf("returned response %+v, want the draft", r)
		}
		stored := f.response(t, f.bou.ID)
		if stored.State != forms.ResponseDraft || stored.Answers[f.actA].Comment != "Klart." || stored.Answers[f.actB].StatusID != ejAktuellt {
			t.Errorf("stored = %+v, want the draft with both answers", stored)
		}
	})

	t.Run("OK", func(t *testing.T) {
		f.db.Now = func() time.Time { return clock.Add(time.Hour) }
		defer func() { f.db.Now = func() time.Time { return clock } }()
		r, err := submit(forms.SaveInput{
			Answers:    []forms.AnswerInput{{ActivityID: f.actB, StatusID: ejAktuellt, Comment: "Gäller inte oss.", BaseVersion: 1}},
			FilledInBy: ptr("Åsa Öberg"),
		})
		if err != nil {
			t.Fatalf("submit: %v", err)
		}
		if r.State != forms.ResponseSubmitted || r.SubmittedBy != "Åsa Öberg" || !r.SubmittedAt.Equal(clock.Add(time.Hour)) {
			t.Errorf("response = state %q by %q at %v", r.State, r.SubmittedBy, r.SubmittedAt)
		}
		if got := f.response(t, f.bou.ID); got.State != forms.ResponseSubmitted || got.SubmittedBy != "Åsa Öberg" {
			t.Errorf("stored = %+v", got)
		}
	})

	t.Run("ErrSubmittedOnSecondSubmit", func(t *testing.T) {
		_, err := submit(forms.SaveInput{FilledInBy: ptr("Åsa Öberg")})
		wantCode(t, err, forms.ESUBMITTED)
		if n := queryInt(t, f.db, `SELECT COUNT(*) FROM response_events WHERE kind = 'submitted'`); n != 1 {
			t.Errorf("%d submitted events, want 1", n)
		}
	})

	t.Run("ErrSubmittedOnSave", func(t *testing.T) {
		_, err := f.save(f.bou.ID, "link", forms.AnswerInput{ActivityID: f.actA, StatusID: f.status(t, "Pågår"), BaseVersion: 1})
		wantCode(t, err, forms.ESUBMITTED)
		if a := f.response(t, f.bou.ID).Answers[f.actA]; a.StatusID != klart {
			t.Errorf("answer changed to %d after ESUBMITTED", a.StatusID)
		}
	})
}

func TestSubmitResponseConcurrentDoubleClick(t *testing.T) {
	f := newFixture(t)
	in := forms.SaveInput{
		Answers:    []forms.AnswerInput{{ActivityID: f.actA, StatusID: f.status(t, "Genomfört")}, {ActivityID: f.actB, StatusID: f.status(t, "Genomfört")}},
		FilledInBy: ptr("Åsa"),
	}
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			_, err := f.db.SubmitResponse(f.ctx, f.loc, f.round, f.bou.ID, in, "link")
			errs <- err
		}()
	}
	codes := []string{forms.ErrorCode(<-errs), forms.ErrorCode(<-errs)}
	slices.Sort(codes)
	if want := []string{"", forms.ESUBMITTED}; !slices.Equal(codes, want) {
		t.Errorf("codes = %q, want one success and one %q", codes, forms.ESUBMITTED)
	}
	if n := queryInt(t, f.db, `SELECT COUNT(*) FROM response_events WHERE kind = 'submitted'`); n != 1 {
		t.Errorf("%d submitted events, want 1", n)
	}
}

func TestSaveResponseClosed(t *testing.T) {
	answer := func(f *fixture, base int) forms.AnswerInput {
		return forms.AnswerInput{ActivityID: f.actA, StatusID: f.status(t, "Genomfört"), Comment: "sent för sent", BaseVersion: base}
	}
	t.Run("ErrClosedRound", func(t *testing.T) {
		f := newFixture(t)
		f.mustSave(t, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: f.actA, StatusID: f.status(t, "Pågår"), Comment: "utkast"}}})
		if err := f.db.SetRoundState(f.ctx, f.round, forms.RoundClosed, "office"); err != nil {
			t.Fatal(err)
		}
		_, err := f.save(f.bou.ID, "link", answer(f, 1))
		wantCode(t, err, forms.ECLOSED)
		_, err = f.db.SubmitResponse(f.ctx, f.loc, f.round, f.bou.ID, forms.SaveInput{FilledInBy: ptr("Åsa")}, "link")
		wantCode(t, err, forms.ECLOSED)
		r := f.response(t, f.bou.ID)
		if r.State != forms.ResponseDraft || r.Answers[f.actA].Comment != "utkast" {
			t.Errorf("draft not kept: %+v", r)
		}
	})
	t.Run("ErrClosedDraftRound", func(t *testing.T) {
		f := newFixture(t)
		id, err := f.db.CreateRound(f.ctx, forms.RoundInput{PlanID: f.plan.ID, Kind: "interim", Title: "Delår", ReportDate: "2025-08-31", Deadline: "2025-09-15"}, "test")
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.db.SaveResponse(f.ctx, f.loc, id, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{answer(f, 0)}}, "link")
		wantCode(t, err, forms.ECLOSED)
	})
	tests := []struct {
		name string
		now  time.Time
		want string
	}{
		// The deadline is 2025-01-20; Stockholm is UTC+1 in January.
		{"OKLastHourOfDeadlineDay", time.Date(2025, 1, 20, 22, 59, 0, 0, time.UTC), ""},
		{"ErrClosedDeadlinePassed", time.Date(2025, 1, 20, 23, 0, 0, 0, time.UTC), forms.ECLOSED},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.db.Now = func() time.Time { return tt.now }
			_, err := f.save(f.bou.ID, "link", answer(f, 0))
			wantCode(t, err, tt.want)
			saved := f.response(t, f.bou.ID).Answers[f.actA].Comment == "sent för sent"
			if saved != (tt.want == "") {
				t.Errorf("answer saved = %v", saved)
			}
		})
	}
}

func TestReturnResponse(t *testing.T) {
	f := newFixture(t)
	klart := f.status(t, "Genomfört")
	complete := forms.SaveInput{
		Answers:    []forms.AnswerInput{{ActivityID: f.actA, StatusID: klart}, {ActivityID: f.actB, StatusID: klart}},
		FilledInBy: ptr("Åsa"),
	}

	t.Run("ErrConflictNotSubmitted", func(t *testing.T) {
		wantCode(t, f.db.ReturnResponse(f.ctx, f.loc, f.round, f.bou.ID, "Komplettera", "office@example.se"), forms.ECONFLICT)
	})
	if _, err := f.db.SubmitResponse(f.ctx, f.loc, f.round, f.bou.ID, complete, "link"); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrInvalidEmptyMessage", func(t *testing.T) {
		wantCode(t, f.db.ReturnResponse(f.ctx, f.loc, f.round, f.bou.ID, " \n ", "office@example.se"), forms.EINVALID)
	})
	t.Run("OK", func(t *testing.T) {
		if err := f.db.ReturnResponse(f.ctx, f.loc, f.round, f.bou.ID, " Komplettera kommentaren.\r\n", "office@example.se"); err != nil {
			t.Fatalf("return: %v", err)
		}
		r := f.response(t, f.bou.ID)
		if r.State != forms.ResponseReturned || !r.State.Editable() || r.ReturnMessage != "Komplettera kommentaren." || r.ReturnedBy != "office@example.se" {
			t.Errorf("response = state %q message %q by %q", r.State, r.ReturnMessage, r.ReturnedBy)
		}
		r, err := f.save(f.bou.ID, "link", forms.AnswerInput{ActivityID: f.actA, StatusID: klart, Comment: "Nu med kommentar.", BaseVersion: 1})
		if err != nil {
			t.Fatalf("save after return: %v", err)
		}
		if r.State != forms.ResponseReturned || r.ReturnMessage != "Komplettera kommentaren." || r.Answers[f.actA].Comment != "Nu med kommentar." {
			t.Errorf("after saving: %+v", r)
		}
		if _, err := f.db.SubmitResponse(f.ctx, f.loc, f.round, f.bou.ID, forms.SaveInput{}, "link"); err != nil {
			t.Fatalf("resubmit: %v", err)
		}
		events, err := f.db.ResponseEvents(f.ctx, f.round, f.bou.ID)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, e := range events {
			kinds = append(kinds, e.Kind+":"+e.Actor+":"+e.Message)
		}
		want := []string{"submitted:Åsa:", "returned:office@example.se:Komplettera kommentaren.", "submitted:Åsa:"}
		if !slices.Equal(kinds, want) {
			t.Errorf("events = %q, want %q", kinds, want)
		}
	})
}

func TestSaveResponseStoresTextLiterally(t *testing.T) {
	f := newFixture(t)
	texts := map[int64]string{
		f.actA: `'); DROP TABLE answers;--`,
		f.actB: `<script>alert("x")</script> & "citat" 'enkel' \ %_`,
	}
	var in []forms.AnswerInput
	for act, s := range texts {
		in = append(in, forms.AnswerInput{ActivityID: act, StatusID: f.status(t, "Pågår"), Comment: s})
	}
	f.mustSave(t, f.bou.ID, forms.SaveInput{Answers: in, GeneralComment: ptr(`"; DELETE FROM responses; --`), FilledInBy: ptr("Robert'); DROP TABLE departments;--")})
	r := f.response(t, f.bou.ID)
	for act, s := range texts {
		if got := r.Answers[act].Comment; got != s {
			t.Errorf("comment = %q, want %q", got, s)
		}
	}
	if r.GeneralComment != `"; DELETE FROM responses; --` || r.FilledInBy != "Robert'); DROP TABLE departments;--" {
		t.Errorf("general comment %q, filled in by %q", r.GeneralComment, r.FilledInBy)
	}
	if n := queryInt(t, f.db, `SELECT COUNT(*) FROM answers`); n != 2 {
		t.Errorf("answers has %d rows, want 2", n)
	}
}

// TestHistoryNamesThePersonNotTheLink saves with a name, then autosaves an
// answer without one (as the page's script does): the history names the
// person both times; an invalid name is never recorded.
func TestHistoryNamesThePersonNotTheLink(t *testing.T) {
	f := newFixture(t)
	pagar := f.status(t, "Pågår")
	f.mustSave(t, f.bou.ID, forms.SaveInput{FilledInBy: ptr("Åsa Öberg"), Answers: []forms.AnswerInput{{ActivityID: f.actA, StatusID: pagar}}})
	if _, err := f.db.SaveResponse(f.ctx, f.loc, f.round, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: f.actB, StatusID: pagar}}}, "länk"); err != nil {
		t.Fatal(err)
	}
	for _, act := range []int64{f.actA, f.actB} {
		var by string
		f.db.r.QueryRowContext(f.ctx, `SELECT changed_by FROM answer_history WHERE activity_id = ? ORDER BY id DESC LIMIT 1`, act).Scan(&by)
		if by != "Åsa Öberg" {
			t.Errorf("activity %d changed by %q, want the person's name", act, by)
		}
	}
}

// TestReturnNeedsARoundThatTakesAnswers refuses a return the department
// could not act on: in a closed round, or after the deadline.
func TestReturnNeedsARoundThatTakesAnswers(t *testing.T) {
	f := newFixture(t)
	in := forms.SaveInput{FilledInBy: ptr("Åsa")}
	for _, a := range []int64{f.actA, f.actB} {
		in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a, StatusID: f.status(t, "Genomfört")})
	}
	if _, err := f.db.SubmitResponse(f.ctx, f.loc, f.round, f.bou.ID, in, "Åsa"); err != nil {
		t.Fatal(err)
	}
	if err := f.db.SetRoundState(f.ctx, f.round, forms.RoundClosed, "test"); err != nil {
		t.Fatal(err)
	}
	wantCode(t, f.db.ReturnResponse(f.ctx, f.loc, f.round, f.bou.ID, "Komplettera", "office"), forms.ECLOSED)
	if err := f.db.SetRoundState(f.ctx, f.round, forms.RoundOpen, "test"); err != nil {
		t.Fatal(err)
	}
	if err := f.db.SetRoundDates(f.ctx, f.round, "2024-12-31", "2020-01-01", "test"); err != nil {
		t.Fatal(err)
	}
	wantCode(t, f.db.ReturnResponse(f.ctx, f.loc, f.round, f.bou.ID, "Komplettera", "office"), forms.ECLOSED)
	if err := f.db.SetRoundDates(f.ctx, f.round, "2024-12-31", "2099-01-20", "test"); err != nil {
		t.Fatal(err)
	}
	if err := f.db.ReturnResponse(f.ctx, f.loc, f.round, f.bou.ID, "Komplettera", "office"); err != nil {
		t.Fatalf("after moving the deadline the return must work: %v", err)
	}
	r, _ := f.db.Round(f.ctx, f.round)
	if r.Deadline.Format(forms.DateLayout) != "2099-01-20" {
		t.Errorf("deadline %v", r.Deadline)
	}
	wantCode(t, f.db.SetRoundDates(f.ctx, f.round, "2024-13-31", "igår", "test"), forms.EINVALID)
}

// TestSubmitReturnsWhatIsStored compares the response a submission returns
// (derived from the update, not read again) with the stored one.
func TestSubmitReturnsWhatIsStored(t *testing.T) {
	f := newFixture(t)
	in := forms.SaveInput{FilledInBy: ptr("Åsa Öberg")}
	for _, a := range []int64{f.actA, f.actB} {
		in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a, StatusID: f.status(t, "Genomfört")})
	}
	got, err := f.db.SubmitResponse(f.ctx, f.loc, f.round, f.bou.ID, in, "länk")
	if err != nil {
		t.Fatal(err)
	}
	want := f.response(t, f.bou.ID)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("returned %+v\nstored   %+v", got, want)
	}
}
