package storage

import (
	"context"
	"database/sql"
)

// AuditLogByPrefix lists recorded changes whose action starts with prefix
// (such as "round." or "user."), newest first, at most limit of them; an
// empty prefix lists every change, as AuditLog does.
func (db *DB) AuditLogByPrefix(ctx context.Context, prefix string, limit int) ([]AuditEntry, error) {
	if prefix == "" {
		return db.AuditLog(ctx, limit)
	}
	var out []AuditEntry
	err := db.read(ctx, func(tx *sql.Tx) error {
		// substr rather than LIKE, so "_" and "%" in a prefix mean themselves.
		rows, err := tx.QueryContext(ctx, `SELECT at, actor, action, entity, entity_id, detail FROM audit_log
			WHERE substr(action, 1, length(?)) = ? ORDER BY id DESC LIMIT ?`, prefix, prefix, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e AuditEntry
			var at string
			if err := rows.Scan(&at, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail); err != nil {
				return err
			}
			e.At = parseTS(at)
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}
