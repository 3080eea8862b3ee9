package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web"
	"followup/cmd/followup/web/site"
	"followup/cmd/followup/web/webtest"
)

// TestSignInThrottled fails five sign-ins for an account: the sixth attempt
// is refused with 429 even with the right password, in Swedish.
func TestSignInThrottled(t *testing.T) {
	f := webtest.New(t)
	for i := 0; i < 5; i++ {
		res := f.PostForm(t, f.NewClient(), "/logga-in", url.Values{"email": {demo.ReaderEmail}, "password": {"fel-" + strconv.Itoa(i)}})
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: status %d", i, res.StatusCode)
		}
	}
	res := f.PostForm(t, f.NewClient(), "/logga-in", url.Values{"email": {demo.ReaderEmail}, "password": {demo.ReaderPass}})
	body := res.Body
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "För många försök") {
		t.Fatalf("sixth attempt: status %d, want 429 with the Swedish message", res.StatusCode)
	}
}

// TestLinkGuessingThrottled tries 30 unknown department links from one
// address: the next request, even with a real link, gets 429.
func TestLinkGuessingThrottled(t *testing.T) {
	f := webtest.New(t)
	for i := 0; i < 30; i++ {
		if code, _ := f.Get(t, f.Anon, "/r/"+strings.Repeat(strconv.Itoa(i%10), 43)).StatusBody(); code != http.StatusNotFound {
			t.Fatalf("guess %d: status %d", i, code)
		}
	}
	code, body := f.Get(t, f.Anon, "/r/"+f.Demo.Links[0].Token).StatusBody()
	if code != http.StatusTooManyRequests || !strings.Contains(body, "För många försök") {
		t.Fatalf("after 30 guesses: status %d, want 429", code)
	}
}

