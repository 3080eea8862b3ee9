// Package office is the central office's pages under /kontor, for admins
// (samordnare) and readers (läsare), and the sign-in that opens them. Each
// file holds the handlers of one page and its forms, named after the page's
// address: rounds.go is /kontor/omgangar, round.go /kontor/omgangar/:round,
// round_matrix.go its matrix, and so on (docs/architecture.md lists them);
// a page's template has the same name under templates/. The office's JSON
// API is in officeapi.
package office

import (
	"embed"
	"regexp"

	"followup/cmd/followup/internal/ratelimit"
	"followup/cmd/followup/web/site"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pageNames are the pages of templates/.
var pageNames = []string{"accounts", "audit", "dashboard", "department", "departments", "departments_import",
	"plan", "plan_new", "plans", "plans_import", "round", "round_activity", "round_department", "round_links",
	"round_matrix", "round_new", "round_report", "round_report_text", "rounds", "signin"}

// KeptForms matches the office forms whose text is worth keeping when the
// session expired (a narrative or the report's introduction can take an
// hour to write) and whose page has the same path as its post: a
// consolidation and one of the office's texts for the report.
var KeptForms = regexp.MustCompile(`^/kontor/omgangar/[0-9]+/(aktiviteter/[0-9]+|rapport/texter/[a-z-]+)$`)

// Options tune the office's handlers.
type Options struct {
	// MatrixColumns is how many departments a page of a round's matrix
	// shows; 0 means 40.
	MatrixColumns int
}

// Handlers serve the office's pages; the route table names their methods.
type Handlers struct {
	site  *site.Site
	pages *site.Pages
	// signinPair counts failed sign-ins per account and address,
	// signinWide per account and per address; signinKnown remembers
	// where each account has signed in (see Signin).
	signinPair  *ratelimit.Window
	signinWide  *ratelimit.Window
	signinKnown *ratelimit.Known
	// exports holds a token for each export being written.
	exports chan struct{}
	// matrixColumns is the number of departments on a page of the matrix.
	matrixColumns int
}

// New parses the office's pages and returns its handlers.
func New(st *site.Site, opts Options) (*Handlers, error) {
	h := &Handlers{site: st,
		signinPair:    ratelimit.NewWindow(signinPairMax, signinWindow, st.Now),
		signinWide:    ratelimit.NewWindow(signinWideMax, signinWindow, st.Now),
		signinKnown:   ratelimit.NewKnown(st.Now),
		exports:       make(chan struct{}, maxExports),
		matrixColumns: matrixColumns}
	if opts.MatrixColumns > 0 {
		h.matrixColumns = opts.MatrixColumns
	}
	var err error
	h.pages, err = st.ParsePages(templateFiles, pageNames...)
	return h, err
}
