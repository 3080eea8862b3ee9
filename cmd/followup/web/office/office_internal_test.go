package office

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"followup/cmd/followup/web/site"
)

// These tests look inside the office's handlers, which the black-box tests
// of office_test cannot: the export slots and what the sign-in limits keep.
// Neither needs a database: a refused request is answered before one is
// asked.

// newHandlers returns the office's handlers on a core without a database.
func newHandlers(t *testing.T) *Handlers {
	t.Helper()
	st, err := site.New(site.Config{BaseURL: &url.URL{Scheme: "http", Host: "uppfoljning.test"},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestExportsLimited takes every export slot, as two large downloads under
// way would: another export gets the plain "busy, try again" answer instead
// of more memory; with a slot free, an export takes it and gives it back
// when it ends, here at once, refused for a round that does not exist.
func TestExportsLimited(t *testing.T) {
	h := newHandlers(t)
	r := h.site.Engine()
	r.GET("/omgangar/:round/export.xlsx", h.site.Handle(h.ExportWorkbook))
	get := func(round string) (int, string) {
		rec := httptest.NewRecorder()
		r.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/omgangar/"+round+"/export.xlsx", nil))
		return rec.Code, rec.Body.String()
	}
	for range maxExports {
		h.exports <- struct{}{}
	}
	if code, body := get("1"); code != http.StatusServiceUnavailable || !strings.Contains(body, "försök igen") {
		t.Fatalf("with every slot taken: status %d, want 503 with the try-again message", code)
	}
	<-h.exports
	if code, _ := get("finns-inte"); code != http.StatusNotFound {
		t.Fatalf("with a slot free: status %d, want the export to run (404 for an unknown round)", code)
	}
	if n := len(h.exports); n != maxExports-1 {
		t.Fatalf("%d slots taken after the export, want %d: the slot was not given back", n, maxExports-1)
	}
}

// TestSigninKeysStaySmall refuses an over-long e-mail without keeping it:
// a client must not make the limiter hold large keys.
func TestSigninKeysStaySmall(t *testing.T) {
	h := newHandlers(t)
	r := h.site.Engine()
	r.POST("/logga-in", h.site.Handle(h.Signin))
	req := httptest.NewRequest(http.MethodPost, "/logga-in", strings.NewReader(url.Values{"email": {strings.Repeat("a", 100_000) + "@exempelby.se"}, "password": {"fel"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = "192.0.2.8:1"
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("an over-long e-mail: %d, want 401", rec.Code)
	}
	for _, w := range []interface{ Keys() []string }{h.signinPair, h.signinWide} {
		for _, k := range w.Keys() {
			if len(k) > 1000 {
				t.Errorf("the limiter keeps a key of %d bytes", len(k))
			}
		}
	}
}
