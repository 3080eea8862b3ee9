package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/internal/ratelimit"
	"followup/cmd/followup/internal/stash"
	"followup/forms"
)

const stashCookie = "followup_stash"

// consolidationPath matches the office forms whose text is worth keeping (a
// narrative or the report's introduction can take an hour to write) and
// whose page has the same path as its post: a consolidation and one of the
// office's texts for the report.
var consolidationPath = regexp.MustCompile(`^/kontor/omgangar/[0-9]+/(aktiviteter/[0-9]+|rapport/texter/[a-z-]+)$`)

// stashExpiredPost keeps a consolidation or a report text posted after its
// session expired (the browser still sends a session cookie the server no
// longer knows) and sends the person to sign in, returning afterwards to
// the page, which offers the text again. It reports false for any other
// request, and when the form is too large to keep or the stash is full.
func (s *Server) stashExpiredPost(c *gin.Context) bool {
	if c.Request.Method != http.MethodPost || !strings.HasPrefix(c.ContentType(), "application/x-www-form-urlencoded") {
		return false
	}
	if ck, err := c.Cookie(sessionCookie); err != nil || ck == "" {
		return false
	}
	// Only the consolidation and report text pages offer a kept form
	// again; other forms (an account's password among them) are not kept
	// at all.
	path := c.Request.URL.Path
	if !consolidationPath.MatchString(path) {
		return false
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, formBodyLimit)
	if err := c.Request.ParseForm(); err != nil {
		return false
	}
	next := path
	id, ok := s.stash.Put(next, c.Request.PostForm)
	if !ok {
		return false
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: stashCookie, Value: id, Path: "/", MaxAge: int(stash.TTL.Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure()})
	c.Redirect(http.StatusSeeOther, "/logga-in?utkast=1&next="+url.QueryEscape(next))
	c.Abort()
	return true
}

// takeStash returns the form stashed for this page by this browser.
func (s *Server) takeStash(c *gin.Context) (url.Values, bool) {
	id, err := c.Cookie(stashCookie)
	if err != nil || id == "" {
		return nil, false
	}
	form, ok := s.stash.Take(id, c.Request.URL.Path)
	if ok {
		http.SetCookie(c.Writer, &http.Cookie{Name: stashCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure()})
	}
	return form, ok
}

// limitKey is the client address as the rate limits count it.
func limitKey(c *gin.Context) string { return ratelimit.AddressKey(clientIP(c)) }

// limitLinkGuessing answers 429 to a client address that has tried too many
// unknown department links, so tokens cannot be guessed at speed (they are
// 256 bits; this keeps the logs and the database quiet too).
func (s *Server) limitLinkGuessing() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.linkFailures.Exceeded(limitKey(c)) {
			s.errorPage(c, &forms.Error{Code: forms.ERATELIMIT, Message: "too many unknown links"})
			return
		}
		c.Next()
	}
}
