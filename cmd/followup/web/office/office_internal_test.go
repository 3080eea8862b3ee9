package office

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web/site"
	"followup/storage"
)

// These tests look inside the office's handlers, which the black-box tests
// of office_test cannot: the export slots and what the sign-in limits keep.
// They build the handlers on the demo municipality without the rest of the
// server.

// newHandlers returns the office's handlers over a fresh demo database,
// and the demo's rounds.
func newHandlers(t *testing.T) (*Handlers, demo.Info) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "office.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	secret := []byte("office-internal-secret-0123456789abcdef")
	info, err := demo.Seed(ctx, db, secret)
	if err != nil {
		t.Fatal(err)
	}
	st, err := site.New(site.Config{DB: db, Secret: secret, BaseURL: &url.URL{Scheme: "http", Host: "uppfoljning.test"},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return h, info
}

// TestExportsLimited takes every export slot, as two large downloads under
// way would: a third export gets the plain "busy, try again" answer instead
// of more memory, and works once a slot is free, giving its slot back.
func TestExportsLimited(t *testing.T) {
	h, info := newHandlers(t)
	r := h.site.Engine()
	r.GET("/omgangar/:round/export.xlsx", h.site.Handle(h.ExportWorkbook))
	ts := httptest.NewServer(r)
	defer ts.Close()
	path := ts.URL + "/omgangar/" + strconv.FormatInt(info.AnnualID, 10) + "/export.xlsx"
	get := func() (int, string) {
		res, err := http.Get(path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for range maxExports {
		h.exports <- struct{}{}
	}
	if code, body := get(); code != http.StatusServiceUnavailable || !strings.Contains(body, "försök igen") {
		t.Fatalf("with every slot taken: status %d, want 503 with the try-again message", code)
	}
	<-h.exports
	if code, _ := get(); code != http.StatusOK {
		t.Fatalf("with a slot free: status %d", code)
	}
	// The handler gives its slot back just after the body is sent.
	for deadline := time.Now().Add(5 * time.Second); len(h.exports) != maxExports-1; {
		if time.Now().After(deadline) {
			t.Fatalf("%d slots taken after the export, want %d: the slot was not given back", len(h.exports), maxExports-1)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestSigninKeysStaySmall refuses an over-long e-mail without keeping it:
// a client must not make the limiter hold large keys.
func TestSigninKeysStaySmall(t *testing.T) {
	h, _ := newHandlers(t)
	r := h.site.Engine()
	r.POST("/logga-in", h.site.Handle(h.Signin))
	req := httptest.NewRequest(http.MethodPost, "/logga-in", strings.NewReader(url.Values{"email": {strings.Repeat("a", 100_000) + "@exempelby.se"}, "password": {"fel"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = "192.0.2.8:1"
	rec := httptest.NewRecorder()
	gin.SetMode(gin.TestMode)
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
