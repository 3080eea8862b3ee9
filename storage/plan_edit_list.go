package storage

import (
	"context"
	"database/sql"
	"strings"

	"followup/forms"
)

// planItem is an area or activity in its list's order.
type planItem struct {
	id    int64
	title string
}

// planList is one kind of ordered list of a plan: its areas, or an area's
// activities.
type planList struct {
	table        string // where the items are, each with its position
	query        string // the items of one parent, in order
	duplicateKey string // the catalog key of a title the list already has
	duplicateMsg string
}

var (
	planAreas = planList{table: "areas", query: `SELECT id, title FROM areas WHERE plan_id = ? ORDER BY position, id`,
		duplicateKey: "plans.error.duplicate_area", duplicateMsg: "the plan already has the area"}
	planActivities = planList{table: "activities", query: `SELECT id, title FROM activities WHERE area_id = ? ORDER BY position, id`,
		duplicateKey: "plans.error.duplicate_activity", duplicateMsg: "the area already has the activity"}
)

// itemsTx returns the parent's items in order.
func (l planList) itemsTx(ctx context.Context, tx *sql.Tx, parent int64) ([]planItem, error) {
	rows, err := tx.QueryContext(ctx, l.query, parent)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []planItem
	for rows.Next() {
		var p planItem
		if err := rows.Scan(&p.id, &p.title); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// uniqueTx returns the parent's items in order, or refuses title when an
// item other than except has it already, ignoring letter case (SQLite's
// lower() knows no Swedish letters).
func (l planList) uniqueTx(ctx context.Context, tx *sql.Tx, parent int64, title string, except int64) ([]planItem, error) {
	list, err := l.itemsTx(ctx, tx, parent)
	if err != nil {
		return nil, err
	}
	for _, p := range list {
		if p.id != except && strings.EqualFold(p.title, title) {
			return nil, planFieldError(forms.EINVALID, "title", l.duplicateKey, l.duplicateMsg)
		}
	}
	return list, nil
}

// numberTx stores the items' places in list as their positions 0, 1, 2, ….
func (l planList) numberTx(ctx context.Context, tx *sql.Tx, list []planItem) error {
	for k, p := range list {
		if _, err := tx.ExecContext(ctx, `UPDATE `+l.table+` SET position = ? WHERE id = ?`, k, p.id); err != nil {
			return err
		}
	}
	return nil
}

// renumberTx numbers the parent's items 0, 1, 2, … again, after one was
// removed.
func (l planList) renumberTx(ctx context.Context, tx *sql.Tx, parent int64) error {
	list, err := l.itemsTx(ctx, tx, parent)
	if err != nil {
		return err
	}
	return l.numberTx(ctx, tx, list)
}

// moveTx moves one of the parent's items a step up or down and numbers the
// list again. At either end it changes nothing and reports false.
func (l planList) moveTx(ctx context.Context, tx *sql.Tx, parent, id int64, up bool) (bool, error) {
	list, err := l.itemsTx(ctx, tx, parent)
	if err != nil {
		return false, err
	}
	i := -1
	for k, p := range list {
		if p.id == id {
			i = k
		}
	}
	if i < 0 {
		return false, sql.ErrNoRows
	}
	j := i + 1
	if up {
		j = i - 1
	}
	if j < 0 || j >= len(list) {
		return false, nil
	}
	list[i], list[j] = list[j], list[i]
	return true, l.numberTx(ctx, tx, list)
}

// planDirection words a move for the audit row.
func planDirection(up bool) string {
	if up {
		return "up"
	}
	return "down"
}
