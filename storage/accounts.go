package storage

import (
	"context"
	"database/sql"
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

// How an account signs in.
const (
	AuthLocal = "local" // e-mail and password: `followup user add`, kept for break-glass
	AuthOIDC  = "oidc"  // through the municipality's identity provider
)

// User is an office account.
type User struct {
	ID        int64
	Email     string
	Name      string
	Role      string
	Active    bool
	CreatedAt time.Time
	// Auth is AuthLocal or AuthOIDC: whether signing out should also end
	// the session at the identity provider, and what the accounts page says.
	Auth string
	// Pending is true for an account an admin pre-created for the
	// provider that nobody has signed in to yet.
	Pending bool
	// LastSignIn is the time of the latest sign-in, zero before the first.
	LastSignIn time.Time
}

// userColumns are the columns scanUser reads, from the users table as u.
const userColumns = `u.id, u.email, u.name, u.role, u.active, u.created_at, u.auth, u.auth = 'oidc' AND u.subject = '', u.last_sign_in`

// scanUser reads the userColumns of a row, then any further columns into
// more.
func scanUser(row rowScanner, more ...any) (User, error) {
	var u User
	var created, last string
	err := row.Scan(append([]any{&u.ID, &u.Email, &u.Name, &u.Role, &u.Active, &created, &u.Auth, &u.Pending, &last}, more...)...)
	u.CreatedAt, u.LastSignIn = parseTS(created), parseTS(last)
	return u, err
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
		res, err := tx.ExecContext(ctx, `INSERT INTO users (email, name, role, password_hash, created_at, auth) VALUES (?, ?, ?, ?, ?, 'local')`,
			email, strings.TrimSpace(name), role, string(hash), ts(now))
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		u = User{ID: id, Email: email, Name: strings.TrimSpace(name), Role: role, Active: true, CreatedAt: now, Auth: AuthLocal}
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
	var hash string
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+`, u.password_hash FROM users u WHERE u.email = ? AND u.auth = 'local'`, email), &hash)
		return err
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
	return u, nil
}

// Users lists the accounts by e-mail.
func (db *DB) Users(ctx context.Context) ([]User, error) {
	var out []User
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryAllTx(ctx, tx, func(r rowScanner) (User, error) { return scanUser(r) },
			`SELECT `+userColumns+` FROM users u ORDER BY u.email, u.id`)
		return err
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
