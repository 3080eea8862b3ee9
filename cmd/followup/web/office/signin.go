package office

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/internal/localpath"
	"followup/cmd/followup/internal/ratelimit"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

type signinView struct {
	Email string
	Next  string
	Error string // catalog key
	// Kept is true when a form posted after the session expired is kept
	// and will be shown again after signing in.
	Kept bool
}

// safeNext keeps a redirect target on this site.
func safeNext(next string) string { return localpath.Or(next, "/kontor") }

// SigninPage, GET /logga-in, shows the sign-in form, or sends a signed-in
// account on to where it was going.
func (h *Handlers) SigninPage(c *gin.Context) error {
	if site.AccountOf(c) != nil {
		c.Redirect(http.StatusSeeOther, safeNext(c.Query("next")))
		return nil
	}
	l := h.site.Localizer(c)
	return h.pages.Render(c, http.StatusOK, "signin", site.Page{L: l, Title: l.T("signin.title"), Data: signinView{Next: safeNext(c.Query("next")), Kept: c.Query("utkast") == "1"}})
}

// Limits on failed sign-ins, each within signinWindow: signinPairMax for
// one account from one address, signinWideMax for one account from
// anywhere and for one address whatever the account. The account-wide
// limit does not apply to addresses the account has signed in from, so
// that someone who knows a coordinator's e-mail cannot lock them out with
// a few wrong passwords from elsewhere.
const (
	signinWindow  = 15 * time.Minute
	signinPairMax = 5
	signinWideMax = 20
	maxEmailLen   = 254 // the longest e-mail address SMTP allows
)

// Signin, POST /logga-in, checks the password. Failures are limited per
// account and address, per account and per address; an unknown e-mail gets
// the same message as a wrong password.
func (h *Handlers) Signin(c *gin.Context) error {
	l := h.site.Localizer(c)
	email := strings.ToLower(strings.TrimSpace(c.PostForm("email")))
	v := signinView{Email: c.PostForm("email"), Next: safeNext(c.PostForm("next"))}
	refuse := func(status int, message string) error {
		v.Error = message
		return h.pages.Render(c, status, "signin", site.Page{L: l, Title: l.T("signin.title"), Data: v})
	}
	ip := ratelimit.AddressKey(c.ClientIP())
	if len(email) > maxEmailLen {
		// No account has such an address; counting it would let a client
		// make the limiter hold large keys.
		h.signinWide.Add("ip:" + ip)
		v.Email = ""
		return refuse(http.StatusUnauthorized, "signin.failed")
	}
	pairKey, ipKey, userKey := "pair:"+email+"|"+ip, "ip:"+ip, "user:"+email
	if h.signinPair.Exceeded(pairKey) || h.signinWide.Exceeded(ipKey) ||
		(h.signinWide.Exceeded(userKey) && !h.signinKnown.Has(email, ip)) {
		return refuse(http.StatusTooManyRequests, "error.code.rate_limited")
	}
	u, err := h.site.DB.Authenticate(c.Request.Context(), email, c.PostForm("password"))
	if err != nil {
		if forms.ErrorCode(err) != forms.EUNAUTHORIZED {
			return err
		}
		h.signinPair.Add(pairKey)
		h.signinWide.Add(ipKey)
		h.signinWide.Add(userKey)
		h.site.Logger.Warn("sign-in failed", "request_id", site.RequestID(c), "client", c.ClientIP())
		return refuse(http.StatusUnauthorized, "signin.failed")
	}
	h.signinPair.Reset(pairKey)
	h.signinKnown.Add(email, ip)
	id, err := h.site.DB.CreateSession(c.Request.Context(), u.ID)
	if err != nil {
		return err
	}
	h.site.SetSessionCookie(c, id, 0)
	c.Redirect(http.StatusSeeOther, v.Next)
	return nil
}

// Signout, POST /logga-ut, ends the session on the server and clears its
// cookie.
func (h *Handlers) Signout(c *gin.Context) error {
	if ck, err := c.Cookie(site.SessionCookie); err == nil {
		if err := h.site.DB.EndSession(c.Request.Context(), ck); err != nil {
			return err
		}
	}
	h.site.SetSessionCookie(c, "", -1)
	c.Redirect(http.StatusSeeOther, "/")
	return nil
}
