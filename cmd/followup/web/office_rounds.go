package web

import "github.com/gin-gonic/gin"

// Placeholders until this part of the office workspace is built.

func (s *Server) dashboard(c *gin.Context)       { s.errorPage(c, notFound) }
func (s *Server) listRounds(c *gin.Context)      { s.errorPage(c, notFound) }
func (s *Server) showRound(c *gin.Context)       { s.errorPage(c, notFound) }
func (s *Server) showResponse(c *gin.Context)    { s.errorPage(c, notFound) }
func (s *Server) newRound(c *gin.Context)        { s.errorPage(c, notFound) }
func (s *Server) createRound(c *gin.Context)     { s.errorPage(c, notFound) }
func (s *Server) setRoundState(c *gin.Context)   { s.errorPage(c, notFound) }
func (s *Server) setParticipants(c *gin.Context) { s.errorPage(c, notFound) }
func (s *Server) showLinks(c *gin.Context)       { s.errorPage(c, notFound) }
func (s *Server) replaceLink(c *gin.Context)     { s.errorPage(c, notFound) }
func (s *Server) returnResponse(c *gin.Context)  { s.errorPage(c, notFound) }
func (s *Server) exportWorkbook(c *gin.Context)  { s.errorPage(c, notFound) }
func (s *Server) exportReport(c *gin.Context)    { s.errorPage(c, notFound) }
