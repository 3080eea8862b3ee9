package web

import "github.com/gin-gonic/gin"

// Placeholders until this part of the office workspace is built.

func (s *Server) showMatrix(c *gin.Context)        { s.errorPage(c, notFound) }
func (s *Server) showConsolidation(c *gin.Context) { s.errorPage(c, notFound) }
func (s *Server) saveConsolidation(c *gin.Context) { s.errorPage(c, notFound) }
func (s *Server) showAudit(c *gin.Context)         { s.errorPage(c, notFound) }
func (s *Server) listAccounts(c *gin.Context)      { s.errorPage(c, notFound) }
func (s *Server) createAccount(c *gin.Context)     { s.errorPage(c, notFound) }
func (s *Server) setAccountActive(c *gin.Context)  { s.errorPage(c, notFound) }
func (s *Server) createAPIToken(c *gin.Context)    { s.errorPage(c, notFound) }
func (s *Server) revokeAPIToken(c *gin.Context)    { s.errorPage(c, notFound) }
