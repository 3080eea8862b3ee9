package storage

import (
	"context"
	"database/sql"
	"time"

	"followup/forms"
)

// SubmitResponse saves the input as SaveResponse does and then submits the
// response if all of it was saved and the response is complete. An
// incomplete response stays a draft with the input saved, and the EINVALID
// error names the missing fields; a save with conflicts or invalid fields
// submits nothing and says so as SaveResponse does. A response submitted
// already is ESUBMITTED: double clicks submit once.
func (db *DB) SubmitResponse(ctx context.Context, loc *time.Location, roundID, departmentID int64, in forms.SaveInput, actor Actor) (*forms.Response, error) {
	var saved *forms.Response
	var res saveResult
	var incomplete error
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		if res, err = db.saveTx(ctx, tx, loc, roundID, departmentID, in, actor); err != nil {
			return err
		}
		if saved, err = responseTx(ctx, tx, roundID, departmentID); err != nil || len(res.conflicts) > 0 || res.invalid != nil {
			return err
		}
		if incomplete = forms.ValidateSubmission(res.plan, departmentID, saved); incomplete != nil {
			return nil // commit the draft; report the errors
		}
		return submitTx(ctx, tx, db.Now(), saved)
	})
	switch {
	case err != nil:
		return nil, err
	case len(res.conflicts) > 0 || res.invalid != nil:
		return saved, forms.SaveErr(res.conflicts, res.invalid, saved)
	case incomplete != nil:
		return saved, forms.SaveErr(nil, incomplete, saved)
	}
	return saved, nil
}

// submitTx marks a complete response as submitted, with its event, and
// updates saved as the row now stands.
func submitTx(ctx context.Context, tx *sql.Tx, now time.Time, saved *forms.Response) error {
	stamp := ts(now)
	if _, err := tx.ExecContext(ctx, `UPDATE responses SET state = 'submitted', submitted_by = filled_in_by, submitted_at = ?,
		version = version + 1, updated_at = ? WHERE id = ?`, stamp, stamp, saved.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO response_events (response_id, kind, actor, message, at) VALUES (?, 'submitted', ?, '', ?)`,
		saved.ID, saved.FilledInBy, stamp); err != nil {
		return err
	}
	// The row as the update left it, without reading it again.
	stored := parseTS(stamp)
	saved.State, saved.SubmittedBy, saved.SubmittedAt, saved.UpdatedAt = forms.ResponseSubmitted, saved.FilledInBy, stored, stored
	saved.Version++
	return nil
}
