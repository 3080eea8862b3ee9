package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

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
func safeNext(next string) string { return localPath(next, "/kontor") }

func (s *Server) showSignin(c *gin.Context) {
	if account(c) != nil {
		c.Redirect(http.StatusSeeOther, safeNext(c.Query("next")))
		return
	}
	l := s.localizer(c)
	s.render(c, http.StatusOK, "signin", page{L: l, Title: l.T("signin.title"), Data: signinView{Next: safeNext(c.Query("next")), Kept: c.Query("utkast") == "1"}})
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

// signin checks the password. Failures are limited per account and
// address, per account and per address; an unknown e-mail gets the same
// message as a wrong password.
func (s *Server) signin(c *gin.Context) {
	l := s.localizer(c)
	email := strings.ToLower(strings.TrimSpace(c.PostForm("email")))
	v := signinView{Email: c.PostForm("email"), Next: safeNext(c.PostForm("next"))}
	refuse := func(status int, message string) {
		v.Error = message
		s.render(c, status, "signin", page{L: l, Title: l.T("signin.title"), Data: v})
	}
	ip := limitKey(c)
	if len(email) > maxEmailLen {
		// No account has such an address; counting it would let a client
		// make the limiter hold large keys.
		s.signinWide.Add("ip:" + ip)
		v.Email = ""
		refuse(http.StatusUnauthorized, "signin.failed")
		return
	}
	pairKey, ipKey, userKey := "pair:"+email+"|"+ip, "ip:"+ip, "user:"+email
	if s.signinPair.Exceeded(pairKey) || s.signinWide.Exceeded(ipKey) ||
		(s.signinWide.Exceeded(userKey) && !s.signinKnown.Has(email, ip)) {
		refuse(http.StatusTooManyRequests, "error.code.rate_limited")
		return
	}
	u, err := s.DB.Authenticate(c.Request.Context(), email, c.PostForm("password"))
	if err != nil {
		if forms.ErrorCode(err) != forms.EUNAUTHORIZED {
			s.errorPage(c, err)
			return
		}
		s.signinPair.Add(pairKey)
		s.signinWide.Add(ipKey)
		s.signinWide.Add(userKey)
		s.Logger.Warn("sign-in failed", "request_id", c.GetString(requestIDKey), "client", clientIP(c))
		refuse(http.StatusUnauthorized, "signin.failed")
		return
	}
	s.signinPair.Reset(pairKey)
	s.signinKnown.Add(email, ip)
	id, err := s.DB.CreateSession(c.Request.Context(), u.ID)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	s.setSessionCookie(c, id, 0)
	c.Redirect(http.StatusSeeOther, v.Next)
}

func (s *Server) signout(c *gin.Context) {
	if ck, err := c.Cookie(sessionCookie); err == nil {
		if err := s.DB.EndSession(c.Request.Context(), ck); err != nil {
			s.errorPage(c, err)
			return
		}
	}
	s.setSessionCookie(c, "", -1)
	c.Redirect(http.StatusSeeOther, "/")
}