// TestSessionCookieFlags checks the session cookie: HttpOnly and
// SameSite=Lax always, Secure when the app is served over https, and an old
// cookie refused after signing out.
func TestSessionCookieFlags(t *testing.T) {
	f := webtest.New(t)
	signIn := func(h http.Handler) *http.Cookie {
		t.Helper()
		req := httptest.NewRequest(http.MethodPost, "/logga-in", strings.NewReader(url.Values{"email": {demo.AdminEmail}, "password": {demo.AdminPassword}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		for _, ck := range rec.Result().Cookies() {
			if ck.Name == site.SessionCookie {
				return ck
			}
		}
		t.Fatalf("no session cookie (status %d)", rec.Code)
		return nil
	}
	ck := signIn(f.Server.Handler())
	if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Secure {
		t.Errorf("over http: HttpOnly %v SameSite %v Secure %v", ck.HttpOnly, ck.SameSite, ck.Secure)
	}
	httpsCfg := f.Config
	httpsCfg.BaseURL = &url.URL{Scheme: "https", Host: "uppfoljning.example.se"}
	httpsSrv, err := web.New(httpsCfg)
	if err != nil {
		t.Fatal(err)
	}
	if ck := signIn(httpsSrv.Handler()); !ck.Secure {
		t.Error("over https the session cookie is not Secure")
	}
	// Sign out, then present the old cookie again.
	old := signIn(f.Server.Handler())
	out := httptest.NewRequest(http.MethodPost, "/logga-ut", nil)
	out.AddCookie(old)
	f.Server.Handler().ServeHTTP(httptest.NewRecorder(), out)
	again := httptest.NewRequest(http.MethodGet, "/kontor", nil)
	again.AddCookie(old)
	rec := httptest.NewRecorder()
	f.Server.Handler().ServeHTTP(rec, again)
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/logga-in") {
		t.Fatalf("an old session cookie still works after sign-out: status %d", rec.Code)
	}
}

// TestReaderCannotManageAccounts sends a reader's posts to every account
// and API-token route: each is 403 and nothing changes.
func TestReaderCannotManageAccounts(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	users, _ := f.DB.Users(ctx)
	var admin int64
	for _, u := range users {
		if u.Email == demo.AdminEmail {
			admin = u.ID
		}
	}
	tok, err := f.DB.CreateAPIToken(ctx, admin, "skript", "test")
	if err != nil {
		t.Fatal(err)
	}
	tokens, _ := f.DB.APITokens(ctx)
	for _, p := range []struct {
		path string
		form url.Values
	}{
		{"/kontor/konton", url.Values{"email": {"ny@exempelby.se"}, "role": {"admin"}, "password": {"långt-lösenord-123"}, "password2": {"långt-lösenord-123"}}},
		{"/kontor/konton/" + strconv.FormatInt(admin, 10) + "/aktiv", url.Values{"active": {"0"}}},
		{"/kontor/api-nycklar", url.Values{"name": {"läsarens nyckel"}}},
		{"/kontor/api-nycklar/" + strconv.FormatInt(tokens[0].ID, 10) + "/aterkalla", nil},
	} {
		if res := f.PostForm(t, f.Reader, p.path, p.form); res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s by a reader: %d, want 403", p.path, res.StatusCode)
		}
	}
	after, _ := f.DB.Users(ctx)
	if len(after) != len(users) {
		t.Error("a reader created an account")
	}
	for _, u := range after {
		if !u.Active {
			t.Errorf("a reader deactivated %s", u.Email)
		}
	}
	if _, err := f.DB.APITokenUser(ctx, tok); err != nil {
		t.Error("a reader revoked an API token")
	}
}

// TestUntrustedProxyConfigRefused refuses a trusted proxy that is not an
// address or a range, instead of silently trusting nothing.
func TestUntrustedProxyConfigRefused(t *testing.T) {
	f := webtest.New(t)
	cfg := f.Config
	cfg.TrustedProxies = []string{"127.0.0.1", "proxy.example.se"}
	if _, err := web.New(cfg); err == nil || !strings.Contains(err.Error(), "proxy.example.se") {
		t.Fatalf("got %v, want an error naming the bad entry", err)
	}
	cfg.TrustedProxies = []string{"127.0.0.1", "10.0.0.0/8", "::1"}
	if _, err := web.New(cfg); err != nil {
		t.Fatal(err)
	}
}

// TestSecurityHeadersEverywhere checks the headers on every kind of
// response (public, office, department, API, asset, error), and HSTS only
// when the app is served over https.
func TestSecurityHeadersEverywhere(t *testing.T) {
	f := webtest.New(t)
	check := func(t *testing.T, h http.Header, path string, hsts bool) {
		t.Helper()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: Content-Security-Policy %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: the policy allows inline code", path)
		}
		for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
			if got := h.Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", path, k, got, want)
			}
		}
		if got := h.Get("Strict-Transport-Security") != ""; got != hsts {
			t.Errorf("%s: HSTS present %v, want %v", path, got, hsts)
		}
	}
	paths := []struct {
		client *http.Client
		path   string
	}{
		{f.Anon, "/"}, {f.Anon, "/logga-in"}, {f.Anon, "/static/style.css"}, {f.Anon, "/finns-inte"},
		{f.Anon, "/r/" + f.Demo.Links[0].Token}, {f.Anon, "/api/v1/r/" + f.Demo.Links[0].Token},
		{f.Admin, "/kontor"}, {f.Admin, "/kontor/omgangar"}, {f.Admin, "/api/v1/departments"},
	}
	for _, p := range paths {
		res, err := p.client.Get(f.URL + p.path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		check(t, res.Header, p.path, false)
	}
	cfg := f.Config
	cfg.BaseURL = &url.URL{Scheme: "https", Host: "uppfoljning.example.se"}
	httpsSrv, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	httpsSrv.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	check(t, rec.Header(), "/ over https", true)
}

// TestAPIDraftRefusesTrailingData refuses a body with anything after the
// JSON object, as every other API call does, and saves nothing.
func TestAPIDraftRefusesTrailingData(t *testing.T) {
	f := webtest.New(t)
	tok := f.Demo.Links[0].Token
	req, _ := http.NewRequest(http.MethodPost, f.URL+"/api/v1/r/"+tok+"/draft", strings.NewReader(`{"answers":[]} {"answers":[]}`))
	req.Header.Set("Content-Type", "application/json")
	res, err := f.Anon.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
}

