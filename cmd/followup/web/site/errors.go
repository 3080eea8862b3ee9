package site

import (
	"errors"
	"mime"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// errorStatus maps the domain's error vocabulary to HTTP status codes; the
// catalog holds each code's message under "error.code.<code>". It is the
// one table: docs/api.md lists it, and a test holds the two together.
var errorStatus = map[string]int{
	forms.EINVALID:      http.StatusUnprocessableEntity,
	forms.ENOTFOUND:     http.StatusNotFound,
	forms.ECONFLICT:     http.StatusConflict,
	forms.EFORBIDDEN:    http.StatusForbidden,
	forms.EUNAUTHORIZED: http.StatusUnauthorized,
	forms.ECLOSED:       http.StatusConflict,
	forms.ESUBMITTED:    http.StatusConflict,
	forms.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	forms.EBUSY:         http.StatusServiceUnavailable,
	forms.ERATELIMIT:    http.StatusTooManyRequests,
	forms.EINTERNAL:     http.StatusInternalServerError,
}

// Code returns the vocabulary's code of an error: its *forms.Error's code,
// ETOOLARGE for a body over its limit, EINTERNAL for anything else.
func Code(err error) string {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return forms.ETOOLARGE
	}
	code := forms.ErrorCode(err)
	if _, ok := errorStatus[code]; !ok {
		return forms.EINTERNAL
	}
	return code
}

// Status returns the HTTP status of an error, by its code.
func Status(err error) int { return errorStatus[Code(err)] }

// errRecovered stands for a panic that recoverPanic has logged already.
var errRecovered = &forms.Error{Code: forms.EINTERNAL, Message: "panic"}

// Error answers an error: with the status and the message of its code, as
// the JSON error body on the API's routes (or to a client that accepts
// only JSON), else as the error page. Only internal errors are logged, with
// the request id and the route, and a busy database; their details never
// reach the person.
// Forms that show their field errors beside the fields do so in their
// handlers; Error is for everything else.
func (s *Site) Error(c *gin.Context, err error) {
	code := Code(err)
	s.logError(c, code, err)
	c.Abort()
	if c.Writer.Written() {
		return // a download broke off after its first byte; nothing to add
	}
	if wantsJSON(c) {
		c.JSON(errorStatus[code], gin.H{"error": s.errorBody(c, code, err)})
		return
	}
	s.errorPage(c, code)
}

// Refused returns the status of an error that a handler answers itself,
// showing the form again with what was typed, and logs it as Error would.
func (s *Site) Refused(c *gin.Context, err error) int {
	code := Code(err)
	s.logError(c, code, err)
	return errorStatus[code]
}

// logError logs what an answer leaves in the log beside its access-log
// line: an internal error with its detail, and a database that stayed
// locked past the busy timeout (the person is asked to try again; many in
// a row mean something holds the lock).
func (s *Site) logError(c *gin.Context, code string, err error) {
	switch {
	case code == forms.EINTERNAL && err != errRecovered:
		s.Logger.Error("request failed", "request_id", RequestID(c), "route", c.FullPath(), "err", err)
	case code == forms.EBUSY:
		s.Logger.Warn("busy", "request_id", RequestID(c), "route", c.FullPath(), "err", err)
	}
}

// errorPage writes the plain error page of a code; if even that fails, the
// message as text. The page is the same whatever the request's path and
// account (every unknown link gets the same page), but for the request id.
func (s *Site) errorPage(c *gin.Context, code string) {
	l := s.Localizer(c)
	status, message := errorStatus[code], l.T("error.code."+code)
	b, err := s.pages.execute("error", Page{L: l, Title: l.T("error.page_title"), RequestID: RequestID(c),
		Data: map[string]any{"Message": message, "Status": status}})
	if err != nil {
		c.Data(status, "text/plain; charset=utf-8", []byte(message))
		return
	}
	WriteHTML(c, status, b)
}

// ErrorBody is the JSON shape of every API error (docs/api.md, Errors).
type ErrorBody struct {
	Code      string            `json:"code"`
	Message   string            `json:"message"`
	Fields    map[string]string `json:"fields,omitempty"`
	Conflicts []ConflictJSON    `json:"conflicts,omitempty"`
}

// ConflictJSON is one answer two people changed at the same time.
type ConflictJSON struct {
	ActivityID int64      `json:"activity_id,omitempty"`
	Mine       AnswerJSON `json:"mine"`
	Theirs     AnswerJSON `json:"theirs"`
}

// errorBody builds an error's JSON body; field messages are translated for
// the request's language.
func (s *Site) errorBody(c *gin.Context, code string, err error) ErrorBody {
	l := s.Localizer(c)
	body := ErrorBody{Code: code, Message: l.T("error.code." + code)}
	var fe *forms.Error
	if !errors.As(err, &fe) {
		return body
	}
	if len(fe.Fields) > 0 {
		body.Fields = map[string]string{}
		for f, k := range fe.Fields {
			body.Fields[f] = l.T(k)
		}
	}
	for _, cf := range fe.Conflicts {
		body.Conflicts = append(body.Conflicts, ConflictJSON{ActivityID: cf.ActivityID, Mine: AnswerOf(cf.Mine), Theirs: AnswerOf(cf.Theirs)})
	}
	return body
}

// ErrorJSON is an error's JSON body, for a handler that answers an error
// together with more (the questionnaire's reply to a save with conflicts).
func (s *Site) ErrorJSON(c *gin.Context, err error) (int, ErrorBody) {
	code := Code(err)
	return errorStatus[code], s.errorBody(c, code, err)
}

// wantsJSON reports whether an error is answered as JSON: on a route of
// the API (marked by the JSON middleware, or under /api/ when no route
// matched), or when the client accepts JSON and not HTML.
func wantsJSON(c *gin.Context) bool {
	return isAPI(c) || acceptsOnlyJSON(c.Request)
}

// isAPI reports whether the request is one for the JSON API.
func isAPI(c *gin.Context) bool {
	return c.GetBool(apiKey) || (c.FullPath() == "" && strings.HasPrefix(c.Request.URL.Path, "/api/"))
}

// acceptsOnlyJSON reports whether the Accept header names JSON and does not
// name HTML.
func acceptsOnlyJSON(r *http.Request) bool {
	json, html := false, false
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		json = json || mt == "application/json"
		html = html || mt == "text/html"
	}
	return json && !html
}
