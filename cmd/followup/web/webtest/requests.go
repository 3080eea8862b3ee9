package webtest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/questionnaire"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// Result is one HTTP response, read in full.
type Result struct {
	StatusCode int
	Header     http.Header
	Body       string
	Request    *http.Request
	doc        *html.Node
}

// StatusBody returns the status and the body, for tests that need no more.
func (r *Result) StatusBody() (int, string) { return r.StatusCode, r.Body }

// Doc parses the body as HTML, once.
func (r *Result) Doc(t testing.TB) *html.Node {
	t.Helper()
	if r.doc == nil {
		r.doc = Parse(t, r.Body)
	}
	return r.doc
}

// JSON decodes the body into v.
func (r *Result) JSON(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.Body), v); err != nil {
		t.Fatalf("decode JSON %q: %v", Truncate(r.Body, 300), err)
	}
}

// Truncate shortens s to n bytes for a failure message.
func Truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// NewRequest makes a request to the fixture's server.
func (f *Fixture) NewRequest(t testing.TB, method, path string, body io.Reader) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, f.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// Do sends a request with the client and reads the response.
func (f *Fixture) Do(t testing.TB, c *http.Client, req *http.Request) *Result {
	t.Helper()
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return &Result{StatusCode: res.StatusCode, Header: res.Header, Body: string(b), Request: req}
}

// Get fetches a path; mods may set headers or cookies.
func (f *Fixture) Get(t testing.TB, c *http.Client, path string, mods ...func(*http.Request)) *Result {
	t.Helper()
	return f.send(t, c, http.MethodGet, path, nil, "", mods)
}

// PostForm posts a url-encoded form.
func (f *Fixture) PostForm(t testing.TB, c *http.Client, path string, form url.Values, mods ...func(*http.Request)) *Result {
	t.Helper()
	return f.send(t, c, http.MethodPost, path, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded", mods)
}

// PostJSON posts a body as JSON: a string or []byte as is, anything else
// marshalled.
func (f *Fixture) PostJSON(t testing.TB, c *http.Client, path string, body any, mods ...func(*http.Request)) *Result {
	t.Helper()
	return f.API(t, c, http.MethodPost, path, body, mods...)
}

// API sends a request to the JSON API: body is a string or []byte sent as
// is, nil for none, or anything else marshalled.
func (f *Fixture) API(t testing.TB, c *http.Client, method, path string, body any, mods ...func(*http.Request)) *Result {
	t.Helper()
	var r io.Reader
	switch v := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(v)
	case []byte:
		r = bytes.NewReader(v)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	contentType := ""
	if body != nil {
		contentType = "application/json"
	}
	return f.send(t, c, method, path, r, contentType, mods)
}

// Upload posts a file as multipart/form-data in the field "file".
func (f *Fixture) Upload(t testing.TB, c *http.Client, path, filename string, content []byte) *Result {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	return f.send(t, c, http.MethodPost, path, &body, mw.FormDataContentType(), nil)
}

func (f *Fixture) send(t testing.TB, c *http.Client, method, path string, body io.Reader, contentType string, mods []func(*http.Request)) *Result {
	t.Helper()
	req := f.NewRequest(t, method, path, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for _, m := range mods {
		m(req)
	}
	return f.Do(t, c, req)
}

// AcceptLanguage sets a request's Accept-Language.
func AcceptLanguage(v string) func(*http.Request) {
	return func(r *http.Request) { r.Header.Set("Accept-Language", v) }
}

// LangCookie sends the cookie of a chosen language.
func LangCookie(v string) func(*http.Request) {
	return func(r *http.Request) { r.AddCookie(&http.Cookie{Name: i18n.Cookie, Value: v}) }
}

// Bearer sends an API token.
func Bearer(token string) func(*http.Request) {
	return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) }
}

// WantStatus fails the test unless the response has the status code.
func WantStatus(t testing.TB, r *Result, want int) {
	t.Helper()
	if r.StatusCode != want {
		t.Fatalf("%s %s: status = %d, want %d; body:\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, want, Truncate(r.Body, 2000))
	}
}

// WantRedirect checks a 303 to the given location.
func WantRedirect(t testing.TB, r *Result, location string) {
	t.Helper()
	WantStatus(t, r, http.StatusSeeOther)
	if got := r.Header.Get("Location"); got != location {
		t.Fatalf("Location = %q, want %q", got, location)
	}
}

// ErrorBody is an error of the API as a client reads it; Questionnaire is
// the questionnaire that comes with a conflict of a department's save.
type ErrorBody struct {
	Error         site.ErrorBody      `json:"error"`
	Questionnaire *questionnaire.Body `json:"questionnaire"`
}

// WantJSON fails the test unless the response has the status and is JSON,
// and decodes its body into v when v is not nil.
func WantJSON(t testing.TB, r *Result, status int, v any) {
	t.Helper()
	WantStatus(t, r, status)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type = %q, want JSON; body: %s", ct, Truncate(r.Body, 300))
	}
	if v != nil {
		r.JSON(t, v)
	}
}

// WantAPIError checks an API error's status and code, and that it has a
// message, and returns it.
func WantAPIError(t testing.TB, r *Result, status int, code string) ErrorBody {
	t.Helper()
	var b ErrorBody
	WantJSON(t, r, status, &b)
	if b.Error.Code != code || b.Error.Message == "" {
		t.Fatalf("error = %+v, want code %q with a message", b.Error, code)
	}
	return b
}

// WantField checks a 422 naming the field.
func WantField(t testing.TB, r *Result, field string) ErrorBody {
	t.Helper()
	b := WantAPIError(t, r, http.StatusUnprocessableEntity, forms.EINVALID)
	if b.Error.Fields[field] == "" {
		t.Fatalf("fields = %v, want one for %q", b.Error.Fields, field)
	}
	return b
}
