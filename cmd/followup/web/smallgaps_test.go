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

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web/site"
	"followup/cmd/followup/web/webtest"
)

// TestHeadAnswersLikeGet asks with HEAD for pages, the API, an asset and a
// department's link: each answers as GET does, with its headers and no
// body, and changes nothing (a form kept after an expired session is still
// offered to the GET that follows).
func TestHeadAnswersLikeGet(t *testing.T) {
	f := webtest.New(t)
	token := f.Demo.Links[0].Token
	for _, p := range []struct {
		client *http.Client
		path   string
	}{
		{f.Anon, "/r/" + token}, {f.Anon, "/api/v1/r/" + token}, {f.Anon, "/"}, {f.Anon, "/static/style.css"},
		{f.Admin, "/kontor/omgangar"}, {f.Admin, "/api/v1/rounds"}, {f.Anon, "/finns-inte"},
	} {
		get, _ := f.ServeDirect(t, p.client, httptest.NewRequest(http.MethodGet, p.path, nil))
		head, lines := f.ServeDirect(t, p.client, httptest.NewRequest(http.MethodHead, p.path, nil))
		if head.StatusCode != get.StatusCode || head.Header.Get("Content-Type") != get.Header.Get("Content-Type") {
			t.Errorf("HEAD %s: %d %q, GET: %d %q", p.path, head.StatusCode, head.Header.Get("Content-Type"), get.StatusCode, get.Header.Get("Content-Type"))
		}
		if head.Body != "" {
			t.Errorf("HEAD %s has a body of %d bytes", p.path, len(head.Body))
		}
		if a := webtest.AccessLines(lines); len(a) != 1 || a[0].Method != http.MethodHead {
			t.Errorf("HEAD %s: access-log lines %+v, want one for HEAD", p.path, a)
		}
	}
	t.Run("KeptFormNotTaken", func(t *testing.T) {
		c := f.SignIn(t, demo.AdminEmail, demo.AdminPassword)
		u, _ := url.Parse(f.URL)
		for _, ck := range c.Jar.Cookies(u) {
			if ck.Name == site.SessionCookie {
				f.DB.EndSession(context.Background(), ck.Value)
			}
		}
		act := f.Plan.Activities()[0]
		path := "/kontor/omgangar/" + strconv.FormatInt(f.Demo.AnnualID, 10) + "/aktiviteter/" + strconv.FormatInt(act.ID, 10)
		text := "Text skriven innan sessionen gick ut"
		f.PostForm(t, c, path, url.Values{"narrative": {text}, "v": {"0"}})
		f.PostForm(t, c, "/logga-in", url.Values{"email": {demo.AdminEmail}, "password": {demo.AdminPassword}, "next": {path}})
		if res, _ := f.ServeDirect(t, c, httptest.NewRequest(http.MethodHead, path, nil)); res.StatusCode != http.StatusOK {
			t.Fatalf("HEAD: %d", res.StatusCode)
		}
		if _, body := f.Get(t, c, path).StatusBody(); !strings.Contains(body, text) {
			t.Error("a HEAD took the kept form: the GET after it no longer offers it")
		}
	})
}

// TestIDsOnlyCanonical asks for things by ids written otherwise than as
// the plain decimal number (+2, 02, 2.0, spaces): each is 404, like an id
// that does not exist, in the pages, the API and the plan's colours.
func TestIDsOnlyCanonical(t *testing.T) {
	f := webtest.New(t)
	round, plan := strconv.FormatInt(f.Demo.AnnualID, 10), strconv.FormatInt(f.Plan.ID, 10)
	for _, path := range []string{"/kontor/omgangar/" + round, "/api/v1/rounds/" + round, "/kontor/planer/" + plan, "/farger/" + plan + ".css"} {
		if code := f.Get(t, f.Admin, path).StatusCode; code != http.StatusOK {
			t.Fatalf("GET %s: %d, want 200", path, code)
		}
	}
	for _, path := range []string{
		"/kontor/omgangar/+" + round, "/kontor/omgangar/0" + round, "/kontor/omgangar/%2B" + round, "/kontor/omgangar/" + round + "%20",
		"/api/v1/rounds/+" + round, "/api/v1/rounds/00" + round, "/kontor/planer/+" + plan, "/kontor/planer/0" + plan,
		"/farger/+" + plan + ".css", "/farger/0" + plan + ".css",
	} {
		if code := f.Get(t, f.Admin, path).StatusCode; code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, code)
		}
	}
	for _, q := range []string{"+1", "01", "1.0", " 1"} {
		if id, ok := site.ParseID(q); ok {
			t.Errorf("ParseID(%q) = %d, want refused", q, id)
		}
	}
	if id, ok := site.ParseID("12"); !ok || id != 12 {
		t.Errorf("ParseID(12) = %d, %v", id, ok)
	}
}

// TestBusyDatabaseLogged holds the database's write lock past the busy
// timeout: the 503 of a page and of the API each get a log line with their
// request id, beside the access-log line.
func TestBusyDatabaseLogged(t *testing.T) {
	f := webtest.New(t, webtest.BusyTimeout(200*time.Millisecond))
	link, act := f.EditableLink(t)
	other, err := sql.Open("sqlite3", "file:"+f.Path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	id := strconv.FormatInt(act.ID, 10)
	page := httptest.NewRequest(http.MethodPost, "/r/"+link.Token, strings.NewReader(url.Values{"action": {"save"}, "comment-" + id: {"låst"}, "v-" + id: {"0"}}.Encode()))
	page.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	api := httptest.NewRequest(http.MethodPost, "/api/v1/r/"+link.Token+"/draft", strings.NewReader(`{"answers":[{"activity_id":`+id+`,"comment":"låst","base_version":0}]}`))
	api.Header.Set("Content-Type", "application/json")
	for _, req := range []*http.Request{page, api} {
		res, lines := f.ServeDirect(t, f.Anon, req)
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("%s: status %d, want 503", req.URL.Path, res.StatusCode)
		}
		access := webtest.AccessLines(lines)
		if len(access) != 1 {
			t.Fatalf("access lines %q", lines)
		}
		logged := false
		for _, line := range lines {
			logged = logged || strings.Contains(line, "msg=busy") && strings.Contains(line, "request_id="+access[0].RequestID)
		}
		if !logged {
			t.Errorf("%s: the busy database is not logged with the request id:\n%s", req.URL.Path, strings.Join(lines, "\n"))
		}
	}
}
