package storage

import (
	"fmt"
	"sync"
	"testing"

	"followup/forms"
)

// TestConcurrentSaves saves the answers of 20 departments at once, while the
// office reads the round: every save succeeds and every answer is there.
func TestConcurrentSaves(t *testing.T) {
	f := newFixture(t)
	const n = 20
	var deps []forms.Department
	for i := range n {
		deps = append(deps, f.department(t, fmt.Sprintf("Förvaltning %02d", i), "förvaltning"))
	}
	round := f.openRound(t, "interim", "Delårsrapport 2025", "2025-08-31", "2025-09-15")
	pagar := f.status(t, "Pågår")

	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for i, d := range deps {
		wg.Go(func() {
			for j, act := range []int64{f.actA, f.actB} {
				_, err := f.db.SaveResponse(f.ctx, f.loc, round, d.ID, forms.SaveInput{Answers: []forms.AnswerInput{
					{ActivityID: act, StatusID: pagar, Comment: fmt.Sprintf("avdelning %d svar %d", i, j)}}}, "link")
				if err != nil {
					errs <- fmt.Errorf("department %d: %w", i, err)
				}
			}
		})
		wg.Go(func() {
			if _, err := f.db.RoundReport(f.ctx, round); err != nil {
				errs <- fmt.Errorf("report: %w", err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	rep, err := f.db.RoundReport(f.ctx, round)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range deps {
		for j, act := range []int64{f.actA, f.actB} {
			a, ok := rep.Responses[d.ID].Answers[act]
			if want := fmt.Sprintf("avdelning %d svar %d", i, j); !ok || a.Comment != want {
				t.Errorf("department %d activity %d: %+v, want comment %q", i, act, a, want)
			}
		}
	}
	if got := queryInt(t, f.db, `SELECT COUNT(*) FROM answer_history h JOIN responses r ON r.id = h.response_id WHERE r.round_id = ?`, round); got != 2*n {
		t.Errorf("%d history rows, want %d", got, 2*n)
	}
}
