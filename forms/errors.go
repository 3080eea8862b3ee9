package forms

import (
	"errors"
	"fmt"
)

// Error codes form the application's one error vocabulary. The HTTP layer maps
// each code to a status code and a Swedish message in one place.
const (
	EINVALID      = "invalid"      // the input breaks a rule; Fields says which
	ENOTFOUND     = "not_found"    // no such thing, or not visible to the caller
	ECONFLICT     = "conflict"     // someone else changed it first
	EFORBIDDEN    = "forbidden"    // the caller may not do this
	EUNAUTHORIZED = "unauthorized" // the caller must sign in first
	ECLOSED       = "closed"       // the round no longer accepts answers
	ESUBMITTED    = "submitted"    // the response was already submitted
	ETOOLARGE     = "too_large"    // the request body is over its limit
	EBUSY         = "busy"         // the database stayed locked; try again
	ERATELIMIT    = "rate_limited" // too many attempts in a short time
	EINTERNAL     = "internal"     // a fault of ours; logged, never shown
)

// ErrorCodes lists every code of the vocabulary, for the tables that must
// name each one (the HTTP status of each code, its message).
func ErrorCodes() []string {
	return []string{EINVALID, ENOTFOUND, ECONFLICT, EFORBIDDEN, EUNAUTHORIZED, ECLOSED, ESUBMITTED, ETOOLARGE, EBUSY, ERATELIMIT, EINTERNAL}
}

// Error is a domain error that carries a code, a message for the log (in
// English; people see the catalog's text for the code), and the details of
// its code: per-field messages for forms, and for a save of answers the
// conflicts and the response as saved.
type Error struct {
	Code    string
	Message string
	// Fields maps a form field name to a message key of the catalog.
	Fields map[string]string
	// Order lists the keys of Fields in the order they appear on the form.
	Order []string
	// Conflicts lists the answers of a save that someone else changed at
	// the same time (ECONFLICT); the other answers were saved.
	Conflicts []Conflict
	// Saved is the response after a save that stored part of what was
	// sent: the answers that did not conflict (ECONFLICT) or were valid
	// (EINVALID).
	Saved *Response
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf builds an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic text for internal errors, whose details must not reach users.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// FieldErrors collects per-field problems while validating a form, keeping the
// order in which the fields appear so an error summary can follow the page.
type FieldErrors struct {
	fields map[string]string
	order  []string
}

// Add records a message key for field unless the field already has one.
func (fe *FieldErrors) Add(field, key string) {
	if fe.fields == nil {
		fe.fields = map[string]string{}
	}
	if _, ok := fe.fields[field]; ok {
		return
	}
	fe.fields[field] = key
	fe.order = append(fe.order, field)
}

// Len reports how many fields have errors.
func (fe *FieldErrors) Len() int { return len(fe.order) }

// Err returns nil when no field has an error, else an EINVALID *Error.
func (fe *FieldErrors) Err(message string) error {
	if fe.Len() == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: message, Fields: fe.fields, Order: fe.order}
}
