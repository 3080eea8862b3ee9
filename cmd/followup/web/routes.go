package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Handler builds the Gin engine: the middleware every request passes, then
// the whole route table, grouped by who may use it.
func (s *Server) Handler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.ContextWithFallback = true
	r.SetTrustedProxies(s.TrustedProxies)
	r.Use(requestID(), s.recoverPanic(), s.accessLog(), s.securityHeaders())
	r.NoRoute(func(c *gin.Context) { s.errorPage(c, notFound) })
	r.NoMethod(func(c *gin.Context) { s.errorPage(c, notFound) })
	r.HandleMethodNotAllowed = false

	// Anyone: assets, the start page, the choice of language.
	r.GET("/static/*file", s.serveStatic)
	r.GET("/farger/:plan", s.scaleCSS)
	r.GET("/", s.home)
	r.POST("/sprak", limitBody(formBodyLimit), s.setLanguage)
	r.GET("/healthz", func(c *gin.Context) { c.String(http.StatusOK, "ok") })

	// A department, through its own link.
	dept := r.Group("/r/:token", limitBody(formBodyLimit))
	dept.GET("", s.showQuestionnaire)
	dept.POST("", s.postQuestionnaire)
	dept.GET("/kvitto.pdf", s.receiptPDF)
	deptAPI := r.Group("/api/v1/r/:token", limitBody(formBodyLimit))
	deptAPI.GET("", s.apiQuestionnaire)
	deptAPI.POST("/draft", s.apiSaveDraft)
	deptAPI.POST("/submit", s.apiSubmit)

	s.officeRoutes(r)
	return r
}
