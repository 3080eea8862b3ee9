package web_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Stockholm on any machine

	"golang.org/x/net/html"

	"followup/cmd/followup/web"
	"followup/forms"
	"followup/storage"
)

// testSecret derives the fixture's link tokens.
var testSecret = []byte("test-secret-0123456789-abcdefghijklmnopq")

// clock is a settable clock shared by the database and the server.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// syncBuffer is a bytes.Buffer the server's goroutines may write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Names of the fixture's departments, areas, activities and rounds.
const (
	deptSchool  = "Barn- och utbildningsförvaltningen"
	deptOffice  = "Kommunledningsförvaltningen"
	deptCompany = "Exempelby Energi AB"

	areaGovernance = "Styrning och ledning"
	areaTechnical  = "Teknisk säkerhet"

	actRisk     = "Genomför riskanalys av verksamhetens informationstillgångar"
	actClassify = "Klassa informationen i verksamhetssystemen"
	actMFA      = "Inför tvåfaktorsinloggning för distansåtkomst"
	actLogging  = "Inför central loggning av behörighetsändringar"

	interimTitle = "Delårsrapport 2025"
	annualTitle  = "Årsredovisning 2025"

	interimDeadline = "2025-09-15"
	annualDeadline  = "2026-02-13"
)

// fixture is a running server over a real database holding three
// departments, a plan with four activities and an open interim and annual
// round, with every department's link.
type fixture struct {
	DB      *storage.DB
	Path    string
	Server  *httptest.Server
	Client  *http.Client
	Clock   *clock
	Loc     *time.Location
	Log     *syncBuffer
	Plan    *forms.Plan
	Deps    map[string]forms.Department // by name
	Acts    map[string]forms.Activity   // by title
	Interim forms.Round
	Annual  forms.Round
	// Tokens holds each round's link tokens by department id.
	Tokens map[int64]map[int64]string
}

// startTime is the fixture's clock: five days before the interim deadline.
func startTime(loc *time.Location) time.Time {
	return time.Date(2025, 9, 10, 10, 0, 0, 0, loc)
}

