package storage

import (
	"context"
	"strings"
	"testing"
)

const testIssuer = "https://login.exempelby.se/realms/kommun"

// signIn signs in through the provider and fails the test on any error.
func signIn(tb testing.TB, db *DB, in ProviderSignIn) (User, string) {
	tb.Helper()
	u, sid, err := db.SignInWithProvider(context.Background(), in)
	if err != nil {
		tb.Fatalf("SignInWithProvider(%+v): %v", in.Identity, err)
	}
	return u, sid
}

// wantRefused fails the test unless signing in is refused for reason.
func wantRefused(tb testing.TB, db *DB, in ProviderSignIn, reason string) {
	tb.Helper()
	_, sid, err := db.SignInWithProvider(context.Background(), in)
	if got := RefusalReason(err); got != reason || sid != "" {
		tb.Fatalf("SignInWithProvider(%+v) = session %q, %v; want refused for %s", in.Identity, sid, err, reason)
	}
}

// auditActions lists the actions in the audit log, oldest first, with
// their details, as "action detail".
func auditActions(tb testing.TB, db *DB) []string {
	tb.Helper()
	entries, err := db.AuditLog(context.Background(), 1000)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for i := len(entries) - 1; i >= 0; i-- {
		out = append(out, entries[i].Action+" "+entries[i].Detail)
	}
	return out
}

// wantAudit fails the test unless some audit row starts with action and
// contains every one of parts.
func wantAudit(tb testing.TB, db *DB, action string, parts ...string) {
	tb.Helper()
	for _, row := range auditActions(tb, db) {
		if !strings.HasPrefix(row, action+" ") {
			continue
		}
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(row, p)
		}
		if ok {
			return
		}
	}
	tb.Errorf("no audit row %s with %q in:\n%s", action, parts, strings.Join(auditActions(tb, db), "\n"))
}

func anna(role string) ProviderSignIn {
	return ProviderSignIn{Role: role, Identity: ProviderIdentity{Issuer: testIssuer, Subject: "sub-anna",
		Email: "Anna.Andersson@Exempelby.se", EmailVerified: true, Name: "Anna Andersson"}}
}

func countUsers(tb testing.TB, db *DB) int {
	tb.Helper()
	return queryInt(tb, db, `SELECT COUNT(*) FROM users`)
}

// TestSignInWithProvider binds accounts to the provider's identity: the
// first sign-in creates the account, later ones find it by issuer and
// subject whatever the e-mail says, and the role follows the claims.
func TestSignInWithProvider(t *testing.T) {
	ctx := context.Background()
	limits := SessionLimits{Idle: 8 * 3600e9, Max: 12 * 3600e9}

	t.Run("NewPersonGetsAccountAndSession", func(t *testing.T) {
		db := mustOpenDB(t)
		u, sid := signIn(t, db, anna(RoleAdmin))
		if u.Email != "anna.andersson@exempelby.se" || u.Role != RoleAdmin || u.Auth != AuthOIDC || u.Name != "Anna Andersson" {
			t.Errorf("account = %+v", u)
		}
		got, err := db.SessionUser(ctx, sid, limits)
		if err != nil || got.ID != u.ID || got.Auth != AuthOIDC {
			t.Fatalf("SessionUser = %+v, %v", got, err)
		}
		wantAudit(t, db, "user.create", "anna.andersson@exempelby.se (admin)", "sub sub-anna")
		wantAudit(t, db, "signin.oidc", "iss "+testIssuer, "sub sub-anna")
	})

	t.Run("ChangedEmailSameAccount", func(t *testing.T) {
		db := mustOpenDB(t)
		first, _ := signIn(t, db, anna(RoleAdmin))
		in := anna(RoleAdmin)
		in.Identity.Email, in.Identity.Name = "anna.berg@exempelby.se", "Anna Berg"
		again, _ := signIn(t, db, in)
		if again.ID != first.ID || again.Email != "anna.berg@exempelby.se" || again.Name != "Anna Berg" || countUsers(t, db) != 1 {
			t.Errorf("after the e-mail changed: %+v (first %+v), %d accounts", again, first, countUsers(t, db))
		}
		wantAudit(t, db, "user.email", "anna.andersson@exempelby.se → anna.berg@exempelby.se")
	})

	t.Run("EmailOfAnotherPersonNotMerged", func(t *testing.T) {
		db := mustOpenDB(t)
		first, _ := signIn(t, db, anna(RoleAdmin))
		other := anna(RoleReader)
		other.Identity.Subject = "sub-someone-else" // the address was given to someone new
		second, _ := signIn(t, db, other)
		if second.ID == first.ID || second.Role != RoleReader || countUsers(t, db) != 2 {
			t.Errorf("the same e-mail for another subject gave %+v (first %+v)", second, first)
		}
	})

}

