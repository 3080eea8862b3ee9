package web_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web/webtest"
)

// overLimit is more than any route takes (the largest limit is 10 MiB).
const overLimit = 11 << 20

// TestEveryPostRefusesLargeBody posts a body over every limit to every
// route that takes one (POST and PUT), with its length declared and without
// it (chunked): each answers 413 with the app's page, or the API's JSON, and
// the database is the same afterwards.
func TestEveryPostRefusesLargeBody(t *testing.T) {
	f := webtest.New(t)
	params := routeParams(t, f)
	before := dumpDB(t, f)
	for _, rt := range f.Server.Routes() {
		if rt.Method != http.MethodPost && rt.Method != http.MethodPut {
			continue
		}
		path := rt.Path
		for name, v := range params {
			path = strings.ReplaceAll(path, name, v)
		}
		switch {
		case strings.HasPrefix(rt.Path, "/kontor/api-nycklar/"):
			path = strings.ReplaceAll(rt.Path, ":token", params[":tokenid"])
		case strings.HasPrefix(rt.Path, "/api/v1/rounds/:round/texts/"):
			path = strings.ReplaceAll(path, "inledning", "introduction")
		}
		api := strings.HasPrefix(path, "/api/")
		for _, declared := range []bool{true, false} {
			name := fmt.Sprintf("%s %s declared=%v", rt.Method, rt.Path, declared)
			t.Run(name, func(t *testing.T) {
				client := f.Admin
				if strings.HasPrefix(rt.Path, "/logga-") || strings.HasPrefix(rt.Path, "/r/") || strings.HasPrefix(rt.Path, "/api/v1/r/") || rt.Path == "/sprak" {
					client = f.Anon
				}
				req := largeRequest(t, rt.Method, path, api, declared)
				res, _ := f.ServeDirect(t, client, req)
				if res.StatusCode != http.StatusRequestEntityTooLarge {
					t.Fatalf("status %d, want 413; body %s", res.StatusCode, webtest.Truncate(res.Body, 200))
				}
				want := "text/html"
				if api {
					want = "application/json"
				}
				if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, want) {
					t.Errorf("Content-Type %q, want %s", ct, want)
				}
			})
		}
	}
	t.Run("MultipartUploads", func(t *testing.T) {
		for _, path := range []string{"/kontor/verksamheter/import", "/kontor/planer/import"} {
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, _ := mw.CreateFormFile("file", "stor.csv")
			fw.Write(bytes.Repeat([]byte("a;förvaltning;\n"), overLimit/15))
			mw.Close()
			req := httptest.NewRequest(http.MethodPost, path, io.MultiReader(&body))
			req.Header.Set("Content-Type", mw.FormDataContentType())
			if res, _ := f.ServeDirect(t, f.Admin, req); res.StatusCode != http.StatusRequestEntityTooLarge {
				t.Errorf("POST %s: %d, want 413", path, res.StatusCode)
			}
		}
	})
	if after := dumpDB(t, f); after != before {
		t.Error("the database changed")
	}
}

// TestLargeSignInCountsNothing posts more over-long sign-ins than the
// limits allow failures: each is 413, and the right password still gets in
// from the same address.
func TestLargeSignInCountsNothing(t *testing.T) {
	f := webtest.New(t)
	for i := range signinWideMax + 1 {
		body := url.Values{"email": {demo.AdminEmail}, "password": {"fel"}}.Encode() + "&pad=" + strings.Repeat("x", 5<<20)
		req := httptest.NewRequest(http.MethodPost, "/logga-in", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if i%2 == 1 {
			req = httptest.NewRequest(http.MethodPost, "/logga-in", io.MultiReader(strings.NewReader(body)))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		res, _ := f.ServeDirect(t, f.NewClient(), req)
		if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(res.Body, "för stort") {
			t.Fatalf("attempt %d: status %d, want 413 with the Swedish page", i, res.StatusCode)
		}
	}
	if code := signInFrom(f.Server.Handler(), "192.0.2.1:1234", demo.AdminEmail, demo.AdminPassword); code != http.StatusSeeOther {
		t.Fatalf("the right password after the large posts: %d, want 303", code)
	}
}

// largeRequest is a request whose body is over every limit: a form, or
// JSON for the API, with its length declared or not.
func largeRequest(t *testing.T, method, path string, api, declared bool) *http.Request {
	t.Helper()
	head, contentType := "email=a%40b.se&password=x&name=x&title=x&narrative=", "application/x-www-form-urlencoded"
	if api {
		head, contentType = `{"name": "`, "application/json"
	}
	body := io.MultiReader(strings.NewReader(head), io.LimitReader(repeatByte('a'), overLimit))
	req := httptest.NewRequest(method, path, body)
	if declared {
		req.ContentLength = int64(len(head) + overLimit)
	}
	req.Header.Set("Content-Type", contentType)
	return req
}

// repeatByte reads one byte again and again.
type repeatByte byte

func (b repeatByte) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// routeParams gives each route parameter a value that names something
// real, so that a request that got past the limit would reach a handler
// that changes something.
func routeParams(t *testing.T, f *webtest.Fixture) map[string]string {
	t.Helper()
	ctx := context.Background()
	link := f.Demo.Links[0]
	users, err := f.DB.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.DB.CreateAPIToken(ctx, users[0].ID, "skript", "test"); err != nil {
		t.Fatal(err)
	}
	tokens, _ := f.DB.APITokens(ctx)
	act := f.Plan.Activities()[0]
	return map[string]string{
		":token":    link.Token,
		":tokenid":  strconv.FormatInt(tokens[0].ID, 10),
		":round":    strconv.FormatInt(f.Demo.AnnualID, 10),
		":dept":     strconv.FormatInt(link.Department.ID, 10),
		":activity": strconv.FormatInt(act.ID, 10),
		":plan":     strconv.FormatInt(f.Plan.ID, 10),
		":area":     strconv.FormatInt(f.Plan.Areas[0].ID, 10),
		":user":     strconv.FormatInt(users[0].ID, 10),
		":kind":     "inledning",
	}
}

// dumpDB hashes every table but the sessions (whose last use a request
// may note), to tell whether anything changed.
func dumpDB(t *testing.T, f *webtest.Fixture) string {
	t.Helper()
	db := f.SQL(t)
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sessions') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	h := sha256.New()
	for _, table := range tables {
		r, err := db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := r.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for r.Next() {
			r.Scan(ptrs...)
			fmt.Fprintf(h, "%s %v\n", table, vals)
		}
		r.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}
