package storage

import (
	"testing"
	"time"

	"followup/forms"
)

func TestOutbox(t *testing.T) {
	f := newFixture(t)
	loc := f.loc
	// The fixture's round is open with a deadline of 2025-01-20; the IT
	// department has submitted.
	f.mustSave(t, f.bou.ID, forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: f.actA, StatusID: f.status(t, "Pågår")}}})
	done := f.status(t, "Genomfört")
	if _, err := f.db.SubmitResponse(f.ctx, loc, f.round, f.it.ID, forms.SaveInput{Answers: []forms.AnswerInput{
		{ActivityID: f.actA, StatusID: done}, {ActivityID: f.actB, StatusID: done}, {ActivityID: f.actC, StatusID: done}}, FilledInBy: ptr("Ida")}, "it"); err != nil {
		t.Fatal(err)
	}
	t.Run("RemindersOnlyToThoseNotSubmitted", func(t *testing.T) {
		n, err := f.db.QueueReminders(f.ctx, f.round, nil, "anna@example.se")
		if err != nil || n != 2 {
			t.Fatalf("queued %d, %v; want 2 (not the IT department)", n, err)
		}
		n, err = f.db.QueueReminders(f.ctx, f.round, []int64{f.it.ID}, "anna@example.se")
		if err != nil || n != 0 {
			t.Errorf("a reminder to a department that has submitted: %d, %v", n, err)
		}
	})
	t.Run("ScheduledReminderOnce", func(t *testing.T) {
		f.db.Now = func() time.Time { return time.Date(2025, 1, 13, 9, 0, 0, 0, loc) } // a week before
		for range 3 {
			if _, err := f.db.QueueScheduledReminders(f.ctx, loc, "schema"); err != nil {
				t.Fatal(err)
			}
		}
		if got := queryInt(t, f.db, `SELECT COUNT(*) FROM outbox WHERE trigger_ = 'schedule:-7'`); got != 2 {
			t.Errorf("%d scheduled reminders, want 2 (once to each department not submitted)", got)
		}
		f.db.Now = func() time.Time { return time.Date(2025, 1, 14, 9, 0, 0, 0, loc) }
		if n, _ := f.db.QueueScheduledReminders(f.ctx, loc, "schema"); n != 0 {
			t.Errorf("%d queued between two reminder days", n)
		}
	})
	t.Run("ClaimSendAndLog", func(t *testing.T) {
		d, ok, err := f.db.ClaimMail(f.ctx, []byte("secret-secret-secret-secret-secr"), "exempelby.se")
		if err != nil || !ok {
			t.Fatalf("claim = %v, %v", ok, err)
		}
		if d.Mail.State != forms.MailSending || d.Mail.Attempts != 1 || d.Token == "" || d.Department.ID == 0 || d.Plan == nil {
			t.Fatalf("claimed %+v", d)
		}
		id, msgID := d.Mail.ID, d.Mail.MessageID
		if n, err := f.db.RequeueInterrupted(f.ctx); err != nil || n != 1 {
			t.Fatalf("requeued %d, %v", n, err)
		}
		d2, ok, _ := f.db.ClaimMail(f.ctx, []byte("secret-secret-secret-secret-secr"), "exempelby.se")
		if !ok || d2.Mail.ID != id || d2.Mail.MessageID != msgID || d2.Mail.Attempts != 2 {
			t.Errorf("after a crash the mail came back as %+v; want the same Message-ID %s", d2.Mail, msgID)
		}
		if err := f.db.MailRetry(f.ctx, id, "451 try later", f.db.Now().Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := f.db.MailSent(f.ctx, id, "x@example.se", "Ämne"); forms.ErrorCode(err) != forms.ECONFLICT {
			t.Errorf("a result for a mail not being sent: %v", err)
		}
		log, err := f.db.MailLog(f.ctx, f.round)
		if err != nil {
			t.Fatal(err)
		}
		var m forms.Mail
		for _, x := range log {
			if x.ID == id {
				m = x
			}
		}
		if m.State != forms.MailQueued || m.LastError != "451 try later" || len(m.History) != 1 || !m.NextAttempt.After(f.db.Now()) {
			t.Errorf("logged %+v", m)
		}
	})
	t.Run("ErrClosedRound", func(t *testing.T) {
		if err := f.db.SetRoundState(f.ctx, f.round, forms.RoundClosed, "test"); err != nil {
			t.Fatal(err)
		}
		_, err := f.db.QueueReminders(f.ctx, f.round, nil, "anna@example.se")
		wantCode(t, err, forms.ECLOSED)
		f.db.Now = func() time.Time { return time.Date(2025, 1, 18, 9, 0, 0, 0, loc) } // two days before
		if n, _ := f.db.QueueScheduledReminders(f.ctx, loc, "schema"); n != 0 {
			t.Errorf("%d scheduled reminders for a closed round", n)
		}
	})
}

func TestOpenRoundInvites(t *testing.T) {
	f := newFixture(t)
	plan := f.plan.ID
	id, err := f.db.CreateRound(f.ctx, forms.RoundInput{PlanID: plan, Kind: "interim", Title: "Delår", ReportDate: "2024-08-31", Deadline: "2024-09-20"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.db.OpenRound(f.ctx, id, "anna@example.se", true)
	if err != nil || n != 3 {
		t.Fatalf("invitations = %d, %v; want one per department", n, err)
	}
	if got := queryInt(t, f.db, `SELECT COUNT(*) FROM outbox WHERE round_id = ? AND kind = 'invitation' AND trigger_ = 'open'`, id); got != 3 {
		t.Errorf("%d invitations in the outbox", got)
	}
	if got := queryInt(t, f.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'mail.invitation' AND entity_id = ?`, id); got != 1 {
		t.Errorf("%d audit rows for the invitations", got)
	}
}

func TestRoundMail(t *testing.T) {
	f := newFixture(t)
	m, err := f.db.RoundMail(f.ctx, f.round)
	if err != nil || m.Version != 0 || m.Invitation != forms.DefaultInvitation() {
		t.Fatalf("before a save: %+v, %v", m, err)
	}
	m.Reminder.Subject = "Glöm inte {omgång}"
	m.Schedule = forms.ReminderSchedule{-3, 2}
	saved, err := f.db.SaveRoundMail(f.ctx, f.round, m, "anna@example.se")
	if err != nil || saved.Version != 1 {
		t.Fatalf("save: %+v, %v", saved, err)
	}
	again, _ := f.db.RoundMail(f.ctx, f.round)
	if again.Reminder.Subject != "Glöm inte {omgång}" || again.Schedule.String() != "-3, +2" {
		t.Errorf("read back %+v", again)
	}
	_, err = f.db.SaveRoundMail(f.ctx, f.round, m, "bo@example.se")
	wantCode(t, err, forms.ECONFLICT)
	bad := again
	bad.Invitation.Body = "Hej {namn}"
	_, err = f.db.SaveRoundMail(f.ctx, f.round, bad, "bo@example.se")
	wantCode(t, err, forms.EINVALID)
}
