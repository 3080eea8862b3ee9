package storage

import (
	"context"
	"database/sql"
	"strconv"
	"time"
)

// auditTx records one change made by the office, in the transaction that
// makes it, so the audit trail cannot miss a change that happened.
func auditTx(ctx context.Context, tx *sql.Tx, now time.Time, actor, action, entity string, entityID int64, detail string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)`,
		ts(now), actor, action, entity, entityID, detail)
	return err
}

func itoa(n int) string { return strconv.Itoa(n) }
