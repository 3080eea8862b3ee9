package site

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// DecodeJSON reads a JSON body into v. Unknown fields, values of the wrong
// type, malformed JSON, an empty body and data after the value are EINVALID
// with the field named (or "body"); a body over its limit is ETOOLARGE.
func DecodeJSON(c *gin.Context, v any) error {
	dec := json.NewDecoder(c.Request.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		return FieldErr(forms.EINVALID, "body", "api.error.malformed_json")
	}
	if err == nil {
		return nil
	}
	var mbe *http.MaxBytesError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return BodyError(err)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return FieldErr(forms.EINVALID, field, "api.error.wrong_type")
	case errors.Is(err, io.EOF):
		return FieldErr(forms.EINVALID, "body", "api.error.empty_body")
	}
	if quoted, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if name, uerr := strconv.Unquote(quoted); uerr == nil {
			return FieldErr(forms.EINVALID, name, "api.error.unknown_field")
		}
	}
	return FieldErr(forms.EINVALID, "body", "api.error.malformed_json")
}

// RenameFields renames the fields of a domain error to the names the JSON
// bodies use (the domain names them after the HTML forms' inputs).
func RenameFields(err error, names map[string]string) error {
	var fe *forms.Error
	if !errors.As(err, &fe) || len(fe.Fields) == 0 {
		return err
	}
	out := *fe
	out.Fields, out.Order = map[string]string{}, nil
	add := func(f string) {
		n := f
		if r, ok := names[f]; ok {
			n = r
		}
		if _, done := out.Fields[n]; !done {
			out.Fields[n] = fe.Fields[f]
			out.Order = append(out.Order, n)
		}
	}
	for _, f := range fe.Order {
		add(f)
	}
	for f := range fe.Fields { // fields missing from Order, if any
		add(f)
	}
	return &out
}

// AnswerJSON is an answer in the JSON of both APIs: the questionnaire's,
// a response's, and the conflicts of an error.
type AnswerJSON struct {
	ActivityID   int64     `json:"activity_id,omitempty"`
	StatusID     int64     `json:"status_id"`
	Status       string    `json:"status,omitempty"`
	Comment      string    `json:"comment"`
	NeedsSupport bool      `json:"needs_support"`
	Version      int       `json:"version"`
	UpdatedBy    string    `json:"updated_by,omitempty"`
	UpdatedAt    time.Time `json:"updated_at,omitzero"`
}

// AnswerOf is an answer's JSON, without its status's name.
func AnswerOf(a forms.Answer) AnswerJSON {
	return AnswerJSON{ActivityID: a.ActivityID, StatusID: a.StatusID, Comment: a.Comment, NeedsSupport: a.NeedsSupport, Version: a.Version, UpdatedBy: a.UpdatedBy, UpdatedAt: a.UpdatedAt}
}

// StatusJSON is a status of a plan's scale in both APIs.
type StatusJSON struct {
	ID              int64  `json:"id"`
	Name            string `json:"name"`
	Color           string `json:"color"`
	Done            bool   `json:"done"`
	CarriesOver     bool   `json:"carries_over"`
	NotApplicable   bool   `json:"not_applicable"`
	CommentRequired bool   `json:"comment_required"`
}

// StatusOf is a status's JSON.
func StatusOf(st forms.Status) StatusJSON {
	return StatusJSON{ID: st.ID, Name: st.Name, Color: st.Color, Done: st.Done, CarriesOver: st.CarriesOver,
		NotApplicable: st.NotApplicable, CommentRequired: st.CommentRequired}
}
