package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// apiDepartments lists every department, inactive ones included, by name.
func (s *Server) apiDepartments(c *gin.Context) error {
	deps, err := s.DB.Departments(c.Request.Context(), true)
	if err != nil {
		return err
	}
	out := make([]apiDepartment, 0, len(deps))
	for _, d := range deps {
		out = append(out, toAPIDepartment(d))
	}
	c.JSON(http.StatusOK, gin.H{"departments": out})
	return nil
}

// apiDepartmentRequest is the body that creates a department.
type apiDepartmentRequest struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Email string `json:"email"`
}

// apiCreateDepartment adds a department. A name already taken (in any
// letter case) is refused like any other invalid input, naming the field.
func (s *Server) apiCreateDepartment(c *gin.Context) error {
	var req apiDepartmentRequest
	if err := site.DecodeJSON(c, &req); err != nil {
		return err
	}
	d, err := s.DB.CreateDepartment(c.Request.Context(), forms.DepartmentInput{Name: req.Name, Kind: req.Kind, Email: req.Email}, site.AccountOf(c).Actor())
	if err != nil {
		if forms.ErrorCode(err) == forms.ECONFLICT {
			err = site.FieldErr(forms.EINVALID, "name", "error.duplicate")
		}
		return err
	}
	c.JSON(http.StatusCreated, toAPIDepartment(d))
	return nil
}