// TestSignInLimitsByAddress signs in from several addresses: wrong
// passwords from one address lock only that address out of the account;
// many from everywhere lock the account, but not for an address it has
// signed in from; and one address trying many accounts is locked out.
func TestSignInLimitsByAddress(t *testing.T) {
	f := webtest.New(t)
	h := f.Server.Handler()
	signIn := func(addr, email, password string) int {
		t.Helper()
		return signInFrom(h, addr+":40000", email, password)
	}
	const ok, wrong, limited = http.StatusSeeOther, http.StatusUnauthorized, http.StatusTooManyRequests

	// The admin signs in once from the office.
	if code := signIn("10.1.0.10", demo.AdminEmail, demo.AdminPassword); code != ok {
		t.Fatalf("first sign-in: %d", code)
	}
	// Five wrong passwords from one address lock that address only.
	for i := range signinPairMax {
		if code := signIn("192.0.2.1", demo.AdminEmail, "fel"+strconv.Itoa(i)); code != wrong {
			t.Fatalf("failure %d: %d", i, code)
		}
	}
	if code := signIn("192.0.2.1", demo.AdminEmail, demo.AdminPassword); code != limited {
		t.Errorf("the right password from the failing address: %d, want %d", code, limited)
	}
	if code := signIn("10.1.0.11", demo.AdminEmail, demo.AdminPassword); code != ok {
		t.Errorf("the right password from another address: %d, want %d", code, ok)
	}
	// Wrong passwords from many addresses lock the account for new
	// addresses, but the addresses it signed in from still get in.
	for i := range signinWideMax {
		signIn("198.51.100."+strconv.Itoa(i+1), demo.AdminEmail, "fel")
	}
	if code := signIn("203.0.113.9", demo.AdminEmail, demo.AdminPassword); code != limited {
		t.Errorf("the right password from a new address after %d failures: %d, want %d", signinWideMax+signinPairMax, code, limited)
	}
	if code := signIn("10.1.0.10", demo.AdminEmail, demo.AdminPassword); code != ok {
		t.Errorf("the right password from the office after the attack: %d, want %d", code, ok)
	}
	// One address trying many accounts is locked out, even for an
	// account with the right password.
	for i := range signinWideMax {
		signIn("192.0.2.77", "gissning"+strconv.Itoa(i)+"@exempelby.se", "fel")
	}
	if code := signIn("192.0.2.77", demo.ReaderEmail, demo.ReaderPass); code != limited {
		t.Errorf("an address that tried %d accounts: %d, want %d", signinWideMax, code, limited)
	}
	if code := signIn("10.1.0.12", demo.ReaderEmail, demo.ReaderPass); code != ok {
		t.Errorf("the reader from another address: %d, want %d", code, ok)
	}
}

// TestSignInLimitKeys counts the addresses of one IPv6 /64 network as
// one (see also ratelimit.TestAddressKey and office.TestSigninKeysStaySmall).
func TestSignInLimitKeys(t *testing.T) {
	f := webtest.New(t)
	h := f.Server.Handler()
	signIn := func(addr, email, password string) int {
		t.Helper()
		return signInFrom(h, addr, email, password)
	}
	long := strings.Repeat("a", 100_000) + "@exempelby.se"
	if code := signIn("192.0.2.8:1", long, "fel"); code != http.StatusUnauthorized {
		t.Errorf("an over-long e-mail: %d, want 401", code)
	}
	// Five failures from addresses of one /64 lock the whole network out
	// of the account.
	for i := range signinPairMax {
		signIn(fmt.Sprintf("[2001:db8:7:7::%x]:1", i+1), demo.AdminEmail, "fel")
	}
	if code := signIn("[2001:db8:7:7::99]:1", demo.AdminEmail, demo.AdminPassword); code != http.StatusTooManyRequests {
		t.Errorf("another address of the same /64: %d, want 429", code)
	}
	if code := signIn("[2001:db8:7:8::1]:1", demo.AdminEmail, demo.AdminPassword); code != http.StatusSeeOther {
		t.Errorf("an address of another /64: %d, want 303", code)
	}
}

// signInFrom posts the sign-in form as if from remoteAddr ("host:port")
// and returns the status.
// The limits of sign-in that docs/security.md promises.
const (
	signinPairMax = 5
	signinWideMax = 20
)

func signInFrom(h http.Handler, remoteAddr, email, password string) int {
	req := httptest.NewRequest(http.MethodPost, "/logga-in", strings.NewReader(url.Values{"email": {email}, "password": {password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = remoteAddr
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code
}
