package storage

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"net/mail"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"followup/forms"
)

// Roles of office accounts.
const (
	RoleAdmin  = "admin"  // the central office: may change everything
	RoleReader = "reader" // management and auditors: see everything, change nothing
)

// User is an office account.
type User struct {
	ID        int64
	Email     string
	Name      string
	Role      string
	Active    bool
	CreatedAt time.Time
}

// MinPasswordLength keeps passwords long enough to resist guessing.
const MinPasswordLength = 10

// CreateUser adds an account with a bcrypt-hashed password.
func (db *DB) CreateUser(ctx context.Context, email, name, role, password, actor string) (User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var fe forms.FieldErrors
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		fe.Add("email", "error.email")
	}
	if role != RoleAdmin && role != RoleReader {
		fe.Add("role", "error.role")
	}
	if len([]rune(password)) < MinPasswordLength {
		fe.Add("password", "error.password_short")
	}
	if len(password) > 72 {
		fe.Add("password", "error.password_long")
	}
	if k := forms.CheckText(name, forms.MaxNameRunes); k != "" {
		fe.Add("name", k)
	}
	if err := fe.Err("invalid account"); err != nil {
		return User{}, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return User{}, err
	}
	var u User
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		now := db.Now()
		res, err := tx.ExecContext(ctx, `INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)`,
			email, strings.TrimSpace(name), role, string(hash), ts(now))
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		u = User{ID: id, Email: email, Name: strings.TrimSpace(name), Role: role, Active: true, CreatedAt: now}
		return auditTx(ctx, tx, now, actor, "user.create", "user", id, email+" ("+role+")")
	})
	return u, err
}

// dummyHash is compared against when the e-mail is unknown, so that a wrong
// e-mail takes as long as a wrong password.
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("followup-dummy-password"), bcrypt.DefaultCost)
	return h
})

// Authenticate checks an e-mail and password. An unknown e-mail, a wrong
// password and a deactivated account all give the same EUNAUTHORIZED error.
func (db *DB) Authenticate(ctx context.Context, email, password string) (User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var u User
	var hash, created string
	err := db.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT id, email, name, role, active, password_hash, created_at FROM users WHERE email = ?`, email).
			Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.Active, &hash, &created)
	})
	bad := forms.Errorf(forms.EUNAUTHORIZED, "wrong e-mail or password")
	if err != nil {
		if forms.ErrorCode(err) == forms.ENOTFOUND {
			bcrypt.CompareHashAndPassword(dummyHash(), []byte(password))
			return User{}, bad
		}
		return User{}, err
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil || !u.Active {
		return User{}, bad
	}
	u.CreatedAt = parseTS(created)
	return u, nil
}

// Users lists the accounts by e-mail.
func (db *DB) Users(ctx context.Context) ([]User, error) {
	var out []User
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, email, name, role, active, created_at FROM users ORDER BY email`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var u User
			var created string
			if err := rows.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.Active, &created); err != nil {
				return err
			}
			u.CreatedAt = parseTS(created)
			out = append(out, u)
		}
		return rows.Err()
	})
	return out, err
}

// SetUserActive deactivates or reactivates an account; deactivating ends its
// sessions and revokes its API tokens.
func (db *DB) SetUserActive(ctx context.Context, id int64, active bool, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET active = ? WHERE id = ?`, b2i(active), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		if !active {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at = ''`, ts(db.Now()), id); err != nil {
				return err
			}
		}
		action := "user.deactivate"
		if active {
			action = "user.activate"
		}
		return auditTx(ctx, tx, db.Now(), actor, action, "user", id, "")
	})
}

func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashSecret(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// CreateSession starts a server-side session and returns its id for the
// cookie; only its hash is stored.
func (db *DB) CreateSession(ctx context.Context, userID int64) (string, error) {
	id := randomToken()
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		now := ts(db.Now())
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (id_hash, user_id, created_at, last_seen) VALUES (?, ?, ?, ?)`, hashSecret(id), userID, now, now)
		return err
	})
	return id, err
}

// SessionLimits bound how long a session lasts: Idle since it was last
// used, and Max since sign-in however busy it is, so that a session left
// open on a shared computer does not last for ever.
type SessionLimits struct {
	Idle time.Duration
	Max  time.Duration
}

// SessionUser returns the account of a session within its limits; an
// expired session is deleted. Use is recorded at most once a minute, so
// reading pages does not write on every request.
func (db *DB) SessionUser(ctx context.Context, sessionID string, limits SessionLimits) (User, error) {
	var u User
	var created, lastSeen string
	hash := hashSecret(sessionID)
	err := db.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT u.id, u.email, u.name, u.role, u.active, s.created_at, s.last_seen FROM sessions s
			JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`, hash).Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.Active, &created, &lastSeen)
	})
	if err != nil {
		if forms.ErrorCode(err) == forms.ENOTFOUND {
			return User{}, forms.Errorf(forms.EUNAUTHORIZED, "no session")
		}
		return User{}, err
	}
	now := db.Now()
	seen := parseTS(lastSeen)
	if !u.Active || now.Sub(seen) > limits.Idle || (limits.Max > 0 && now.Sub(parseTS(created)) > limits.Max) {
		db.EndSession(ctx, sessionID)
		return User{}, forms.Errorf(forms.EUNAUTHORIZED, "session expired")
	}
	if now.Sub(seen) > time.Minute {
		err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE sessions SET last_seen = ? WHERE id_hash = ?`, ts(now), hash)
			return err
		})
		if err != nil && forms.ErrorCode(err) != forms.EBUSY {
			return User{}, err
		}
	}
	return u, nil
}

// EndSession signs a session out.
func (db *DB) EndSession(ctx context.Context, sessionID string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id_hash = ?`, hashSecret(sessionID))
		return err
	})
}

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
		return tx.QueryRowContext(ctx, `SELECT t.id, t.last_used, u.id, u.email, u.name, u.role, u.active FROM api_tokens t JOIN users u ON u.id = t.user_id
			WHERE t.token_hash = ? AND t.revoked_at = ''`, hashSecret(token)).Scan(&id, &lastUsed, &u.ID, &u.Email, &u.Name, &u.Role, &u.Active)
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
