package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/forms"
	"followup/storage"
)

const (
	accountKey    = "account"
	sessionCookie = "followup_session"
)

// Account is the signed-in office account of a request.
type Account struct {
	ID    int64
	Email string
	Name  string
	Role  string
}

// IsAdmin reports whether the account may change things.
func (a *Account) IsAdmin() bool { return a != nil && a.Role == storage.RoleAdmin }

// Actor names the account in history and audit rows.
func (a *Account) Actor() string { return a.Email }

func account(c *gin.Context) *Account {
	if a, ok := c.Get(accountKey); ok {
		return a.(*Account)
	}
	return nil
}

// identify finds the account of a request from its session cookie or its
// API token, and stores it on the context; it never refuses.
func (s *Server) identify() gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx := c.Request.Context()
		var u storage.User
		var err error
		if h := c.GetHeader("Authorization"); strings.HasPrefix(h, "Bearer ") {
			u, err = s.DB.APITokenUser(ctx, strings.TrimSpace(strings.TrimPrefix(h, "Bearer ")))
		} else if ck, cerr := c.Cookie(sessionCookie); cerr == nil && ck != "" {
			u, err = s.DB.SessionUser(ctx, ck, storage.SessionLimits{Idle: s.SessionIdle, Max: s.SessionMax})
		} else {
			c.Next()
			return
		}
		if err == nil {
			c.Set(accountKey, &Account{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role})
		} else if forms.ErrorCode(err) != forms.EUNAUTHORIZED {
			s.errorPage(c, err)
			return
		}
		c.Next()
	}
}

// requireAccount sends people who are not signed in to the sign-in page,
// and API clients a 401.
func (s *Server) requireAccount() gin.HandlerFunc {
	return func(c *gin.Context) {
		if account(c) != nil {
			c.Next()
			return
		}
		if wantsJSON(c) {
			s.writeJSONError(c, &forms.Error{Code: forms.EUNAUTHORIZED, Message: "sign in first"})
			return
		}
		if s.stashExpiredPost(c) {
			return
		}
		if c.Request.Method == http.MethodGet {
			c.Redirect(http.StatusSeeOther, "/logga-in?next="+url.QueryEscape(c.Request.URL.RequestURI()))
			c.Abort()
			return
		}
		s.errorPage(c, &forms.Error{Code: forms.EUNAUTHORIZED, Message: "sign in first"})
	}
}

// requireAdmin refuses readers: they see everything and change nothing.
func (s *Server) requireAdmin() gin.HandlerFunc {
	return func(c *gin.Context) {
		a := account(c)
		if a == nil {
			s.errorPage(c, &forms.Error{Code: forms.EUNAUTHORIZED, Message: "sign in first"})
			return
		}
		if !a.IsAdmin() {
			s.errorPage(c, &forms.Error{Code: forms.EFORBIDDEN, Message: "readers cannot change anything"})
			return
		}
		c.Next()
	}
}

func (s *Server) setSessionCookie(c *gin.Context, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: sessionCookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure()})
}

// clientIP is the real peer's address, or the forwarded one when the peer
// is a configured trusted proxy (Gin checks that).
func clientIP(c *gin.Context) string { return c.ClientIP() }
