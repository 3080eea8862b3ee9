package storage

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"followup/forms"
)

// APIToken is an API token as listed: never the token itself.
type APIToken struct {
	ID        int64
	UserID    int64
	UserEmail string
	Name      string
	CreatedAt time.Time
	LastUsed  time.Time
	Revoked   bool
}

// CreateAPIToken makes a token that acts as the given account; the token is
// returned once and stored only as a hash.
func (db *DB) CreateAPIToken(ctx context.Context, userID int64, name, actor string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", &forms.Error{Code: forms.EINVALID, Message: "a name is required", Fields: map[string]string{"name": "error.required"}, Order: []string{"name"}}
	}
	tok := "fu_" + randomToken()
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)`, userID, name, hashSecret(tok), ts(db.Now()))
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		return auditTx(ctx, tx, db.Now(), actor, "token.create", "token", id, name)
	})
	return tok, err
}

// APITokenUser returns the account an unrevoked token acts as.
func (db *DB) APITokenUser(ctx context.Context, token string) (User, error) {
	var u User
	var id int64
	var lastUsed string
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+`, t.id, t.last_used FROM api_tokens t JOIN users u ON u.id = t.user_id
			WHERE t.token_hash = ? AND t.revoked_at = ''`, hashSecret(token)), &id, &lastUsed)
		return err
	})
	if err != nil || !u.Active {
		if err == nil || forms.ErrorCode(err) == forms.ENOTFOUND {
			return User{}, forms.Errorf(forms.EUNAUTHORIZED, "unknown or revoked token")
		}
		return User{}, err
	}
	if now := db.Now(); now.Sub(parseTS(lastUsed)) > time.Minute {
		_ = db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE api_tokens SET last_used = ? WHERE id = ?`, ts(now), id)
			return err
		})
	}
	return u, nil
}

// APITokens lists every token, newest first.
func (db *DB) APITokens(ctx context.Context) ([]APIToken, error) {
	var out []APIToken
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT t.id, t.user_id, u.email, t.name, t.created_at, t.last_used, t.revoked_at != ''
			FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t APIToken
			var created, used string
			if err := rows.Scan(&t.ID, &t.UserID, &t.UserEmail, &t.Name, &created, &used, &t.Revoked); err != nil {
				return err
			}
			t.CreatedAt, t.LastUsed = parseTS(created), parseTS(used)
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

// RevokeAPIToken stops a token from working.
func (db *DB) RevokeAPIToken(ctx context.Context, id int64, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = ''`, ts(db.Now()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		return auditTx(ctx, tx, db.Now(), actor, "token.revoke", "token", id, "")
	})
}
