package web

import (
	"net/http"
	"strings"

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

// signin checks the password. Failures slow down per account and per client
// address; an unknown e-mail gets the same message as a wrong password.
func (s *Server) signin(c *gin.Context) {
	l := s.localizer(c)
	email := strings.ToLower(strings.TrimSpace(c.PostForm("email")))
	v := signinView{Email: c.PostForm("email"), Next: safeNext(c.PostForm("next"))}
	ipKey, userKey := "ip:"+clientIP(c), "user:"+email
	if s.signinFailures.exceeded(ipKey) || s.signinFailures.exceeded(userKey) {
		v.Error = "error.code.rate_limited"
		s.render(c, http.StatusTooManyRequests, "signin", page{L: l, Title: l.T("signin.title"), Data: v})
		return
	}
	u, err := s.DB.Authenticate(c.Request.Context(), email, c.PostForm("password"))
	if err != nil {
		if forms.ErrorCode(err) != forms.EUNAUTHORIZED {
			s.errorPage(c, err)
			return
		}
		s.signinFailures.add(ipKey)
		s.signinFailures.add(userKey)
		s.Logger.Warn("sign-in failed", "request_id", c.GetString(requestIDKey), "client", clientIP(c))
		v.Error = "signin.failed"
		s.render(c, http.StatusUnauthorized, "signin", page{L: l, Title: l.T("signin.title"), Data: v})
		return
	}
	s.signinFailures.reset(userKey)
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
