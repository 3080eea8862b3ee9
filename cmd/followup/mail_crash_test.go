package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"followup/cmd/internal/smtptest"
	"followup/forms"
	"followup/storage"
)

// TestCrashSendsQueuedMailOnce queues 300 invitations, then kills the
// server with SIGKILL again and again while it hands them to a relay, and
// checks at the end that every department got its invitation, and none
// got two different ones: a mail handed over at the very moment of a kill
// may reach the relay twice, but with the same Message-ID, which mail
// systems treat as one message.
func TestCrashSendsQueuedMailOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("the mail crash test takes some seconds; run without -short")
	}
	const departments = 300
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "mail.db")
	round := mailCrashFixture(t, dbPath, departments)
	relay := smtptest.Start(t, smtptest.Options{})
	relay.Stall(3 * time.Millisecond) // a relay takes a moment per message
	env := []string{"FOLLOWUP_SMTP_HOST=127.0.0.1", "FOLLOWUP_SMTP_PORT=" + strconv.Itoa(relay.Port), "FOLLOWUP_SMTP_TLS=none",
		"FOLLOWUP_SMTP_FROM=uppfoljning@exempelby.se", "FOLLOWUP_MAIL_PACE=1ms"}
	rng := rand.New(rand.NewPCG(3, 5))
	kills := 0
	for ; kills < 8 && len(relay.Messages()) < departments; kills++ {
		srv := startCrashServer(t, dbPath, env...)
		time.Sleep(time.Duration(150+rng.IntN(250)) * time.Millisecond)
		srv.cmd.Process.Kill()
		srv.cmd.Wait()
	}
	if kills < 3 {
		t.Fatalf("only %d kills before everything was sent; the test needs the kills to land while mail is sent", kills)
	}
	srv := startCrashServer(t, dbPath, env...)
	deadline := time.Now().Add(60 * time.Second)
	for pending(t, dbPath, round) > 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	srv.cmd.Process.Kill()
	srv.cmd.Wait()
	if n := pending(t, dbPath, round); n > 0 {
		t.Fatalf("%d mails still unsent a minute after the last restart", n)
	}
	byAddress := map[string]map[string]int{} // address → Message-ID → times received
	for _, m := range relay.Messages() {
		for _, to := range m.To {
			if byAddress[to] == nil {
				byAddress[to] = map[string]int{}
			}
			byAddress[to][m.MessageID]++
		}
	}
	again := 0
	for i := range departments {
		ids := byAddress[mailCrashAddress(i)]
		if len(ids) != 1 {
			t.Errorf("%s got %d different invitations, want exactly 1", mailCrashAddress(i), len(ids))
		}
		for _, n := range ids {
			again += n - 1
		}
	}
	t.Logf("%d kills; %d messages handed over again with the same Message-ID", kills, again)
	withDB(t, dbPath, func(db *storage.DB) {
		log, err := db.MailLog(context.Background(), round)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range log {
			if m.State != forms.MailSent {
				t.Errorf("mail %d to department %d is %s: %s", m.ID, m.DepartmentID, m.State, m.LastError)
			}
		}
		if len(log) != departments {
			t.Errorf("%d mails in the log, want %d", len(log), departments)
		}
	})
}

func mailCrashAddress(i int) string { return fmt.Sprintf("enhet%03d@exempelby.se", i) }

// mailCrashFixture makes a plan and an open round of n departments with an
// invitation queued to each, and returns the round.
func mailCrashFixture(t *testing.T, dbPath string, n int) int64 {
	t.Helper()
	var round int64
	withDB(t, dbPath, func(db *storage.DB) {
		ctx := context.Background()
		var rows []forms.DepartmentRow
		for i := range n {
			rows = append(rows, forms.DepartmentRow{Line: i + 2, Input: forms.DepartmentInput{Name: fmt.Sprintf("Enhet %03d", i), Kind: "förvaltning", Email: mailCrashAddress(i)}})
		}
		if _, err := db.ImportDepartments(ctx, rows, "test"); err != nil {
			t.Fatal(err)
		}
		plan := &forms.Plan{Organisation: "Exempelby kommun", Title: "Handlingsplan 2026", Year: 2026, Statuses: forms.DefaultScale(),
			Areas: []forms.Area{{Title: "Styrning", Activities: []forms.Activity{{Title: "Riskanalys", AllDepartments: true}}}}}
		planID, err := db.CreatePlan(ctx, plan, "test")
		if err != nil {
			t.Fatal(err)
		}
		round, err = db.CreateRound(ctx, forms.RoundInput{PlanID: planID, Kind: "annual", Title: "Årsredovisning 2026",
			ReportDate: "2026-12-31", Deadline: time.Now().AddDate(0, 1, 0).Format(forms.DateLayout)}, "test")
		if err != nil {
			t.Fatal(err)
		}
		if queued, err := db.OpenRound(ctx, round, "test", true); err != nil || queued != n {
			t.Fatalf("queued %d invitations, %v", queued, err)
		}
	})
	return round
}

// pending counts the round's mails not yet sent.
func pending(t *testing.T, dbPath string, round int64) int {
	t.Helper()
	n := 0
	withDB(t, dbPath, func(db *storage.DB) {
		log, err := db.MailLog(context.Background(), round)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range log {
			if m.State == forms.MailQueued || m.State == forms.MailSending {
				n++
			}
		}
	})
	return n
}
