package site_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
)

// TestPanicAnswersPlainPageAndServerGoesOn makes a handler panic: the person
// gets the plain error page with a request id and the security headers, the
// log gets the stack and the access-log line, and the next request is
// served.
func TestPanicAnswersPlainPageAndServerGoesOn(t *testing.T) {
	s, log := newSite(t)
	eng := s.Engine()
	eng.GET("/test-panic", func(c *gin.Context) { panic("a bug") })
	eng.GET("/healthz", site.Healthz)
	ts := httptest.NewServer(s.Handler(eng))
	defer ts.Close()
	res, err := http.Get(ts.URL + "/test-panic")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", res.StatusCode)
	}
	if !strings.Contains(string(body), "Ett oväntat fel inträffade") || !strings.Contains(string(body), "referensen") {
		t.Error("the 500 page lacks the plain message or the request id")
	}
	if strings.Contains(string(body), "goroutine") || strings.Contains(string(body), "a bug") {
		t.Error("the 500 page shows internals")
	}
	if res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Frame-Options") != "DENY" {
		t.Error("the 500 page lacks the security headers")
	}
	if log := log.String(); !strings.Contains(log, "panic") || !strings.Contains(log, "goroutine") || strings.Contains(log, "request failed") {
		t.Error("the log lacks the panic and its stack, or logs it twice")
	}
	if !strings.Contains(log.String(), "route=/test-panic status=500") {
		t.Errorf("no access-log line for the panic: %s", log.String())
	}
	res, err = http.Get(ts.URL + "/healthz")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the server stopped serving after a panic: %v", err)
	}
	res.Body.Close()
}
