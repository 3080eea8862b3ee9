package web_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web/site"
	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

// TestBusyDatabaseAnswersTryAgain holds SQLite's write lock from another
// connection, as another process would, longer than the busy timeout: a save
// waits, then gets a plain "try again" page with what was typed, never a
// raw "database is locked"; once the lock is gone the same save works.
func TestBusyDatabaseAnswersTryAgain(t *testing.T) {
	ctx := context.Background()
	f := webtest.New(t, webtest.BusyTimeout(300*time.Millisecond))
	db := f.DB
	client := f.Anon
	link, act := f.EditableLink(t)
	plan := f.Plan
	cur, _ := db.Response(ctx, f.Demo.AnnualID, link.Department.ID)
	form := url.Values{"action": {"save"}, "status-" + strconv.FormatInt(act.ID, 10): {strconv.FormatInt(plan.Statuses[2].ID, 10)},
		"comment-" + strconv.FormatInt(act.ID, 10): {"Skrivet medan databasen var låst"}, "v-" + strconv.FormatInt(act.ID, 10): {strconv.Itoa(cur.Answers[act.ID].Version)}}

	other, err := sql.Open("sqlite3", "file:"+f.Path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	res, err := client.PostForm(f.URL+"/r/"+link.Token, form)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("status %d while the database was locked, want 503", res.StatusCode)
	}
	for _, want := range []string{"Vänta en stund och försök igen", "Skrivet medan databasen var låst"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("the busy page lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(string(body)), "locked") {
		t.Error("the page shows the raw database error")
	}
	lock.Rollback()
	res, err = client.PostForm(f.URL+"/r/"+link.Token, form)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d after the lock was released, want 303", res.StatusCode)
	}
}

// TestLogsHoldNoSecrets goes through sign-in, a failed sign-in and a
// submission with hostile text, and checks the log for every secret and for
// forged lines.
func TestLogsHoldNoSecrets(t *testing.T) {
	f := webtest.New(t)
	f.PostForm(t, f.NewClient(), "/logga-in", url.Values{"email": {demo.AdminEmail}, "password": {"fel-lösenord-XYZ"}})
	link, act := f.EditableLink(t)
	plan := f.Plan
	forged := "Eva\nlevel=ERROR msg=\"forged line\""
	f.PostForm(t, f.Anon, "/r/"+link.Token, url.Values{"action": {"save"}, "status-" + strconv.FormatInt(act.ID, 10): {strconv.FormatInt(plan.Statuses[2].ID, 10)},
		"comment-" + strconv.FormatInt(act.ID, 10): {"HEMLIG-KOMMENTAR-123"}, "filled_in_by": {forged}, "v-" + strconv.FormatInt(act.ID, 10): {"99"}})
	f.Get(t, f.Anon, "/r/"+strings.Repeat("x", 43))
	u, _ := url.Parse(f.URL)
	var session string
	for _, ck := range f.Admin.Jar.Cookies(u) {
		if ck.Name == site.SessionCookie {
			session = ck.Value
		}
	}
	if session == "" {
		t.Fatal("no session cookie to look for")
	}
	log := f.Log.String()
	for _, secret := range []string{link.Token, demo.AdminPassword, "fel-lösenord-XYZ", "HEMLIG-KOMMENTAR-123", session, "forged line"} {
		if strings.Contains(log, secret) {
			t.Errorf("the log contains %q", secret)
		}
	}
	for _, line := range strings.Split(log, "\n") {
		if strings.HasPrefix(line, "level=ERROR msg=") && strings.Contains(line, "forged") {
			t.Errorf("a forged log line: %q", line)
		}
	}
}

