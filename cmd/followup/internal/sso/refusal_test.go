package sso

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"followup/cmd/internal/oidctest"
)

// TestRefusals refuses every callback that does not belong to this
// browser's sign-in.
func TestRefusals(t *testing.T) {
	a := newApp(t, oidctest.Options{}, Config{})
	users(a.p)

	t.Run("StateForged", func(t *testing.T) {
		req := a.callback(t, "sanna")
		q := req.URL.Query()
		q.Set("state", "forged")
		req.URL.RawQuery = q.Encode()
		_, err := a.finish(req)
		wantErr(t, err, ReasonStateMismatch)
	})
	t.Run("StateOfAnotherBrowser", func(t *testing.T) {
		mine, theirs := a.callback(t, "sanna"), a.callback(t, "lars")
		req := httptest.NewRequest(http.MethodGet, theirs.URL.String(), nil)
		c, _ := mine.Cookie(CookieName)
		req.AddCookie(c)
		_, err := a.finish(req)
		wantErr(t, err, ReasonStateMismatch)
	})
	t.Run("StateReplayed", func(t *testing.T) {
		req := a.callback(t, "sanna")
		if _, err := a.finish(req); err != nil {
			t.Fatalf("first use: %v", err)
		}
		_, err := a.finish(req)
		wantErr(t, err, ReasonStateUnknown)
	})
	t.Run("StateMissing", func(t *testing.T) {
		req := a.callback(t, "sanna")
		_, err := a.finish(httptest.NewRequest(http.MethodGet, req.URL.String(), nil))
		wantErr(t, err, ReasonStateMissing)
	})
	t.Run("StateExpired", func(t *testing.T) {
		req := a.callback(t, "sanna")
		a.rp.now = func() time.Time { return time.Now().Add(11 * time.Minute) }
		defer func() { a.rp.now = time.Now }()
		_, err := a.finish(req)
		wantErr(t, err, ReasonStateUnknown)
	})
	t.Run("ProviderError", func(t *testing.T) {
		req := a.callback(t, "sanna")
		q := req.URL.Query()
		q.Del("code")
		q.Set("error", "access_denied")
		req.URL.RawQuery = q.Encode()
		_, err := a.finish(req)
		wantErr(t, err, ReasonProviderError)
	})
	t.Run("CodeTamperedPKCE", func(t *testing.T) {
		// Another sign-in's code, with this browser's state: the PKCE
		// verifier kept for this browser does not fit that code.
		mine, theirs := a.callback(t, "sanna"), a.callback(t, "lars")
		q := mine.URL.Query()
		q.Set("code", theirs.URL.Query().Get("code"))
		mine.URL.RawQuery = q.Encode()
		_, err := a.finish(mine)
		wantErr(t, err, ReasonExchange)
	})
}

// TestRefusalsOfTokens refuses every ID token that fails verification.
func TestRefusalsOfTokens(t *testing.T) {
	a := newApp(t, oidctest.Options{}, Config{})
	users(a.p)
	for _, tc := range []struct {
		name   string
		m      oidctest.Misbehaviour
		reason string
	}{
		{"NonceWrong", oidctest.WrongNonce, ReasonNonceMismatch},
		{"OtherAudience", oidctest.OtherAudience, ReasonTokenInvalid},
		{"Expired", oidctest.Expired, ReasonTokenInvalid},
		{"UnknownKey", oidctest.UnknownKey, ReasonTokenInvalid},
		{"AlgNone", oidctest.AlgNone, ReasonTokenInvalid},
		{"IssuerMismatch", oidctest.OtherIssuer, ReasonTokenInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a.p.Misbehave(tc.m)
			defer a.p.Misbehave(oidctest.Honest)
			o := a.signIn(t, "sanna", "")
			wantReason(t, o, tc.reason)
			if o.Status != http.StatusUnauthorized || o.Result.SignIn.Identity.Subject != "" {
				t.Errorf("outcome = %+v", o)
			}
		})
	}
}

func wantErr(t *testing.T, err error, reason string) {
	t.Helper()
	if Reason(err) != reason {
		t.Fatalf("err = %v, want reason %s", err, reason)
	}
	if strings.Contains(err.Error(), "code=") {
		t.Errorf("the error quotes the callback: %v", err)
	}
}

