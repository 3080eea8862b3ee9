package site

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/internal/stash"
)

// stashCookie carries the id of a form kept after the session expired.
const stashCookie = "followup_stash"

// keepExpiredPost keeps a form posted to a path of Config.KeptForms after
// its session expired (the browser still sends a session cookie the server
// no longer knows), so that the page offers the text again after signing in
// (TakeKeptForm), and returns the kept form's id. It keeps nothing, and
// reports false, for any other request, and when the form is too large to
// keep or the stash is full. Other forms (an account's password among them)
// are not kept at all.
func (s *Site) keepExpiredPost(c *gin.Context) (id string, ok bool) {
	if c.Request.Method != http.MethodPost || !strings.HasPrefix(c.ContentType(), "application/x-www-form-urlencoded") {
		return "", false
	}
	if ck, err := c.Cookie(SessionCookie); err != nil || ck == "" {
		return "", false
	}
	path := c.Request.URL.Path
	if s.KeptForms == nil || !s.KeptForms.MatchString(path) {
		return "", false
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, FormLimit)
	if err := c.Request.ParseForm(); err != nil {
		return "", false
	}
	return s.Stash.Put(path, c.Request.PostForm)
}

// signInKeeping sends the person to sign in, returning afterwards to the
// page whose form is kept under id.
func (s *Site) signInKeeping(c *gin.Context, id string) {
	http.SetCookie(c.Writer, &http.Cookie{Name: stashCookie, Value: id, Path: "/", MaxAge: int(stash.TTL.Seconds()),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.Secure()})
	c.Redirect(http.StatusSeeOther, "/logga-in?utkast=1&next="+url.QueryEscape(c.Request.URL.Path))
	c.Abort()
}

// TakeKeptForm returns the form this browser posted to this page after its
// session expired, once. A HEAD request takes nothing: it changes nothing.
func (s *Site) TakeKeptForm(c *gin.Context) (url.Values, bool) {
	id, err := c.Cookie(stashCookie)
	if err != nil || id == "" || IsHead(c) {
		return nil, false
	}
	form, ok := s.Stash.Take(id, c.Request.URL.Path)
	if ok {
		http.SetCookie(c.Writer, &http.Cookie{Name: stashCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.Secure()})
	}
	return form, ok
}
