package storage

import (
	"context"
	"database/sql"

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
	// compared with and the department's response in it; nil when none.
	InterimRound *forms.Round
	Interim      *forms.Response
}

// Questionnaire reads a department's questionnaire in a round.
func (db *DB) Questionnaire(ctx context.Context, roundID, departmentID int64) (*QuestionnaireData, error) {
	q := &QuestionnaireData{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		err := db.questionnaireHeadTx(ctx, tx, q, roundID, departmentID)
		if err != nil {
			return err
		}
		if q.Response, err = responseTx(ctx, tx, roundID, departmentID); err != nil {
			return err
		}
		if q.Round.Kind != forms.RoundAnnual {
			return nil
		}
		q.InterimRound, q.Interim, err = interimAnswersTx(ctx, tx, q.Round.PlanID, departmentID)
		return err
	})
	return q, err
}

// QuestionnaireHead reads what a questionnaire's reply needs besides the
// answers: the round, the plan (from the cache) and the department.
func (db *DB) QuestionnaireHead(ctx context.Context, roundID, departmentID int64) (*QuestionnaireData, error) {
	q := &QuestionnaireData{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		return db.questionnaireHeadTx(ctx, tx, q, roundID, departmentID)
	})
	return q, err
}

// questionnaireHeadTx reads the round, the plan (from the cache) and the
// department into q.
func (db *DB) questionnaireHeadTx(ctx context.Context, tx *sql.Tx, q *QuestionnaireData, roundID, departmentID int64) error {
	var err error
	if q.Round, err = roundTx(ctx, tx, roundID); err != nil {
		return err
	}
	if q.Plan, err = db.planAt(ctx, tx, q.Round.PlanID, true); err != nil {
		return err
	}
	q.Department, err = departmentTx(ctx, tx, departmentID)
	return err
}
