package mail

import (
	"context"
	"crypto/tls"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/mail"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	gomail "github.com/wneessen/go-mail"

	"followup/cmd/followup/demo"
	"followup/cmd/internal/smtptest"
	"followup/forms"
	"followup/storage"
)

var testSecret = []byte("mail-test-secret-0123456789abcdefgh")

// env is a demo database, a relay in the test process and a worker wired
// to both, with a clock the test moves.
type env struct {
	t      *testing.T
	ctx    context.Context
	db     *storage.DB
	info   demo.Info
	relay  *smtptest.Server
	worker *Worker
	loc    *time.Location

	mu  sync.Mutex
	now time.Time
}

func newEnv(t *testing.T, opts smtptest.Options) *env {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "followup.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &env{t: t, ctx: ctx, db: db, relay: smtptest.Start(t, opts)}
	e.loc, _ = time.LoadLocation("Europe/Stockholm")
	if e.info, err = demo.Seed(ctx, db, testSecret); err != nil {
		t.Fatal(err)
	}
	e.now = db.Now()
	db.Now = e.clock
	cfg := Config{Host: e.relay.Host, Port: e.relay.Port, User: opts.User, Password: opts.Password, TLS: TLSStartTLS,
		From: "uppfoljning@exempelby.se", ReplyTo: "samordnare@exempelby.se"}
	if opts.Implicit {
		cfg.TLS = TLSImplicit
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	sender := Sender{Config: cfg, Timeout: 2 * time.Second, Now: e.clock,
		TLSConfigure: func(c *gomail.Client) error {
			return c.SetTLSConfig(&tls.Config{RootCAs: e.relay.Roots, ServerName: "127.0.0.1"})
		}}
	e.worker = NewWorker(Worker{DB: db, Secret: testSecret, Courier: sender,
		Composer: Composer{Config: cfg, Loc: e.loc, Link: func(tok string) string { return "https://uppfoljning.exempelby.se/r/" + tok }},
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)), Pace: time.Millisecond, Poll: 5 * time.Millisecond, SendTimeout: 3 * time.Second})
	return e
}

func (e *env) clock() time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.now
}

func (e *env) set(t time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.now = t
}

// drain sends until nothing is due.
func (e *env) drain() {
	e.t.Helper()
	for range 1000 {
		sent, err := e.worker.sendNext(e.ctx)
		if err != nil {
			e.t.Fatal(err)
		}
		if !sent {
			return
		}
	}
	e.t.Fatal("the outbox did not drain")
}

// newRound creates and opens a round of the demo plan, inviting everyone.
func (e *env) newRound(title string) int64 {
	e.t.Helper()
	r, err := e.db.Round(e.ctx, e.info.AnnualID)
	if err != nil {
		e.t.Fatal(err)
	}
	id, err := e.db.CreateRound(e.ctx, forms.RoundInput{PlanID: r.PlanID, Kind: "interim", Title: title,
		ReportDate: "2026-08-31", Deadline: e.clock().AddDate(0, 0, 30).Format(forms.DateLayout)}, "test")
	if err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.db.OpenRound(e.ctx, id, "samordnare@exempelby.se", true); err != nil {
		e.t.Fatal(err)
	}
	return id
}

func (e *env) log(round int64) map[forms.MailState]int {
	e.t.Helper()
	mails, err := e.db.MailLog(e.ctx, round)
	if err != nil {
		e.t.Fatal(err)
	}
	out := map[forms.MailState]int{}
	for _, m := range mails {
		out[m.State]++
	}
	return out
}

