package web_test

import (
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"followup/cmd/followup/web/webtest"
)

// responseCase is one kind of response the server writes.
type responseCase struct {
	name   string
	client *http.Client
	req    func() *http.Request
	status int
	// kind is what the body must be: "html" (a page), "json" (the API),
	// or "" for anything.
	kind string
	// check looks further at the response.
	check func(t *testing.T, r *webtest.Result)
}

// TestEveryResponseHasHeadersAndLogLine sends the server a request for
// every kind of response it writes, from pages and the API to redirects
// made by the router and refusals made before the route table, and checks
// that each carries the security headers and has one access-log line with
// its status and a request id.
func TestEveryResponseHasHeadersAndLogLine(t *testing.T) {
	f := webtest.New(t, webtest.BusyTimeout(200*time.Millisecond))
	token := f.Demo.Links[0].Token
	form := func(method, path, body string) func() *http.Request {
		return func() *http.Request {
			r := httptest.NewRequest(method, path, strings.NewReader(body))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}
	}
	get := func(path string, mods ...func(*http.Request)) func() *http.Request {
		return func() *http.Request {
			r := httptest.NewRequest(http.MethodGet, path, nil)
			for _, m := range mods {
				m(r)
			}
			return r
		}
	}
	crossSite := func(path, contentType string) func() *http.Request {
		return func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, path, strings.NewReader("x=1"))
			r.Header.Set("Content-Type", contentType)
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}
	}
	cases := []responseCase{
		{name: "Page200", client: f.Anon, req: get("/"), status: 200, kind: "html"},
		{name: "OfficePage200", client: f.Admin, req: get("/kontor"), status: 200, kind: "html"},
		{name: "Static200", client: f.Anon, req: get("/static/style.css"), status: 200},
		{name: "API200", client: f.Admin, req: get("/api/v1/departments"), status: 200, kind: "json"},
		{name: "RouterRedirect301", client: f.Anon, req: get("/r/" + token + "/"), status: 301},
		{name: "SeeOther303", client: f.Anon, req: form(http.MethodPost, "/sprak", "lang=en&next=/"), status: 303},
		{name: "SignInRedirect303", client: f.Anon, req: get("/kontor"), status: 303},
		{name: "CrossOriginHTML403", client: f.Admin, req: crossSite("/logga-ut", "application/x-www-form-urlencoded"), status: 403, kind: "html",
			check: wantBody("Du har inte behörighet", "referensen")},
		{name: "CrossOriginEnglish403", client: f.Admin, req: func() *http.Request {
			r := crossSite("/logga-ut", "application/x-www-form-urlencoded")()
			webtest.LangCookie("en")(r)
			return r
		}, status: 403, kind: "html", check: wantBody("You are not allowed", "reference")},
		{name: "CrossOriginAPI403", client: f.Admin, req: crossSite("/api/v1/rounds", "application/json"), status: 403, kind: "json",
			check: wantBody(`"code":"forbidden"`)},
		{name: "API401", client: f.Anon, req: get("/api/v1/departments"), status: 401, kind: "json"},
		{name: "NotFound404", client: f.Anon, req: get("/finns-inte"), status: 404, kind: "html"},
		{name: "WrongMethod404", client: f.Anon, req: form(http.MethodPut, "/", ""), status: 404, kind: "html"},
		{name: "APINotFound404", client: f.Admin, req: get("/api/v1/finns-inte"), status: 404, kind: "json"},
		{name: "TooLarge413", client: f.Anon, req: form(http.MethodPost, "/r/"+token, "comment="+strings.Repeat("x", 2<<20)), status: 413, kind: "html"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkResponse(t, f, tc)
		})
	}
	t.Run("RateLimited429", func(t *testing.T) {
		guess := func() *http.Request {
			r := httptest.NewRequest(http.MethodGet, "/r/"+strings.Repeat("g", 43), nil)
			r.RemoteAddr = "198.51.100.7:4000"
			return r
		}
		for range 30 {
			f.ServeDirect(t, f.Anon, guess())
		}
		checkResponse(t, f, responseCase{client: f.Anon, req: guess, status: 429, kind: "html"})
	})
	t.Run("Busy503", func(t *testing.T) {
		link, act := f.EditableLink(t)
		other, err := sql.Open("sqlite3", "file:"+f.Path+"?_txlock=immediate")
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		lock, err := other.BeginTx(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer lock.Rollback()
		id := strconv.FormatInt(act.ID, 10)
		body := url.Values{"action": {"save"}, "comment-" + id: {"medan databasen var låst"}, "v-" + id: {"0"}}.Encode()
		checkResponse(t, f, responseCase{client: f.Anon, req: form(http.MethodPost, "/r/"+link.Token, body), status: 503, kind: "html"})
	})
}

// checkResponse sends a case's request and checks its status, body kind,
// security headers and access-log line.
func checkResponse(t *testing.T, f *webtest.Fixture, tc responseCase) {
	t.Helper()
	req := tc.req()
	res, lines := f.ServeDirect(t, tc.client, req)
	if res.StatusCode != tc.status {
		t.Fatalf("%s %s: status %d, want %d; body %s", req.Method, req.URL.Path, res.StatusCode, tc.status, webtest.Truncate(res.Body, 300))
	}
	ct := res.Header.Get("Content-Type")
	switch {
	case tc.kind == "html" && !strings.HasPrefix(ct, "text/html"):
		t.Errorf("Content-Type %q, want the app's page", ct)
	case tc.kind == "json" && !strings.HasPrefix(ct, "application/json"):
		t.Errorf("Content-Type %q, want the API's JSON", ct)
	}
	wantSecurityHeaders(t, res.Header)
	access := webtest.AccessLines(lines)
	if len(access) != 1 {
		t.Fatalf("%d access-log lines, want 1: %q", len(access), lines)
	}
	if a := access[0]; a.Status != strconv.Itoa(tc.status) || len(a.RequestID) != 16 || a.Method != req.Method {
		t.Errorf("access-log line %+v, want status %d, method %s and a request id", a, tc.status, req.Method)
	}
	if tc.check != nil {
		tc.check(t, res)
	}
}

// wantSecurityHeaders checks the headers docs/security.md promises on
// every response.
func wantSecurityHeaders(t *testing.T, h http.Header) {
	t.Helper()
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
		if got := h.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
}

// wantBody checks that a body holds each text.
func wantBody(texts ...string) func(t *testing.T, r *webtest.Result) {
	return func(t *testing.T, r *webtest.Result) {
		t.Helper()
		for _, s := range texts {
			if !strings.Contains(r.Body, s) {
				t.Errorf("the body lacks %q: %s", s, webtest.Truncate(r.Body, 400))
			}
		}
	}
}
