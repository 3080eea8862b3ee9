package sso

import (
	"errors"
	"net/http"
)

// Reasons a sign-in through the provider fails before anyone is
// identified: each is recorded in the audit log
// (storage.DB.RecordSignInRefusal), and the web shows its own text for
// each (see Status for the answer's status code).
const (
	// ReasonUnavailable: the provider cannot be reached, or answers
	// nonsense. Local sign-in still works.
	ReasonUnavailable = "provider_unavailable"
	// ReasonStateMissing: the callback came without the flow cookie, as
	// from another browser or after it expired.
	ReasonStateMissing = "state_missing"
	// ReasonStateUnknown: the flow cookie names no sign-in under way: it
	// expired, the server restarted, or it was used already (a replay).
	ReasonStateUnknown = "state_unknown"
	// ReasonStateMismatch: the state the provider sent back is not the
	// one this browser's sign-in began with (a forged callback).
	ReasonStateMismatch = "state_mismatch"
	// ReasonProviderError: the provider answered with an error, such as
	// access_denied when the person cancelled or is not assigned to the
	// application.
	ReasonProviderError = "provider_error"
	// ReasonExchange: the provider refused to exchange the code.
	ReasonExchange = "code_exchange"
	// ReasonTokenInvalid: the ID token failed verification: signature,
	// algorithm, issuer, audience or expiry.
	ReasonTokenInvalid = "token_invalid"
	// ReasonNonceMismatch: the ID token's nonce is not this sign-in's.
	ReasonNonceMismatch = "nonce_mismatch"
	// ReasonGroupsOverage: the role claim did not fit in the token (Entra
	// ID sends a reference instead of more than 200 groups); the
	// application's registration must emit app roles or only the groups
	// assigned to it.
	ReasonGroupsOverage = "groups_overage"
)

// Error is a failed sign-in: the Reason, for the audit log and the
// person's message, and the underlying error, for the log. Its text never
// holds a token, a code or a secret.
type Error struct {
	Reason string
	Err    error
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Err == nil {
		return "sign-in through the provider failed: " + e.Reason
	}
	return "sign-in through the provider failed: " + e.Reason + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Reason returns the Reason of an *Error in err's chain, or "" if none.
func Reason(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// Status is the HTTP status the web answers a failed sign-in with: 503
// while the provider is unreachable, 403 when the person has no access,
// 400 for a callback that does not belong to a sign-in under way, 401 for
// one the provider or its token let down.
func Status(err error) int {
	switch Reason(err) {
	case ReasonUnavailable:
		return http.StatusServiceUnavailable
	case ReasonGroupsOverage:
		return http.StatusForbidden
	case ReasonStateMissing, ReasonStateUnknown, ReasonStateMismatch:
		return http.StatusBadRequest
	case "":
		return http.StatusInternalServerError
	}
	return http.StatusUnauthorized
}

func fail(reason string, err error) *Error { return &Error{Reason: reason, Err: err} }
