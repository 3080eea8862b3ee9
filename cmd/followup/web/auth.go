package web

import "github.com/gin-gonic/gin"

const accountKey = "account"

// Account is the signed-in office account of a request.
type Account struct {
	ID    int64
	Email string
	Name  string
	Role  string
}

// IsAdmin reports whether the account may change things.
func (a *Account) IsAdmin() bool { return a != nil && a.Role == "admin" }

// officeRoutes registers the office's pages and API.
func (s *Server) officeRoutes(r *gin.Engine) {}
