package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"followup/cmd/internal/smtptest"
	"followup/forms"
	"followup/storage"
)

// cmdMail measures inviting every department at once: it runs a relay on
// loopback, opens a new round for every department of the load database
// with an invitation queued to each, and measures how long the running
// server takes to hand them all to the relay, and the questionnaire pages'
// latency meanwhile. The server must have been started with the relay's
// address: FOLLOWUP_SMTP_HOST=127.0.0.1 FOLLOWUP_SMTP_PORT=2525
// FOLLOWUP_SMTP_TLS=none FOLLOWUP_SMTP_FROM=…
func cmdMail(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("mail", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "load.db", "the database the server runs on")
	var c runConfig
	fs.StringVar(&c.url, "url", "http://127.0.0.1:8090", "the running server")
	relayAddr := fs.String("relay", "127.0.0.1:2525", "where the relay listens; the server's FOLLOWUP_SMTP_HOST and _PORT")
	fs.Float64Var(&c.pages, "pages", 50, "questionnaire page loads per second while the invitations go out")
	stall := fs.Duration("relay-delay", 0, "how long the relay takes to accept each message")
	timeout := fs.Duration("timeout", 5*time.Minute, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c.url = strings.TrimRight(c.url, "/")
	relay, err := smtptest.Listen(*relayAddr, smtptest.Options{})
	if err != nil {
		return fmt.Errorf("the relay cannot listen on %s: %w", *relayAddr, err)
	}
	defer relay.Close()
	relay.Stall(*stall)
	t, err := loadTarget(ctx, *dbPath)
	if err != nil {
		return err
	}
	n, err := inviteEveryone(ctx, *dbPath)
	if err != nil {
		return err
	}
	start := time.Now()
	var first, all time.Duration
	pctx, cancel := context.WithCancel(ctx)
	go func() {
		defer cancel()
		for time.Since(start) < *timeout {
			got := len(relay.Messages())
			if got > 0 && first == 0 {
				first = time.Since(start)
			}
			if got >= n {
				all = time.Since(start)
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	rep := newLoad(c, t).phase(pctx, 0, 0, c.pages, 0, *timeout)
	if all == 0 {
		return fmt.Errorf("the relay got %d of %d invitations within %s; is the server started with FOLLOWUP_SMTP_PORT=%d?", len(relay.Messages()), n, *timeout, relay.Port)
	}
	fmt.Fprintf(stdout, "%d invitations handed to the relay in %.1f s; the first after %.1f s (the worker looks every 5 s), then %.0f per second\n",
		n, all.Seconds(), first.Seconds(), float64(n-1)/(all-first).Seconds())
	rep.print(stdout, fmt.Sprintf("%.0f pages/s while the invitations went out", c.pages))
	return nil
}

// inviteEveryone gives every department of the load database an address,
// opens a new round for all of them and queues an invitation to each. It
// returns how many were queued.
func inviteEveryone(ctx context.Context, dbPath string) (int, error) {
	db, err := storage.Open(ctx, dbPath, storage.Options{})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	deps, err := db.Departments(ctx, false)
	if err != nil {
		return 0, err
	}
	for _, d := range deps {
		if d.Email == "" {
			addr := fmt.Sprintf("verksamhet%d@lastby.test", d.ID)
			if err := db.UpdateDepartment(ctx, d.ID, forms.DepartmentInput{Name: d.Name, Kind: string(d.Kind), Email: addr}, loadUser); err != nil {
				return 0, err
			}
		}
	}
	rounds, err := db.Rounds(ctx)
	if err != nil || len(rounds) == 0 {
		return 0, fmt.Errorf("run setup first: %v", err)
	}
	now := time.Now()
	id, err := db.CreateRound(ctx, forms.RoundInput{PlanID: rounds[0].PlanID, Kind: "interim", Title: "Inbjudningar " + now.Format("15.04.05"),
		ReportDate: now.Format(forms.DateLayout), Deadline: now.AddDate(0, 1, 0).Format(forms.DateLayout)}, loadUser)
	if err != nil {
		return 0, err
	}
	return db.OpenRound(ctx, id, loadUser, true)
}
