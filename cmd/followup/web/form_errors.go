package web

import (
	"errors"
	"slices"

	"followup/cmd/followup/web/i18n"
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
func formErrors(l *i18n.Localizer, err error, fields map[string]formField) ([]fieldError, map[string]string) {
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
			msg = l.T("error.text_too_long_max", l.Digits(ff.Limit))
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
