package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web/webtest"
)

// TestOfficeSignInAndRoles checks the route table's groups: who is sent
// to sign in, who may change things, and that cross-site posts never reach
// it.
func TestOfficeSignInAndRoles(t *testing.T) {
	f := webtest.New(t)
	t.Run("AnonymousRedirectedToSignIn", func(t *testing.T) {
		res, err := f.Anon.Get(f.URL + "/kontor/omgangar")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(got, "/logga-in?next=") {
			t.Fatalf("got %d %q, want 303 to the sign-in page", res.StatusCode, got)
		}
	})
	t.Run("WrongPasswordSameAsUnknownEmail", func(t *testing.T) {
		wrong := f.PostForm(t, f.NewClient(), "/logga-in", url.Values{"email": {demo.AdminEmail}, "password": {"not-the-password"}}).Body
		unknown := f.PostForm(t, f.NewClient(), "/logga-in", url.Values{"email": {"nobody@exempelby.se"}, "password": {"not-the-password"}}).Body
		msg := "Fel e-postadress eller lösenord."
		if !strings.Contains(wrong, msg) || !strings.Contains(unknown, msg) {
			t.Fatalf("both failures must say %q", msg)
		}
	})
	t.Run("ReaderForbiddenToChange", func(t *testing.T) {
		res := f.PostForm(t, f.Reader, "/kontor/verksamheter", url.Values{"name": {"Ny"}, "kind": {"bolag"}})
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("got %d, want 403", res.StatusCode)
		}
		deps, _ := f.DB.Departments(context.Background(), true)
		for _, d := range deps {
			if d.Name == "Ny" {
				t.Fatal("a reader's post created a department")
			}
		}
	})
	t.Run("CrossSitePostRefused", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, f.URL+"/logga-ut", strings.NewReader(""))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		req.Header.Set("Origin", "https://evil.example")
		res, err := f.Admin.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("got %d, want 403", res.StatusCode)
		}
	})
	t.Run("SignOutEndsSession", func(t *testing.T) {
		c := f.SignIn(t, demo.ReaderEmail, demo.ReaderPass)
		res := f.PostForm(t, c, "/logga-ut", nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-out: %d", res.StatusCode)
		}
		res2, err := c.Get(f.URL + "/kontor")
		if err != nil {
			t.Fatal(err)
		}
		res2.Body.Close()
		if res2.StatusCode != http.StatusSeeOther {
			t.Fatalf("after sign-out got %d, want a redirect to sign in", res2.StatusCode)
		}
	})
}
