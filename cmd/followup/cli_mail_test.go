package main

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"followup/cmd/internal/smtptest"
	"followup/forms"
	"followup/storage"
)

func TestCLIMail(t *testing.T) {
	path := newDBPath(t)
	mustCLI(t, path, "departments", "import", testdata("departments.csv"))
	planID := printedID(t, mustCLI(t, path, "plan", "import", testdata("plan.json")))
	relay := smtptest.Start(t, smtptest.Options{})
	mailEnv := map[string]string{"FOLLOWUP_SMTP_HOST": "127.0.0.1", "FOLLOWUP_SMTP_PORT": strconv.Itoa(relay.Port),
		"FOLLOWUP_SMTP_TLS": "none", "FOLLOWUP_SMTP_FROM": "uppfoljning@exempelby.se"}
	newRound := func(title string) string {
		r := mustCLI(t, path, "round", "create", "--plan", strconv.FormatInt(planID, 10), "--kind", "annual",
			"--title", title, "--date", "2026-12-31", "--deadline", "2099-01-20")
		return strconv.FormatInt(printedID(t, r), 10)
	}
	t.Run("OpenWithoutMailQueuesNothing", func(t *testing.T) {
		rid := newRound("Utan e-post")
		r := mustCLI(t, path, "round", "open", rid)
		if strings.Contains(r.stderr, "queued") {
			t.Errorf("stderr = %q", r.stderr)
		}
		wantFailure(t, cli(t, path, "round", "remind", rid), 1, "mail is off")
	})
	t.Run("OpenInvites", func(t *testing.T) {
		rid := newRound("Med e-post")
		r := cliWithEnv(t, path, mailEnv, "round", "open", rid)
		if r.err != nil || !strings.Contains(r.stderr, "queued "+strconv.Itoa(len(cliDepartments))+" invitations") {
			t.Fatalf("round open: %v, stderr %q", r.err, r.stderr)
		}
		id, _ := strconv.ParseInt(rid, 10, 64)
		withDB(t, path, func(db *storage.DB) {
			log, err := db.MailLog(context.Background(), id)
			if err != nil || len(log) != len(cliDepartments) || log[0].Kind != forms.MailInvitation {
				t.Errorf("send log = %+v, %v", log, err)
			}
		})
		t.Run("RemindDryRun", func(t *testing.T) {
			r := mustCLI(t, path, "round", "remind", rid, "--dry-run")
			lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
			if len(lines) != 1+len(cliDepartments) || !strings.Contains(r.stdout, "Påminnelse: Med e-post") {
				t.Errorf("dry run printed:\n%s", r.stdout)
			}
			withDB(t, path, func(db *storage.DB) {
				if log, _ := db.MailLog(context.Background(), id); len(log) != len(cliDepartments) {
					t.Errorf("a dry run queued mail: %d in the log", len(log))
				}
			})
		})
		t.Run("Remind", func(t *testing.T) {
			r := cliWithEnv(t, path, mailEnv, "round", "remind", rid)
			if r.err != nil || !strings.Contains(r.stderr, "queued "+strconv.Itoa(len(cliDepartments))+" reminders") {
				t.Errorf("remind: %v, %q", r.err, r.stderr)
			}
		})
	})
	t.Run("ErrBadSettings", func(t *testing.T) {
		rid := newRound("Fel")
		bad := map[string]string{"FOLLOWUP_SMTP_HOST": "smtp.exempelby.se", "FOLLOWUP_SMTP_TLS": "none", "FOLLOWUP_SMTP_FROM": "uppfoljning@exempelby.se"}
		wantFailure(t, cliWithEnv(t, path, bad, "round", "open", rid), 1, "loopback")
		bad = map[string]string{"FOLLOWUP_SMTP_HOST": "smtp.exempelby.se", "FOLLOWUP_SMTP_FROM": "Uppföljning <u@x.se>\r\nBcc: x@evil.se"}
		wantFailure(t, cliWithEnv(t, path, bad, "round", "open", rid), 1, "from-address")
		bad = map[string]string{"FOLLOWUP_SMTP_HOST": "smtp.exempelby.se", "FOLLOWUP_SMTP_FROM": "u@x.se", "FOLLOWUP_SMTP_USER": "u"}
		wantFailure(t, cliWithEnv(t, path, bad, "round", "open", rid), 1, "no password")
	})
}