func TestInvitationsWhenARoundOpens(t *testing.T) {
	e := newEnv(t, smtptest.Options{User: "relay-user", Password: "relay-pass"})
	round := e.newRound("Delårsrapport 2026 – extra")
	e.drain()
	msgs := e.relay.Messages()
	if len(msgs) != 8 {
		t.Fatalf("the relay got %d invitations, want one per department (8)", len(msgs))
	}
	if got := e.log(round); got[forms.MailSent] != 8 {
		t.Errorf("send log = %v", got)
	}
	deps, _ := e.db.Participants(e.ctx, round)
	byAddress := map[string]forms.Department{}
	for _, d := range deps {
		for _, a := range d.Contacts() {
			byAddress[a] = d
		}
	}
	seen := map[int64]bool{}
	for _, m := range msgs {
		dec := new(mime.WordDecoder)
		subject, err := dec.DecodeHeader(m.Header.Get("Subject"))
		if err != nil || subject != "Uppföljning av handlingsplanen: Delårsrapport 2026 – extra" {
			t.Errorf("subject = %q, %v", subject, err)
		}
		if m.MessageID == "" || m.Header.Get("Date") == "" || m.Header.Get("List-Unsubscribe") != "" || m.Header.Get("Auto-Submitted") != "auto-generated" {
			t.Errorf("headers: %v", m.Header)
		}
		if _, err := mail.ParseDate(m.Header.Get("Date")); err != nil {
			t.Errorf("Date %q: %v", m.Header.Get("Date"), err)
		}
		text, html := parts(t, m)
		d, ok := byAddress[m.To[0]]
		if !ok {
			t.Fatalf("mail to %v, nobody's address", m.To)
		}
		seen[d.ID] = true
		if !strings.Contains(text, d.Name) || !strings.Contains(html, "<a href=\"https://uppfoljning.exempelby.se/r/") {
			t.Errorf("the mail to %s does not name it or has no link:\n%s\n%s", d.Name, text, html)
		}
		tok := text[strings.Index(text, "/r/")+3:]
		tok = tok[:strings.IndexAny(tok, " \r\n")]
		if r, dep, err := e.db.LinkTarget(e.ctx, tok); err != nil || r != round || dep != d.ID {
			t.Errorf("the link in the mail to %s opens round %d department %d (%v)", d.Name, r, dep, err)
		}
	}
	if len(seen) != 8 {
		t.Errorf("%d departments got an invitation, want 8", len(seen))
	}
}

// parts returns the plain-text and HTML parts of a message.
func parts(t *testing.T, m smtptest.Message) (text, html string) {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(string(m.Data)))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return text, html
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p) // quoted-printable is decoded by NextPart
		ct, ps, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if ps["charset"] != "UTF-8" && ps["charset"] != "utf-8" {
			t.Errorf("part %s has charset %q", ct, ps["charset"])
		}
		switch body := strings.ReplaceAll(string(b), "\r\n", "\n"); ct {
		case "text/plain":
			text = body
		case "text/html":
			html = body
		}
	}
}

func TestScheduledRemindersReachOnlyThoseNotSubmitted(t *testing.T) {
	e := newEnv(t, smtptest.Options{})
	round, _ := e.db.Round(e.ctx, e.info.AnnualID)
	week := forms.ReminderAt(round.Deadline, -7, e.loc)
	e.set(week.Add(time.Hour))
	for range 3 {
		e.worker.queueScheduled(e.ctx)
	}
	e.drain()
	rep, _ := e.db.RoundReport(e.ctx, round.ID)
	waiting := map[string]bool{}
	for _, d := range rep.Departments {
		if rep.ResponseState(d.ID) != forms.ResponseSubmitted {
			for _, a := range d.Contacts() {
				waiting[a] = true
			}
		}
	}
	msgs := e.relay.Messages()
	if len(msgs) != len(waiting) {
		t.Fatalf("%d reminders, want %d (one to each department not submitted)", len(msgs), len(waiting))
	}
	for _, m := range msgs {
		if !waiting[m.To[0]] {
			t.Errorf("a reminder went to %v, which has submitted", m.To)
		}
		text, _ := parts(t, m)
		if !strings.Contains(text, "Aktiviteter som ännu saknar svar:\n- ") {
			t.Errorf("the reminder lists no activities:\n%s", text)
		}
	}
	t.Run("SubmittedMeanwhileGetsNone", func(t *testing.T) {
		e.set(forms.ReminderAt(round.Deadline, -2, e.loc).Add(time.Minute))
		e.worker.queueScheduled(e.ctx)
		// One department submits before the worker's turn comes.
		var target forms.Department
		for _, d := range rep.Departments {
			if rep.ResponseState(d.ID) == forms.ResponseDraft {
				target = d
			}
		}
		q, _ := e.db.Questionnaire(e.ctx, round.ID, target.ID)
		in := forms.SaveInput{FilledInBy: new("Kim")}
		for _, a := range q.Plan.Activities() {
			if a.AssignedTo(target.ID) {
				in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ID, StatusID: q.Plan.Statuses[3].ID, BaseVersion: q.Response.Answers[a.ID].Version})
			}
		}
		if _, err := e.db.SubmitResponse(e.ctx, e.loc, round.ID, target.ID, in, storage.Actor("Kim")); err != nil {
			t.Fatal(err)
		}
		before := len(e.relay.Messages())
		e.drain()
		if got := len(e.relay.Messages()) - before; got != len(waiting)-len(target.Contacts()) {
			t.Errorf("%d second reminders, want %d", got, len(waiting)-len(target.Contacts()))
		}
		if got := e.log(round.ID); got[forms.MailSkipped] != 1 {
			t.Errorf("send log = %v, want the reminder to the department that submitted skipped", got)
		}
	})
	t.Run("ClosedRoundSendsNone", func(t *testing.T) {
		e.set(forms.ReminderAt(round.Deadline, 1, e.loc).Add(time.Minute))
		e.worker.queueScheduled(e.ctx)
		if err := e.db.SetRoundState(e.ctx, round.ID, forms.RoundClosed, "test"); err != nil {
			t.Fatal(err)
		}
		before := len(e.relay.Messages())
		e.drain()
		if got := len(e.relay.Messages()) - before; got != 0 {
			t.Errorf("%d reminders sent for a closed round", got)
		}
	})
}

