package storage

import (
	"context"
	"database/sql"
	"errors"

	"followup/forms"
)

// QuestionnaireData is what a department's questionnaire shows, read in one
// transaction so the page never mixes two moments.
type QuestionnaireData struct {
	Round      forms.Round
	Plan       *forms.Plan
	Department forms.Department
	Response   *forms.Response
	// InterimRound and Interim are the interim round an annual round is
	// compared with and the department's answers in it; nil when none.
	InterimRound *forms.Round
	Interim      map[int64]forms.Answer
}

// Questionnaire reads a department's questionnaire in a round.
func (db *DB) Questionnaire(ctx context.Context, roundID, departmentID int64) (*QuestionnaireData, error) {
	q := &QuestionnaireData{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		if q.Round, err = scanRound(tx.QueryRowContext(ctx, `SELECT `+roundColumns+` FROM rounds WHERE id = ?`, roundID)); err != nil {
			return err
		}
		if q.Plan, err = db.planAt(ctx, tx, q.Round.PlanID, true); err != nil {
			return err
		}
		if q.Department, err = scanDepartment(tx.QueryRowContext(ctx, `SELECT `+departmentColumns+` FROM departments WHERE id = ?`, departmentID)); err != nil {
			return err
		}
		if q.Response, err = responseTx(ctx, tx, roundID, departmentID); err != nil {
			return err
		}
		if q.Round.Kind != forms.RoundAnnual {
			return nil
		}
		interim, err := scanRound(tx.QueryRowContext(ctx, `SELECT `+roundColumns+` FROM rounds
			WHERE plan_id = ? AND kind = 'interim' AND state != 'draft' ORDER BY report_date DESC, id DESC LIMIT 1`, q.Round.PlanID))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		resp, err := responseTx(ctx, tx, interim.ID, departmentID)
		if forms.ErrorCode(err) == forms.ENOTFOUND {
			return nil // the department did not take part in the interim round
		}
		if err != nil {
			return err
		}
		q.InterimRound, q.Interim = &interim, resp.Answers
		return nil
	})
	return q, err
}

// QuestionnaireHead reads what a questionnaire's reply needs besides the
// answers: the round, the plan (from the cache) and the department.
func (db *DB) QuestionnaireHead(ctx context.Context, roundID, departmentID int64) (*QuestionnaireData, error) {
	q := &QuestionnaireData{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		if q.Round, err = scanRound(tx.QueryRowContext(ctx, `SELECT `+roundColumns+` FROM rounds WHERE id = ?`, roundID)); err != nil {
			return err
		}
		if q.Plan, err = db.planAt(ctx, tx, q.Round.PlanID, true); err != nil {
			return err
		}
		q.Department, err = scanDepartment(tx.QueryRowContext(ctx, `SELECT `+departmentColumns+` FROM departments WHERE id = ?`, departmentID))
		return err
	})
	return q, err
}
