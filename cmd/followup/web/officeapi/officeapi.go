// Package officeapi is the office's JSON API under /api/v1 (docs/api.md),
// for scripts and integrations, by session or API token: departments,
// plans, rounds, links, progress, responses, consolidations and the
// report's settings and texts. Each file is one resource, named after its
// path (rounds.go is /api/v1/rounds, round_links.go …/rounds/:round/links);
// the exported types are the bodies the API sends and takes. Errors are
// returned to site.Error, which answers them as JSON; the department's own
// API is in questionnaire.
package officeapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// Handlers serve the office's JSON API; the route table names their
// methods.
type Handlers struct {
	site *site.Site
}

// New returns the API's handlers.
func New(st *site.Site) *Handlers { return &Handlers{site: st} }

// paramIDs reads several path ids, stopping at the first bad one.
func paramIDs(c *gin.Context, names ...string) ([]int64, error) {
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

// date writes a date as YYYY-MM-DD, or "" for none.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(forms.DateLayout)
}

// DepartmentJSON is a department in the API.
type DepartmentJSON struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Kind      string    `json:"kind"`
	Email     string    `json:"email"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at,omitzero"`
}

func departmentJSON(d forms.Department) DepartmentJSON {
	return DepartmentJSON{ID: d.ID, Name: d.Name, Kind: string(d.Kind), Email: d.Email, Active: d.Active, CreatedAt: d.CreatedAt}
}

// DepartmentRef names a department where it is referred to.
type DepartmentRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}