// TestRespondentCannotSetOfficeFields posts fields only the office may set
// through a department's link: they are ignored or refused, and audited.
func TestRespondentCannotSetOfficeFields(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	link, act := f.EditableLink(t)
	plan := f.Plan
	cur, _ := f.DB.Response(ctx, f.Demo.AnnualID, link.Department.ID)
	id := strconv.FormatInt(act.ID, 10)
	res := f.PostForm(t, f.Anon, "/r/"+link.Token, url.Values{"action": {"save"}, "status-" + id: {strconv.FormatInt(plan.Statuses[2].ID, 10)},
		"comment-" + id: {"vanlig kommentar"}, "v-" + id: {strconv.Itoa(cur.Answers[act.ID].Version)},
		"state": {"submitted"}, "department_id": {"1"}, "narrative": {"office text"}, "round_id": {"99"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want the save to go through (303)", res.StatusCode)
	}
	after, _ := f.DB.Response(ctx, f.Demo.AnnualID, link.Department.ID)
	if after.State == forms.ResponseSubmitted || after.Answers[act.ID].Comment != "vanlig kommentar" {
		t.Fatalf("state %s, comment %q: want a draft with the ordinary comment", after.State, after.Answers[act.ID].Comment)
	}
	rep, _ := f.DB.RoundReport(ctx, f.Demo.AnnualID)
	if c, ok := rep.Consolidations[act.ID]; ok && c.Narrative == "office text" {
		t.Fatal("a respondent's post wrote a consolidation")
	}
	req, _ := http.NewRequest(http.MethodPost, f.URL+"/api/v1/r/"+link.Token+"/draft", strings.NewReader(`{"state":"submitted","answers":[]}`))
	req.Header.Set("Content-Type", "application/json")
	res2, err := f.Anon.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Error struct{ Code string } `json:"error"`
	}
	json.NewDecoder(res2.Body).Decode(&body)
	res2.Body.Close()
	if res2.StatusCode != http.StatusUnprocessableEntity || body.Error.Code != forms.EINVALID {
		t.Fatalf("API: status %d code %q, want 422 invalid", res2.StatusCode, body.Error.Code)
	}
	entries, _ := f.DB.AuditLog(ctx, 50)
	var seen []string
	for _, en := range entries {
		if en.Action == "questionnaire.unexpected_fields" {
			seen = append(seen, en.Detail)
		}
	}
	if len(seen) != 2 || !strings.Contains(strings.Join(seen, "|"), "state") || !strings.Contains(strings.Join(seen, "|"), "narrative") {
		t.Fatalf("audit entries %q, want one for the form and one for the API naming the fields", seen)
	}
}

// TestExpiredSessionKeepsConsolidationText lets an office session expire
// while a coordinator writes a narrative: the post is kept, the person signs
// in again and finds the text in the form, once.
func TestExpiredSessionKeepsConsolidationText(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	c := f.SignIn(t, demo.AdminEmail, demo.AdminPassword)
	u, _ := url.Parse(f.URL)
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == site.SessionCookie {
			f.DB.EndSession(ctx, ck.Value) // the session expires on the server
		}
	}
	round, _ := f.DB.Round(ctx, f.Demo.AnnualID)
	plan, _ := f.DB.Plan(ctx, round.PlanID)
	act := plan.Activities()[0]
	path := "/kontor/omgangar/" + strconv.FormatInt(f.Demo.AnnualID, 10) + "/aktiviteter/" + strconv.FormatInt(act.ID, 10)
	text := "En lång berättelse om läget som tog en halvtimme att skriva."
	res := f.PostForm(t, c, path, url.Values{"narrative": {text}, "status": {strconv.FormatInt(plan.Statuses[3].ID, 10)}, "include_comments": {"1"}, "v": {"0"}})
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/logga-in?utkast=1") {
		t.Fatalf("got %d to %q, want a redirect to sign in that keeps the text", res.StatusCode, res.Header.Get("Location"))
	}
	if _, body := f.Get(t, c, res.Header.Get("Location")).StatusBody(); !strings.Contains(body, "Det du skrev är kvar") {
		t.Error("the sign-in page does not say the text is kept")
	}
	res = f.PostForm(t, c, "/logga-in", url.Values{"email": {demo.AdminEmail}, "password": {demo.AdminPassword}, "next": {path}})
	if res.Header.Get("Location") != path {
		t.Fatalf("after signing in, redirected to %q, want %q", res.Header.Get("Location"), path)
	}
	_, body := f.Get(t, c, path).StatusBody()
	if !strings.Contains(body, text) || !strings.Contains(body, "inte sparad än") {
		t.Fatal("the consolidation page does not offer the kept text")
	}
	if _, again := f.Get(t, c, path).StatusBody(); strings.Contains(again, text) {
		t.Error("the kept text is offered a second time")
	}
	if rep, _ := f.DB.RoundReport(ctx, f.Demo.AnnualID); rep.Consolidations[act.ID].Narrative == text {
		t.Error("the text was saved without the person confirming it")
	}
}
