package storage

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"unicode"

	"followup/forms"
)

// Ways of signing in, as the audit log names them.
const (
	MethodLocal = "local" // e-mail and password
	MethodOIDC  = "oidc"  // the municipality's identity provider
)

// Reasons a sign-in is refused after the person was identified. Each is
// recorded in the audit log, and the web shows its own text for each.
const (
	// RefusedBadCredentials: a wrong e-mail or password, or a deactivated
	// local account; the person is told no more than that.
	RefusedBadCredentials = "bad_credentials"
	// RefusedNoRole: the provider's claims grant neither admin nor reader.
	RefusedNoRole = "no_role"
	// RefusedNotPrecreated: only pre-created accounts may sign in, and
	// none waits for this person.
	RefusedNotPrecreated = "not_precreated"
	// RefusedDeactivated: an admin has deactivated the account.
	RefusedDeactivated = "deactivated"
	// RefusedIdentityConflict: the token's subject and its Entra object
	// id point to two different accounts, or contradict the bound one;
	// followup never merges two identities, so an admin must look.
	RefusedIdentityConflict = "identity_conflict"
)

// SignInRefused is the error of a sign-in that was refused for a reason
// the person should be told about, such as having no role: the web shows
// a page for the Reason instead of a generic error.
type SignInRefused struct {
	Reason string
}

// Error implements the error interface.
func (e *SignInRefused) Error() string { return "sign-in refused: " + e.Reason }

// RefusalReason returns the Reason of a *SignInRefused in err's chain, or
// "" when err is not a refusal.
func RefusalReason(err error) string {
	var r *SignInRefused
	if errors.As(err, &r) {
		return r.Reason
	}
	return ""
}

// unknownActor names, in the audit log, a sign-in attempt by nobody known.
const unknownActor = "okänd"

// SignInLocal checks an e-mail and password as Authenticate does and, when
// they are right, starts a session; either way it records the attempt in
// the audit log. A wrong password for a known local account is recorded
// under that account; an unknown e-mail is recorded without the text
// typed, which may be a password typed into the wrong field.
func (db *DB) SignInLocal(ctx context.Context, email, password string) (User, string, error) {
	u, err := db.Authenticate(ctx, email, password)
	if err != nil && forms.ErrorCode(err) != forms.EUNAUTHORIZED {
		return User{}, "", err
	}
	var sid string
	werr := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		now := db.Now()
		if err != nil {
			var id int64
			actor := unknownActor
			row := tx.QueryRowContext(ctx, `SELECT id, email FROM users WHERE email = ? AND auth = 'local'`, strings.ToLower(strings.TrimSpace(email)))
			if row.Scan(&id, &actor) != nil {
				id, actor = 0, unknownActor
			}
			return auditTx(ctx, tx, now, actor, "signin.refused", "user", id, MethodLocal+": "+RefusedBadCredentials)
		}
		var serr error
		if sid, serr = createSessionTx(ctx, tx, now, u.ID); serr != nil {
			return serr
		}
		if _, serr = tx.ExecContext(ctx, `UPDATE users SET last_sign_in = ? WHERE id = ?`, ts(now), u.ID); serr != nil {
			return serr
		}
		return auditTx(ctx, tx, now, u.Email, "signin.local", "user", u.ID, MethodLocal)
	})
	if werr != nil {
		return User{}, "", werr
	}
	if err != nil {
		return User{}, "", err
	}
	return u, sid, nil
}

// RecordSignInRefusal records a sign-in refused before anyone was
// identified, such as a callback from the identity provider with a forged
// state or a token that fails verification. Detail says what was wrong;
// it is cleaned of control characters and cut, as it may quote values an
// attacker chose.
func (db *DB) RecordSignInRefusal(ctx context.Context, method, reason, detail string) error {
	text := method + ": " + reason
	if d := cleanDetail(detail); d != "" {
		text += ": " + d
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return auditTx(ctx, tx, db.Now(), unknownActor, "signin.refused", "user", 0, text)
	})
}

// cleanDetail drops control characters and cuts text to 300 characters.
func cleanDetail(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300]) + "…"
	}
	return strings.TrimSpace(s)
}
