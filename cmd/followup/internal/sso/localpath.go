package sso

import (
	"net/url"
	"strings"
	"unicode"
)

// DefaultNext is where a sign-in returns to when it was given no page, or
// one that is not on this site.
const DefaultNext = "/kontor"

// LocalPath returns next when it is a path on this site, and fallback
// otherwise: the page a sign-in returns to must never lead elsewhere.
// Browsers drop tabs and line breaks and read "\" as "/", so
// "/\t/evil.example" or "/\evil.example" would reach another host; an
// escaped slash would too once decoded.
func LocalPath(next, fallback string) string {
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
