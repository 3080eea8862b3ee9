package web

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"followup/forms"
)

// formField describes a field of an office form for its error messages.
type formField struct {
	Label string // translated, for the error summary
	// Anchor is the id the summary's link points at when it is not the
	// field's name (radio and checkbox groups).
	Anchor string
	// Limit is the field's length in characters, named when a text is too
	// long; 0 keeps the domain's message.
	Limit int
}

// formErrors turns a domain error into the form's error summary and
// per-field messages, translated, in the order the domain gave them.
func formErrors(l *Localizer, err error, fields map[string]formField) ([]fieldError, map[string]string) {
	byField := map[string]string{}
	var out []fieldError
	var fe *forms.Error
	if !errors.As(err, &fe) {
		return nil, byField
	}
	order := slices.Clone(fe.Order)
	for f := range fe.Fields {
		if !slices.Contains(order, f) {
			order = append(order, f)
		}
	}
	for _, f := range order {
		if _, dup := byField[f]; dup {
			continue
		}
		ff := fields[f]
		msg := l.T(fe.Fields[f])
		if fe.Fields[f] == "error.text_too_long" && ff.Limit > 0 {
			msg = l.T("error.text_too_long_max", groupDigits(l, ff.Limit))
		}
		byField[f] = msg
		target, label := f, f
		if ff.Anchor != "" {
			target = ff.Anchor
		}
		if ff.Label != "" {
			label = ff.Label
		}
		out = append(out, fieldError{Field: target, Label: label, Message: msg})
	}
	return out, byField
}

// groupDigits writes a number with its thousands grouped as the language
// does: "20 000", "20,000".
func groupDigits(l *Localizer, n int) string {
	if l.Lang == English {
		return thousands(n, ",")
	}
	return thousands(n, "\u00a0")
}

// thousands groups a number's digits by three with sep.
func thousands(n int, sep string) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}
