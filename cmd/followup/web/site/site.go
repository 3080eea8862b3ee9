// Package site is the shared core of the web layer, which every handler
// package builds on: the Gin engine with its middleware (request id,
// access log, recovery, security headers, body limits), the adapter that
// lets a handler return an error and the one function that answers it, the
// template engine, who is signed in, the shared form and JSON helpers, the
// public pages (start page, language, assets) and the static files.
//
// What belongs here is used by more than one handler package; a page or an
// API route of its own goes into the package of the people who use it
// (questionnaire, office, officeapi). Site imports none of them.
package site

import (
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"regexp"
	"time"

	"followup/cmd/followup/internal/stash"
	"followup/cmd/followup/web/i18n"
	"followup/storage"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// Config holds what the shared core needs from the outside.
type Config struct {
	DB      *storage.DB
	Secret  []byte         // derives the departments' link tokens
	BaseURL *url.URL       // where people reach the app; links are built on it
	Loc     *time.Location // the municipality's time zone, for deadlines
	Logger  *slog.Logger
	// TrustedProxies lists the proxies whose X-Forwarded-For is believed.
	TrustedProxies []string
	// Sessions signs office accounts out after inactivity and after a
	// longest time.
	Sessions storage.SessionLimits
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// KeptForms matches the paths of the office forms whose text is kept
	// when they are posted after the session expired, and offered again
	// after signing in (see keepExpiredPost); nil keeps none.
	KeptForms *regexp.Regexp
}

// Site is the shared core: the configuration, the catalog, the shared
// templates and the stash of forms kept after an expired session.
type Site struct {
	Config
	Catalog *i18n.Catalog
	// Stash keeps forms posted after their session expired.
	Stash  *stash.Stash
	pages  *Pages // the core's own pages: the start page and the error page
	static fs.FS
}

// New checks the configuration, parses the core's templates and returns
// the core, with defaults for what the configuration leaves out.
func New(cfg Config) (*Site, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Loc == nil {
		cfg.Loc = time.Local
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Sessions.Max == 0 {
		cfg.Sessions.Max = 12 * time.Hour
	}
	if cfg.Sessions.Idle == 0 {
		cfg.Sessions.Idle = 8 * time.Hour
	}
	for _, p := range cfg.TrustedProxies {
		if net.ParseIP(p) == nil {
			if _, _, err := net.ParseCIDR(p); err != nil {
				return nil, fmt.Errorf("the trusted proxy %q is neither an IP address nor a CIDR range such as 10.0.0.0/24", p)
			}
		}
	}
	s := &Site{Config: cfg, Catalog: i18n.NewCatalog(), Stash: stash.New(cfg.Now)}
	var err error
	if s.static, err = fs.Sub(staticFiles, "static"); err != nil {
		return nil, err
	}
	if s.pages, err = s.ParsePages(templateFiles, "error", "home"); err != nil {
		return nil, err
	}
	return s, nil
}

// Link returns the full URL of a department's questionnaire.
func (s *Site) Link(token string) string {
	u := *s.BaseURL
	u.Path = u.Path + "/r/" + token
	return u.String()
}

// Secure reports whether the app is served over https, so cookies get the
// Secure flag and responses carry HSTS.
func (s *Site) Secure() bool { return s.BaseURL != nil && s.BaseURL.Scheme == "https" }