// newFixture builds the fixture in t.TempDir(); everything is closed when
// the test ends.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{Clock: &clock{}, Loc: loc, Log: &syncBuffer{}, Deps: map[string]forms.Department{},
		Acts: map[string]forms.Activity{}, Tokens: map[int64]map[int64]string{}}
	f.Clock.Set(startTime(loc))
	f.Path = filepath.Join(t.TempDir(), "followup.db")
	db, err := storage.Open(ctx, f.Path, storage.Options{})
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = f.Clock.Now
	f.DB = db

	for _, d := range []forms.DepartmentInput{
		{Name: deptSchool, Kind: "förvaltning", Email: "bou@exempelby.se"},
		{Name: deptOffice, Kind: "förvaltning", Email: "kommunledning@exempelby.se"},
		{Name: deptCompany, Kind: "bolag", Email: "info@energi.exempelby.se"},
	} {
		dep, err := db.CreateDepartment(ctx, d, "test")
		if err != nil {
			t.Fatalf("create department %s: %v", d.Name, err)
		}
		f.Deps[dep.Name] = dep
	}

	plan := &forms.Plan{Organisation: "Exempelby kommun", Title: "Handlingsplan för informationssäkerhet 2025", Year: 2025,
		Statuses: forms.DefaultScale(),
		Areas: []forms.Area{
			{Title: areaGovernance, Activities: []forms.Activity{
				{Title: actRisk, Description: "Riskanalysen omfattar verksamhetens viktigaste system.", AllDepartments: true},
				{Title: actClassify, AllDepartments: true},
			}},
			{Title: areaTechnical, Activities: []forms.Activity{
				{Title: actMFA, DepartmentIDs: []int64{f.Deps[deptOffice].ID}},
				{Title: actLogging, DepartmentIDs: []int64{f.Deps[deptCompany].ID}},
			}},
		}}
	if _, err := db.CreatePlan(ctx, plan, "test"); err != nil {
		t.Fatalf("create plan: %v", err)
	}
	if f.Plan, err = db.Plan(ctx, plan.ID); err != nil {
		t.Fatal(err)
	}
	for _, a := range f.Plan.Activities() {
		f.Acts[a.Title] = a
	}

	for _, r := range []struct {
		in  forms.RoundInput
		out *forms.Round
	}{
		{forms.RoundInput{PlanID: plan.ID, Kind: "interim", Title: interimTitle, ReportDate: "2025-08-31", Deadline: interimDeadline}, &f.Interim},
		{forms.RoundInput{PlanID: plan.ID, Kind: "annual", Title: annualTitle, ReportDate: "2025-12-31", Deadline: annualDeadline}, &f.Annual},
	} {
		id, err := db.CreateRound(ctx, r.in, "test")
		if err != nil {
			t.Fatalf("create round %s: %v", r.in.Title, err)
		}
		if err := db.SetRoundState(ctx, id, forms.RoundOpen, "test"); err != nil {
			t.Fatalf("open round %s: %v", r.in.Title, err)
		}
		if *r.out, err = db.Round(ctx, id); err != nil {
			t.Fatal(err)
		}
		links, err := db.Links(ctx, testSecret, id)
		if err != nil {
			t.Fatalf("links of round %d: %v", id, err)
		}
		f.Tokens[id] = map[int64]string{}
		for _, l := range links {
			f.Tokens[id][l.Department.ID] = l.Token
		}
		if len(links) != len(f.Deps) {
			t.Fatalf("round %d has %d links, want %d", id, len(links), len(f.Deps))
		}
	}

	srv, err := web.New(web.Config{
		DB:      db,
		Secret:  testSecret,
		BaseURL: &url.URL{Scheme: "https", Host: "uppfoljning.exempelby.se"},
		Loc:     loc,
		Logger:  slog.New(slog.NewTextHandler(f.Log, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:     f.Clock.Now,
	})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	f.Server = httptest.NewServer(srv.Handler())
	t.Cleanup(f.Server.Close)
	f.Client = &http.Client{
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return f
}

// dep returns a department of the fixture by name.
func (f *fixture) dep(t *testing.T, name string) forms.Department {
	t.Helper()
	d, ok := f.Deps[name]
	if !ok {
		t.Fatalf("no department %q in the fixture", name)
	}
	return d
}

// act returns the id of an activity by title.
func (f *fixture) act(t *testing.T, title string) int64 {
	t.Helper()
	a, ok := f.Acts[title]
	if !ok {
		t.Fatalf("no activity %q in the fixture", title)
	}
	return a.ID
}

// status returns the id of a status of the scale by name.
func (f *fixture) status(t *testing.T, name string) int64 {
	t.Helper()
	st, ok := f.Plan.Statuses.ByName(name)
	if !ok {
		t.Fatalf("no status %q on the scale", name)
	}
	return st.ID
}

// token returns a department's link token in a round.
func (f *fixture) token(t *testing.T, round forms.Round, dept string) string {
	t.Helper()
	tok := f.Tokens[round.ID][f.dep(t, dept).ID]
	if tok == "" {
		t.Fatalf("no token for %s in round %d", dept, round.ID)
	}
	return tok
}

// response reads a department's response straight from the database.
func (f *fixture) response(t *testing.T, round forms.Round, dept string) *forms.Response {
	t.Helper()
	r, err := f.DB.Response(context.Background(), round.ID, f.dep(t, dept).ID)
	if err != nil {
		t.Fatalf("read response: %v", err)
	}
	return r
}

// sqlDB opens a second, read-only connection to the fixture's database for
// what the storage package does not expose, such as history rows.
func (f *fixture) sqlDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+f.Path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// count returns the result of a COUNT(*) query.
func (f *fixture) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := f.sqlDB(t).QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// submitDirect answers every assigned activity of a department through the
// storage layer and submits.
func (f *fixture) submitDirect(t *testing.T, round forms.Round, dept, by string) *forms.Response {
	t.Helper()
	d := f.dep(t, dept)
	in := forms.SaveInput{FilledInBy: &by}
	for _, a := range f.Plan.Activities() {
		if a.AssignedTo(d.ID) {
			in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ID, StatusID: f.status(t, "Pågår"), Comment: "Arbetet pågår: " + a.Title})
		}
	}
	r, err := f.DB.SubmitResponse(context.Background(), f.Loc, round.ID, d.ID, in, storage.Actor(by))
	if err != nil {
		t.Fatalf("submit %s: %v", dept, err)
	}
	return r
}

// result is one HTTP response, read in full.
type result struct {
	Status int
	Header http.Header
	Body   string
	doc    *html.Node
}

// Doc parses the body as HTML.
func (r *result) Doc(t *testing.T) *html.Node {
	t.Helper()
	if r.doc == nil {
		doc, err := html.Parse(strings.NewReader(r.Body))
		if err != nil {
			t.Fatalf("parse HTML: %v", err)
		}
		r.doc = doc
	}
	return r.doc
}

