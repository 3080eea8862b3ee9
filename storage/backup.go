package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the live database to dest with VACUUM
// INTO, on a connection of its own, so the server goes on reading and
// writing meanwhile (WAL mode lets the copy read one snapshot while writes
// continue). The copy is written to a temporary file beside dest, checked
// with PRAGMA integrity_check, and only then renamed into place.
func (db *DB) Backup(ctx context.Context, dest string) error {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("the backup file %s exists already; choose a new name", dest)
	}
	tmp := dest + ".partial"
	os.Remove(tmp)
	// Not the query-only reader DSN: SQLite counts VACUUM INTO as a write.
	conn, err := sql.Open("sqlite3", dsn(db.path, db.busy, false))
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("back up %s: %w", db.path, classify(err))
	}
	if err := checkIntegrity(ctx, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// CheckIntegrity runs PRAGMA integrity_check on a database file and returns
// an error unless SQLite answers "ok".
func CheckIntegrity(ctx context.Context, path string) error { return checkIntegrity(ctx, path) }

func checkIntegrity(ctx context.Context, path string) error {
	conn, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer conn.Close()
	var res string
	if err := conn.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	if res != "ok" {
		return fmt.Errorf("the copy %s failed its integrity check: %s", path, res)
	}
	return nil
}
