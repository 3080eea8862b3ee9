package storage

import (
	"context"
	"database/sql"

	"followup/forms"
)

// AddArea adds an area at the end of the plan and returns its id.
func (db *DB) AddArea(ctx context.Context, planID int64, title, actor string) (int64, error) {
	title, err := forms.NormalizeAreaTitle(title)
	if err != nil {
		return 0, err
	}
	var id int64
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableTx(ctx, tx, planID); err != nil {
			return err
		}
		areas, err := planAreas.uniqueTx(ctx, tx, planID, title, 0)
		if err != nil {
			return err
		}
		if err := forms.CheckPlanSize(len(areas)+1, 0); err != nil {
			return err
		}
		a := forms.Area{Title: title}
		if err := insertAreaTx(ctx, tx, planID, len(areas), &a); err != nil {
			return err
		}
		id = a.ID
		return auditTx(ctx, tx, db.Now(), actor, "plan.area.add", "plan", planID, title)
	})
	return id, err
}

// UpdateArea renames an area.
func (db *DB) UpdateArea(ctx context.Context, planID, areaID int64, title, actor string) error {
	title, err := forms.NormalizeAreaTitle(title)
	if err != nil {
		return err
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableAreaTx(ctx, tx, planID, areaID); err != nil {
			return err
		}
		if _, err := planAreas.uniqueTx(ctx, tx, planID, title, areaID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE areas SET title = ? WHERE id = ?`, title, areaID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.area.update", "plan", planID, title)
	})
}

// MoveArea moves an area one step up or down the plan by swapping it with
// its neighbour; at either end it changes nothing.
func (db *DB) MoveArea(ctx context.Context, planID, areaID int64, up bool, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableAreaTx(ctx, tx, planID, areaID); err != nil {
			return err
		}
		moved, err := planAreas.moveTx(ctx, tx, planID, areaID, up)
		if err != nil || !moved {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.area.move", "plan", planID, planDirection(up)+" area "+itoa(int(areaID)))
	})
}

// DeleteArea removes an area that holds no activities.
func (db *DB) DeleteArea(ctx context.Context, planID, areaID int64, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableAreaTx(ctx, tx, planID, areaID); err != nil {
			return err
		}
		acts, err := planActivities.itemsTx(ctx, tx, areaID)
		if err != nil {
			return err
		}
		if len(acts) > 0 {
			return forms.Errorf(forms.ECONFLICT, "area %d still holds activities", areaID)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM areas WHERE id = ?`, areaID); err != nil {
			return err
		}
		if err := planAreas.renumberTx(ctx, tx, planID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.area.delete", "plan", planID, "area "+itoa(int(areaID)))
	})
}
