package storage

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"strconv"
	"time"

	"followup/forms"
)

// A department's link carries a token of 256 bits derived from the server's
// secret, the round, the department and a nonce. The database stores only the
// token's SHA-256 hash and the nonce: a copy of the database alone opens no
// questionnaire, while the server can show a link again, and replacing a link
// (a new nonce) stops the old one at once.

// Token derives the link token for a round's department.
func Token(secret []byte, roundID, departmentID, nonce int64) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("followup-link:" + strconv.FormatInt(roundID, 10) + ":" + strconv.FormatInt(departmentID, 10) + ":" + strconv.FormatInt(nonce, 10)))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// HashToken is what the database stores of a token.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// Link is a department's link to its questionnaire in a round.
type Link struct {
	Department forms.Department
	Token      string
	// Stale is true when the stored link was made with another secret (the
	// secret file was lost or replaced): Token is empty, the link sent out
	// no longer works, and the office must replace it.
	Stale bool
}

// Links returns the link token of every participant of a round, creating the
// missing ones.
func (db *DB) Links(ctx context.Context, secret []byte, roundID int64) ([]Link, error) {
	var out []Link
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		deps, err := participantsTx(ctx, tx, roundID)
		if err != nil {
			return err
		}
		for _, d := range deps {
			tok, err := linkTx(ctx, tx, secret, roundID, d.ID, db.Now())
			if err != nil {
				return err
			}
			out = append(out, Link{Department: d, Token: tok, Stale: tok == ""})
		}
		return nil
	})
	return out, err
}

// linkTx returns a participant's link token, creating the link when it has
// none; "" when the stored link was made with another secret.
func linkTx(ctx context.Context, tx *sql.Tx, secret []byte, roundID, departmentID int64, now time.Time) (string, error) {
	var nonce int64
	var hash []byte
	if err := tx.QueryRowContext(ctx, `SELECT link_nonce, token_hash FROM round_departments WHERE round_id = ? AND department_id = ?`,
		roundID, departmentID).Scan(&nonce, &hash); err != nil {
		return "", err
	}
	tok := Token(secret, roundID, departmentID, nonce)
	if hash == nil {
		_, err := tx.ExecContext(ctx, `UPDATE round_departments SET token_hash = ?, link_created = ? WHERE round_id = ? AND department_id = ?`,
			HashToken(tok), ts(now), roundID, departmentID)
		return tok, err
	}
	if subtle.ConstantTimeCompare(hash, HashToken(tok)) != 1 {
		return "", nil
	}
	return tok, nil
}

// ReplaceLink gives a department a new link; the old one stops working.
func (db *DB) ReplaceLink(ctx context.Context, secret []byte, roundID, departmentID int64, actor string) (string, error) {
	var tok string
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var nonce int64
		if err := tx.QueryRowContext(ctx, `SELECT link_nonce FROM round_departments WHERE round_id = ? AND department_id = ?`, roundID, departmentID).Scan(&nonce); err != nil {
			return err
		}
		nonce++
		tok = Token(secret, roundID, departmentID, nonce)
		if _, err := tx.ExecContext(ctx, `UPDATE round_departments SET link_nonce = ?, token_hash = ?, link_created = ? WHERE round_id = ? AND department_id = ?`,
			nonce, HashToken(tok), ts(db.Now()), roundID, departmentID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "link.replace", "round", roundID, "department "+strconv.FormatInt(departmentID, 10))
	})
	return tok, err
}

// LinkTarget finds the round and department a token opens. An unknown token
// is ENOTFOUND, whatever it looks like.
func (db *DB) LinkTarget(ctx context.Context, token string) (roundID, departmentID int64, err error) {
	if len(token) != 43 {
		return 0, 0, forms.Errorf(forms.ENOTFOUND, "no such link")
	}
	hash := HashToken(token)
	err = db.read(ctx, func(tx *sql.Tx) error {
		var stored []byte
		if err := tx.QueryRowContext(ctx, `SELECT round_id, department_id, token_hash FROM round_departments WHERE token_hash = ?`, hash).
			Scan(&roundID, &departmentID, &stored); err != nil {
			return err
		}
		if subtle.ConstantTimeCompare(stored, hash) != 1 {
			return sql.ErrNoRows
		}
		return nil
	})
	return roundID, departmentID, err
}
