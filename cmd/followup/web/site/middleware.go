package site

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/gin-gonic/gin"
)

// Keys of the values the middleware puts on a request's context.
const (
	requestIDKey = "request_id"
	apiKey       = "api" // the route belongs to the JSON API
)

// RequestID returns the request's id, which the error page shows and the
// log records, so a person's report can be matched to the log line.
func RequestID(c *gin.Context) string { return c.GetString(requestIDKey) }

// requestID puts the request's id, given by Handler, on the context, and
// tells Handler the route the router found, for the access log. An engine
// used without Handler (in tests) makes an id of its own.
func (s *Site) requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := ""
		if info := infoOf(c.Request.Context()); info != nil {
			id, info.route = info.id, c.FullPath()
		} else {
			id = newRequestID()
		}
		c.Set(requestIDKey, id)
		c.Next()
	}
}

// newRequestID returns 16 random hex characters.
func newRequestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
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

// API marks a group of routes as the JSON API: its errors are answered as
// JSON and its messages follow the client's Accept-Language.
func API() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Set(apiKey, true)
		c.Next()
	}
}
