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

// Actor names who made a change, for history rows: a respondent's typed name
// or "link", or an office account's e-mail.
type Actor string

// SaveResponse saves a draft: the answers in the input are merged into the
// stored response (see forms.Merge), with a history row for every change. It
// refuses a closed round (ECLOSED) and a submitted response (ESUBMITTED).
// When some answers conflict, the others are saved and an ECONFLICT
// *forms.Error lists the conflicting ones.
func (db *DB) SaveResponse(ctx context.Context, loc *time.Location, roundID, departmentID int64, in forms.SaveInput, actor Actor) (*forms.Response, error) {
	_, err := db.SaveDraft(ctx, loc, roundID, departmentID, in, actor)
	var ce *forms.Error
	if err != nil && (!errors.As(err, &ce) || ce.Code != forms.ECONFLICT) {
		return nil, err
	}
	// Read the whole result after the commit, on a reader: the writer, which
	// every save waits for, does only the work that must be atomic.
	saved, rerr := db.Response(ctx, roundID, departmentID)
	if rerr != nil {
		return nil, rerr
	}
	if ce != nil {
		ce.Saved = saved
		return saved, ce
	}
	return saved, nil
}

// SaveDraft saves like SaveResponse but returns a response that holds only
// the answers the save sent (with their new versions), read in the same
// transaction: what an autosave needs to answer, at the least cost.
func (db *DB) SaveDraft(ctx context.Context, loc *time.Location, roundID, departmentID int64, in forms.SaveInput, actor Actor) (*forms.Response, error) {
	var conflicts []forms.Conflict
	var saved *forms.Response
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		if _, conflicts, err = db.saveTx(ctx, tx, loc, roundID, departmentID, in, actor); err != nil {
			return err
		}
		if saved, err = responseRowTx(ctx, tx, roundID, departmentID); err != nil {
			return err
		}
		ids := make([]int64, 0, len(in.Answers))
		for _, a := range in.Answers {
			ids = append(ids, a.ActivityID)
		}
		saved.Answers, err = answersTx(ctx, tx, saved.ID, ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(conflicts) > 0 {
		return saved, forms.ConflictErr(conflicts, saved)
	}
	return saved, nil
}

// saveTx applies a save in the writer's transaction, reading only the
// response row and the answers it changes; it returns the plan it read,
// for a submission to validate against.
func (db *DB) saveTx(ctx context.Context, tx *sql.Tx, loc *time.Location, roundID, departmentID int64, in forms.SaveInput, actor Actor) (*forms.Plan, []forms.Conflict, error) {
	round, err := roundTx(ctx, tx, roundID)
	if err != nil {
		return nil, nil, err
	}
	now := db.Now()
	if err := round.AcceptsAnswers(now, loc); err != nil {
		return nil, nil, err
	}
	plan, err := db.planAt(ctx, tx, round.PlanID, false)
	if err != nil {
		return nil, nil, err
	}
	assigned := map[int64]bool{}
	for _, a := range plan.Activities() {
		if a.AssignedTo(departmentID) {
			assigned[a.ID] = true
		}
	}
	if err := in.Validate(plan.Statuses, assigned); err != nil {
		return nil, nil, err
	}
	if err := ensureResponseTx(ctx, tx, roundID, departmentID); err != nil {
		return nil, nil, err
	}
	cur, err := responseRowTx(ctx, tx, roundID, departmentID)
	if err != nil {
		return nil, nil, err
	}
	if cur.State == forms.ResponseSubmitted {
		return nil, nil, forms.Errorf(forms.ESUBMITTED, "already submitted")
	}
	// Who made the change: the name given with this save (validated above),
	// else the name the response already carries, else the caller's word.
	if in.FilledInBy != nil && *in.FilledInBy != "" {
		actor = Actor(*in.FilledInBy)
	} else if cur.FilledInBy != "" {
		actor = Actor(cur.FilledInBy)
	}
	ids := make([]int64, 0, len(in.Answers))
	for _, a := range in.Answers {
		ids = append(ids, a.ActivityID)
	}
	if cur.Answers, err = answersTx(ctx, tx, cur.ID, ids); err != nil {
		return nil, nil, err
	}
	var conflicts []forms.Conflict
	changed := false
	stamp := ts(now)
	for _, a := range in.Answers {
		current := cur.Answers[a.ActivityID]
		current.ActivityID = a.ActivityID
		outcome, err := mergeTx(ctx, tx, cur.ID, a.ActivityID, current, a)
		if err != nil {
			return nil, nil, err
		}
		switch outcome {
		case forms.MergeKeep:
			continue
		case forms.MergeConflict:
			conflicts = append(conflicts, forms.Conflict{ActivityID: a.ActivityID, Mine: a.Value(), Theirs: current})
			continue
		}
		next := a.Value()
		next.Version = current.Version + 1
		if _, err := tx.ExecContext(ctx, `INSERT INTO answers (response_id, activity_id, status_id, comment, needs_support, version, updated_at, updated_by)
			VALUES (?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?)
			ON CONFLICT (response_id, activity_id) DO UPDATE SET status_id = excluded.status_id, comment = excluded.comment,
			needs_support = excluded.needs_support, version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			cur.ID, a.ActivityID, next.StatusID, next.Comment, b2i(next.NeedsSupport), next.Version, stamp, string(actor)); err != nil {
			return nil, nil, err
		}
		if err := historyTx(ctx, tx, cur.ID, &a.ActivityID, next.Version, current, next, actor, stamp); err != nil {
			return nil, nil, err
		}
		changed = true
	}
	if in.GeneralComment != nil && *in.GeneralComment != cur.GeneralComment {
		current := forms.Answer{Comment: cur.GeneralComment, Version: cur.GeneralVersion}
		mine := forms.AnswerInput{Comment: *in.GeneralComment, BaseVersion: in.GeneralBase}
		outcome, err := mergeTx(ctx, tx, cur.ID, 0, current, mine)
		if err != nil {
			return nil, nil, err
		}
		switch outcome {
		case forms.MergeWrite:
			next := forms.Answer{Comment: *in.GeneralComment, Version: cur.GeneralVersion + 1}
			if _, err := tx.ExecContext(ctx, `UPDATE responses SET general_comment = ?, general_version = ? WHERE id = ?`, next.Comment, next.Version, cur.ID); err != nil {
				return nil, nil, err
			}
			if err := historyTx(ctx, tx, cur.ID, nil, next.Version, current, next, actor, stamp); err != nil {
				return nil, nil, err
			}
			changed = true
		case forms.MergeConflict:
			// Name who saved the general comment, for the conflict message.
			var at string
			tx.QueryRowContext(ctx, `SELECT changed_by, changed_at FROM answer_history WHERE response_id = ? AND activity_id IS NULL
				ORDER BY id DESC LIMIT 1`, cur.ID).Scan(&current.UpdatedBy, &at)
			current.UpdatedAt = parseTS(at)
			conflicts = append(conflicts, forms.Conflict{Mine: mine.Value(), Theirs: current})
		}
	}
	if in.FilledInBy != nil && *in.FilledInBy != cur.FilledInBy {
		if _, err := tx.ExecContext(ctx, `UPDATE responses SET filled_in_by = ? WHERE id = ?`, *in.FilledInBy, cur.ID); err != nil {
			return nil, nil, err
		}
		changed = true
	}
	if changed {
		if _, err := tx.ExecContext(ctx, `UPDATE responses SET version = version + 1, updated_at = ?,
			state = CASE state WHEN 'not_started' THEN 'draft' ELSE state END WHERE id = ?`, stamp, cur.ID); err != nil {
			return nil, nil, err
		}
	}
	return plan, conflicts, nil
}

// answerAtTx returns an answer (activityID 0: the general comment) as it was
// at the given version, from the history; version 0 is the empty answer.
// found is false for a version the server never gave out.
func answerAtTx(ctx context.Context, tx *sql.Tx, responseID, activityID int64, version int) (a forms.Answer, found bool, err error) {
	a = forms.Answer{ActivityID: activityID, Version: version}
	if version <= 0 {
		a.Version = 0
		return a, true, nil
	}
	err = tx.QueryRowContext(ctx, `SELECT COALESCE(status_id, 0), comment, needs_support FROM answer_history
		WHERE response_id = ? AND activity_id IS NULLIF(?, 0) AND version = ? ORDER BY id DESC LIMIT 1`, responseID, activityID, version).
		Scan(&a.StatusID, &a.Comment, &a.NeedsSupport)
	if errors.Is(err, sql.ErrNoRows) {
		return forms.Answer{}, false, nil
	}
	return a, err == nil, err
}

// mergeTx decides what to do with an incoming answer, reading the version
// its page was based on when that is not the current one. A base version
// the server never gave out is treated as stale: a conflict unless the
// incoming answer already equals the stored one.
func mergeTx(ctx context.Context, tx *sql.Tx, responseID, activityID int64, current forms.Answer, in forms.AnswerInput) (forms.MergeOutcome, error) {
	if in.BaseVersion == current.Version {
		return forms.Merge(current, current, in), nil
	}
	base, found, err := answerAtTx(ctx, tx, responseID, activityID, in.BaseVersion)
	if err != nil {
		return 0, err
	}
	if !found {
		if in.Value().SameValue(current) {
			return forms.MergeKeep, nil
		}
		return forms.MergeConflict, nil
	}
	return forms.Merge(current, base, in), nil
}

func historyTx(ctx context.Context, tx *sql.Tx, responseID int64, activityID *int64, version int, old, next forms.Answer, actor Actor, stamp string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO answer_history (response_id, activity_id, version, old_status_id, old_comment, old_needs_support,
		status_id, comment, needs_support, changed_by, changed_at) VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?, ?, ?, ?)`,
		responseID, activityID, version, old.StatusID, old.Comment, b2i(old.NeedsSupport), next.StatusID, next.Comment, b2i(next.NeedsSupport), string(actor), stamp)
	return err
}

// SubmitResponse saves the input as SaveResponse does and then submits the
// response if it is complete. An incomplete response stays a draft with the
// input saved, and the EINVALID error names the missing fields. A response
// submitted already is ESUBMITTED: double clicks submit once.
func (db *DB) SubmitResponse(ctx context.Context, loc *time.Location, roundID, departmentID int64, in forms.SaveInput, actor Actor) (*forms.Response, error) {
	var saved *forms.Response
	var conflicts []forms.Conflict
	var invalid error
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		plan, c, err := db.saveTx(ctx, tx, loc, roundID, departmentID, in, actor)
		if err != nil {
			return err
		}
		conflicts = c
		if saved, err = responseTx(ctx, tx, roundID, departmentID); err != nil || len(conflicts) > 0 {
			return err
		}
		if invalid = forms.ValidateSubmission(plan, departmentID, saved); invalid != nil {
			return nil // commit the draft; report the errors
		}
		now := db.Now()
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
	})
	switch {
	case err != nil:
		return nil, err
	case len(conflicts) > 0:
		return saved, forms.ConflictErr(conflicts, saved)
	case invalid != nil:
		return saved, invalid
	}
	return saved, nil
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
