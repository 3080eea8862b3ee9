package storage

import (
	"bytes"
	"testing"
)

// TestSecretsStoredAsHashes reads the tables directly: session ids and API
// tokens are kept only as hashes, and deactivating an account ends its
// sessions and revokes its tokens.
func TestSecretsStoredAsHashes(t *testing.T) {
	f := newFixture(t)
	u, err := f.db.CreateUser(f.ctx, "kalle@exempelby.se", "Kalle", RoleAdmin, "ett-långt-lösenord", "test")
	if err != nil {
		t.Fatal(err)
	}
	sid, err := f.db.CreateSession(f.ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := f.db.CreateAPIToken(f.ctx, u.ID, "skript", "test")
	if err != nil {
		t.Fatal(err)
	}
	var sessionHash, tokenHash []byte
	var pw string
	f.db.r.QueryRowContext(f.ctx, `SELECT id_hash FROM sessions WHERE user_id = ?`, u.ID).Scan(&sessionHash)
	f.db.r.QueryRowContext(f.ctx, `SELECT token_hash FROM api_tokens WHERE user_id = ?`, u.ID).Scan(&tokenHash)
	f.db.r.QueryRowContext(f.ctx, `SELECT password_hash FROM users WHERE id = ?`, u.ID).Scan(&pw)
	if len(sessionHash) != 32 || bytes.Contains(sessionHash, []byte(sid)) || !bytes.Equal(sessionHash, hashSecret(sid)) {
		t.Error("the session id is not stored as its SHA-256 hash")
	}
	if len(tokenHash) != 32 || !bytes.Equal(tokenHash, hashSecret(tok)) {
		t.Error("the API token is not stored as its SHA-256 hash")
	}
	if pw == "ett-långt-lösenord" || len(pw) < 50 || pw[:4] != "$2a$" {
		t.Errorf("the password is not stored as a bcrypt hash: %q", pw[:min(len(pw), 7)])
	}
	if err := f.db.SetUserActive(f.ctx, u.ID, false, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.SessionUser(f.ctx, sid, SessionLimits{Idle: 1 << 62}); err == nil {
		t.Error("the session of a deactivated account still works")
	}
	if _, err := f.db.APITokenUser(f.ctx, tok); err == nil {
		t.Error("the API token of a deactivated account still works")
	}
}
