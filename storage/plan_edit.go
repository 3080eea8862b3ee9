package storage

import (
	"context"
	"database/sql"

	"followup/forms"
)

// Editing a plan after it was created: its details, its areas and
// activities, and its status scale. Every change is one transaction with an
// audit row. Archived plans are read-only until restored. Activities and
// statuses that answers or consolidations use are never removed: the answers
// are records.

// planFieldError is an error of the given code about one field.
func planFieldError(code, field, key, message string) error {
	return &forms.Error{Code: code, Message: message, Fields: map[string]string{field: key}, Order: []string{field}}
}

// planEditableTx refuses to change a plan that does not exist or is archived.
func planEditableTx(ctx context.Context, tx *sql.Tx, planID int64) error {
	var archived bool
	if err := tx.QueryRowContext(ctx, `SELECT archived FROM plans WHERE id = ?`, planID).Scan(&archived); err != nil {
		return err
	}
	if archived {
		return forms.Errorf(forms.ECONFLICT, "plan %d is archived", planID)
	}
	return nil
}

// UpdatePlanMeta changes a plan's organisation, title and year.
func (db *DB) UpdatePlanMeta(ctx context.Context, planID int64, m forms.PlanMeta, actor string) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableTx(ctx, tx, planID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plans SET organisation = ?, title = ?, year = ? WHERE id = ?`,
			m.Organisation, m.Title, m.Year, planID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.update", "plan", planID, m.Title)
	})
}

// ArchivePlan archives a plan, or restores it when archived is false. Plans
// are never deleted: their rounds and answers are records.
func (db *DB) ArchivePlan(ctx context.Context, planID int64, archived bool, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE plans SET archived = ? WHERE id = ?`, b2i(archived), planID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		action := "plan.restore"
		if archived {
			action = "plan.archive"
		}
		return auditTx(ctx, tx, db.Now(), actor, action, "plan", planID, "")
	})
}

// planAreaTx checks that the area belongs to the plan.
func planAreaTx(ctx context.Context, tx *sql.Tx, planID, areaID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM areas WHERE id = ? AND plan_id = ?`, areaID, planID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return forms.Errorf(forms.ENOTFOUND, "plan %d has no area %d", planID, areaID)
	}
	return nil
}

// planActivityAreaTx returns the area of an activity of the plan.
func planActivityAreaTx(ctx context.Context, tx *sql.Tx, planID, activityID int64) (int64, error) {
	var areaID int64
	err := tx.QueryRowContext(ctx, `SELECT t.area_id FROM activities t JOIN areas a ON a.id = t.area_id WHERE t.id = ? AND a.plan_id = ?`,
		activityID, planID).Scan(&areaID)
	if err == sql.ErrNoRows {
		return 0, forms.Errorf(forms.ENOTFOUND, "plan %d has no activity %d", planID, activityID)
	}
	return areaID, err
}

// planEditableAreaTx checks that the area belongs to the plan and that the
// plan may change.
func planEditableAreaTx(ctx context.Context, tx *sql.Tx, planID, areaID int64) error {
	if err := planEditableTx(ctx, tx, planID); err != nil {
		return err
	}
	return planAreaTx(ctx, tx, planID, areaID)
}

// planEditableActivityTx returns the area of an activity of the plan, once
// it has checked that the plan may change.
func planEditableActivityTx(ctx context.Context, tx *sql.Tx, planID, activityID int64) (int64, error) {
	if err := planEditableTx(ctx, tx, planID); err != nil {
		return 0, err
	}
	return planActivityAreaTx(ctx, tx, planID, activityID)
}
