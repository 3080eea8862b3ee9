package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"followup/forms"
	"followup/storage"
)

// planNextSetup imports the departments and the 2025 plan and gives the
// plan an open annual round whose consolidations say: risk analysis done,
// information owners under way, two-factor sign-in moved to next year.
func planNextSetup(t *testing.T, path string) int64 {
	t.Helper()
	ctx := context.Background()
	mustCLI(t, path, "departments", "import", testdata("departments.csv"))
	planID := printedID(t, mustCLI(t, path, "plan", "import", testdata("plan.json")))
	withDB(t, path, func(db *storage.DB) {
		round, err := db.CreateRound(ctx, forms.RoundInput{PlanID: planID, Kind: "annual", Title: "Årsredovisning 2025",
			ReportDate: "2025-12-31", Deadline: time.Now().AddDate(0, 2, 0).Format(forms.DateLayout)}, "test")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetRoundState(ctx, round, forms.RoundOpen, "test"); err != nil {
			t.Fatal(err)
		}
		plan, _ := db.Plan(ctx, planID)
		for title, st := range map[string]string{"Genomför riskanalys": "Genomfört", "Utse informationsägare": "Pågår",
			"Inför tvåfaktorsinloggning": "Flyttas till nästa år"} {
			s, _ := plan.Statuses.ByName(st)
			var id int64
			for _, a := range plan.Activities() {
				if a.Title == title {
					id = a.ID
				}
			}
			if _, err := db.SaveConsolidation(ctx, round, id, forms.ConsolidationInput{StatusID: s.ID}, "test"); err != nil {
				t.Fatal(err)
			}
		}
	})
	return planID
}

func deactivate(t *testing.T, path, name string) {
	t.Helper()
	withDB(t, path, func(db *storage.DB) {
		d, err := findDepartment(context.Background(), db, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetDepartmentActive(context.Background(), d.ID, false, "test"); err != nil {
			t.Fatal(err)
		}
	})
}

func planOf(t *testing.T, path string, id int64) *forms.Plan {
	t.Helper()
	var p *forms.Plan
	withDB(t, path, func(db *storage.DB) {
		var err error
		if p, err = db.Plan(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	})
	return p
}

func TestCLIPlanNext(t *testing.T) {
	path := newDBPath(t)
	planID := planNextSetup(t, path)
	pid := strconv.FormatInt(planID, 10)
	deactivate(t, path, "Kommunledningsförvaltningen")

	r := mustCLI(t, path, "plan", "next", pid, "--year", "2026")
	next := printedID(t, r)
	for _, want := range []string{`warning: the round "Årsredovisning 2025" is not closed`,
		`"Utse informationsägare": dropped deactivated respondents: Kommunledningsförvaltningen`} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr %q does not say %q", r.stderr, want)
		}
	}
	p := planOf(t, path, next)
	var titles []string
	for _, a := range p.Activities() {
		titles = append(titles, a.Title)
		if a.Origin.Year != 2025 || a.TimesCarried != 1 {
			t.Errorf("%s: origin %+v times %d", a.Title, a.Origin, a.TimesCarried)
		}
		if a.Title == "Utse informationsägare" && len(a.DepartmentIDs) != 1 {
			t.Errorf("respondents = %v, want the one still active", a.DepartmentIDs)
		}
	}
	if want := []string{"Utse informationsägare", "Inför tvåfaktorsinloggning"}; !slices.Equal(titles, want) ||
		p.Title != "Handlingsplan för informationssäkerhet och dataskydd 2026" || p.PredecessorID != planID {
		t.Errorf("plan %q from %d with %q, want %q", p.Title, p.PredecessorID, titles, want)
	}

	t.Run("ErrTwiceForTheSameYear", func(t *testing.T) {
		r := cli(t, path, "plan", "next", pid, "--year", "2026")
		wantFailure(t, r, 1, "plan "+strconv.FormatInt(next, 10)+" was already made")
		if r.stdout != "" || len(plansOf(t, path)) != 2 {
			t.Errorf("stdout %q, %d plans", r.stdout, len(plansOf(t, path)))
		}
	})
	deactivate(t, path, "Exempelby Energi AB")
	t.Run("ErrNoRespondentLeft", func(t *testing.T) {
		r := cli(t, path, "plan", "next", pid, "--year", "2027")
		wantFailure(t, r, 1, `"Inför tvåfaktorsinloggning"`, "--keep-inactive")
		if len(plansOf(t, path)) != 2 {
			t.Error("a plan was made")
		}
	})
	t.Run("KeepInactiveIncludeDone", func(t *testing.T) {
		r := mustCLI(t, path, "plan", "next", pid, "--year", "2027", "--include-done", "--keep-inactive", "--title", "Plan 2027")
		p := planOf(t, path, printedID(t, r))
		if len(p.Activities()) != 3 || p.Title != "Plan 2027" {
			t.Errorf("plan %q with %d activities, want all 3", p.Title, len(p.Activities()))
		}
		if !strings.Contains(r.stderr, `"Inför tvåfaktorsinloggning" keeps deactivated respondents: Exempelby Energi AB`) {
			t.Errorf("stderr = %q", r.stderr)
		}
	})
	t.Run("ExportImportKeepsTimesCarried", func(t *testing.T) { exportImportKeepsTimesCarried(t, path, next) })
	t.Run("Usage", func(t *testing.T) {
		wantFailure(t, cli(t, path, "plan", "next", pid), 2, "--year")
		wantFailure(t, cli(t, path, "plan", "next", "x", "--year", "2026"), 2, "number")
		wantFailure(t, cli(t, path, "plan", "next", "999", "--year", "2026"), 1, "no plan 999")
	})
}

// exportImportKeepsTimesCarried makes a third year from the plan next,
// exports it and imports it into a fresh database: the times carried stay.
func exportImportKeepsTimesCarried(t *testing.T, path string, next int64) {
	t.Helper()
	third := printedID(t, mustCLI(t, path, "plan", "next", strconv.FormatInt(next, 10), "--year", "2027", "--keep-inactive"))
	export := mustCLI(t, path, "plan", "export", strconv.FormatInt(third, 10))
	if !strings.Contains(export.stdout, `"times_carried": 2`) {
		t.Fatalf("export has no times carried:\n%s", export.stdout)
	}
	file := filepath.Join(t.TempDir(), "plan-2027.json")
	if err := os.WriteFile(file, []byte(export.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := newDBPath(t)
	mustCLI(t, fresh, "departments", "import", testdata("departments.csv"))
	imported := planOf(t, fresh, printedID(t, mustCLI(t, fresh, "plan", "import", file)))
	for _, a := range imported.Activities() {
		if a.TimesCarried != 2 || a.Origin.Year != 2026 || a.Origin.Linked() {
			t.Errorf("%s: times %d origin %+v, want 2 from 2026 kept as text", a.Title, a.TimesCarried, a.Origin)
		}
	}
	if again := mustCLI(t, fresh, "plan", "export", strconv.FormatInt(imported.ID, 10)); again.stdout != export.stdout {
		t.Errorf("re-export differs:\n%s\n---- first ----\n%s", again.stdout, export.stdout)
	}
}
