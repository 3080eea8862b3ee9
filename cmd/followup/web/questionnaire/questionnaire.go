// Package questionnaire is a department's side of a round, reached through
// its own link: the questionnaire page with its post (GET and POST /r/:token),
// the receipt (/r/:token/kvitto.pdf), the same questionnaire as JSON for the
// page's autosave and for scripts (/api/v1/r/:token, …/draft, …/submit),
// the cache of rendered pages, and the limit on guessing links. Nothing
// here needs an office account.
package questionnaire

import (
	"embed"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/internal/ratelimit"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Options tune the questionnaire's handlers.
type Options struct {
	// PageCacheBytes bounds the rendered pages kept in memory; 0 means
	// 64 MiB, and a negative number keeps none.
	PageCacheBytes int
}

// Handlers serve a department's questionnaire; the route table names
// their methods.
type Handlers struct {
	site  *site.Site
	pages *site.Pages
	// rendered keeps questionnaire pages already rendered.
	rendered *pageCache
	// linkFailures counts unknown department links per client address.
	linkFailures *ratelimit.Window
}

// New parses the questionnaire's page and returns its handlers.
func New(st *site.Site, opts Options) (*Handlers, error) {
	size := 64 << 20
	switch {
	case opts.PageCacheBytes > 0:
		size = opts.PageCacheBytes
	case opts.PageCacheBytes < 0:
		size = 0
	}
	h := &Handlers{site: st, rendered: newPageCache(size), linkFailures: ratelimit.NewWindow(linkGuesses, time.Minute, st.Now)}
	var err error
	h.pages, err = st.ParsePages(templateFiles, "questionnaire")
	return h, err
}

// linkGuesses is how many unknown links one address may try in a minute.
const linkGuesses = 30

// errUnknownLink answers every unknown or malformed link alike.
var errUnknownLink = forms.Errorf(forms.ENOTFOUND, "unknown link")

// linkTarget resolves the :token of the path; an unknown or malformed token
// gets the same 404 whatever it looks like, and counts against the
// client's address (see LimitLinkGuessing).
func (h *Handlers) linkTarget(c *gin.Context) (roundID, departmentID int64, err error) {
	roundID, departmentID, err = h.site.DB.LinkTarget(c.Request.Context(), c.Param("token"))
	if forms.ErrorCode(err) == forms.ENOTFOUND {
		h.linkFailures.Add(ratelimit.AddressKey(c.ClientIP()))
		return 0, 0, errUnknownLink
	}
	return roundID, departmentID, err
}

// LimitLinkGuessing answers 429 to a client address that has tried too many
// unknown department links, so tokens cannot be guessed at speed (they are
// 256 bits; this keeps the logs and the database quiet too).
func (h *Handlers) LimitLinkGuessing() gin.HandlerFunc {
	return func(c *gin.Context) {
		if h.linkFailures.Exceeded(ratelimit.AddressKey(c.ClientIP())) {
			h.site.Error(c, forms.Errorf(forms.ERATELIMIT, "too many unknown links"))
			return
		}
		c.Next()
	}
}
