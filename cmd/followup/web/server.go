// Package web serves followup's pages and JSON API with Gin: New builds the
// shared core (site) and every handler package, and routes.go holds the one
// route table, grouped by who may use it. See docs/architecture.md.
package web

import (
	"log/slog"
	"net/url"
	"time"

	"followup/cmd/followup/web/office"
	"followup/cmd/followup/web/officeapi"
	"followup/cmd/followup/web/questionnaire"
	"followup/cmd/followup/web/site"
	"followup/storage"
)

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
	// MatrixColumns is how many departments a page of a round's matrix
	// shows; 0 means 40.
	MatrixColumns int
	// PageCacheBytes bounds the rendered questionnaire pages kept in
	// memory; 0 means 64 MiB, and a negative number keeps none.
	PageCacheBytes int
}

// Server holds the shared core and the handlers, ready to build its
// handler.
type Server struct {
	site *site.Site
	// Config is the configuration the server was built with.
	Config Config
	// office serves the office's pages, officeAPI its JSON API.
	office    *office.Handlers
	officeAPI *officeapi.Handlers
	// questionnaire serves the departments' questionnaires.
	questionnaire *questionnaire.Handlers
}

// New parses every page's templates (failing if one is missing or broken)
// and returns a server ready to build its handler.
func New(cfg Config) (*Server, error) {
	st, err := site.New(site.Config{DB: cfg.DB, Secret: cfg.Secret, BaseURL: cfg.BaseURL, Loc: cfg.Loc, Logger: cfg.Logger,
		TrustedProxies: cfg.TrustedProxies, Sessions: storage.SessionLimits{Idle: cfg.SessionIdle, Max: cfg.SessionMax},
		Now: cfg.Now, KeptForms: office.KeptForms})
	if err != nil {
		return nil, err
	}
	s := &Server{site: st, Config: cfg, officeAPI: officeapi.New(st)}
	if s.office, err = office.New(st, office.Options{MatrixColumns: cfg.MatrixColumns}); err != nil {
		return nil, err
	}
	if s.questionnaire, err = questionnaire.New(st, questionnaire.Options{PageCacheBytes: cfg.PageCacheBytes}); err != nil {
		return nil, err
	}
	return s, nil
}

// Link returns the full URL of a department's questionnaire, built on
// Config.BaseURL.
func (s *Server) Link(token string) string { return s.site.Link(token) }
