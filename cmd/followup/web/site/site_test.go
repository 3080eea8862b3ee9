package site_test

import (
	"bytes"
	"log/slog"
	"net/url"
	"sync"
	"testing"

	"followup/cmd/followup/web/site"
)

// logBuffer is a log the server's goroutines may write to.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// newSite returns a core without a database, logging to the returned
// buffer, for tests of what needs none: errors, middleware, downloads.
func newSite(t *testing.T) (*site.Site, *logBuffer) {
	t.Helper()
	log := &logBuffer{}
	s, err := site.New(site.Config{BaseURL: &url.URL{Scheme: "http", Host: "uppfoljning.test"},
		Logger: slog.New(slog.NewTextHandler(log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return s, log
}
