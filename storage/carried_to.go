package storage

import (
	"context"
	"database/sql"

	"followup/forms"
)

// CarriedTo returns, by activity of the plan, where each was carried: the
// activities of later plans whose origin it is, in year order. The PDF's
// list of carried-over activities names them; RoundReport has the same in
// its CarriedTo.
func (db *DB) CarriedTo(ctx context.Context, planID int64) (map[int64][]forms.Destination, error) {
	var out map[int64][]forms.Destination
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = carriedToTx(ctx, tx, planID)
		return err
	})
	return out, err
}

func carriedToTx(ctx context.Context, tx *sql.Tx, planID int64) (map[int64][]forms.Destination, error) {
	rows, err := tx.QueryContext(ctx, `SELECT t.origin_id, t.id, t.title, p.id, p.year, p.title
		FROM activities t JOIN areas a ON a.id = t.area_id JOIN plans p ON p.id = a.plan_id
		WHERE t.origin_id IN (SELECT o.id FROM activities o JOIN areas oa ON oa.id = o.area_id WHERE oa.plan_id = ?)
		ORDER BY p.year, p.id, a.position, t.position`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]forms.Destination{}
	for rows.Next() {
		var from int64
		var d forms.Destination
		if err := rows.Scan(&from, &d.ActivityID, &d.ActivityTitle, &d.Plan.ID, &d.Plan.Year, &d.Plan.Title); err != nil {
			return nil, err
		}
		out[from] = append(out[from], d)
	}
	return out, rows.Err()
}
