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
	// substr rather than LIKE, so "_" and "%" in a prefix mean themselves.
	return db.auditLog(ctx, `substr(action, 1, length(?)) = ?`, limit, prefix, prefix)
}

// auditLog lists the recorded changes that meet the SQL condition where,
// whose placeholders args fill (every change when it is ""), newest first,
// at most limit of them.
func (db *DB) auditLog(ctx context.Context, where string, limit int, args ...any) ([]AuditEntry, error) {
	q := `SELECT at, actor, action, entity, entity_id, detail FROM audit_log`
	if where != "" {
		q += ` WHERE ` + where
	}
	q += ` ORDER BY id DESC LIMIT ?`
	args = append(args, limit)
	var out []AuditEntry
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryAllTx(ctx, tx, scanAuditEntry, q, args...)
		return err
	})
	return out, err
}

// scanAuditEntry reads one row of the audit log.
func scanAuditEntry(row rowScanner) (AuditEntry, error) {
	var e AuditEntry
	var at string
	err := row.Scan(&at, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail)
	e.At = parseTS(at)
	return e, err
}
