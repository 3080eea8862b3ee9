package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"followup/forms"
)

// Actor names who made a change, for history rows: a respondent's typed name
// or "link", or an office account's e-mail.
type Actor string

// SaveResponse saves a draft under the save rule of forms.SaveInput.Split:
// the valid answers in the input are merged into the stored response (see
// forms.Merge), with a history row for every change, and the invalid ones
// are left out. It refuses a closed round (ECLOSED) and a submitted
// response (ESUBMITTED). When some answers conflict or are invalid, the
// rest is saved and the error (forms.SaveErr) lists what was not, with the
// whole response after the save.
func (db *DB) SaveResponse(ctx context.Context, loc *time.Location, roundID, departmentID int64, in forms.SaveInput, actor Actor) (*forms.Response, error) {
	_, err := db.SaveDraft(ctx, loc, roundID, departmentID, in, actor)
	var fe *forms.Error
	if err != nil && (!errors.As(err, &fe) || fe.Saved == nil) {
		return nil, err
	}
	// Read the whole result after the commit, on a reader: the writer, which
	// every save waits for, does only the work that must be atomic.
	saved, rerr := db.Response(ctx, roundID, departmentID)
	if rerr != nil {
		return nil, rerr
	}
	if fe != nil {
		fe.Saved = saved
		return saved, fe
	}
	return saved, nil
}

// SaveDraft saves like SaveResponse but returns a response that holds only
// the answers the save wrote or kept (with their new versions), read in the
// same transaction: what an autosave needs to answer, at the least cost.
func (db *DB) SaveDraft(ctx context.Context, loc *time.Location, roundID, departmentID int64, in forms.SaveInput, actor Actor) (*forms.Response, error) {
	var res saveResult
	var saved *forms.Response
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		if res, err = db.saveTx(ctx, tx, loc, roundID, departmentID, in, actor); err != nil || res.nothing {
			return err
		}
		if saved, err = responseRowTx(ctx, tx, roundID, departmentID); err != nil {
			return err
		}
		saved.Answers, err = answersTx(ctx, tx, saved.ID, res.ids)
		return err
	})
	if err != nil {
		return nil, err
	}
	return saved, forms.SaveErr(res.conflicts, res.invalid, saved)
}

// saveResult is what a save did in its transaction.
type saveResult struct {
	plan      *forms.Plan // the plan the save was checked against
	ids       []int64     // the activities of the answers saved
	conflicts []forms.Conflict
	invalid   error // the fields left out as invalid (EINVALID), or nil
	nothing   bool  // nothing was valid: the save changed nothing
}

// saveTx applies a save in the writer's transaction under the save rule,
// reading only the response row and the answers it changes; it returns the
// plan it read, for a submission to validate against.
func (db *DB) saveTx(ctx context.Context, tx *sql.Tx, loc *time.Location, roundID, departmentID int64, in forms.SaveInput, actor Actor) (saveResult, error) {
	round, err := roundTx(ctx, tx, roundID)
	if err != nil {
		return saveResult{}, err
	}
	now := db.Now()
	if err := round.AcceptsAnswers(now, loc); err != nil {
		return saveResult{}, err
	}
	plan, err := db.planAt(ctx, tx, round.PlanID, false)
	if err != nil {
		return saveResult{}, err
	}
	assigned := map[int64]bool{}
	for _, a := range plan.Activities() {
		if a.AssignedTo(departmentID) {
			assigned[a.ID] = true
		}
	}
	valid, invalid := in.Split(plan.Statuses, assigned)
	res := saveResult{plan: plan, invalid: invalid}
	if invalid != nil && len(valid.Answers) == 0 && valid.GeneralComment == nil && valid.FilledInBy == nil {
		res.nothing = true
		return res, nil
	}
	if err := ensureResponseTx(ctx, tx, roundID, departmentID); err != nil {
		return res, err
	}
	cur, err := responseRowTx(ctx, tx, roundID, departmentID)
	if err != nil {
		return res, err
	}
	if cur.State == forms.ResponseSubmitted {
		return res, forms.Errorf(forms.ESUBMITTED, "already submitted")
	}
	// Who made the change: the name given with this save (checked above),
	// else the name the response already carries, else the caller's word.
	if valid.FilledInBy != nil && *valid.FilledInBy != "" {
		actor = Actor(*valid.FilledInBy)
	} else if cur.FilledInBy != "" {
		actor = Actor(cur.FilledInBy)
	}
	for _, a := range valid.Answers {
		res.ids = append(res.ids, a.ActivityID)
	}
	if cur.Answers, err = answersTx(ctx, tx, cur.ID, res.ids); err != nil {
		return res, err
	}
	w := responseWrite{tx: tx, cur: cur, actor: actor, stamp: ts(now)}
	if err := w.answers(ctx, valid.Answers); err != nil {
		return res, err
	}
	if err := w.closing(ctx, valid); err != nil {
		return res, err
	}
	res.conflicts = w.conflicts
	if w.changed {
		if _, err := tx.ExecContext(ctx, `UPDATE responses SET version = version + 1, updated_at = ?,
			state = CASE state WHEN 'not_started' THEN 'draft' ELSE state END WHERE id = ?`, w.stamp, cur.ID); err != nil {
			return res, err
		}
	}
	return res, nil
}

