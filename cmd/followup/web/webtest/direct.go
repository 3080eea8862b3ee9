package webtest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// ServeDirect hands a request straight to the server's handler, with the
// client's cookies, and returns the response and the log lines the request
// wrote. The handler has returned when ServeDirect does, so the request's
// access-log line is among them.
func (f *Fixture) ServeDirect(t testing.TB, c *http.Client, req *http.Request) (*Result, []string) {
	t.Helper()
	if c != nil && c.Jar != nil {
		u, _ := url.Parse(f.URL)
		for _, ck := range c.Jar.Cookies(u) {
			req.AddCookie(ck)
		}
	}
	before := len(f.Log.String())
	rec := httptest.NewRecorder()
	f.Server.Handler().ServeHTTP(rec, req)
	var lines []string
	for _, line := range strings.Split(f.Log.String()[before:], "\n") {
		if line != "" {
			lines = append(lines, line)
		}
	}
	res := rec.Result()
	return &Result{StatusCode: res.StatusCode, Header: res.Header, Body: rec.Body.String(), Request: req}, lines
}

// AccessLine is a request's line in the access log.
type AccessLine struct {
	RequestID, Method, Route, Status string
}

var (
	accessField = regexp.MustCompile(`\b(request_id|method|route|status)=("(?:[^"\\]|\\.)*"|\S+)`)
	accessMsg   = regexp.MustCompile(`\bmsg=request\b`)
)

// AccessLines picks the access-log lines out of log lines.
func AccessLines(lines []string) []AccessLine {
	var out []AccessLine
	for _, line := range lines {
		if !accessMsg.MatchString(line) {
			continue
		}
		var a AccessLine
		for _, m := range accessField.FindAllStringSubmatch(line, -1) {
			v := strings.Trim(m[2], `"`)
			switch m[1] {
			case "request_id":
				a.RequestID = v
			case "method":
				a.Method = v
			case "route":
				a.Route = v
			case "status":
				a.Status = v
			}
		}
		out = append(out, a)
	}
	return out
}
