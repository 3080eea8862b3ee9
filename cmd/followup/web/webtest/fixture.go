// Package webtest is the one test kit of the web layer: a fixture that runs
// the whole server over a real SQLite file with signed-in accounts and a
// clock the test sets, helpers to send it requests, and helpers to read
// the HTML it answers (elements by tag and attributes, their text and
// attributes, forms as a browser would send them). Only tests import it.
package webtest

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Stockholm on any machine

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web"
	"followup/forms"
	"followup/storage"
)

// Fixture is a running server over a real database in the test's temporary
// folder, filled with a data set, with clients signed in as the demo's
// admin and reader. Everything is closed when the test ends.
type Fixture struct {
	DB     *storage.DB
	Path   string // the database file
	Secret []byte // derives the link tokens
	Config web.Config
	Server *web.Server
	URL    string // the server's address, without a trailing slash
	Clock  *Clock
	Loc    *time.Location
	Log    *LogBuffer
	// Admin and Reader are signed in; Anon is not. Each has its own
	// cookie jar and does not follow redirects, so tests can check them.
	Admin, Reader, Anon *http.Client
	// Demo is what the demo municipality seeded (with Demo data only).
	Demo demo.Info
	// Plan is the plan of the open rounds; Acts are its activities by
	// title.
	Plan *forms.Plan
	Acts map[string]forms.Activity
	// Interim and Annual are the data set's rounds; Tokens holds each
	// open round's link tokens by department id.
	Interim, Annual forms.Round
	Tokens          map[int64]map[int64]string

	http *httptest.Server
}

// Data is a data set a fixture starts with.
type Data int

// The data sets.
const (
	// Demo is the demo municipality (demo.Seed): eight departments, a
	// plan of fifteen activities, a closed interim round with answers and
	// an open annual round with drafts. The clock is the real time when
	// the fixture starts.
	Demo Data = iota
	// Small is three departments, a plan of four activities and an open
	// interim and annual round without answers, on a clock set to
	// SmallStart; the names are the constants of small.go.
	Small
)

// Option changes how a fixture is built.
type Option func(*options)

type options struct {
	data        Data
	https       bool
	toServer    bool
	busyTimeout time.Duration
	configure   []func(*web.Config)
}

// WithData starts the fixture with a data set other than Demo.
func WithData(d Data) Option { return func(o *options) { o.data = d } }

// HTTPS serves the fixture as if at an https address: cookies are Secure
// and responses carry HSTS.
func HTTPS() Option { return func(o *options) { o.https = true } }

// LinksToServer builds the departments' links on the test server's own
// address, so that a browser can follow them; otherwise they are built on
// http://uppfoljning.test, never on the request's Host.
func LinksToServer() Option { return func(o *options) { o.toServer = true } }

// BusyTimeout sets how long the database waits for a lock.
func BusyTimeout(d time.Duration) Option { return func(o *options) { o.busyTimeout = d } }

// Configure changes the server's configuration before it is built.
func Configure(change func(*web.Config)) Option {
	return func(o *options) { o.configure = append(o.configure, change) }
}

// New builds a fixture.
func New(t testing.TB, opts ...Option) *Fixture {
	t.Helper()
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	f := &Fixture{Secret: []byte("webtest-secret-0123456789-abcdefghijklmno"), Clock: &Clock{}, Loc: loc, Log: &LogBuffer{},
		Acts: map[string]forms.Activity{}, Tokens: map[int64]map[int64]string{}}
	f.Clock.Set(time.Now().In(loc))
	if o.data == Small {
		f.Clock.Set(SmallStart(loc))
	}
	f.Path = filepath.Join(t.TempDir(), "followup.db")
	db, err := storage.Open(context.Background(), f.Path, storage.Options{BusyTimeout: o.busyTimeout})
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = f.Clock.Now
	f.DB = db
	switch o.data {
	case Small:
		f.seedSmall(t)
	default:
		f.seedDemo(t)
	}
	f.http = httptest.NewUnstartedServer(nil)
	t.Cleanup(f.http.Close)
	base := &url.URL{Scheme: "http", Host: "uppfoljning.test"}
	if o.toServer {
		base.Host = f.http.Listener.Addr().String()
	}
	if o.https {
		base.Scheme = "https"
	}
	f.Config = web.Config{DB: db, Secret: f.Secret, BaseURL: base, Loc: loc, Logger: f.Log.Logger(), Now: f.Clock.Now}
	for _, change := range o.configure {
		change(&f.Config)
	}
	f.serve(t)
	f.Anon = f.NewClient()
	f.Admin = f.SignIn(t, demo.AdminEmail, demo.AdminPassword)
	f.Reader = f.SignIn(t, demo.ReaderEmail, demo.ReaderPass)
	return f
}

// serve builds the server from f.Config and starts it.
func (f *Fixture) serve(t testing.TB) {
	t.Helper()
	srv, err := web.New(f.Config)
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	f.Server = srv
	f.http.Config.Handler = srv.Handler()
	f.http.Start()
	f.URL = f.http.URL
}

// Reconfigure serves the same database from a server built with the
// configuration changed; the clients stay signed in, since sessions live
// in the database.
func (f *Fixture) Reconfigure(t testing.TB, change func(*web.Config)) {
	t.Helper()
	change(&f.Config)
	f.http = httptest.NewUnstartedServer(nil)
	t.Cleanup(f.http.Close)
	f.serve(t)
}

// NewClient returns a client with its own cookie jar that does not follow
// redirects.
func (f *Fixture) NewClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// SignIn returns a new client signed in with the account.
func (f *Fixture) SignIn(t testing.TB, email, password string) *http.Client {
	t.Helper()
	c := f.NewClient()
	res := f.PostForm(t, c, "/logga-in", url.Values{"email": {email}, "password": {password}, "next": {"/kontor"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in as %s: status %d", email, res.StatusCode)
	}
	return c
}

// seedDemo fills the database with the demo municipality.
func (f *Fixture) seedDemo(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	info, err := demo.Seed(ctx, f.DB, f.Secret)
	if err != nil {
		t.Fatalf("seed the demo: %v", err)
	}
	f.Demo = info
	if f.Annual, err = f.DB.Round(ctx, info.AnnualID); err != nil {
		t.Fatal(err)
	}
	if f.Interim, err = f.DB.Round(ctx, info.InterimID); err != nil {
		t.Fatal(err)
	}
	f.lookups(t, f.Annual.PlanID, f.Annual.ID)
}

// lookups fills Plan, Acts and the tokens of the open rounds.
func (f *Fixture) lookups(t testing.TB, planID int64, rounds ...int64) {
	t.Helper()
	ctx := context.Background()
	var err error
	if f.Plan, err = f.DB.Plan(ctx, planID); err != nil {
		t.Fatal(err)
	}
	for _, a := range f.Plan.Activities() {
		f.Acts[a.Title] = a
	}
	for _, id := range rounds {
		links, err := f.DB.Links(ctx, f.Secret, id)
		if err != nil {
			t.Fatalf("links of round %d: %v", id, err)
		}
		f.Tokens[id] = map[int64]string{}
		for _, l := range links {
			f.Tokens[id][l.Department.ID] = l.Token
		}
	}
}
