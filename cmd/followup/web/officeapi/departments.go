package officeapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// Departments, GET /api/v1/departments, lists every department, inactive
// ones included, by name.
func (h *Handlers) Departments(c *gin.Context) error {
	deps, err := h.site.DB.Departments(c.Request.Context(), true)
	if err != nil {
		return err
	}
	out := make([]DepartmentJSON, 0, len(deps))
	for _, d := range deps {
		out = append(out, departmentJSON(d))
	}
	c.JSON(http.StatusOK, gin.H{"departments": out})
	return nil
}

// DepartmentRequest is the body that creates a department.
type DepartmentRequest struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Email string `json:"email"`
}

// CreateDepartment, POST /api/v1/departments, adds a department. A name
// already taken (in any letter case) is refused like any other invalid
// input, naming the field.
func (h *Handlers) CreateDepartment(c *gin.Context) error {
	var req DepartmentRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	d, err := h.site.DB.CreateDepartment(c.Request.Context(), forms.DepartmentInput{Name: req.Name, Kind: req.Kind, Email: req.Email}, site.AccountOf(c).Actor())
	if err != nil {
		if forms.ErrorCode(err) == forms.ECONFLICT {
			err = site.FieldErr(forms.EINVALID, "name", "error.duplicate")
		}
		return err
	}
	c.JSON(http.StatusCreated, departmentJSON(d))
	return nil
}
