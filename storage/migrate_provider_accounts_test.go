package storage

import (
	"context"
	"testing"
)

// TestMigrateProviderAccounts upgrades a database with accounts, sessions
// and API tokens: every row keeps its id and its links, local sign-in and
// the sessions go on working, and e-mail stays unique among local
// accounts.
func TestMigrateProviderAccounts(t *testing.T) {
	ctx := context.Background()
	path, raw := openAtVersion(t, 7)
	if _, err := raw.Exec(`
		INSERT INTO users (id, email, name, role, password_hash, active, created_at) VALUES
		  (7, 'kalle@exempelby.se', 'Kalle', 'admin', '$2a$10$abcdefghijklmnopqrstuv', 1, '2025-01-01T00:00:00Z'),
		  (9, 'lisa@exempelby.se', 'Lisa', 'reader', '$2a$10$abcdefghijklmnopqrstuv', 0, '2025-01-02T00:00:00Z');
		INSERT INTO sessions (id_hash, user_id, created_at, last_seen) VALUES (x'01', 7, '2025-01-10T09:00:00Z', '2025-01-10T09:00:00Z');
		INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (9, 'export', x'02', '2025-01-03T00:00:00Z');`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("Open after the migration: %v", err)
	}
	defer db.Close()
	users, err := db.Users(ctx)
	if err != nil || len(users) != 2 {
		t.Fatalf("Users = %+v, %v", users, err)
	}
	if u := users[0]; u.ID != 7 || u.Email != "kalle@exempelby.se" || u.Role != RoleAdmin || !u.Active || u.Auth != AuthLocal || u.Pending {
		t.Errorf("kalle = %+v", u)
	}
	if u := users[1]; u.ID != 9 || u.Active || u.Auth != AuthLocal {
		t.Errorf("lisa = %+v", u)
	}
	if n := queryInt(t, db, `SELECT COUNT(*) FROM pragma_foreign_key_check`); n != 0 {
		t.Errorf("%d broken foreign keys", n)
	}
	if n := queryInt(t, db, `SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.id = 7`); n != 1 {
		t.Errorf("kalle's session lost")
	}
	if n := queryInt(t, db, `SELECT COUNT(*) FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.id = 9`); n != 1 {
		t.Errorf("lisa's token lost")
	}
	_, err = db.CreateUser(ctx, "KALLE@exempelby.se", "", RoleReader, "ett-långt-lösenord", "test")
	wantCode(t, err, "conflict")
	if n := queryInt(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'users_old'`); n != 0 {
		t.Error("the copy of the old table was left behind")
	}
}
