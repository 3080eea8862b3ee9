// Package localpath keeps redirects on this site: the page a sign-in or
// the choice of language returns to is a path here, never another host.
// It is its own package so that every sign-in, the office's own and the
// identity provider's, checks the same way.
package localpath

import (
	"net/url"
	"strings"
	"unicode"
)

// Or returns next when it is a path on this site, and fallback otherwise.
// Browsers drop tabs and line breaks and read "\" as "/", so
// "/\t/evil.example" or "/\evil.example" would reach another host.
func Or(next, fallback string) string {
	if !strings.HasPrefix(next, "/") || strings.ContainsRune(next, '\\') ||
		strings.IndexFunc(next, unicode.IsControl) >= 0 || strings.IndexFunc(next, unicode.IsSpace) >= 0 {
		return fallback
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || strings.HasPrefix(u.Path, "//") {
		return fallback
	}
	return next
}
