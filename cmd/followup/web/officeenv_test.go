package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"followup/cmd/followup/demo"
	"followup/storage"
)

// officeEnv is a running server on a fresh database filled with the demo
// municipality, with clients signed in as the demo's admin and reader.
type officeEnv struct {
	t      testing.TB
	srv    *httptest.Server
	server *Server
	db     *storage.DB
	info   demo.Info
	secret []byte
	admin  *http.Client
	reader *http.Client
	anon   *http.Client
	log    *strings.Builder
}

// newOfficeEnv starts the server; everything is closed when the test ends.
func newOfficeEnv(t testing.TB) *officeEnv {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "office.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	secret := []byte("office-test-secret-0123456789abcdef0123")
	info, err := demo.Seed(ctx, db, secret)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Europe/Stockholm")
	var logs strings.Builder
	srv, err := New(Config{DB: db, Secret: secret, Loc: loc, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		BaseURL: &url.URL{Scheme: "http", Host: "uppfoljning.test"}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	e := &officeEnv{t: t, srv: ts, server: srv, db: db, info: info, secret: secret, log: &logs}
	e.anon = e.client()
	e.admin = e.signIn(demo.AdminEmail, demo.AdminPassword)
	e.reader = e.signIn(demo.ReaderEmail, demo.ReaderPass)
	return e
}

// withConfig serves the same database from a server built with the
// environment's configuration changed by change; the clients stay signed
// in, since sessions live in the database.
func (e *officeEnv) withConfig(change func(*Config)) {
	e.t.Helper()
	cfg := e.server.Config
	change(&cfg)
	srv, err := New(cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	e.t.Cleanup(ts.Close)
	e.server, e.srv = srv, ts
}

// client returns a client with its own cookie jar that does not follow
// redirects, so tests can check them.
func (e *officeEnv) client() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// signIn returns a client signed in with the given account.
func (e *officeEnv) signIn(email, password string) *http.Client {
	e.t.Helper()
	c := e.client()
	res, err := c.PostForm(e.srv.URL+"/logga-in", url.Values{"email": {email}, "password": {password}, "next": {"/kontor"}})
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("sign-in as %s: status %d", email, res.StatusCode)
	}
	return c
}

// get fetches a path and returns the status and body.
func (e *officeEnv) get(c *http.Client, path string) (int, string) {
	e.t.Helper()
	res, err := c.Get(e.srv.URL + path)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// post sends a form and returns the response with its body read.
func (e *officeEnv) post(c *http.Client, path string, form url.Values) (*http.Response, string) {
	e.t.Helper()
	res, err := c.PostForm(e.srv.URL+path, form)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestOfficeSignInAndRoles(t *testing.T) {
	e := newOfficeEnv(t)
	t.Run("AnonymousRedirectedToSignIn", func(t *testing.T) {
		res, err := e.anon.Get(e.srv.URL + "/kontor/omgangar")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if got := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(got, "/logga-in?next=") {
			t.Fatalf("got %d %q, want 303 to the sign-in page", res.StatusCode, got)
		}
	})
	t.Run("WrongPasswordSameAsUnknownEmail", func(t *testing.T) {
		_, wrong := e.post(e.client(), "/logga-in", url.Values{"email": {demo.AdminEmail}, "password": {"not-the-password"}})
		_, unknown := e.post(e.client(), "/logga-in", url.Values{"email": {"nobody@exempelby.se"}, "password": {"not-the-password"}})
		msg := "Fel e-postadress eller lösenord."
		if !strings.Contains(wrong, msg) || !strings.Contains(unknown, msg) {
			t.Fatalf("both failures must say %q", msg)
		}
	})
	t.Run("ReaderForbiddenToChange", func(t *testing.T) {
		res, _ := e.post(e.reader, "/kontor/verksamheter", url.Values{"name": {"Ny"}, "kind": {"bolag"}})
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("got %d, want 403", res.StatusCode)
		}
		deps, _ := e.db.Departments(context.Background(), true)
		for _, d := range deps {
			if d.Name == "Ny" {
				t.Fatal("a reader's post created a department")
			}
		}
	})
	t.Run("CrossSitePostRefused", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/logga-ut", strings.NewReader(""))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		req.Header.Set("Origin", "https://evil.example")
		res, err := e.admin.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("got %d, want 403", res.StatusCode)
		}
	})
	t.Run("SignOutEndsSession", func(t *testing.T) {
		c := e.signIn(demo.ReaderEmail, demo.ReaderPass)
		res, _ := e.post(c, "/logga-ut", nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-out: %d", res.StatusCode)
		}
		res2, err := c.Get(e.srv.URL + "/kontor")
		if err != nil {
			t.Fatal(err)
		}
		res2.Body.Close()
		if res2.StatusCode != http.StatusSeeOther {
			t.Fatalf("after sign-out got %d, want a redirect to sign in", res2.StatusCode)
		}
	})
}
