package web

import "github.com/gin-gonic/gin"

// Placeholders until this part of the office workspace is built.

func (s *Server) apiDepartments(c *gin.Context)       { s.errorPage(c, notFound) }
func (s *Server) apiPlans(c *gin.Context)             { s.errorPage(c, notFound) }
func (s *Server) apiPlan(c *gin.Context)              { s.errorPage(c, notFound) }
func (s *Server) apiRounds(c *gin.Context)            { s.errorPage(c, notFound) }
func (s *Server) apiRound(c *gin.Context)             { s.errorPage(c, notFound) }
func (s *Server) apiProgress(c *gin.Context)          { s.errorPage(c, notFound) }
func (s *Server) apiResponses(c *gin.Context)         { s.errorPage(c, notFound) }
func (s *Server) apiResponse(c *gin.Context)          { s.errorPage(c, notFound) }
func (s *Server) apiConsolidations(c *gin.Context)    { s.errorPage(c, notFound) }
func (s *Server) apiCreateDepartment(c *gin.Context)  { s.errorPage(c, notFound) }
func (s *Server) apiImportPlan(c *gin.Context)        { s.errorPage(c, notFound) }
func (s *Server) apiCreateRound(c *gin.Context)       { s.errorPage(c, notFound) }
func (s *Server) apiOpenRound(c *gin.Context)         { s.errorPage(c, notFound) }
func (s *Server) apiCloseRound(c *gin.Context)        { s.errorPage(c, notFound) }
func (s *Server) apiLinks(c *gin.Context)             { s.errorPage(c, notFound) }
func (s *Server) apiReplaceLink(c *gin.Context)       { s.errorPage(c, notFound) }
func (s *Server) apiReturnResponse(c *gin.Context)    { s.errorPage(c, notFound) }
func (s *Server) apiSaveConsolidation(c *gin.Context) { s.errorPage(c, notFound) }
