package site

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// The outermost layer of the server. Gin's middleware runs only for
// requests that reach a route or the not-found handler; the router's own
// redirects (a trailing slash) and the refusal of a cross-origin post are
// written before any of it. So what every response needs is done here,
// around the engine: the request id, the security headers, the access-log
// line, HEAD answered as GET, and a last recovery.

// requestInfo is what the outermost layer knows of a request; the engine
// adds the route pattern once the router has found it.
type requestInfo struct {
	id    string
	route string
	head  bool // a HEAD request, answered as a GET without its body
}

type requestInfoKey struct{}

// infoOf returns the request's info, or nil when the request did not come
// through Handler (an engine used on its own, in tests).
func infoOf(ctx context.Context) *requestInfo {
	info, _ := ctx.Value(requestInfoKey{}).(*requestInfo)
	return info
}

// Handler wraps the engine in what every response needs, whoever writes
// it: the request id, the security headers and one access-log line, HEAD
// answered like GET without a body, and Go's cross-origin protection, whose
// refusal is the error page (or the API's JSON error) like any other.
func (s *Site) Handler(engine http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(s.crossOriginRefusal())
	inner := cop.Handler(engine)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		info := &requestInfo{id: newRequestID()}
		rw := &responseRecorder{ResponseWriter: w}
		s.setSecurityHeaders(w.Header())
		method, start := r.Method, time.Now()
		defer func() {
			v := recover()
			if v != nil && v != http.ErrAbortHandler {
				s.Logger.Error("panic", "request_id", info.id, "route", routeName(info.route),
					"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if rw.status == 0 {
					http.Error(rw, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
				}
			}
			s.Logger.Info("request", "request_id", info.id, "method", method, "route", routeName(info.route),
				"status", rw.Status(), "duration_ms", time.Since(start).Milliseconds(), "bytes", rw.bytes)
			if v == http.ErrAbortHandler {
				panic(v)
			}
		}()
		r = r.WithContext(context.WithValue(r.Context(), requestInfoKey{}, info))
		if r.Method == http.MethodHead {
			// Gin routes HEAD nowhere; answer it as the GET it asks
			// about, without the body. Handlers of GET change nothing.
			r.Method, info.head, rw.discard = http.MethodGet, true, true
		}
		inner.ServeHTTP(rw, r)
	})
}

// routeName is the route pattern as the access log names it.
func routeName(route string) string {
	if route == "" {
		return "(no route)"
	}
	return route
}

// IsHead reports whether the request is a HEAD answered as a GET; a GET
// handler that would change something (such as taking a kept form) leaves
// it alone then.
func IsHead(c *gin.Context) bool {
	info := infoOf(c.Request.Context())
	return info != nil && info.head
}

// errCrossOrigin answers a post that a browser sent from another site.
var errCrossOrigin = &forms.Error{Code: forms.EFORBIDDEN, Message: "cross-origin request refused"}

// crossOriginRefusal answers what Go's cross-origin protection refuses:
// an engine of no routes, whose not-found handler is the error page of a
// forbidden request, or its JSON under /api/.
func (s *Site) crossOriginRefusal() http.Handler {
	e := gin.New()
	e.ContextWithFallback = true
	e.Use(s.requestID(), s.recoverPanic())
	refuse := s.Handle(func(*gin.Context) error { return errCrossOrigin })
	e.NoRoute(refuse)
	e.NoMethod(refuse)
	return e
}

// setSecurityHeaders sets the headers every response carries: no inline
// script or style, no framing, no sniffing, no referrer (questionnaire URLs
// carry tokens), and HSTS when served over https.
func (s *Site) setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if s.Secure() {
		h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
	}
}

// responseRecorder notes the status and the size of what is written, for
// the access log, and drops the body of an answer to HEAD.
type responseRecorder struct {
	http.ResponseWriter
	status  int
	bytes   int64
	discard bool
}

// WriteHeader notes the first status written.
func (w *responseRecorder) WriteHeader(code int) {
	if w.status == 0 && code >= 200 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write counts the body, or drops it for HEAD.
func (w *responseRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if w.discard {
		return len(b), nil
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Status is the status written, 200 when the handler wrote none.
func (w *responseRecorder) Status() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

// Flush sends what is buffered, for downloads that stream.
func (w *responseRecorder) Flush() {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *responseRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }
