package web

import "github.com/gin-gonic/gin"

// Placeholders until this part of the office workspace is built.

func (s *Server) listDepartments(c *gin.Context)         { s.errorPage(c, notFound) }
func (s *Server) newDepartment(c *gin.Context)           { s.errorPage(c, notFound) }
func (s *Server) createDepartment(c *gin.Context)        { s.errorPage(c, notFound) }
func (s *Server) editDepartment(c *gin.Context)          { s.errorPage(c, notFound) }
func (s *Server) updateDepartment(c *gin.Context)        { s.errorPage(c, notFound) }
func (s *Server) setDepartmentActive(c *gin.Context)     { s.errorPage(c, notFound) }
func (s *Server) showDepartmentImport(c *gin.Context)    { s.errorPage(c, notFound) }
func (s *Server) previewDepartmentImport(c *gin.Context) { s.errorPage(c, notFound) }
func (s *Server) confirmDepartmentImport(c *gin.Context) { s.errorPage(c, notFound) }
