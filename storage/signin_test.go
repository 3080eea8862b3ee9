package storage

import (
	"context"
	"strings"
	"testing"
)

// TestSignInLocal records every local sign-in in the audit log: success
// under the account, a wrong password under the account it was for, and
// an unknown e-mail without the text typed.
func TestSignInLocal(t *testing.T) {
	ctx := context.Background()
	db := mustOpenDB(t)
	u, err := db.CreateUser(ctx, "kalle@exempelby.se", "Kalle", RoleAdmin, "ett-långt-lösenord", "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("OK", func(t *testing.T) {
		got, sid, err := db.SignInLocal(ctx, " Kalle@Exempelby.se", "ett-långt-lösenord")
		if err != nil || got.ID != u.ID || sid == "" {
			t.Fatalf("SignInLocal = %+v, %q, %v", got, sid, err)
		}
		if _, err := db.SessionUser(ctx, sid, SessionLimits{Idle: 3600e9}); err != nil {
			t.Error(err)
		}
		wantAudit(t, db, "signin.local", "local")
	})
	t.Run("WrongPassword", func(t *testing.T) {
		_, sid, err := db.SignInLocal(ctx, "kalle@exempelby.se", "fel-lösenord-1")
		wantCode(t, err, "unauthorized")
		if sid != "" {
			t.Error("a session for a wrong password")
		}
		entries, _ := db.AuditLog(ctx, 1)
		if e := entries[0]; e.Action != "signin.refused" || e.Actor != "kalle@exempelby.se" || e.EntityID != u.ID || e.Detail != "local: bad_credentials" {
			t.Errorf("audit = %+v", e)
		}
	})
	t.Run("UnknownEmailNotRecorded", func(t *testing.T) {
		_, _, err := db.SignInLocal(ctx, "mitt-hemliga-lösenord", "x")
		wantCode(t, err, "unauthorized")
		for _, row := range auditActions(t, db) {
			if strings.Contains(row, "hemliga") {
				t.Errorf("the typed text reached the audit log: %s", row)
			}
		}
		entries, _ := db.AuditLog(ctx, 1)
		if e := entries[0]; e.Actor != unknownActor || e.EntityID != 0 {
			t.Errorf("audit = %+v", e)
		}
	})
	t.Run("ProviderAccountHasNoPassword", func(t *testing.T) {
		signIn(t, db, ProviderSignIn{Role: RoleAdmin, Identity: ProviderIdentity{Issuer: testIssuer, Subject: "s", Email: "kalle@exempelby.se"}})
		if got, _, err := db.SignInLocal(ctx, "kalle@exempelby.se", "ett-långt-lösenord"); err != nil || got.ID != u.ID {
			t.Errorf("local sign-in beside a provider account of the same e-mail = %+v, %v", got, err)
		}
		_, _, err := db.SignInLocal(ctx, "kalle@exempelby.se", "")
		wantCode(t, err, "unauthorized")
	})
}

// TestRecordSignInRefusal keeps a refusal's detail on one line and short:
// it may quote what an attacker sent.
func TestRecordSignInRefusal(t *testing.T) {
	db := mustOpenDB(t)
	detail := "oidc: id token issued by a different provider, expected x got \"https://evil.example\nFAKE LINE\"" + strings.Repeat("x", 400)
	if err := db.RecordSignInRefusal(context.Background(), MethodOIDC, "token_invalid", detail); err != nil {
		t.Fatal(err)
	}
	entries, _ := db.AuditLog(context.Background(), 1)
	e := entries[0]
	if e.Action != "signin.refused" || e.Actor != unknownActor || !strings.HasPrefix(e.Detail, "oidc: token_invalid: oidc: id token") {
		t.Errorf("audit = %+v", e)
	}
	if strings.ContainsAny(e.Detail, "\n\r") || len([]rune(e.Detail)) > 340 {
		t.Errorf("detail not cleaned: %q", e.Detail)
	}
}
