package web

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

// The office's JSON API under /api/v1: one file per resource
// (api_office_departments.go, api_office_plans.go, api_office_rounds.go,
// api_office_consolidations.go); the shared pieces are here. Every error
// goes through writeJSONError, so the codes map to statuses in one place.

// apiParamID reads a numeric id from the path; anything else, zero or
// negative included, is ENOTFOUND, like an id that does not exist.
func apiParamID(c *gin.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, forms.Errorf(forms.ENOTFOUND, "no such %s", name)
	}
	return id, nil
}

// apiParamIDs reads several path ids, stopping at the first bad one.
func apiParamIDs(c *gin.Context, names ...string) ([]int64, error) {
	out := make([]int64, len(names))
	for i, n := range names {
		id, err := apiParamID(c, n)
		if err != nil {
			return nil, err
		}
		out[i] = id
	}
	return out, nil
}

// apiDecode reads a JSON body into v. Unknown fields, values of the wrong
// type, malformed JSON, an empty body and data after the value are EINVALID
// with the field named (or "body"); a body over its limit is ETOOLARGE.
func apiDecode(c *gin.Context, v any) error {
	dec := json.NewDecoder(c.Request.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		return apiFieldError(forms.EINVALID, "body", "api.error.malformed_json")
	}
	if err == nil {
		return nil
	}
	var mbe *http.MaxBytesError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return bodyError(err)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return apiFieldError(forms.EINVALID, field, "api.error.wrong_type")
	case errors.Is(err, io.EOF):
		return apiFieldError(forms.EINVALID, "body", "api.error.empty_body")
	}
	if quoted, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if name, uerr := strconv.Unquote(quoted); uerr == nil {
			return apiFieldError(forms.EINVALID, name, "api.error.unknown_field")
		}
	}
	return apiFieldError(forms.EINVALID, "body", "api.error.malformed_json")
}

// apiFieldError is an error of the vocabulary about one field; key is a
// catalog key.
func apiFieldError(code, field, key string) *forms.Error {
	return &forms.Error{Code: code, Message: field + ": " + key, Fields: map[string]string{field: key}, Order: []string{field}}
}

// apiRenameFields renames the fields of a domain error to the names the
// JSON bodies use (the domain names them after the HTML forms' inputs).
func apiRenameFields(err error, names map[string]string) error {
	var fe *forms.Error
	if !errors.As(err, &fe) || len(fe.Fields) == 0 {
		return err
	}
	out := &forms.Error{Code: fe.Code, Message: fe.Message, Fields: map[string]string{}}
	for _, f := range fe.Order {
		n := f
		if r, ok := names[f]; ok {
			n = r
		}
		out.Fields[n] = fe.Fields[f]
		out.Order = append(out.Order, n)
	}
	for f, k := range fe.Fields { // fields missing from Order, if any
		n := f
		if r, ok := names[f]; ok {
			n = r
		}
		if _, done := out.Fields[n]; !done {
			out.Fields[n] = k
			out.Order = append(out.Order, n)
		}
	}
	return out
}

// apiDate writes a date as YYYY-MM-DD, or "" for none.
func apiDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(forms.DateLayout)
}

// apiDepartment is a department in the API.
type apiDepartment struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Kind      string    `json:"kind"`
	Email     string    `json:"email"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at,omitzero"`
}

func toAPIDepartment(d forms.Department) apiDepartment {
	return apiDepartment{ID: d.ID, Name: d.Name, Kind: string(d.Kind), Email: d.Email, Active: d.Active, CreatedAt: d.CreatedAt}
}

// apiDepartmentRef names a department where it is referred to.
type apiDepartmentRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

func toAPIStatus(st forms.Status) apiStatus {
	return apiStatus{ID: st.ID, Name: st.Name, Color: st.Color, Done: st.Done, CarriesOver: st.CarriesOver,
		NotApplicable: st.NotApplicable, CommentRequired: st.CommentRequired}
}
