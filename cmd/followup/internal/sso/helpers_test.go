package sso

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"followup/cmd/internal/oidctest"
)

// app is a stand-in for followup's web layer: a server on loopback whose
// StartPath calls Begin and whose CallbackPath calls Finish and answers
// with the result as JSON, driven by a client with a cookie jar that
// follows redirects through the provider as a browser does.
type app struct {
	rp     *RP
	p      *oidctest.Provider
	srv    *httptest.Server
	client *http.Client
}

// outcome is what the app's callback answers.
type outcome struct {
	Result Result
	Reason string
	Status int
}

// newApp starts a provider with opts and an app that signs in through it,
// with cfg's settings over the test's defaults.
func newApp(t *testing.T, opts oidctest.Options, cfg Config) *app {
	t.Helper()
	p := oidctest.Start(t, opts)
	a := &app{p: p}
	mux := http.NewServeMux()
	mux.HandleFunc(StartPath, func(w http.ResponseWriter, r *http.Request) {
		u, err := a.rp.Begin(w, r, r.URL.Query().Get("next"))
		if err != nil {
			http.Error(w, Reason(err), Status(err))
			return
		}
		http.Redirect(w, r, u, http.StatusSeeOther)
	})
	mux.HandleFunc(CallbackPath, func(w http.ResponseWriter, r *http.Request) {
		res, err := a.rp.Finish(w, r)
		json.NewEncoder(w).Encode(outcome{Result: res, Reason: Reason(err), Status: Status(err)})
	})
	a.srv = httptest.NewServer(mux)
	t.Cleanup(a.srv.Close)
	p.AllowRedirect(a.srv.URL + CallbackPath)
	p.AllowPostLogoutRedirect(a.srv.URL + "/")
	cfg.Issuer, cfg.ClientID, cfg.ClientSecret = p.Issuer, p.ClientID, p.ClientSecret
	if cfg.RedirectURL == "" {
		cfg.RedirectURL = a.srv.URL + CallbackPath
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 3 * time.Second
	}
	rp, err := New(cfg, nil)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	a.rp = rp
	jar, _ := cookiejar.New(nil)
	a.client = &http.Client{Jar: jar, Timeout: 10 * time.Second}
	return a
}

// signIn signs in through the app as the provider's user subject and
// returns the callback's outcome.
func (a *app) signIn(t *testing.T, subject, next string) outcome {
	t.Helper()
	page, err := a.client.Get(a.srv.URL + StartPath + "?next=" + url.QueryEscape(next))
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if page.StatusCode != http.StatusOK {
		t.Fatalf("starting the sign-in: %s", page.Status)
	}
	resp, err := a.p.Login(a.client, page, subject)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var o outcome
	if err := json.NewDecoder(resp.Body).Decode(&o); err != nil {
		t.Fatalf("the callback answered %s: %v", resp.Status, err)
	}
	return o
}

// wantReason fails the test unless the outcome is a refusal for reason.
func wantReason(t *testing.T, o outcome, reason string) {
	t.Helper()
	if o.Reason != reason {
		t.Fatalf("outcome = %+v, want refused for %s", o, reason)
	}
}

// callback begins a sign-in directly (not through the app's client),
// signs the user in at the provider, and returns the callback request the
// provider sends the browser to, with the browser's flow cookie.
func (a *app) callback(t *testing.T, subject string) *http.Request {
	t.Helper()
	rec := httptest.NewRecorder()
	authURL, err := a.rp.Begin(rec, httptest.NewRequest(http.MethodGet, StartPath, nil), "/kontor")
	if err != nil {
		t.Fatalf("Begin: %v", err)
	}
	loc, err := a.p.SignIn(authURL, subject)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, loc.String(), nil)
	for _, c := range rec.Result().Cookies() {
		req.AddCookie(c)
	}
	return req
}

// finish calls Finish on a callback request.
func (a *app) finish(req *http.Request) (Result, error) {
	return a.rp.Finish(httptest.NewRecorder(), req)
}

func users(p *oidctest.Provider) {
	p.SetUser(oidctest.User{Subject: "sanna", Email: "sanna.samordnare@exempelby.se", EmailVerified: true, Name: "Sanna Samordnare",
		Roles: []string{DefaultAdminValue}, Groups: []string{"grp-admins"}, ObjectID: "oid-sanna"})
	p.SetUser(oidctest.User{Subject: "lars", Email: "lars.lasare@exempelby.se", Name: "Lars Läsare",
		Roles: []string{DefaultReaderValue}, Groups: []string{"grp-readers"}, ObjectID: "oid-lars"})
	p.SetUser(oidctest.User{Subject: "nils", Email: "nils@exempelby.se", Name: "Nils Utan Roll", ObjectID: "oid-nils"})
}

func (o outcome) String() string { return fmt.Sprintf("%+v", o.Result.SignIn) }
