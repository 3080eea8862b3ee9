package site

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"
)

// Keys of the values the middleware puts on a request's context.
const (
	requestIDKey = "request_id"
	apiKey       = "api"       // the route belongs to the JSON API
	tooLargeKey  = "too_large" // the body declares more than its limit
)

// RequestID returns the request's id, which the error page shows and the
// log records, so a person's report can be matched to the log line.
func RequestID(c *gin.Context) string { return c.GetString(requestIDKey) }

// requestID gives every request an id of 16 random hex characters.
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
func (s *Site) accessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		// Deferred, so that a request broken off by a panic (a download
		// that failed halfway) is logged too.
		defer func() {
			route := c.FullPath()
			if route == "" {
				route = "(no route)"
			}
			s.Logger.Info("request", "request_id", RequestID(c), "method", c.Request.Method,
				"route", route, "status", c.Writer.Status(), "duration_ms", time.Since(start).Milliseconds(), "bytes", c.Writer.Size())
		}()
		c.Next()
	}
}

// recoverPanic turns a panic in a handler into the plain error page with the
// request id, logs the stack, and lets the server go on serving.
func (s *Site) recoverPanic() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.Error("panic", "request_id", RequestID(c), "route", c.FullPath(),
					"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.Error(c, errRecovered)
			}
		}()
		c.Next()
	}
}

// securityHeaders sets the headers every response carries: no inline script
// or style, no framing, no sniffing, no referrer (questionnaire URLs carry
// tokens), and HSTS when served over https.
func (s *Site) securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if s.Secure() {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		c.Next()
	}
}

// API marks a group of routes as the JSON API: its errors are answered as
// JSON and its messages follow the client's Accept-Language.
func API() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Set(apiKey, true)
		c.Next()
	}
}

// Body size limits: forms are small; imports and the office's JSON API may
// be larger but are still bounded.
const (
	FormLimit   = 1 << 20
	UploadLimit = 10 << 20
)

// LimitBody caps the request body; reading past it fails with a
// *http.MaxBytesError, which Error answers as 413.
func LimitBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > n {
			c.Set(tooLargeKey, true)
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}