// TestDiscoveryIssuerMismatch refuses a provider whose discovery document
// names another issuer than the one configured.
func TestDiscoveryIssuerMismatch(t *testing.T) {
	p := oidctest.Start(t, oidctest.Options{})
	rp, err := New(Config{Issuer: p.LocalhostIssuer(), ClientID: p.ClientID, ClientSecret: p.ClientSecret,
		RedirectURL: "http://127.0.0.1:9" + CallbackPath}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = rp.Begin(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, StartPath, nil), "")
	if Reason(err) != ReasonUnavailable || !strings.Contains(err.Error(), "issuer") {
		t.Fatalf("err = %v, want unavailable naming the issuer", err)
	}
}

// TestProviderDown answers at once, with a clear reason, while the
// provider is down, and signs in again once it is back.
func TestProviderDown(t *testing.T) {
	a := newApp(t, oidctest.Options{}, Config{Recheck: time.Nanosecond})
	users(a.p)
	clock := time.Now()
	a.rp.now = func() time.Time { return clock }
	a.p.Stop()

	t.Run("AtStart", func(t *testing.T) {
		a.rp.Start(t.Context())
		start := time.Now()
		resp, err := a.client.Get(a.srv.URL + StartPath)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("start page with the provider down: %s", resp.Status)
		}
		_, err = a.rp.Begin(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, StartPath, nil), "")
		if Reason(err) != ReasonUnavailable || time.Since(start) > 2*time.Second {
			t.Fatalf("Begin = %v after %v; want unavailable at once", err, time.Since(start))
		}
	})
	t.Run("BackAgain", func(t *testing.T) {
		a.p.Resume(t)
		clock = clock.Add(retryPause + time.Second)
		if o := a.signIn(t, "sanna", ""); o.Reason != "" {
			t.Fatalf("after the provider came back: %+v", o)
		}
	})
	t.Run("DuringCallback", func(t *testing.T) {
		req := a.callback(t, "sanna")
		a.p.Stop()
		defer a.p.Resume(t)
		clock = clock.Add(time.Second)
		_, err := a.finish(req)
		wantErr(t, err, ReasonUnavailable)
	})
	t.Run("AfterDiscovery", func(t *testing.T) {
		clock = clock.Add(retryPause + time.Second)
		if _, err := a.rp.Begin(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, StartPath, nil), ""); err != nil {
			t.Fatal(err)
		}
		a.p.Stop()
		defer a.p.Resume(t)
		clock = clock.Add(time.Second)
		_, err := a.rp.Begin(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, StartPath, nil), "")
		wantErr(t, err, ReasonUnavailable)
	})
}

// TestBeginKeepsSecretsOnTheServer sends the provider a PKCE challenge,
// a state and a nonce, and the browser only a handle: none of them, nor
// the verifier, is in the cookie.
func TestBeginKeepsSecretsOnTheServer(t *testing.T) {
	a := newApp(t, oidctest.Options{}, Config{})
	rec := httptest.NewRecorder()
	authURL, err := a.rp.Begin(rec, httptest.NewRequest(http.MethodGet, StartPath, nil), "/kontor")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(authURL)
	q := u.Query()
	if q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("state") == "" || q.Get("nonce") == "" ||
		q.Get("response_type") != "code" || q.Get("redirect_uri") != a.srv.URL+CallbackPath {
		t.Errorf("authorization request = %v", q)
	}
	cookies := rec.Result().Cookies()
	if len(cookies) != 1 {
		t.Fatalf("cookies = %v", cookies)
	}
	c := cookies[0]
	if c.Name != CookieName || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != StartPath || c.MaxAge != 600 || c.Secure {
		t.Errorf("flow cookie = %+v", c)
	}
	for _, v := range []string{q.Get("state"), q.Get("nonce"), q.Get("code_challenge")} {
		if strings.Contains(c.Value, v) {
			t.Errorf("the cookie holds %q", v)
		}
	}
}

// TestLogoutURL ends the session at the provider too, where discovery
// offers an end_session_endpoint.
func TestLogoutURL(t *testing.T) {
	a := newApp(t, oidctest.Options{}, Config{})
	users(a.p)
	if u := a.rp.LogoutURL(); u != "" {
		t.Errorf("LogoutURL before discovery = %q", u)
	}
	a.signIn(t, "sanna", "")
	logout := a.rp.LogoutURL()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(logout)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != a.srv.URL+"/" {
		t.Errorf("the provider answered %s to %s", resp.Status, loc)
	}
	if got := a.p.Logouts(); len(got) != 1 || got[0].ClientID != a.p.ClientID {
		t.Errorf("logouts = %+v", got)
	}

	none := newApp(t, oidctest.Options{NoEndSession: true}, Config{})
	users(none.p)
	none.signIn(t, "sanna", "")
	if u := none.rp.LogoutURL(); u != "" {
		t.Errorf("LogoutURL without end_session_endpoint = %q", u)
	}
}