// TestSignInWithProviderRoles takes the role from the claims at every
// sign-in, and refuses people without one, and deactivated accounts.
func TestSignInWithProviderRoles(t *testing.T) {
	ctx := context.Background()
	limits := SessionLimits{Idle: 8 * 3600e9, Max: 12 * 3600e9}

	t.Run("RoleChangeAudited", func(t *testing.T) {
		db := mustOpenDB(t)
		_, sid := signIn(t, db, anna(RoleAdmin))
		u, _ := signIn(t, db, anna(RoleReader))
		if u.Role != RoleReader {
			t.Fatalf("role = %s, want reader", u.Role)
		}
		if old, err := db.SessionUser(ctx, sid, limits); err != nil || old.Role != RoleReader {
			t.Errorf("the earlier session's account = %+v, %v; want reader at once", old, err)
		}
		wantAudit(t, db, "user.role", "admin → reader")
	})

	t.Run("NoRoleRefusedSessionsEnded", func(t *testing.T) {
		db := mustOpenDB(t)
		u, sid := signIn(t, db, anna(RoleAdmin))
		wantRefused(t, db, anna(""), RefusedNoRole)
		if _, err := db.SessionUser(ctx, sid, limits); err == nil {
			t.Error("the session outlived the role")
		}
		wantAudit(t, db, "signin.refused", "oidc: no_role", "sub sub-anna")
		wantAudit(t, db, "user.sessions_end", "1 (no_role)")
		if after := queryString(t, db, `SELECT role FROM users WHERE id = ?`, u.ID); after != RoleAdmin {
			t.Errorf("a refused sign-in changed the role to %s", after)
		}
	})

	t.Run("NoRoleNewPersonNoAccount", func(t *testing.T) {
		db := mustOpenDB(t)
		wantRefused(t, db, anna(""), RefusedNoRole)
		if n := countUsers(t, db); n != 0 {
			t.Errorf("%d accounts made for a person without a role", n)
		}
		wantAudit(t, db, "signin.refused", "no_role", "anna.andersson@exempelby.se")
	})

	t.Run("DeactivatedRefused", func(t *testing.T) {
		db := mustOpenDB(t)
		u, _ := signIn(t, db, anna(RoleAdmin))
		if err := db.SetUserActive(ctx, u.ID, false, "test"); err != nil {
			t.Fatal(err)
		}
		wantRefused(t, db, anna(RoleAdmin), RefusedDeactivated)
	})

}

// TestSignInWithProviderLocalApart keeps local accounts out of the
// provider's reach, and refuses an identity without a subject.
func TestSignInWithProviderLocalApart(t *testing.T) {
	ctx := context.Background()
	t.Run("LocalAccountNeverBound", func(t *testing.T) {
		db := mustOpenDB(t)
		local, err := db.CreateUser(ctx, "anna.andersson@exempelby.se", "Anna", RoleAdmin, "ett-långt-lösenord", "test")
		if err != nil {
			t.Fatal(err)
		}
		u, _ := signIn(t, db, anna(RoleReader))
		if u.ID == local.ID || u.Auth != AuthOIDC {
			t.Fatalf("the provider's sign-in reached the local account: %+v", u)
		}
		if got, err := db.Authenticate(ctx, "anna.andersson@exempelby.se", "ett-långt-lösenord"); err != nil || got.ID != local.ID {
			t.Errorf("local sign-in after the provider's = %+v, %v", got, err)
		}
	})

	t.Run("ErrNoSubject", func(t *testing.T) {
		db := mustOpenDB(t)
		in := anna(RoleAdmin)
		in.Identity.Subject = " "
		_, _, err := db.SignInWithProvider(ctx, in)
		wantCode(t, err, "invalid")
	})
}