func TestRelayFaults(t *testing.T) {
	tests := []struct {
		name   string
		refuse func(smtptest.Message) error
		stall  time.Duration
		want   forms.MailState
	}{
		{"Permanent5xx", func(smtptest.Message) error {
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "Mailbox unavailable"}
		}, 0, forms.MailFailed},
		{"Temporary4xx", func(smtptest.Message) error {
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Try again later"}
		}, 0, forms.MailQueued},
		{"DroppedMidMessage", func(smtptest.Message) error { return smtptest.ErrDrop }, 0, forms.MailQueued},
		{"TimesOut", nil, 4 * time.Second, forms.MailQueued},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, smtptest.Options{})
			e.relay.Refuse(tt.refuse)
			e.relay.Stall(tt.stall)
			if _, err := e.db.QueueTestMail(e.ctx, "samordnare@exempelby.se", "samordnare@exempelby.se"); err != nil {
				t.Fatal(err)
			}
			if sent, err := e.worker.sendNext(e.ctx); !sent || err != nil {
				t.Fatalf("sendNext = %v, %v", sent, err)
			}
			m, err := e.db.Mail(e.ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if m.State != tt.want || m.LastError == "" {
				t.Fatalf("mail = %s (%q), want %s with the relay's answer", m.State, m.LastError, tt.want)
			}
			if tt.want != forms.MailQueued {
				return
			}
			// Retried with back-off, and sent once the relay accepts.
			if !m.NextAttempt.After(e.clock()) {
				t.Errorf("retried at %v, not after now %v", m.NextAttempt, e.clock())
			}
			e.relay.Refuse(nil)
			e.relay.Stall(0)
			e.drain()
			if n := len(e.relay.Messages()); n != 0 {
				t.Errorf("sent %d before its time", n)
			}
			e.set(m.NextAttempt)
			e.drain()
			if n := len(e.relay.Messages()); n != 1 {
				t.Errorf("sent %d after the back-off, want 1", n)
			}
		})
	}
	t.Run("GivesUpAfterTheLastRetry", func(t *testing.T) {
		e := newEnv(t, smtptest.Options{})
		e.relay.Refuse(func(smtptest.Message) error { return &smtp.SMTPError{Code: 421, Message: "Busy"} })
		if _, err := e.db.QueueTestMail(e.ctx, "samordnare@exempelby.se", "x"); err != nil {
			t.Fatal(err)
		}
		for range len(retryAfter) + 1 {
			e.drain()
			m, _ := e.db.Mail(e.ctx, 1)
			e.set(m.NextAttempt)
		}
		if m, _ := e.db.Mail(e.ctx, 1); m.State != forms.MailFailed || !strings.Contains(m.LastError, "gave up after") {
			t.Errorf("mail = %s %q", m.State, m.LastError)
		}
	})
}

