package web

import (
	"errors"
	"net/http"

	"followup/forms"
)

// errorStatus maps the domain's error vocabulary to HTTP status codes; the
// catalog holds each code's message under "error.code.<code>".
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

// statusOf returns the HTTP status and catalog key for an error.
func statusOf(err error) (int, string) {
	code := forms.ErrorCode(err)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		code = forms.ETOOLARGE
	}
	st, ok := errorStatus[code]
	if !ok {
		code, st = forms.EINTERNAL, http.StatusInternalServerError
	}
	return st, "error.code." + code
}
