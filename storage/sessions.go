package storage

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"time"

	"followup/forms"
)

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
	var id string
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		id, err = createSessionTx(ctx, tx, db.Now(), userID)
		return err
	})
	return id, err
}

// createSessionTx starts a session in tx and returns its id.
func createSessionTx(ctx context.Context, tx *sql.Tx, now time.Time, userID int64) (string, error) {
	id := randomToken()
	_, err := tx.ExecContext(ctx, `INSERT INTO sessions (id_hash, user_id, created_at, last_seen) VALUES (?, ?, ?, ?)`, hashSecret(id), userID, ts(now), ts(now))
	return id, err
}

// EndSessions signs an account out everywhere, for the admin's button on
// the accounts page: its sessions end at once, its API tokens stay. It
// returns how many sessions ended, and records the act in the audit log.
func (db *DB) EndSessions(ctx context.Context, userID int64, actor string) (int, error) {
	var n int64
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		n, err = endSessionsTx(ctx, tx, db.Now(), userID, actor, "")
		return err
	})
	return int(n), err
}

// endSessionsTx deletes an account's sessions and records how many, and
// why when reason is set.
func endSessionsTx(ctx context.Context, tx *sql.Tx, now time.Time, userID int64, actor, reason string) (int64, error) {
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM users WHERE id = ?`, userID).Scan(&exists); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	detail := itoa(int(n))
	if reason != "" {
		detail += " (" + reason + ")"
	}
	return n, auditTx(ctx, tx, now, actor, "user.sessions_end", "user", userID, detail)
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
		var err error
		u, err = scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+`, s.created_at, s.last_seen FROM sessions s
			JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`, hash), &created, &lastSeen)
		return err
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