// responseWrite merges one save into a stored response, in its transaction.
type responseWrite struct {
	tx        *sql.Tx
	cur       *forms.Response // the stored row, with the answers the save sends
	actor     Actor
	stamp     string
	changed   bool
	conflicts []forms.Conflict
}

// answers merges the answers, writing each the person changed and nobody
// else did, with its history row.
func (w *responseWrite) answers(ctx context.Context, answers []forms.AnswerInput) error {
	for _, a := range answers {
		current := w.cur.Answers[a.ActivityID]
		current.ActivityID = a.ActivityID
		outcome, err := mergeTx(ctx, w.tx, w.cur.ID, a.ActivityID, current, a)
		if err != nil {
			return err
		}
		switch outcome {
		case forms.MergeKeep:
			continue
		case forms.MergeConflict:
			w.conflicts = append(w.conflicts, forms.Conflict{ActivityID: a.ActivityID, Mine: a.Value(), Theirs: current})
			continue
		}
		next := a.Value()
		next.Version = current.Version + 1
		if _, err := w.tx.ExecContext(ctx, `INSERT INTO answers (response_id, activity_id, status_id, comment, needs_support, version, updated_at, updated_by)
			VALUES (?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?)
			ON CONFLICT (response_id, activity_id) DO UPDATE SET status_id = excluded.status_id, comment = excluded.comment,
			needs_support = excluded.needs_support, version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			w.cur.ID, a.ActivityID, next.StatusID, next.Comment, b2i(next.NeedsSupport), next.Version, w.stamp, string(w.actor)); err != nil {
			return err
		}
		if err := historyTx(ctx, w.tx, w.cur.ID, &a.ActivityID, next.Version, current, next, w.actor, w.stamp); err != nil {
			return err
		}
		w.changed = true
	}
	return nil
}

// closing merges the general comment, as an answer of its own, and sets
// the name of the person filling in.
func (w *responseWrite) closing(ctx context.Context, in forms.SaveInput) error {
	cur := w.cur
	if in.GeneralComment != nil && *in.GeneralComment != cur.GeneralComment {
		current := forms.Answer{Comment: cur.GeneralComment, Version: cur.GeneralVersion}
		mine := forms.AnswerInput{Comment: *in.GeneralComment, BaseVersion: in.GeneralBase}
		outcome, err := mergeTx(ctx, w.tx, cur.ID, 0, current, mine)
		if err != nil {
			return err
		}
		switch outcome {
		case forms.MergeWrite:
			next := forms.Answer{Comment: *in.GeneralComment, Version: cur.GeneralVersion + 1}
			if _, err := w.tx.ExecContext(ctx, `UPDATE responses SET general_comment = ?, general_version = ? WHERE id = ?`, next.Comment, next.Version, cur.ID); err != nil {
				return err
			}
			if err := historyTx(ctx, w.tx, cur.ID, nil, next.Version, current, next, w.actor, w.stamp); err != nil {
				return err
			}
			w.changed = true
		case forms.MergeConflict:
			// Name who saved the general comment, for the conflict message.
			var at string
			w.tx.QueryRowContext(ctx, `SELECT changed_by, changed_at FROM answer_history WHERE response_id = ? AND activity_id IS NULL
				ORDER BY id DESC LIMIT 1`, cur.ID).Scan(&current.UpdatedBy, &at)
			current.UpdatedAt = parseTS(at)
			w.conflicts = append(w.conflicts, forms.Conflict{Mine: mine.Value(), Theirs: current})
		}
	}
	if in.FilledInBy != nil && *in.FilledInBy != cur.FilledInBy {
		if _, err := w.tx.ExecContext(ctx, `UPDATE responses SET filled_in_by = ? WHERE id = ?`, *in.FilledInBy, cur.ID); err != nil {
			return err
		}
		w.changed = true
	}
	return nil
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
