// Package forms holds the follow-up domain: departments, action plans with
// their status scales, follow-up rounds, the questionnaire responses that
// departments fill in, and the rules that validate and consolidate them.
//
// It knows nothing of HTTP or SQL; the storage package persists these values
// and the HTTP handlers translate requests into calls on them.
package forms
