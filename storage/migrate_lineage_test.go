package storage

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// openAtVersion creates a database file with the migrations up to version
// applied, as an older build left it, and returns its path with the raw
// connection to fill it.
func openAtVersion(t *testing.T, version int) (string, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", dsn(path, time.Second, false))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	if _, err := raw.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.version > version {
			break
		}
		if _, err := raw.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if _, err := raw.Exec(`INSERT INTO schema_migrations VALUES (?, ?, '2024-12-01T00:00:00.000Z')`, m.version, m.name); err != nil {
			t.Fatal(err)
		}
	}
	return path, raw
}

// TestMigrateLineageKeepsEverything fills a database of schema 6 (before the
// year cycle) with a plan, a round, an answer and a consolidation, opens it
// with this build, and checks that everything is there and the year cycle
// works on it.
func TestMigrateLineageKeepsEverything(t *testing.T) {
	path, raw := openAtVersion(t, 6)
	now := "2024-12-01T00:00:00.000Z"
	for _, q := range []string{
		`INSERT INTO departments (id, name, name_key, kind, created_at) VALUES (1, 'IT-avdelningen', 'it-avdelningen', 'förvaltning', '` + now + `')`,
		`INSERT INTO plans (id, organisation, title, year, created_at) VALUES (1, 'Exempelby kommun', 'Handlingsplan 2024', 2024, '` + now + `')`,
		`INSERT INTO statuses (id, plan_id, position, name, color) VALUES (1, 1, 0, 'Ej påbörjat', '#b03a2e')`,
		`INSERT INTO statuses (id, plan_id, position, name, color, done) VALUES (2, 1, 1, 'Genomfört', '#1e8449', 1)`,
		`INSERT INTO areas (id, plan_id, position, title) VALUES (1, 1, 0, 'IT-säkerhet')`,
		`INSERT INTO activities (id, area_id, position, title, description, all_departments) VALUES (1, 1, 0, 'Riskanalys', 'Tre tillgångar.', 1)`,
		`INSERT INTO activities (id, area_id, position, title, all_departments) VALUES (2, 1, 1, 'Loggning', 0)`,
		`INSERT INTO activity_departments VALUES (2, 1)`,
		`INSERT INTO rounds (id, plan_id, kind, title, report_date, deadline, state, created_at) VALUES (1, 1, 'annual', 'Årsredovisning 2024', '2024-12-31', '2025-01-20', 'closed', '` + now + `')`,
		`INSERT INTO round_departments (round_id, department_id) VALUES (1, 1)`,
		`INSERT INTO responses (id, round_id, department_id, state, version) VALUES (1, 1, 1, 'submitted', 2)`,
		`INSERT INTO answers VALUES (1, 2, 1, 'Inte i år.', 0, 1, '` + now + `', 'test')`,
		`INSERT INTO consolidations (round_id, activity_id, status_id, narrative, saved_at, version) VALUES (1, 1, 2, 'Klart.', '` + now + `', 1)`,
		`INSERT INTO consolidations (round_id, activity_id, status_id, narrative, saved_at, version) VALUES (1, 2, 1, 'Inte påbörjat.', '` + now + `', 1)`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	ctx := context.Background()
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v := queryInt(t, db, `SELECT MAX(version) FROM schema_migrations`); v != SchemaVersion() {
		t.Errorf("schema %d after opening, want %d", v, SchemaVersion())
	}
	p, err := db.Plan(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	acts := p.Activities()
	if len(acts) != 2 || acts[0].Description != "Tre tillgångar." || !acts[0].AllDepartments || acts[1].DepartmentIDs[0] != 1 || len(p.Statuses) != 2 {
		t.Fatalf("plan after migration = %+v", p)
	}
	for _, a := range acts {
		if a.Carried() || a.TimesCarried != 0 || p.PredecessorID != 0 {
			t.Errorf("%s: origin %+v times %d after migration", a.Title, a.Origin, a.TimesCarried)
		}
	}
	rep, err := db.RoundReport(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Consolidations[1]; c.StatusID != 2 || c.Narrative != "Klart." {
		t.Errorf("consolidation = %+v", c)
	}
	if st, ok := rep.Status(1, 2); !ok || st.Name != "Ej påbörjat" || rep.Responses[1].Answers[2].Comment != "Inte i år." {
		t.Errorf("answer after migration = %+v %v", st, ok)
	}
	prop, err := db.NextPlanProposal(ctx, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	id, err := db.CreateNextPlan(ctx, prop.Input(false), "test")
	if err != nil {
		t.Fatal(err)
	}
	next, _ := db.Plan(ctx, id)
	if a := next.Activities(); len(a) != 1 || a[0].Title != "Loggning" || a[0].Origin.ActivityID != 2 || a[0].TimesCarried != 1 {
		t.Errorf("next plan from a migrated database = %+v", a)
	}
}
