package site

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/forms"
)

// ParamID reads a positive id from the path, written as ParseID wants it;
// anything else is ENOTFOUND, like an id that does not exist.
func ParamID(c *gin.Context, name string) (int64, error) {
	id, ok := ParseID(c.Param(name))
	if !ok {
		return 0, forms.Errorf(forms.ENOTFOUND, "no such %s", name)
	}
	return id, nil
}

// QueryID reads a positive id from the query, written as ParseID wants it.
func QueryID(c *gin.Context, name string) (int64, bool) { return ParseID(c.Query(name)) }

// ParseID reads a positive id written the one way ids are written: decimal
// digits without a sign, a leading zero or spaces, so that one thing has
// one address (+2, 02 and 2.0 are not 2).
func ParseID(s string) (int64, bool) {
	if s == "" || s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil
}

// ParseForm reads a posted form; a body over its limit is ETOOLARGE, one
// that cannot be read EINVALID. (Behind LimitBody the form has been read
// already, and these cannot happen.)
func ParseForm(c *gin.Context) (url.Values, error) {
	if err := c.Request.ParseForm(); err != nil {
		return nil, BodyError(err)
	}
	return c.Request.PostForm, nil
}

// BodyError turns a failure to read the body into the vocabulary: over the
// limit is ETOOLARGE, anything else EINVALID.
func BodyError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return forms.Errorf(forms.ETOOLARGE, "request body too large")
	}
	return forms.Errorf(forms.EINVALID, "unreadable form")
}

// Checked reads a checkbox.
func Checked(v string) bool {
	switch strings.ToLower(v) {
	case "1", "on", "true", "yes", "ja":
		return true
	}
	return false
}

// FieldErr is an error of the vocabulary about one field; key is a catalog
// key.
func FieldErr(code, field, key string) *forms.Error {
	return &forms.Error{Code: code, Message: field + ": " + key, Fields: map[string]string{field: key}, Order: []string{field}}
}

// FieldError is one problem of a form, for the error summary at the top of
// the page and the message beside the field.
type FieldError struct {
	Field   string // the element id the summary links to
	Label   string // translated
	Message string // translated
}

// FormField describes a field of a form for its error messages.
type FormField struct {
	Label string // translated, for the error summary
	// Anchor is the id the summary's link points at when it is not the
	// field's name (radio and checkbox groups).
	Anchor string
	// Limit is the field's length in characters, named when a text is too
	// long; 0 keeps the domain's message.
	Limit int
}

// FormErrors turns a domain error into the form's error summary and
// per-field messages, translated, in the order the domain gave them.
func FormErrors(l *i18n.Localizer, err error, fields map[string]FormField) ([]FieldError, map[string]string) {
	byField := map[string]string{}
	var out []FieldError
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
		out = append(out, FieldError{Field: target, Label: label, Message: msg})
	}
	return out, byField
}
