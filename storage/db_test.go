package storage

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Stockholm on machines without a zone database

	"followup/forms"
)

// clock is the fixed time tests run at: ten days before the deadline of the
// fixture's rounds.
var clock = time.Date(2025, 1, 10, 9, 30, 0, 0, time.UTC)

// mustOpenDB opens a fresh database file in a temporary folder, with the
// clock fixed; it is closed when the test ends.
func mustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(context.Background(), filepath.Join(tb.TempDir(), "followup.db"), Options{})
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	db.Now = func() time.Time { return clock }
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return db
}

func stockholm(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// wantCode fails the test unless err carries the given code ("" for nil).
func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := forms.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q (err: %v), want %q", got, err, code)
	}
}

// queryInt runs a query returning one integer on the writer connection.
func queryInt(tb testing.TB, db *DB, q string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.w.QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n
}

type migrationRow struct {
	version int
	name    string
	at      string
}

func appliedMigrations(tb testing.TB, db *DB) []migrationRow {
	tb.Helper()
	rows, err := db.w.Query(`SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []migrationRow
	for rows.Next() {
		var m migrationRow
		if err := rows.Scan(&m.version, &m.name, &m.at); err != nil {
			tb.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

func TestOpenMigratesFreshFile(t *testing.T) {
	db := mustOpenDB(t)
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 2 {
		t.Fatalf("only %d migrations embedded", len(ms))
	}
	got := appliedMigrations(t, db)
	if len(got) != len(ms) {
		t.Fatalf("schema_migrations has %d rows, want %d", len(got), len(ms))
	}
	for i, m := range ms {
		if got[i].version != m.version || got[i].name != m.name || got[i].at == "" {
			t.Errorf("row %d = %+v, want version %d name %s", i, got[i], m.version, m.name)
		}
	}
	if v := SchemaVersion(); v != ms[len(ms)-1].version || got[len(got)-1].version != v {
		t.Errorf("SchemaVersion() = %d, newest applied %d", v, got[len(got)-1].version)
	}
	for _, table := range []string{"departments", "plans", "statuses", "answers", "answer_history", "response_events", "consolidation_history", "audit_log"} {
		if n := queryInt(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, table); n != 1 {
			t.Errorf("table %s missing", table)
		}
	}
	if mode := queryString(t, db, `PRAGMA journal_mode`); mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	if fk := queryInt(t, db, `PRAGMA foreign_keys`); fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
}

func queryString(tb testing.TB, db *DB, q string, args ...any) string {
	tb.Helper()
	var s string
	if err := db.w.QueryRow(q, args...).Scan(&s); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return s
}

func TestOpenTwiceIsNoOp(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "followup.db")
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: "IT-avdelningen", Kind: "förvaltning"}, "test"); err != nil {
		t.Fatal(err)
	}
	before := appliedMigrations(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond) // a re-applied migration would get a later applied_at

	db, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if after := appliedMigrations(t, db); !slices.Equal(after, before) {
		t.Errorf("schema_migrations changed on reopening:\n got %+v\nwant %+v", after, before)
	}
	deps, err := db.Departments(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(deps) != 1 || deps[0].Name != "IT-avdelningen" {
		t.Errorf("departments after reopening = %+v", deps)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "followup.db")
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	newer := SchemaVersion() + 1
	if _, err := db.w.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future.sql', 'x')`, newer); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db, err = Open(ctx, path, Options{})
	if err == nil {
		db.Close()
		t.Fatal("Open accepted a database with a newer schema")
	}
	for _, want := range []string{path, "newer", "upgrade"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	// Untouched: the newer row is still there.
	raw, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var max int
	if err := raw.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&max); err != nil || max != newer {
		t.Errorf("max version after refusal = %d, %v; want %d", max, err, newer)
	}
}

func TestOpenRefusesUnwritablePlace(t *testing.T) {
	ctx := context.Background()
	t.Run("ErrReadOnlyFolder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "ro")
		if err := os.Mkdir(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		if os.Getuid() == 0 {
			// root writes anywhere; find out rather than assume.
			if f, err := os.CreateTemp(dir, "probe"); err == nil {
				f.Close()
				os.Remove(f.Name())
				t.Skip("running as root: a folder with mode 0500 is writable")
			}
		}
		path := filepath.Join(dir, "followup.db")
		db, err := Open(ctx, path, Options{})
		if err == nil {
			db.Close()
			t.Fatal("Open accepted a database in a read-only folder")
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("error %q does not name the file %s", err, path)
		}
	})
	t.Run("ErrMissingFolder", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "no", "such", "folder", "followup.db")
		db, err := Open(ctx, path, Options{})
		if err == nil {
			db.Close()
			t.Fatal("Open accepted a database in a missing folder")
		}
		if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "does not exist") {
			t.Errorf("error %q does not name the file %s and the reason", err, path)
		}
	})
	t.Run("ErrPathIsFolder", func(t *testing.T) {
		path := t.TempDir()
		db, err := Open(ctx, path, Options{})
		if err == nil {
			db.Close()
			t.Fatal("Open accepted a folder as database file")
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("error %q does not name %s", err, path)
		}
	})
}

// TestReadDuringWrite checks that the reader pool reads the last committed
// snapshot while a write transaction is under way, instead of queueing
// behind it.
func TestReadDuringWrite(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "followup.db"), Options{BusyTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: "Före", Kind: "bolag"}, "test"); err != nil {
		t.Fatal(err)
	}
	inside, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
			if _, err := tx.Exec(`INSERT INTO departments (name, name_key, kind, created_at) VALUES ('Under', 'under', 'bolag', 'x')`); err != nil {
				return err
			}
			close(inside)
			<-release
			return nil
		})
	}()
	<-inside
	deps, err := db.Departments(ctx, true)
	close(release)
	if err != nil {
		t.Fatalf("read during a write: %v", err)
	}
	if len(deps) != 1 || deps[0].Name != "Före" {
		t.Errorf("read during a write saw %+v, want only the committed department", deps)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if deps, _ := db.Departments(ctx, true); len(deps) != 2 {
		t.Errorf("after the write: %d departments, want 2", len(deps))
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"Nil", nil, ""},
		{"NoRows", sql.ErrNoRows, forms.ENOTFOUND},
		{"WrappedNoRows", errors.Join(errors.New("x"), sql.ErrNoRows), forms.ENOTFOUND},
		{"DomainErrorKept", forms.Errorf(forms.ECLOSED, "closed"), forms.ECLOSED},
		{"Other", errors.New("disk on fire"), forms.EINTERNAL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantCode(t, classify(tt.err), tt.want)
		})
	}
}
