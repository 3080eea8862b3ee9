package web

import "github.com/gin-gonic/gin"

// Placeholders until this part of the office workspace is built.

func (s *Server) listPlans(c *gin.Context)         { s.errorPage(c, notFound) }
func (s *Server) planTemplate(c *gin.Context)      { s.errorPage(c, notFound) }
func (s *Server) showPlan(c *gin.Context)          { s.errorPage(c, notFound) }
func (s *Server) exportPlanJSON(c *gin.Context)    { s.errorPage(c, notFound) }
func (s *Server) createPlan(c *gin.Context)        { s.errorPage(c, notFound) }
func (s *Server) newPlan(c *gin.Context)           { s.errorPage(c, notFound) }
func (s *Server) showPlanImport(c *gin.Context)    { s.errorPage(c, notFound) }
func (s *Server) updatePlan(c *gin.Context)        { s.errorPage(c, notFound) }
func (s *Server) addArea(c *gin.Context)           { s.errorPage(c, notFound) }
func (s *Server) updateArea(c *gin.Context)        { s.errorPage(c, notFound) }
func (s *Server) addActivity(c *gin.Context)       { s.errorPage(c, notFound) }
func (s *Server) updateActivity(c *gin.Context)    { s.errorPage(c, notFound) }
func (s *Server) updateScale(c *gin.Context)       { s.errorPage(c, notFound) }
func (s *Server) archivePlan(c *gin.Context)       { s.errorPage(c, notFound) }
func (s *Server) previewPlanImport(c *gin.Context) { s.errorPage(c, notFound) }
func (s *Server) confirmPlanImport(c *gin.Context) { s.errorPage(c, notFound) }