// JSON decodes the body.
func (r *result) JSON(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.Body), v); err != nil {
		t.Fatalf("decode JSON %q: %v", truncate(r.Body, 300), err)
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// do sends a request to the fixture's server.
func (f *fixture) do(t *testing.T, req *http.Request) *result {
	t.Helper()
	resp, err := f.Client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return &result{Status: resp.StatusCode, Header: resp.Header, Body: string(b)}
}

func (f *fixture) newRequest(t *testing.T, method, path string, body io.Reader) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, f.Server.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// get fetches a path; mods may set headers or cookies.
func (f *fixture) get(t *testing.T, path string, mods ...func(*http.Request)) *result {
	t.Helper()
	req := f.newRequest(t, http.MethodGet, path, nil)
	for _, m := range mods {
		m(req)
	}
	return f.do(t, req)
}

// postForm posts a url-encoded form.
func (f *fixture) postForm(t *testing.T, path string, form url.Values, mods ...func(*http.Request)) *result {
	t.Helper()
	req := f.newRequest(t, http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, m := range mods {
		m(req)
	}
	return f.do(t, req)
}

// postJSON posts a body as JSON: a string or []byte as is, anything else
// marshalled.
func (f *fixture) postJSON(t *testing.T, path string, body any) *result {
	t.Helper()
	var b []byte
	switch v := body.(type) {
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		var err error
		if b, err = json.Marshal(v); err != nil {
			t.Fatal(err)
		}
	}
	req := f.newRequest(t, http.MethodPost, path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	return f.do(t, req)
}

func acceptLanguage(v string) func(*http.Request) {
	return func(r *http.Request) { r.Header.Set("Accept-Language", v) }
}

func langCookie(v string) func(*http.Request) {
	return func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "followup_lang", Value: v}) }
}

// wantStatus fails the test unless the response has the status code.
func wantStatus(t *testing.T, r *result, want int) {
	t.Helper()
	if r.Status != want {
		t.Fatalf("status = %d, want %d; body:\n%s", r.Status, want, truncate(r.Body, 2000))
	}
}

// wantRedirect checks a 303 to the given location.
func wantRedirect(t *testing.T, r *result, location string) {
	t.Helper()
	wantStatus(t, r, http.StatusSeeOther)
	if got := r.Header.Get("Location"); got != location {
		t.Fatalf("Location = %q, want %q", got, location)
	}
}

// ---- Finding elements ----
//
// A selector is a tag name ("" for any) and attribute conditions:
// "name=value" (equal), "name~=word" (one of the space-separated words),
// "name^=prefix", or "name" (present).

type cond struct {
	name, op, value string
}

func parseConds(conds []string) []cond {
	var out []cond
	for _, c := range conds {
		switch {
		case strings.Contains(c, "~="):
			k, v, _ := strings.Cut(c, "~=")
			out = append(out, cond{k, "~=", v})
		case strings.Contains(c, "^="):
			k, v, _ := strings.Cut(c, "^=")
			out = append(out, cond{k, "^=", v})
		case strings.Contains(c, "="):
			k, v, _ := strings.Cut(c, "=")
			out = append(out, cond{k, "=", v})
		default:
			out = append(out, cond{c, "", ""})
		}
	}
	return out
}

func matches(n *html.Node, tag string, conds []cond) bool {
	if n.Type != html.ElementNode || (tag != "" && n.Data != tag) {
		return false
	}
	for _, c := range conds {
		v, ok := attr(n, c.name)
		if !ok {
			return false
		}
		switch c.op {
		case "=":
			if v != c.value {
				return false
			}
		case "~=":
			found := false
			for _, w := range strings.Fields(v) {
				if w == c.value {
					found = true
				}
			}
			if !found {
				return false
			}
		case "^=":
			if !strings.HasPrefix(v, c.value) {
				return false
			}
		}
	}
	return true
}

