package site_test

import (
	"net/url"
	"testing"

	"followup/cmd/followup/web/site"
	"followup/cmd/followup/web/webtest"
)

// newSite returns a core without a database, logging to the returned
// buffer, for tests of what needs none: errors, middleware, downloads.
func newSite(t *testing.T) (*site.Site, *webtest.LogBuffer) {
	t.Helper()
	log := &webtest.LogBuffer{}
	s, err := site.New(site.Config{BaseURL: &url.URL{Scheme: "http", Host: "uppfoljning.test"}, Logger: log.Logger()})
	if err != nil {
		t.Fatal(err)
	}
	return s, log
}
