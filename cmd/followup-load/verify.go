package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"strings"

	_ "github.com/mattn/go-sqlite3"
)

// verify checks the ledger against the database: every acknowledged save
// is there (or a later one that was sent but not answered), and no
// department has more submissions than were sent.
func (l *load) verify(ctx context.Context, dbPath string, w io.Writer) error {
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return err
	}
	defer db.Close()
	l.ledger.mu.Lock()
	defer l.ledger.mu.Unlock()
	lost := 0
	var sample []string
	for key, want := range l.ledger.acked {
		parts := strings.SplitN(key, "/", 2)
		d, _ := strconv.Atoi(parts[0])
		act, _ := strconv.ParseInt(parts[1], 10, 64)
		var got string
		err := db.QueryRowContext(ctx, `SELECT a.comment FROM answers a JOIN responses r ON r.id = a.response_id
			WHERE r.round_id = ? AND r.department_id = ? AND a.activity_id = ?`, l.t.roundID, l.t.links[d].Department.ID, act).Scan(&got)
		if err != nil {
			return err
		}
		ok := got == want
		for _, p := range l.ledger.pending[key] {
			ok = ok || got == p
		}
		if !ok {
			lost++
			if len(sample) < 5 {
				sample = append(sample, fmt.Sprintf("%s: want %.20q…, have %.20q…", key, want, got))
			}
		}
	}
	dups := 0
	for d, n := range l.ledger.submits {
		var events int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM response_events e JOIN responses r ON r.id = e.response_id
			WHERE r.round_id = ? AND r.department_id = ? AND e.kind = 'submitted'`, l.t.roundID, l.t.links[d].Department.ID).Scan(&events); err != nil {
			return err
		}
		events -= l.baseline[d] // submissions made before this run
		if events > n+l.ledger.submitTry[d] || events < n {
			dups++
		}
	}
	submits := 0
	for _, n := range l.ledger.submits {
		submits += n
	}
	fmt.Fprintf(w, "\nledger: %d answers with acknowledged saves checked, %d lost; %d acknowledged submissions, %d departments with a mismatched number of submissions\n",
		len(l.ledger.acked), lost, submits, dups)
	for _, s := range sample {
		fmt.Fprintln(w, "  lost:", s)
	}
	if lost > 0 || dups > 0 {
		return fmt.Errorf("%d lost saves, %d duplicate or missing submissions", lost, dups)
	}
	return nil
}

// submittedEvents counts each department's recorded submissions, so a run
// on a database used before checks only its own.
func submittedEvents(ctx context.Context, dbPath string, t *target) (map[int]int, error) {
	db, err := sql.Open("sqlite3", "file:"+dbPath+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	out := map[int]int{}
	for d, l := range t.links {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM response_events e JOIN responses r ON r.id = e.response_id
			WHERE r.round_id = ? AND r.department_id = ? AND e.kind = 'submitted'`, t.roundID, l.Department.ID).Scan(&n); err != nil {
			return nil, err
		}
		out[d] = n
	}
	return out, nil
}
