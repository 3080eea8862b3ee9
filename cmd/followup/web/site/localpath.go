package site

import (
	"net/url"
	"strings"
	"unicode"
)

// LocalPath returns next when it is a path on this site, and fallback
// otherwise: redirects after signing in or choosing a language must never
// lead elsewhere. Browsers drop tabs and line breaks and read "\" as "/",
// so "/\t/evil.example" or "/\evil.example" would reach another host.
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
