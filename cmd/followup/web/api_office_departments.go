package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// apiDepartments lists every department, inactive ones included, by name.
func (s *Server) apiDepartments(c *gin.Context) {
	deps, err := s.DB.Departments(c.Request.Context(), true)
	if err != nil {
		s.writeJSONError(c, err)
		return
	}
	out := make([]apiDepartment, 0, len(deps))
	for _, d := range deps {
		out = append(out, toAPIDepartment(d))
	}
	c.JSON(http.StatusOK, gin.H{"departments": out})
}

// apiDepartmentRequest is the body that creates a department.
type apiDepartmentRequest struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Email string `json:"email"`
}

// apiCreateDepartment adds a department. A name already taken (in any
// letter case) is refused like any other invalid input, naming the field.
func (s *Server) apiCreateDepartment(c *gin.Context) {
	var req apiDepartmentRequest
	if err := apiDecode(c, &req); err != nil {
		s.writeJSONError(c, err)
		return
	}
	d, err := s.DB.CreateDepartment(c.Request.Context(), forms.DepartmentInput{Name: req.Name, Kind: req.Kind, Email: req.Email}, account(c).Actor())
	if err != nil {
		if forms.ErrorCode(err) == forms.ECONFLICT {
			err = apiFieldError(forms.EINVALID, "name", "error.duplicate")
		}
		s.writeJSONError(c, err)
		return
	}
	c.JSON(http.StatusCreated, toAPIDepartment(d))
}
