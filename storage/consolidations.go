package storage

import (
	"context"
	"database/sql"
	"errors"

	"followup/forms"
)

// SaveConsolidation stores the office's consolidated status and narrative
// for an activity, keeping every earlier version. A save based on an older
// version than the stored one is ECONFLICT, so two coordinators do not
// overwrite each other's text.
func (db *DB) SaveConsolidation(ctx context.Context, roundID, activityID int64, in forms.ConsolidationInput, author string) (forms.Consolidation, error) {
	var out forms.Consolidation
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		round, err := roundTx(ctx, tx, roundID)
		if err != nil {
			return err
		}
		plan, err := planTx(ctx, tx, round.PlanID)
		if err != nil {
			return err
		}
		if _, ok := plan.Activity(activityID); !ok {
			return forms.Errorf(forms.ENOTFOUND, "activity %d is not in the round's plan", activityID)
		}
		if err := in.Validate(plan.Statuses); err != nil {
			return err
		}
		var version int
		err = tx.QueryRowContext(ctx, `SELECT version FROM consolidations WHERE round_id = ? AND activity_id = ?`, roundID, activityID).Scan(&version)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if in.BaseVersion != version {
			return forms.Errorf(forms.ECONFLICT, "the consolidation was changed by someone else")
		}
		now := db.Now()
		out = forms.Consolidation{RoundID: roundID, ActivityID: activityID, StatusID: in.StatusID, Narrative: in.Narrative,
			IncludeComments: in.IncludeComments, Continues: in.Continues, CarryReason: in.CarryReason,
			Author: author, SavedAt: now, Version: version + 1}
		if _, err := tx.ExecContext(ctx, `INSERT INTO consolidations (round_id, activity_id, status_id, narrative, include_comments, continues, carry_reason, author, saved_at, version)
			VALUES (?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (round_id, activity_id) DO UPDATE SET status_id = excluded.status_id,
			narrative = excluded.narrative, include_comments = excluded.include_comments, continues = excluded.continues,
			carry_reason = excluded.carry_reason, author = excluded.author, saved_at = excluded.saved_at, version = excluded.version`,
			roundID, activityID, out.StatusID, out.Narrative, b2i(out.IncludeComments), b2i(out.Continues), out.CarryReason, author, ts(now), out.Version); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO consolidation_history (round_id, activity_id, version, status_id, narrative, include_comments, continues, carry_reason, author, saved_at)
			VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?)`, roundID, activityID, out.Version, out.StatusID, out.Narrative, b2i(out.IncludeComments),
			b2i(out.Continues), out.CarryReason, author, ts(now)); err != nil {
			return err
		}
		return auditTx(ctx, tx, now, author, "consolidation.save", "round", roundID, "activity "+itoa(int(activityID)))
	})
	return out, err
}

// ConsolidationHistory lists every saved version of a consolidation, newest
// first.
func (db *DB) ConsolidationHistory(ctx context.Context, roundID, activityID int64) ([]forms.Consolidation, error) {
	var out []forms.Consolidation
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT version, COALESCE(status_id, 0), narrative, include_comments, continues, carry_reason, author, saved_at
			FROM consolidation_history WHERE round_id = ? AND activity_id = ? ORDER BY version DESC`, roundID, activityID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := forms.Consolidation{RoundID: roundID, ActivityID: activityID}
			var saved string
			if err := rows.Scan(&c.Version, &c.StatusID, &c.Narrative, &c.IncludeComments, &c.Continues, &c.CarryReason, &c.Author, &saved); err != nil {
				return err
			}
			c.SavedAt = parseTS(saved)
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}
