package site

import (
	"bytes"
	"io"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// Body size limits: forms are small; imports and the office's JSON API may
// be larger but are still bounded.
const (
	FormLimit   = 1 << 20
	UploadLimit = 10 << 20
)

// errTooLarge refuses a body over its limit.
var errTooLarge = forms.Errorf(forms.ETOOLARGE, "request body too large")

// LimitBody reads the request's body, up to n bytes, before any handler
// runs: a longer one, declared or sent, is refused with 413, and a form
// that cannot be parsed with 422. So no handler ever works on part of a
// body, whether or not it looks at the error of reading it (a sign-in cut
// off at the limit would otherwise count as a wrong password). Handlers
// read the body, or the parsed form, from memory.
func LimitBody(n int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := readBody(c, n); err != nil {
			Refuse(c, err)
			return
		}
		c.Next()
	}
}

// readBody reads the body into memory and parses it when it is a form.
func readBody(c *gin.Context, n int64) error {
	r := c.Request
	if r.ContentLength > n {
		return errTooLarge
	}
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength))
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(c.Writer, r.Body, n))
	r.Body.Close()
	if err != nil {
		return BodyError(err)
	}
	r.Body = io.NopCloser(&buf)
	switch mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt {
	case "application/x-www-form-urlencoded":
		err = r.ParseForm()
	case "multipart/form-data":
		err = r.ParseMultipartForm(n)
	}
	if err != nil {
		return BodyError(err)
	}
	return nil
}

// Refuse stops a request in middleware with an error, which the engine
// answers as Error does once the middleware has returned.
func Refuse(c *gin.Context, err error) {
	_ = c.Error(err)
	c.Abort()
}

// answerRefusals answers the error of a middleware that refused the
// request with Refuse.
func (s *Site) answerRefusals() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		if c.IsAborted() && !c.Writer.Written() && len(c.Errors) > 0 {
			s.Error(c, c.Errors.Last().Err)
		}
	}
}
