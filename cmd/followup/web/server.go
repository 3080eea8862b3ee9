// Package web serves followup's pages and JSON API with Gin: it translates
// requests into calls on the storage and domain packages and renders the
// results, in Swedish or English.
package web

import (
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"time"

	"followup/cmd/followup/internal/ratelimit"
	"followup/cmd/followup/internal/stash"
	"followup/cmd/followup/web/i18n"
	"followup/storage"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Config holds what the server needs from the outside.
type Config struct {
	DB      *storage.DB
	Secret  []byte         // derives the departments' link tokens
	BaseURL *url.URL       // where people reach the app; links are built on it
	Loc     *time.Location // the municipality's time zone, for deadlines
	Logger  *slog.Logger
	// TrustedProxies lists the proxies whose X-Forwarded-For is believed.
	TrustedProxies []string
	// SessionIdle signs office accounts out after this much inactivity.
	SessionIdle time.Duration
	// SessionMax signs office accounts out this long after signing in,
	// however busy the session.
	SessionMax time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Server holds the parsed templates and the dependencies of the handlers.
type Server struct {
	Config
	catalog *i18n.Catalog
	pages   map[string]*pageTemplate
	static  fs.FS
	// signinPair counts failed sign-ins per account and address,
	// signinWide per account and per address; signinKnown remembers
	// where each account has signed in (see signin). linkFailures counts
	// unknown department links per address.
	signinPair   *ratelimit.Window
	signinWide   *ratelimit.Window
	signinKnown  *ratelimit.Known
	linkFailures *ratelimit.Window
	// rendered keeps questionnaire pages already rendered.
	rendered *pageCache
	// stash keeps forms posted after a session expired.
	stash *stash.Stash
	// exports holds a token for each export being written.
	exports chan struct{}
	// matrixColumns is the number of departments on a page of the matrix.
	matrixColumns int
}

// New parses every page's templates (failing if one is missing or broken)
// and returns a server ready to build its handler.
func New(cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Loc == nil {
		cfg.Loc = time.Local
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	for _, p := range cfg.TrustedProxies {
		if net.ParseIP(p) == nil {
			if _, _, err := net.ParseCIDR(p); err != nil {
				return nil, fmt.Errorf("the trusted proxy %q is neither an IP address nor a CIDR range such as 10.0.0.0/24", p)
			}
		}
	}
	if cfg.SessionMax == 0 {
		cfg.SessionMax = 12 * time.Hour
	}
	if cfg.SessionIdle == 0 {
		cfg.SessionIdle = 8 * time.Hour
	}
	s := &Server{Config: cfg, catalog: i18n.NewCatalog(),
		signinPair:    ratelimit.NewWindow(signinPairMax, signinWindow, cfg.Now),
		signinWide:    ratelimit.NewWindow(signinWideMax, signinWindow, cfg.Now),
		signinKnown:   ratelimit.NewKnown(cfg.Now),
		linkFailures:  ratelimit.NewWindow(30, time.Minute, cfg.Now),
		rendered:      newPageCache(64 << 20),
		stash:         stash.New(cfg.Now),
		exports:       make(chan struct{}, maxExports),
		matrixColumns: matrixColumns}
	var err error
	if s.pages, err = parsePages(templateFiles); err != nil {
		return nil, err
	}
	if s.static, err = fs.Sub(staticFiles, "static"); err != nil {
		return nil, err
	}
	return s, nil
}

// Link returns the full URL of a department's questionnaire.
func (s *Server) Link(token string) string {
	u := *s.BaseURL
	u.Path = u.Path + "/r/" + token
	return u.String()
}

// secure reports whether the app is served over https, so cookies get the
// Secure flag and responses carry HSTS.
func (s *Server) secure() bool { return s.BaseURL != nil && s.BaseURL.Scheme == "https" }
