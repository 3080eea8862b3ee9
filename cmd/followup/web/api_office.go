package web

import (
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// The office's JSON API under /api/v1: one file per resource
// (api_office_departments.go, api_office_plans.go, api_office_rounds.go,
// api_office_consolidations.go); the shared pieces are here. Every error
// goes through writeJSONError, so the codes map to statuses in one place.

// apiParamIDs reads several path ids, stopping at the first bad one.
func apiParamIDs(c *gin.Context, names ...string) ([]int64, error) {
	out := make([]int64, len(names))
	for i, n := range names {
		id, err := site.ParamID(c, n)
		if err != nil {
			return nil, err
		}
		out[i] = id
	}
	return out, nil
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
