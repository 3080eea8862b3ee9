package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// formStash keeps a form that an office account posted after its session
// had expired, so that what was typed (a consolidation's narrative, often
// long) is offered again after signing in instead of being lost. Entries
// are bound to a random cookie and to the path they were posted to, and
// kept for a few hours.
type formStash struct {
	mu      sync.Mutex
	entries map[string]stashEntry
	size    int // bytes held, bounded by stashMaxBytes
	now     func() time.Time
}

type stashEntry struct {
	path string
	form url.Values
	at   time.Time
	size int
}

const (
	stashCookie   = "followup_stash"
	stashTTL      = 4 * time.Hour
	stashMaxBytes = 16 << 20 // all kept forms together
	stashMaxForm  = 256 << 10
)

func newFormStash(now func() time.Time) *formStash {
	return &formStash{entries: map[string]stashEntry{}, now: now}
}

func (fs *formStash) put(path string, form url.Values) (string, bool) {
	size := 0
	for k, vs := range form {
		for _, v := range vs {
			size += len(k) + len(v)
		}
	}
	if size > stashMaxForm {
		return "", false
	}
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	fs.mu.Lock()
	defer fs.mu.Unlock()
	now := fs.now()
	for k, e := range fs.entries {
		if now.Sub(e.at) > stashTTL {
			delete(fs.entries, k)
			fs.size -= e.size
		}
	}
	if fs.size+size > stashMaxBytes {
		return "", false
	}
	fs.entries[id] = stashEntry{path: path, form: form, at: now, size: size}
	fs.size += size
	return id, true
}

// take returns and forgets the form stashed under id for path.
func (fs *formStash) take(id, path string) (url.Values, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	e, ok := fs.entries[id]
	if !ok || e.path != path || fs.now().Sub(e.at) > stashTTL {
		return nil, false
	}
	delete(fs.entries, id)
	fs.size -= e.size
	return e.form, true
}

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
	id, ok := s.stash.put(next, c.Request.PostForm)
	if !ok {
		return false
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: stashCookie, Value: id, Path: "/", MaxAge: int(stashTTL.Seconds()),
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
	form, ok := s.stash.take(id, c.Request.URL.Path)
	if ok {
		http.SetCookie(c.Writer, &http.Cookie{Name: stashCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure()})
	}
	return form, ok
}
