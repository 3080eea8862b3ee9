package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestWriterIsolatesFailedWritesInABatch sends many writes at once, so they
// share transactions; every third fails after changing a row, one panics.
// The good ones must all be there, none of the failed ones' changes.
func TestWriterIsolatesFailedWritesInABatch(t *testing.T) {
	f := newFixture(t)
	const n = 120
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs[i] = f.db.write(f.ctx, func(ctx context.Context, tx *sql.Tx) error {
				if _, err := tx.ExecContext(f.ctx, `INSERT INTO audit_log (at, actor, action, entity) VALUES ('', ?, 'test', 'batch')`, fmt.Sprint(i)); err != nil {
					return err
				}
				switch {
				case i == 7:
					panic("a bug in one write")
				case i%3 == 0:
					return fmt.Errorf("write %d refused", i)
				}
				return nil
			})
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		wantErr := i == 7 || i%3 == 0
		if (err != nil) != wantErr {
			t.Errorf("write %d: err = %v, want error %v", i, err, wantErr)
		}
		if i == 7 && (err == nil || !strings.Contains(err.Error(), "panic")) {
			t.Errorf("the panicking write got %v", err)
		}
	}
	rows, err := f.db.r.QueryContext(f.ctx, `SELECT actor FROM audit_log WHERE entity = 'batch'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]bool{}
	for rows.Next() {
		var a string
		rows.Scan(&a)
		got[a] = true
	}
	for i := 0; i < n; i++ {
		failed := i == 7 || i%3 == 0
		if got[fmt.Sprint(i)] == failed {
			t.Errorf("write %d: row present %v, but the write failed %v", i, got[fmt.Sprint(i)], failed)
		}
	}
}

// TestWriteAfterCloseFails makes sure a closed database refuses writes
// instead of hanging.
func TestWriteAfterCloseFails(t *testing.T) {
	f := newFixture(t)
	f.db.Close()
	if err := f.db.write(f.ctx, func(ctx context.Context, tx *sql.Tx) error { return nil }); err == nil {
		t.Fatal("a write after Close succeeded")
	}
}

// TestCancelledRequestDoesNotBreakItsBatch cancels requests while their
// writes run, in batches shared with others: SQLite must not be
// interrupted (which would roll back everyone's writes), so every write
// that started completes, and the others in its batch do too.
func TestCancelledRequestDoesNotBreakItsBatch(t *testing.T) {
	f := newFixture(t)
	const n = 60
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ctx, cancel := context.WithCancel(f.ctx)
			defer cancel()
			errs[i] = f.db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
				if i%4 == 0 {
					cancel() // the person closed the page while the save ran
				}
				_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, entity) VALUES ('', ?, 'test', 'cancel')`, fmt.Sprint(i))
				return err
			})
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("write %d failed: %v", i, err)
		}
	}
	var count int
	f.db.r.QueryRowContext(f.ctx, `SELECT COUNT(*) FROM audit_log WHERE entity = 'cancel'`).Scan(&count)
	if count != n {
		t.Fatalf("%d rows, want %d", count, n)
	}
}