// findAll returns the elements under n (n included) matching the selector,
// in document order.
func findAll(n *html.Node, tag string, conds ...string) []*html.Node {
	cs := parseConds(conds)
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if matches(n, tag, cs) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// findOne returns the only element matching the selector, failing the test
// when there is none or more than one.
func findOne(t *testing.T, n *html.Node, tag string, conds ...string) *html.Node {
	t.Helper()
	all := findAll(n, tag, conds...)
	if len(all) != 1 {
		t.Fatalf("found %d elements <%s %s>, want 1", len(all), tag, strings.Join(conds, " "))
	}
	return all[0]
}

// first returns the first element matching the selector, failing the test
// when there is none.
func first(t *testing.T, n *html.Node, tag string, conds ...string) *html.Node {
	t.Helper()
	all := findAll(n, tag, conds...)
	if len(all) == 0 {
		t.Fatalf("found no element <%s %s>", tag, strings.Join(conds, " "))
	}
	return all[0]
}

// findNone fails the test if an element matches the selector.
func findNone(t *testing.T, n *html.Node, tag string, conds ...string) {
	t.Helper()
	if all := findAll(n, tag, conds...); len(all) != 0 {
		t.Errorf("found %d elements <%s %s>, want none", len(all), tag, strings.Join(conds, " "))
	}
}

// byID returns the element with the id.
func byID(t *testing.T, n *html.Node, id string) *html.Node {
	t.Helper()
	return findOne(t, n, "", "id="+id)
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func hasAttr(n *html.Node, name string) bool {
	_, ok := attr(n, name)
	return ok
}

// rawText is the concatenated text under n, as the parser decoded it.
func rawText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// text is the text under n with white space collapsed.
func text(n *html.Node) string {
	return strings.Join(strings.Fields(rawText(n)), " ")
}

func texts(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, text(n))
	}
	return out
}

// ancestor returns the closest ancestor of n with the tag, or nil.
func ancestor(n *html.Node, tag string) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == tag {
			return p
		}
	}
	return nil
}

// before reports whether a comes before b in document order.
func before(root, a, b *html.Node) bool {
	pos := map[*html.Node]int{}
	i := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		pos[n] = i
		i++
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return pos[a] < pos[b]
}

// formValues collects what a browser would send for the form with the id,
// without its submit buttons.
func formValues(t *testing.T, doc *html.Node, formID string) url.Values {
	t.Helper()
	form := findOne(t, doc, "form", "id="+formID)
	v := url.Values{}
	for _, in := range findAll(form, "input") {
		name, _ := attr(in, "name")
		typ, _ := attr(in, "type")
		if name == "" || typ == "submit" || typ == "button" {
			continue
		}
		val, ok := attr(in, "value")
		if (typ == "radio" || typ == "checkbox") && !hasAttr(in, "checked") {
			continue
		}
		if !ok && (typ == "radio" || typ == "checkbox") {
			val = "on"
		}
		v.Add(name, val)
	}
	for _, ta := range findAll(form, "textarea") {
		name, _ := attr(ta, "name")
		v.Add(name, rawText(ta))
	}
	return v
}

// checkedStatus returns the value of the checked radio of a status group,
// "" when none is checked.
func checkedStatus(t *testing.T, doc *html.Node, activityID int64) string {
	t.Helper()
	var vals []string
	for _, r := range findAll(doc, "input", "type=radio", "name="+forms.StatusField(activityID)) {
		if hasAttr(r, "checked") {
			v, _ := attr(r, "value")
			vals = append(vals, v)
		}
	}
	if len(vals) > 1 {
		t.Fatalf("%d radios checked for activity %d", len(vals), activityID)
	}
	if len(vals) == 0 {
		return ""
	}
	return vals[0]
}

// textareaValue returns the text of the textarea with the name.
func textareaValue(t *testing.T, doc *html.Node, name string) string {
	t.Helper()
	return rawText(findOne(t, doc, "textarea", "name="+name))
}

// inputValue returns the value of the input with the name.
func inputValue(t *testing.T, doc *html.Node, name string) string {
	t.Helper()
	v, _ := attr(findOne(t, doc, "input", "name="+name), "value")
	return v
}

// errorSummaryLinks returns the targets of the error summary's links.
func errorSummaryLinks(t *testing.T, doc *html.Node) []string {
	t.Helper()
	summary := findOne(t, doc, "div", "role=alert")
	var out []string
	for _, a := range findAll(summary, "a") {
		href, _ := attr(a, "href")
		out = append(out, href)
	}
	return out
}

// noticeText returns the text of the notice on top of the page.
func noticeText(t *testing.T, doc *html.Node) string {
	t.Helper()
	return text(findOne(t, doc, "div", "class~=notice", "id=status"))
}

var requestIDPattern = regexp.MustCompile(`[0-9a-f]{16}`)

// withoutRequestID blanks the request ids in a page.
func withoutRequestID(s string) string {
	return requestIDPattern.ReplaceAllString(s, "REQUEST-ID")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
