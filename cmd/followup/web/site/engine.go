package site

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// Engine builds the Gin engine every request passes through: the trusted
// proxies, then the middleware in order (request id, recovery, the answer
// to a middleware's refusal), and the not-found answer. The route table adds the routes; Handler wraps the
// engine in what every response needs (headers, access log).
func (s *Site) Engine() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.ContextWithFallback = true
	r.SetTrustedProxies(s.TrustedProxies)
	r.Use(s.requestID(), s.recoverPanic(), s.answerRefusals())
	r.NoRoute(s.Handle(func(*gin.Context) error { return forms.Errorf(forms.ENOTFOUND, "no route") }))
	return r
}

// Handle adapts a handler that returns an error to Gin: the handler writes
// its answer and returns nil, or returns the error and Error answers it, as
// a page or as JSON. A handler never writes an error itself.
func (s *Site) Handle(h func(*gin.Context) error) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := h(c); err != nil {
			s.Error(c, err)
		}
	}
}

// Healthz answers a load balancer's check.
func Healthz(c *gin.Context) { c.String(http.StatusOK, "ok") }
