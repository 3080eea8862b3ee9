package storage

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"followup/forms"
)

const responseColumns = `id, round_id, department_id, state, general_comment, general_version, filled_in_by,
	submitted_by, submitted_at, return_message, returned_by, returned_at, updated_at, version`

func scanResponse(row rowScanner) (*forms.Response, error) {
	r := &forms.Response{Answers: map[int64]forms.Answer{}}
	var state, subAt, retAt, upd string
	err := row.Scan(&r.ID, &r.RoundID, &r.DepartmentID, &state, &r.GeneralComment, &r.GeneralVersion, &r.FilledInBy,
		&r.SubmittedBy, &subAt, &r.ReturnMessage, &r.ReturnedBy, &retAt, &upd, &r.Version)
	r.State = forms.ResponseState(state)
	r.SubmittedAt, r.ReturnedAt, r.UpdatedAt = parseTS(subAt), parseTS(retAt), parseTS(upd)
	return r, err
}

// Response returns a department's response to a round with its answers; a
// department that has not started gets an empty response in the not-started
// state.
func (db *DB) Response(ctx context.Context, roundID, departmentID int64) (*forms.Response, error) {
	var r *forms.Response
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = responseTx(ctx, tx, roundID, departmentID)
		return err
	})
	return r, err
}

func responseTx(ctx context.Context, tx *sql.Tx, roundID, departmentID int64) (*forms.Response, error) {
	r, err := responseRowTx(ctx, tx, roundID, departmentID)
	if errors.Is(err, sql.ErrNoRows) {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM round_departments WHERE round_id = ? AND department_id = ?`, roundID, departmentID).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, forms.Errorf(forms.ENOTFOUND, "department %d does not take part in round %d", departmentID, roundID)
		}
		return &forms.Response{RoundID: roundID, DepartmentID: departmentID, State: forms.ResponseNotStarted, Answers: map[int64]forms.Answer{}}, nil
	}
	if err != nil {
		return nil, err
	}
	if err := readAnswersTx(ctx, tx, r.Answers, `SELECT `+answerColumns+` FROM answers WHERE response_id = ?`, r.ID); err != nil {
		return nil, err
	}
	return r, nil
}

// answerColumns are the columns of an answer that readAnswersTx reads.
const answerColumns = `activity_id, COALESCE(status_id, 0), comment, needs_support, version, updated_at, updated_by`

// readAnswersTx runs a query of answerColumns and puts each answer into out,
// by activity.
func readAnswersTx(ctx context.Context, tx *sql.Tx, out map[int64]forms.Answer, query string, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a forms.Answer
		var upd string
		if err := rows.Scan(&a.ActivityID, &a.StatusID, &a.Comment, &a.NeedsSupport, &a.Version, &upd, &a.UpdatedBy); err != nil {
			return err
		}
		a.UpdatedAt = parseTS(upd)
		out[a.ActivityID] = a
	}
	return rows.Err()
}

// responseRowTx reads a response without its answers.
func responseRowTx(ctx context.Context, tx *sql.Tx, roundID, departmentID int64) (*forms.Response, error) {
	return scanResponse(tx.QueryRowContext(ctx, `SELECT `+responseColumns+` FROM responses WHERE round_id = ? AND department_id = ?`, roundID, departmentID))
}

// answersTx reads the given activities' answers of a response.
func answersTx(ctx context.Context, tx *sql.Tx, responseID int64, activityIDs []int64) (map[int64]forms.Answer, error) {
	out := map[int64]forms.Answer{}
	if len(activityIDs) == 0 {
		return out, nil
	}
	q := `SELECT ` + answerColumns + ` FROM answers
		WHERE response_id = ? AND activity_id IN (?` + strings.Repeat(",?", len(activityIDs)-1) + `)`
	args := []any{responseID}
	for _, id := range activityIDs {
		args = append(args, id)
	}
	if err := readAnswersTx(ctx, tx, out, q, args...); err != nil {
		return nil, err
	}
	return out, nil
}

// ensureResponseTx returns the response row's id, creating the row.
func ensureResponseTx(ctx context.Context, tx *sql.Tx, roundID, departmentID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO responses (round_id, department_id)
		SELECT round_id, department_id FROM round_departments WHERE round_id = ? AND department_id = ?`, roundID, departmentID)
	return err
}

// ReturnResponse sends a submitted response back to the department for
// completion with the office's message; the department can edit it again.
// The round must still take answers (open, deadline not passed in loc):
// otherwise the department could not complete what it is asked to.
func (db *DB) ReturnResponse(ctx context.Context, loc *time.Location, roundID, departmentID int64, message, actor string) error {
	message = forms.NormalizeText(message)
	if message == "" {
		return &forms.Error{Code: forms.EINVALID, Message: "a message is required", Fields: map[string]string{"message": "error.required"}, Order: []string{"message"}}
	}
	if k := forms.CheckText(message, forms.MaxCommentRunes); k != "" {
		return &forms.Error{Code: forms.EINVALID, Message: "invalid message", Fields: map[string]string{"message": k}, Order: []string{"message"}}
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		cur, err := responseRowTx(ctx, tx, roundID, departmentID)
		if errors.Is(err, sql.ErrNoRows) {
			return forms.Errorf(forms.ENOTFOUND, "department %d has no response in round %d", departmentID, roundID)
		}
		if err != nil {
			return err
		}
		if cur.State != forms.ResponseSubmitted {
			return forms.Errorf(forms.ECONFLICT, "only a submitted response can be returned")
		}
		round, err := roundTx(ctx, tx, roundID)
		if err != nil {
			return err
		}
		if err := round.AcceptsAnswers(db.Now(), loc); err != nil {
			return forms.Errorf(forms.ECLOSED, "round %d takes no answers: open it or move its deadline before returning a response", roundID)
		}
		stamp := ts(db.Now())
		if _, err := tx.ExecContext(ctx, `UPDATE responses SET state = 'returned', return_message = ?, returned_by = ?, returned_at = ?,
			version = version + 1, updated_at = ? WHERE id = ?`, message, actor, stamp, stamp, cur.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO response_events (response_id, kind, actor, message, at) VALUES (?, 'returned', ?, ?, ?)`,
			cur.ID, actor, message, stamp); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "response.return", "round", roundID, "department "+itoa(int(departmentID)))
	})
}

// ResponseEvent is a submission or return in a response's history.
type ResponseEvent struct {
	Kind    string
	Actor   string
	Message string
	At      time.Time
}

// ResponseEvents lists a response's submissions and returns, oldest first.
func (db *DB) ResponseEvents(ctx context.Context, roundID, departmentID int64) ([]ResponseEvent, error) {
	var out []ResponseEvent
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT e.kind, e.actor, e.message, e.at FROM response_events e
			JOIN responses r ON r.id = e.response_id WHERE r.round_id = ? AND r.department_id = ? ORDER BY e.id`, roundID, departmentID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e ResponseEvent
			var at string
			if err := rows.Scan(&e.Kind, &e.Actor, &e.Message, &at); err != nil {
				return err
			}
			e.At = parseTS(at)
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}
