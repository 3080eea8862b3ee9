// Package storage keeps the follow-up data in SQLite: plain SQL, one writer
// connection for every change and a pool of readers, every change in one
// transaction, and embedded numbered migrations.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// DB is the application's database: a single writer connection, so that
// writes queue in Go rather than fight over SQLite's lock, and a reader pool
// that reads a consistent snapshot in WAL mode while a write is under way.
type DB struct {
	path string
	busy time.Duration
	w    *sql.DB
	r    *sql.DB
	// cache holds plans by id and revision.
	cache planCache
	// writes feeds the writer goroutine; closing stops it, and stopped
	// tells when it has.
	writes  chan *writeReq
	closing chan struct{}
	stopped chan struct{}
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// Options tune how the database is opened.
type Options struct {
	// BusyTimeout is how long a statement waits for a lock held by another
	// process before it fails with EBUSY.
	BusyTimeout time.Duration
	// Readers is the size of the reader pool.
	Readers int
}

func dsn(path string, busy time.Duration, readOnly bool) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL") // an acknowledged save survives a power cut
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", fmt.Sprint(busy.Milliseconds()))
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Set("_query_only", "true")
		// BEGIN IMMEDIATE takes the write lock, which a query-only
		// connection may not; readers begin deferred and read a snapshot.
		q.Set("_txlock", "deferred")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if need be) the database at path and migrates it.
// It refuses a database written by a newer version of the app, and names the
// file and the reason when the file cannot be written.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if opts.BusyTimeout == 0 {
		opts.BusyTimeout = 5 * time.Second
	}
	if opts.Readers == 0 {
		opts.Readers = 8
	}
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	w, err := sql.Open("sqlite3", dsn(path, opts.BusyTimeout, false))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	db := &DB{path: path, busy: opts.BusyTimeout, w: w, Now: time.Now,
		writes: make(chan *writeReq), closing: make(chan struct{}), stopped: make(chan struct{})}
	go db.writer()
	if err := w.PingContext(ctx); err != nil {
		db.stop()
		w.Close()
		return nil, fmt.Errorf("cannot use the database file %s: %w", path, err)
	}
	if err := db.migrate(ctx); err != nil {
		db.stop()
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite3", dsn(path, opts.BusyTimeout, true))
	if err != nil {
		db.stop()
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(opts.Readers)
	r.SetMaxIdleConns(opts.Readers)
	db.r = r
	return db, nil
}

// checkWritable refuses, with a message naming the file, a database file or
// folder the process cannot write.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("the folder of the database file %s does not exist: %w", path, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("the database file %s is not in a folder", path)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("the database file %s cannot be written: %w", path, errors.Unwrap(err))
	}
	f.Close()
	probe, err := os.CreateTemp(dir, ".followup-probe-*")
	if err != nil {
		return fmt.Errorf("the folder of the database file %s cannot be written (SQLite keeps its journal there): %w", path, errors.Unwrap(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// stop ends the writer goroutine after the batch under way.
func (db *DB) stop() {
	select {
	case <-db.closing:
	default:
		close(db.closing)
	}
	<-db.stopped
}

// Close stops taking writes, lets the batch under way commit, and closes
// both connection pools, checkpointing the WAL.
func (db *DB) Close() error {
	db.stop()
	var errR error
	if db.r != nil {
		errR = db.r.Close()
	}
	return errors.Join(errR, db.w.Close())
}

// read runs fn in a read transaction on the reader pool, so that every query
// in fn sees the same snapshot.
func (db *DB) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback()
	return classify(fn(tx))
}
