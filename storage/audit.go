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

// AuditEntry is one recorded change.
type AuditEntry struct {
	At       time.Time
	Actor    string
	Action   string
	Entity   string
	EntityID int64
	Detail   string
}

// AuditLog lists recorded changes, newest first, at most limit of them.
func (db *DB) AuditLog(ctx context.Context, limit int) ([]AuditEntry, error) {
	return db.auditLog(ctx, "", limit)
}

// Audit records a change made outside a storage method, such as a refused
// attempt worth noting.
func (db *DB) Audit(ctx context.Context, actor, action, entity string, entityID int64, detail string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return auditTx(ctx, tx, db.Now(), actor, action, entity, entityID, detail)
	})
}
