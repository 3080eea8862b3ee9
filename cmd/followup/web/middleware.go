package web

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

const requestIDKey = "request_id"

// requestID gives every request an id that the error page shows and the log
// records, so a person's report can be matched to the log line.
func requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		b := make([]byte, 8)
		rand.Read(b)
		c.Set(requestIDKey, hex.EncodeToString(b))
		c.Next()
	}
}

// accessLog logs each request by its route pattern, never its path: paths
// of questionnaires carry the department's token.
func (s *Server) accessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		// Deferred, so that a request broken off by a panic (a download
		// that failed halfway) is logged too.
		defer func() {
			route := c.FullPath()
			if route == "" {
				route = "(no route)"
			}
			s.Logger.Info("request", "request_id", c.GetString(requestIDKey), "method", c.Request.Method,
				"route", route, "status", c.Writer.Status(), "duration_ms", time.Since(start).Milliseconds(), "bytes", c.Writer.Size())
		}()
		c.Next()
	}
}

// recoverPanic turns a panic in a handler into the plain error page with the
// request id, logs the stack, and lets the server go on serving.
func (s *Server) recoverPanic() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.Error("panic", "request_id", c.GetString(requestIDKey), "route", c.FullPath(),
					"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if !c.Writer.Written() {
					s.errorPage(c, &forms.Error{Code: forms.EINTERNAL})
				}
				c.Abort()
			}
		}()
		c.Next()
	}
}

// securityHeaders sets the headers every response carries: no inline script
// or style, no framing, no sniffing, no referrer (questionnaire URLs carry
// tokens), and HSTS when served over https.
func (s *Server) securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if s.secure() {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		c.Next()
	}
}

// Body size limits: forms are small; import uploads may be larger but are
// still bounded.
const (
	formBodyLimit   = 1 << 20
	uploadBodyLimit = 10 << 20
)

// limitBody caps the request body; reading past it fails with a
// *http.MaxBytesError, which the error mapping shows as 413.
func limitBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > n {
			c.Set("too_large", true)
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}
