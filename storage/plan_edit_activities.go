package storage

import (
	"context"
	"database/sql"

	"followup/forms"
)

// planCheckRespondentsTx refuses department ids that do not exist.
func planCheckRespondentsTx(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM departments WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return planFieldError(forms.EINVALID, "respondents", "plans.error.unknown_department", "unknown department "+itoa(int(id)))
		}
	}
	return nil
}

// AddActivity adds an activity at the end of an area and returns its id.
func (db *DB) AddActivity(ctx context.Context, planID, areaID int64, a forms.Activity, actor string) (int64, error) {
	if err := forms.ValidateActivity(&a); err != nil {
		return 0, err
	}
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableAreaTx(ctx, tx, planID, areaID); err != nil {
			return err
		}
		if err := planCheckRespondentsTx(ctx, tx, a.DepartmentIDs); err != nil {
			return err
		}
		acts, err := planActivities.uniqueTx(ctx, tx, areaID, a.Title, 0)
		if err != nil {
			return err
		}
		var inPlan int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM activities t JOIN areas a ON a.id = t.area_id WHERE a.plan_id = ?`, planID).Scan(&inPlan); err != nil {
			return err
		}
		if err := forms.CheckPlanSize(0, inPlan+1); err != nil {
			return err
		}
		a.AreaID = areaID
		if err := insertActivityTx(ctx, tx, len(acts), &a); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.activity.add", "plan", planID, a.Title)
	})
	return a.ID, err
}

// UpdateActivity changes an activity's title, description and respondents.
// Its answers stay: titles and descriptions are texts, and a department no
// longer asked keeps what it answered.
func (db *DB) UpdateActivity(ctx context.Context, planID, activityID int64, a forms.Activity, actor string) error {
	if err := forms.ValidateActivity(&a); err != nil {
		return err
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		areaID, err := planEditableActivityTx(ctx, tx, planID, activityID)
		if err != nil {
			return err
		}
		if err := planCheckRespondentsTx(ctx, tx, a.DepartmentIDs); err != nil {
			return err
		}
		if _, err := planActivities.uniqueTx(ctx, tx, areaID, a.Title, activityID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE activities SET title = ?, description = ?, all_departments = ? WHERE id = ?`,
			a.Title, a.Description, b2i(a.AllDepartments), activityID); err != nil {
			return err
		}
		a.ID = activityID
		if err := setRespondentsTx(ctx, tx, &a); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.activity.update", "plan", planID, a.Title)
	})
}

// MoveActivity moves an activity one step up or down within its area.
func (db *DB) MoveActivity(ctx context.Context, planID, activityID int64, up bool, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		areaID, err := planEditableActivityTx(ctx, tx, planID, activityID)
		if err != nil {
			return err
		}
		moved, err := planActivities.moveTx(ctx, tx, areaID, activityID, up)
		if err != nil || !moved {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.activity.move", "plan", planID, planDirection(up)+" activity "+itoa(int(activityID)))
	})
}

// ActivitiesInUse returns the plan's activities that answers,
// consolidations or activities carried from them refer to; they cannot be
// deleted.
func (db *DB) ActivitiesInUse(ctx context.Context, planID int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT t.id FROM activities t JOIN areas a ON a.id = t.area_id WHERE a.plan_id = ? AND (
			EXISTS (SELECT 1 FROM answers x WHERE x.activity_id = t.id) OR
			EXISTS (SELECT 1 FROM answer_history h WHERE h.activity_id = t.id) OR
			EXISTS (SELECT 1 FROM consolidations c WHERE c.activity_id = t.id) OR
			EXISTS (SELECT 1 FROM consolidation_history ch WHERE ch.activity_id = t.id) OR
			EXISTS (SELECT 1 FROM activities n WHERE n.origin_id = t.id))`, planID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			out[id] = true
		}
		return rows.Err()
	})
	return out, err
}

// DeleteActivity removes an activity that no answer or consolidation refers
// to; one that has answers, or that was carried into a later plan, is
// refused with ECONFLICT.
func (db *DB) DeleteActivity(ctx context.Context, planID, activityID int64, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		areaID, err := planEditableActivityTx(ctx, tx, planID, activityID)
		if err != nil {
			return err
		}
		var used int
		if err := tx.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM answers WHERE activity_id = ?1) + (SELECT COUNT(*) FROM answer_history WHERE activity_id = ?1) +
			(SELECT COUNT(*) FROM consolidations WHERE activity_id = ?1) + (SELECT COUNT(*) FROM consolidation_history WHERE activity_id = ?1)`,
			activityID).Scan(&used); err != nil {
			return err
		}
		if used > 0 {
			return forms.Errorf(forms.ECONFLICT, "activity %d has answers and cannot be deleted", activityID)
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM activities WHERE origin_id = ?`, activityID).Scan(&used); err != nil {
			return err
		}
		if used > 0 {
			return forms.Errorf(forms.ECONFLICT, "activity %d was carried into a later plan and cannot be deleted", activityID)
		}
		var title string
		if err := tx.QueryRowContext(ctx, `SELECT title FROM activities WHERE id = ?`, activityID).Scan(&title); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM activity_departments WHERE activity_id = ?`, activityID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM activities WHERE id = ?`, activityID); err != nil {
			return err
		}
		if err := planActivities.renumberTx(ctx, tx, areaID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.activity.delete", "plan", planID, title)
	})
}
