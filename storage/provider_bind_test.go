package storage

import (
	"context"
	"testing"
)

const entraIssuer = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0"

func entra(subject, object, role string) ProviderSignIn {
	return ProviderSignIn{Role: role, Identity: ProviderIdentity{Issuer: entraIssuer, Subject: subject,
		TenantID: "11111111-2222-3333-4444-555555555555", ObjectID: object, Email: "bo@exempelby.se", Name: "Bo"}}
}

// TestSignInWithProviderEntra binds Entra ID accounts by tenant and object
// id as well: a new pairwise subject for the same object id finds the same
// account, and a subject and an object id that point two ways are refused.
func TestSignInWithProviderEntra(t *testing.T) {
	t.Run("NewSubjectSameObject", func(t *testing.T) {
		db := mustOpenDB(t)
		first, _ := signIn(t, db, entra("pairwise-1", "oid-bo", RoleAdmin))
		again, _ := signIn(t, db, entra("pairwise-2", "oid-bo", RoleAdmin))
		if again.ID != first.ID || countUsers(t, db) != 1 {
			t.Fatalf("a new subject for the same object id gave %+v (first %+v)", again, first)
		}
		if sub := queryString(t, db, `SELECT subject FROM users WHERE id = ?`, first.ID); sub != "pairwise-2" {
			t.Errorf("subject = %s, want the new one", sub)
		}
		wantAudit(t, db, "user.identity", "sub pairwise-2", "was sub pairwise-1")
	})

	t.Run("ObjectContradictsSubject", func(t *testing.T) {
		db := mustOpenDB(t)
		signIn(t, db, entra("pairwise-1", "oid-bo", RoleAdmin))
		wantRefused(t, db, entra("pairwise-1", "oid-someone-else", RoleAdmin), RefusedIdentityConflict)
	})

	t.Run("SubjectAndObjectOfTwoAccounts", func(t *testing.T) {
		db := mustOpenDB(t)
		signIn(t, db, entra("pairwise-1", "oid-bo", RoleAdmin))
		signIn(t, db, entra("pairwise-2", "oid-cilla", RoleReader))
		wantRefused(t, db, entra("pairwise-1", "oid-cilla", RoleAdmin), RefusedIdentityConflict)
		wantAudit(t, db, "signin.refused", "identity_conflict", "oid oid-cilla")
	})

	t.Run("ObjectAddedLater", func(t *testing.T) {
		db := mustOpenDB(t)
		in := entra("pairwise-1", "", RoleAdmin)
		first, _ := signIn(t, db, in)
		again, _ := signIn(t, db, entra("pairwise-1", "oid-bo", RoleAdmin))
		if again.ID != first.ID {
			t.Fatal("the object id made a new account")
		}
		if oid := queryString(t, db, `SELECT object_id FROM users WHERE id = ?`, first.ID); oid != "oid-bo" {
			t.Errorf("object_id = %q", oid)
		}
	})
}

// TestPrecreatedAccounts lets only accounts an admin made in, when asked:
// the first sign-in with the pre-created e-mail, vouched for by the
// provider, binds the account to that identity for good.
func TestPrecreatedAccounts(t *testing.T) {
	ctx := context.Background()
	only := func(in ProviderSignIn) ProviderSignIn { in.PrecreatedOnly = true; return in }

	t.Run("UnknownRefused", func(t *testing.T) {
		db := mustOpenDB(t)
		wantRefused(t, db, only(anna(RoleAdmin)), RefusedNotPrecreated)
		if n := countUsers(t, db); n != 0 {
			t.Errorf("%d accounts", n)
		}
	})

	t.Run("VerifiedEmailBinds", func(t *testing.T) {
		db := mustOpenDB(t)
		pre, err := db.PrecreateUser(ctx, "anna.andersson@exempelby.se", "Anna", "sanna@exempelby.se")
		if err != nil || !pre.Pending {
			t.Fatalf("PrecreateUser = %+v, %v", pre, err)
		}
		u, _ := signIn(t, db, only(anna(RoleAdmin)))
		if u.ID != pre.ID || u.Pending || u.Role != RoleAdmin {
			t.Fatalf("signed in to %+v, want the pre-created %d", u, pre.ID)
		}
		wantAudit(t, db, "user.bind", "sub sub-anna")
		// Bound for good: the e-mail may change, the identity decides.
		moved := only(anna(RoleAdmin))
		moved.Identity.Email = "anna.berg@exempelby.se"
		if again, _ := signIn(t, db, moved); again.ID != pre.ID {
			t.Errorf("after the e-mail changed: account %d, want %d", again.ID, pre.ID)
		}
		// Someone else who now has the old address gets nothing.
		other := only(anna(RoleAdmin))
		other.Identity.Subject = "sub-impostor"
		wantRefused(t, db, other, RefusedNotPrecreated)
	})

	t.Run("UnverifiedEmailDoesNotBind", func(t *testing.T) {
		db := mustOpenDB(t)
		if _, err := db.PrecreateUser(ctx, "anna.andersson@exempelby.se", "", "test"); err != nil {
			t.Fatal(err)
		}
		in := only(anna(RoleAdmin))
		in.Identity.EmailVerified = false
		wantRefused(t, db, in, RefusedNotPrecreated)
	})

	t.Run("NoRoleDoesNotBind", func(t *testing.T) {
		db := mustOpenDB(t)
		pre, err := db.PrecreateUser(ctx, "anna.andersson@exempelby.se", "", "test")
		if err != nil {
			t.Fatal(err)
		}
		wantRefused(t, db, only(anna("")), RefusedNoRole)
		if sub := queryString(t, db, `SELECT subject FROM users WHERE id = ?`, pre.ID); sub != "" {
			t.Errorf("a refused sign-in bound the account to %q", sub)
		}
	})

	t.Run("ErrConflictTwice", func(t *testing.T) {
		db := mustOpenDB(t)
		if _, err := db.PrecreateUser(ctx, "anna@exempelby.se", "", "test"); err != nil {
			t.Fatal(err)
		}
		_, err := db.PrecreateUser(ctx, "Anna@exempelby.se", "", "test")
		wantCode(t, err, "conflict")
		_, err = db.PrecreateUser(ctx, "inte en adress", "", "test")
		wantCode(t, err, "invalid")
	})
}

// TestEndSessions ends every session of one account, for the admin's
// button, and records it.
func TestEndSessions(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	limits := SessionLimits{Idle: 3600e9, Max: 3600e9}
	u, sid1 := signIn(t, db, anna(RoleAdmin))
	_, sid2 := signIn(t, db, anna(RoleAdmin))
	other, otherSID := signIn(t, db, entra("pairwise-1", "oid-bo", RoleReader))
	n, err := db.EndSessions(ctx, u.ID, "sanna@exempelby.se")
	if err != nil || n != 2 {
		t.Fatalf("EndSessions = %d, %v; want 2", n, err)
	}
	for _, sid := range []string{sid1, sid2} {
		if _, err := db.SessionUser(ctx, sid, limits); err == nil {
			t.Error("a session survived")
		}
	}
	if got, err := db.SessionUser(ctx, otherSID, limits); err != nil || got.ID != other.ID {
		t.Errorf("another account's session = %+v, %v", got, err)
	}
	wantAudit(t, db, "user.sessions_end", "2")
	_, err = db.EndSessions(ctx, 9999, "test")
	wantCode(t, err, "not_found")
}
