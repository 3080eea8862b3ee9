package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"followup/forms"
	"followup/storage"
)

const (
	loadUser     = "last@uppfoljning.test"
	roundTitle   = "Lasttest"
	secretSuffix = ".secret"
)

// cmdSetup creates a plan and an open annual round with the given number
// of departments and activities, every activity answered by all.
func cmdSetup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("setup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "load.db", "database file to create")
	deps := fs.Int("departments", 300, "number of departments")
	acts := fs.Int("activities", 100, "number of activities")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(*dbPath); err == nil {
		return fmt.Errorf("%s exists; remove it or choose another file", *dbPath)
	}
	if err := ensureSecret(*dbPath + secretSuffix); err != nil {
		return err
	}
	db, err := storage.Open(ctx, *dbPath, storage.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	var rows []forms.DepartmentRow
	kinds := forms.DepartmentKinds()
	for i := 1; i <= *deps; i++ {
		rows = append(rows, forms.DepartmentRow{Line: i, Input: forms.DepartmentInput{Name: fmt.Sprintf("Verksamhet %03d", i), Kind: string(kinds[i%3])}})
	}
	if _, err := db.ImportDepartments(ctx, rows, "last"); err != nil {
		return err
	}
	plan := &forms.Plan{Organisation: "Lastby kommun", Title: "Handlingsplan för lasttest", Year: time.Now().Year(), Statuses: forms.DefaultScale()}
	for a := 0; a < *acts; a++ {
		if a%10 == 0 {
			plan.Areas = append(plan.Areas, forms.Area{Title: fmt.Sprintf("Område %d", a/10+1)})
		}
		ar := &plan.Areas[len(plan.Areas)-1]
		ar.Activities = append(ar.Activities, forms.Activity{Title: fmt.Sprintf("Aktivitet %d", a+1), Description: strings.Repeat("Beskrivning av aktiviteten. ", 6), AllDepartments: true})
	}
	planID, err := db.CreatePlan(ctx, plan, "last")
	if err != nil {
		return err
	}
	now := time.Now()
	roundID, err := db.CreateRound(ctx, forms.RoundInput{PlanID: planID, Kind: "annual", Title: roundTitle,
		ReportDate: now.Format(forms.DateLayout), Deadline: now.AddDate(0, 1, 0).Format(forms.DateLayout)}, "last")
	if err != nil {
		return err
	}
	if err := db.SetRoundState(ctx, roundID, forms.RoundOpen, "last"); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created round %d: %d departments × %d activities in %s\n", roundID, *deps, *acts, *dbPath)
	return nil
}

func ensureSecret(path string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	b := make([]byte, 32)
	rand.Read(b)
	return os.WriteFile(path, []byte(hex.EncodeToString(b)+"\n"), 0o600)
}

// target is what a run needs from the database: the round, its links, the
// plan's statuses and activities, and an API token for the office's calls.
type target struct {
	roundID    int64
	links      []storage.Link
	activities []forms.Activity
	status     int64 // "Pågår": needs no comment
	token      string
}

func loadTarget(ctx context.Context, dbPath string) (*target, error) {
	secret, err := os.ReadFile(dbPath + secretSuffix)
	if err != nil {
		return nil, fmt.Errorf("run setup first: %w", err)
	}
	db, err := storage.Open(ctx, dbPath, storage.Options{})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rounds, err := db.Rounds(ctx)
	if err != nil {
		return nil, err
	}
	t := &target{}
	for _, r := range rounds {
		if r.Title == roundTitle {
			t.roundID = r.ID
			break
		}
	}
	if t.roundID == 0 {
		return nil, fmt.Errorf("no load round in %s: run setup first", dbPath)
	}
	r, err := db.Round(ctx, t.roundID)
	if err != nil {
		return nil, err
	}
	plan, err := db.Plan(ctx, r.PlanID)
	if err != nil {
		return nil, err
	}
	t.activities = plan.Activities()
	st, _ := plan.Statuses.ByName("Pågår")
	t.status = st.ID
	if t.links, err = db.Links(ctx, []byte(strings.TrimSpace(string(secret))), t.roundID); err != nil {
		return nil, err
	}
	users, err := db.Users(ctx)
	if err != nil {
		return nil, err
	}
	var uid int64
	for _, u := range users {
		if u.Email == loadUser {
			uid = u.ID
		}
	}
	if uid == 0 {
		pw := make([]byte, 16)
		rand.Read(pw)
		u, err := db.CreateUser(ctx, loadUser, "Lasttest", storage.RoleAdmin, hex.EncodeToString(pw), "last")
		if err != nil {
			return nil, err
		}
		uid = u.ID
	}
	if t.token, err = db.CreateAPIToken(ctx, uid, "lasttest "+time.Now().Format(time.RFC3339), "last"); err != nil {
		return nil, err
	}
	return t, nil
}
