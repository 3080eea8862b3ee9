package site

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/forms"
	"followup/storage"
)

const (
	accountKey = "account"
	// SessionCookie holds an office account's session id.
	SessionCookie = "followup_session"
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

// AccountOf returns the signed-in account of a request, or nil.
func AccountOf(c *gin.Context) *Account {
	if a, ok := c.Get(accountKey); ok {
		return a.(*Account)
	}
	return nil
}

// errSignIn answers a request that needs an account.
var errSignIn = &forms.Error{Code: forms.EUNAUTHORIZED, Message: "sign in first"}

// Identify finds the account of a request from its session cookie or its
// API token, and stores it on the context; it refuses nothing but a
// failure to look.
func (s *Site) Identify() gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx := c.Request.Context()
		var u storage.User
		var err error
		if h := c.GetHeader("Authorization"); strings.HasPrefix(h, "Bearer ") {
			u, err = s.DB.APITokenUser(ctx, strings.TrimSpace(strings.TrimPrefix(h, "Bearer ")))
		} else if ck, cerr := c.Cookie(SessionCookie); cerr == nil && ck != "" {
			u, err = s.DB.SessionUser(ctx, ck, s.Sessions)
		} else {
			c.Next()
			return
		}
		if err == nil {
			c.Set(accountKey, &Account{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role})
		} else if forms.ErrorCode(err) != forms.EUNAUTHORIZED {
			s.Error(c, err)
			return
		}
		c.Next()
	}
}

// RequireAccount sends people who are not signed in to the sign-in page
// (keeping a form posted after the session expired, see keepExpiredPost),
// and API clients a 401.
func (s *Site) RequireAccount() gin.HandlerFunc {
	return func(c *gin.Context) {
		if AccountOf(c) != nil {
			c.Next()
			return
		}
		if isAPI(c) {
			s.Error(c, errSignIn)
			return
		}
		if id, ok := s.keepExpiredPost(c); ok {
			s.signInKeeping(c, id)
			return
		}
		if c.Request.Method != http.MethodGet {
			s.Error(c, errSignIn)
			return
		}
		c.Redirect(http.StatusSeeOther, "/logga-in?next="+url.QueryEscape(c.Request.URL.RequestURI()))
		c.Abort()
	}
}

// RequireAdmin refuses readers: they see everything and change nothing.
func (s *Site) RequireAdmin() gin.HandlerFunc {
	return func(c *gin.Context) {
		switch a := AccountOf(c); {
		case a == nil:
			s.Error(c, errSignIn)
		case !a.IsAdmin():
			s.Error(c, &forms.Error{Code: forms.EFORBIDDEN, Message: "readers cannot change anything"})
		default:
			c.Next()
		}
	}
}

// SetSessionCookie sets (or, with maxAge -1, clears) the session cookie.
func (s *Site) SetSessionCookie(c *gin.Context, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: SessionCookie, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.Secure()})
}