func TestInvalidContactsDoNotStopTheOthers(t *testing.T) {
	e := newEnv(t, smtptest.Options{})
	deps, _ := e.db.Departments(e.ctx, false)
	broken := deps[0]
	if err := e.db.UpdateDepartment(e.ctx, broken.ID, forms.DepartmentInput{Name: broken.Name, Kind: string(broken.Kind), Email: ""}, "test"); err != nil {
		t.Fatal(err)
	}
	round := e.newRound("Extra")
	e.drain()
	if got := e.log(round); got[forms.MailSent] != 7 || got[forms.MailFailed] != 1 {
		t.Errorf("send log = %v, want 7 sent and 1 failed", got)
	}
	mails, _ := e.db.MailLog(e.ctx, round)
	for _, m := range mails {
		if m.DepartmentID == broken.ID && (m.State != forms.MailFailed || !strings.Contains(m.LastError, "no valid e-mail address")) {
			t.Errorf("the department without an address: %+v", m)
		}
	}
}

func TestTrustsTheCAFile(t *testing.T) {
	e := newEnv(t, smtptest.Options{})
	s := e.worker.Courier.(Sender)
	s.TLSConfigure = nil
	s.Config.CAs = e.relay.CAPEM
	e.worker.Courier = s
	if _, err := e.db.QueueTestMail(e.ctx, "samordnare@exempelby.se", "x"); err != nil {
		t.Fatal(err)
	}
	e.drain()
	if n := len(e.relay.Messages()); n != 1 {
		m, _ := e.db.Mail(e.ctx, 1)
		t.Fatalf("relay got %d; mail %s %q", n, m.State, m.LastError)
	}
	t.Run("ErrUntrustedCertificate", func(t *testing.T) {
		s.Config.CAs = nil
		e.worker.Courier = s
		if _, err := e.db.QueueTestMail(e.ctx, "samordnare@exempelby.se", "x"); err != nil {
			t.Fatal(err)
		}
		e.drain()
		if m, _ := e.db.Mail(e.ctx, 2); m.State == forms.MailSent || !strings.Contains(m.LastError, "certificate") {
			t.Errorf("sent to a relay whose certificate nobody trusts: %s %q", m.State, m.LastError)
		}
	})
}

func TestImplicitTLS(t *testing.T) {
	e := newEnv(t, smtptest.Options{Implicit: true})
	if _, err := e.db.QueueTestMail(e.ctx, "samordnare@exempelby.se", "x"); err != nil {
		t.Fatal(err)
	}
	e.drain()
	if n := len(e.relay.Messages()); n != 1 {
		t.Fatalf("relay got %d", n)
	}
}

func TestWrongPasswordIsPermanent(t *testing.T) {
	e := newEnv(t, smtptest.Options{User: "u", Password: "right"})
	s := e.worker.Courier.(Sender)
	s.Config.Password = "wrong"
	e.worker.Courier = s
	if _, err := e.db.QueueTestMail(e.ctx, "samordnare@exempelby.se", "x"); err != nil {
		t.Fatal(err)
	}
	e.drain()
	m, _ := e.db.Mail(e.ctx, 1)
	if m.State != forms.MailFailed || strings.Contains(m.LastError, "right") || strings.Contains(m.LastError, "wrong") {
		t.Errorf("mail = %s %q", m.State, m.LastError)
	}
}

func TestRunStopsCleanly(t *testing.T) {
	e := newEnv(t, smtptest.Options{})
	ctx, cancel := context.WithCancel(e.ctx)
	done := make(chan struct{})
	go func() { e.worker.Run(ctx); close(done) }()
	round := e.newRound("Extra")
	e.worker.Wake()
	deadline := time.Now().Add(10 * time.Second)
	for len(e.relay.Messages()) < 8 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the worker did not stop")
	}
	if got := e.log(round); got[forms.MailSent] != 8 {
		t.Errorf("send log = %v", got)
	}
}
