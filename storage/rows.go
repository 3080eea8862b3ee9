package storage

import (
	"context"
	"database/sql"
)

// rowScanner is a row to read: a *sql.Row or the current row of *sql.Rows.
type rowScanner = interface{ Scan(...any) error }

// queryAllTx runs a query and reads each of its rows with scan, in order.
func queryAllTx[T any](ctx context.Context, tx *sql.Tx, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
