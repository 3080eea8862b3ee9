package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// maxBatch bounds how many writes share one transaction.
const maxBatch = 64

// writeReq is one write waiting for the writer.
type writeReq struct {
	ctx  context.Context
	fn   func(ctx context.Context, tx *sql.Tx) error
	done chan error
}

// errClosed is what a write gets once the database is closing.
var errClosed = errors.New("the database is closed")

// write runs fn in a write transaction and returns only when its changes
// are durable (or failed). fn gets a context that is never cancelled: a
// statement interrupted because one person's request ended would make
// SQLite roll back the whole shared transaction, everyone's writes with it;
// a write that has started therefore finishes, and only one still waiting
// is dropped when its caller goes away. Writes that arrive while another is committing
// share the next transaction, each in a savepoint of its own, so that one
// fsync serves many saves near a deadline; a write that fails is rolled back
// to its savepoint alone, and none is acknowledged before the commit.
func (db *DB) write(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) error {
	req := &writeReq{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case db.writes <- req:
	case <-db.closing:
		return errClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-req.done
}

// writer is the one goroutine that writes: it takes a write, gathers the
// writes already waiting, and commits them together.
func (db *DB) writer() {
	defer close(db.stopped)
	for {
		var first *writeReq
		select {
		case first = <-db.writes:
		case <-db.closing:
			return
		}
		batch := []*writeReq{first}
	gather:
		for len(batch) < maxBatch {
			select {
			case r := <-db.writes:
				batch = append(batch, r)
			default:
				break gather
			}
		}
		db.commitBatch(batch)
	}
}

func (db *DB) commitBatch(batch []*writeReq) {
	results := make([]error, len(batch))
	finish := func() {
		for i, r := range batch {
			r.done <- classify(results[i])
		}
	}
	tx, err := db.w.BeginTx(context.Background(), nil)
	if err != nil {
		for i := range results {
			results[i] = err
		}
		finish()
		return
	}
	if len(batch) == 1 {
		r := batch[0]
		if results[0] = r.ctx.Err(); results[0] == nil {
			results[0] = call(r.ctx, r.fn, tx)
		}
		if results[0] != nil {
			tx.Rollback()
		} else {
			results[0] = tx.Commit()
		}
		finish()
		return
	}
	for i, r := range batch {
		if results[i] = r.ctx.Err(); results[i] != nil {
			continue
		}
		if _, err := tx.Exec(`SAVEPOINT w`); err != nil {
			results[i] = err
			continue
		}
		if results[i] = call(r.ctx, r.fn, tx); results[i] != nil {
			if _, err := tx.Exec(`ROLLBACK TO w`); err != nil {
				// The transaction is unusable: fail everything in it.
				tx.Rollback()
				for j := range results {
					if results[j] == nil || j == i {
						results[j] = fmt.Errorf("rollback to savepoint: %w", err)
					}
				}
				finish()
				return
			}
		}
		tx.Exec(`RELEASE w`)
	}
	if err := tx.Commit(); err != nil {
		for i := range results {
			if results[i] == nil {
				results[i] = err
			}
		}
	}
	finish()
}

// call runs a write function, turning a panic into an error so that one
// bad write cannot stop the writer.
func call(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error, tx *sql.Tx) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic in a write: %v", v)
		}
	}()
	return fn(context.WithoutCancel(ctx), tx)
}
