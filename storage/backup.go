package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// BackupFile writes a consistent copy of the database at src to dest with
// VACUUM INTO, on a connection of its own, so a server using src goes on
// reading and writing meanwhile (WAL mode lets the copy read one snapshot
// while writes continue). It neither migrates nor otherwise changes src.
// The copy is readable by its owner only, written to a temporary file
// beside dest, checked with PRAGMA integrity_check, and only then renamed
// into place.
func BackupFile(ctx context.Context, src, dest string, busy time.Duration) error {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("the backup file %s exists already; choose a new name", dest)
	}
	if _, err := os.Stat(src); err != nil {
		return fmt.Errorf("cannot back up %s: %w", src, err)
	}
	tmp := dest + ".partial"
	os.Remove(tmp)
	// VACUUM INTO accepts an empty file: create it first so that the copy,
	// which holds every answer, is never readable by others.
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("cannot write the backup beside %s: %w", dest, err)
	}
	f.Close()
	// Not the query-only reader DSN: SQLite counts VACUUM INTO as a write.
	conn, err := sql.Open("sqlite3", dsn(src, busy, false))
	if err != nil {
		os.Remove(tmp)
		return err
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("back up %s: %w", src, classify(err))
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
