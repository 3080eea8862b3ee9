package sso

import (
	"net/url"
	"strings"
	"testing"

	"followup/cmd/internal/oidctest"
	"followup/storage"
)

// TestSignIn drives the whole flow through a real provider: the app's
// start page sends the browser to the provider, the user signs in there,
// and the callback returns who they are and the role their claims grant.
func TestSignIn(t *testing.T) {
	a := newApp(t, oidctest.Options{}, Config{})
	users(a.p)

	t.Run("Admin", func(t *testing.T) {
		o := a.signIn(t, "sanna", "/kontor/omgangar/2?vy=matris")
		id := o.Result.SignIn.Identity
		if o.Reason != "" || o.Result.SignIn.Role != storage.RoleAdmin || id.Issuer != a.p.Issuer || id.Subject != "sanna" ||
			id.Email != "sanna.samordnare@exempelby.se" || !id.EmailVerified || id.Name != "Sanna Samordnare" {
			t.Fatalf("outcome = %+v", o)
		}
		if id.TenantID != "" || id.ObjectID != "" {
			t.Errorf("tid/oid %q/%q read from a provider that is not Entra ID", id.TenantID, id.ObjectID)
		}
		if o.Result.Next != "/kontor/omgangar/2?vy=matris" {
			t.Errorf("next = %q", o.Result.Next)
		}
	})
	t.Run("Reader", func(t *testing.T) {
		if o := a.signIn(t, "lars", ""); o.Reason != "" || o.Result.SignIn.Role != storage.RoleReader || o.Result.Next != DefaultNext {
			t.Fatalf("outcome = %+v", o)
		}
	})
	t.Run("NoRoleClaim", func(t *testing.T) {
		if o := a.signIn(t, "nils", ""); o.Reason != "" || o.Result.SignIn.Role != "" || o.Result.SignIn.Identity.Subject != "nils" {
			t.Fatalf("outcome = %+v; want the identity with no role, for storage to refuse", o)
		}
	})
	t.Run("FlowCookie", func(t *testing.T) {
		a.signIn(t, "sanna", "")
		u, _ := url.Parse(a.srv.URL + StartPath)
		for _, c := range a.client.Jar.Cookies(u) {
			if c.Name == CookieName {
				t.Errorf("the flow cookie outlived its callback: %+v", c)
			}
		}
	})
}

// TestSignInRoleClaims reads roles from groups as well as from app roles.
func TestSignInRoleClaims(t *testing.T) {
	a := newApp(t, oidctest.Options{}, Config{RoleClaim: "groups", AdminValues: []string{"grp-admins"}, ReaderValues: []string{"grp-readers"}})
	users(a.p)
	for subject, want := range map[string]string{"sanna": storage.RoleAdmin, "lars": storage.RoleReader, "nils": ""} {
		if o := a.signIn(t, subject, ""); o.Reason != "" || o.Result.SignIn.Role != want {
			t.Errorf("%s: outcome = %+v, want role %q", subject, o, want)
		}
	}
	a.p.SetUser(oidctest.User{Subject: "many", Groups: []string{"grp-admins"}, GroupsOverage: true})
	wantReason(t, a.signIn(t, "many", ""), ReasonGroupsOverage)
}

// TestSignInEntra reads an Entra-style token: tid and oid, the e-mail
// vouched for by xms_edov, and a precreated-only policy passed on.
func TestSignInEntra(t *testing.T) {
	const tenant = "4a8b2c1d-0000-4000-8000-000000000001"
	a := newApp(t, oidctest.Options{TenantID: tenant}, Config{PrecreatedOnly: true})
	users(a.p)
	if !strings.HasSuffix(a.p.Issuer, "/"+tenant+"/v2.0") {
		t.Fatalf("issuer %s is not Entra-style", a.p.Issuer)
	}
	o := a.signIn(t, "sanna", "")
	id := o.Result.SignIn.Identity
	if o.Reason != "" || id.TenantID != tenant || id.ObjectID != "oid-sanna" || !id.EmailVerified || !o.Result.SignIn.PrecreatedOnly {
		t.Fatalf("outcome = %+v", o)
	}
	if o := a.signIn(t, "lars", ""); o.Result.SignIn.Identity.EmailVerified {
		t.Error("an e-mail without xms_edov counted as verified")
	}
}

// TestSignInChangedEmailSameAccount signs the same person in twice, with
// the e-mail changed at the provider in between, through the package and
// storage together: one account, its e-mail updated.
func TestSignInChangedEmailSameAccount(t *testing.T) {
	a := newApp(t, oidctest.Options{}, Config{})
	users(a.p)
	db, err := storage.Open(t.Context(), t.TempDir()+"/followup.db", storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	signIn := func() storage.User {
		o := a.signIn(t, "sanna", "")
		u, sid, err := db.SignInWithProvider(t.Context(), o.Result.SignIn)
		if err != nil || sid == "" {
			t.Fatalf("SignInWithProvider: %v", err)
		}
		return u
	}
	first := signIn()
	a.p.SetUser(oidctest.User{Subject: "sanna", Email: "sanna.nyberg@exempelby.se", EmailVerified: true, Roles: []string{DefaultAdminValue}})
	again := signIn()
	all, _ := db.Users(t.Context())
	if again.ID != first.ID || again.Email != "sanna.nyberg@exempelby.se" || len(all) != 1 {
		t.Errorf("first %+v, again %+v, %d accounts", first, again, len(all))
	}
	a.p.SetUser(oidctest.User{Subject: "sanna", Email: "sanna.nyberg@exempelby.se"}) // removed from the role
	o := a.signIn(t, "sanna", "")
	if _, _, err := db.SignInWithProvider(t.Context(), o.Result.SignIn); storage.RefusalReason(err) != storage.RefusedNoRole {
		t.Errorf("without the role: %v, want refused", err)
	}
}

// TestSignInNextStaysOnSite never returns to a page off the site.
func TestSignInNextStaysOnSite(t *testing.T) {
	a := newApp(t, oidctest.Options{}, Config{})
	users(a.p)
	for _, next := range []string{"//evil.example", "https://evil.example/kontor", "/\\evil.example", "/%2F/evil.example", "javascript:alert(1)"} {
		if o := a.signIn(t, "sanna", next); o.Reason != "" || o.Result.Next != DefaultNext {
			t.Errorf("next %q: outcome next = %q, want %s", next, o.Result.Next, DefaultNext)
		}
	}
}
