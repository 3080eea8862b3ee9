package office

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// The office's list of departments (förvaltningar, bolag, förbund): everyone
// signed in sees it; admins add, edit, deactivate and reactivate them.
// Departments are never deleted: their answers are records.

// departmentsView is the list page.
type departmentsView struct {
	Active   []forms.Department
	Inactive []forms.Department
	Notice   string // translated
}

// departmentFlashes are the notices shown after a change, by query flag.
var departmentFlashes = []queryFlash{
	{Param: "tillagd", Key: "departments.notice.added"},
	{Param: "sparat", Key: "departments.notice.saved"},
	{Param: "inaktiverad", Key: "departments.notice.deactivated"},
	{Param: "aktiverad", Key: "departments.notice.activated"},
}

// Departments, GET /kontor/verksamheter, lists the active and the inactive
// departments, with the notice of a change just made.
func (h *Handlers) Departments(c *gin.Context) error {
	deps, err := h.site.DB.Departments(c.Request.Context(), true)
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	v := departmentsView{Notice: flashNotice(c, l, departmentFlashes)}
	v.Active, v.Inactive = partition(deps, func(d forms.Department) bool { return d.Active })
	if c.Query("importerad") == "1" {
		added, _ := strconv.Atoi(c.Query("tillagda"))
		changed, _ := strconv.Atoi(c.Query("andrade"))
		v.Notice = l.T("departments.notice.imported", l.N("departments.count.new", added), l.N("departments.count.changed", changed))
	}
	return h.pages.Render(c, http.StatusOK, "departments", site.Page{L: l, Title: l.T("departments.title"), Data: v})
}

// departmentForm is the add and edit form as posted.
type departmentForm struct {
	Name  string
	Kind  string
	Email string
}

func departmentFormFrom(v url.Values) departmentForm {
	return departmentForm{Name: v.Get("name"), Kind: v.Get("kind"), Email: v.Get("email")}
}

// Validate checks the form with the domain's rules and returns the input to
// store.
func (f departmentForm) Validate() (forms.DepartmentInput, error) {
	in := forms.DepartmentInput{Name: f.Name, Kind: f.Kind, Email: f.Email}
	return in, in.Validate()
}

// departmentEditView is the add or edit page.
type departmentEditView struct {
	Department forms.Department // zero when adding
	Form       departmentForm
	Kinds      []forms.DepartmentKind
	Action     string
	Errors     dpErrors
}

// IsNew reports whether the page adds a department rather than edits one.
func (v *departmentEditView) IsNew() bool { return v.Department.ID == 0 }

// departmentFieldKey adjusts a domain message key to the department form:
// a name is at most 200 characters, not 10,000.
func departmentFieldKey(field, key string) string {
	if field == "name" && key == "error.text_too_long" {
		return "departments.error.name_too_long"
	}
	return key
}

func (h *Handlers) renderDepartmentForm(c *gin.Context, status int, v *departmentEditView) error {
	l := h.site.Localizer(c)
	title := l.T("departments.new_title")
	if !v.IsNew() {
		title = l.T("departments.edit_title", v.Department.Name)
	}
	if len(v.Errors.List) > 0 {
		title = l.T("departments.error_prefix") + title
	}
	v.Kinds = forms.DepartmentKinds()
	return h.pages.Render(c, status, "department", site.Page{L: l, Title: title, Data: v})
}

// deptAddErrors puts a failed save's problems beside the fields; a
// name already taken is shown at the name.
func (h *Handlers) deptAddErrors(c *gin.Context, v *departmentEditView, err error) (int, bool) {
	l := h.site.Localizer(c)
	labels := map[string]string{"name": l.T("departments.field.name"), "kind": l.T("departments.field.kind"), "email": l.T("departments.field.email")}
	switch forms.ErrorCode(err) {
	case forms.EINVALID:
		var fe *forms.Error
		if e, ok := err.(*forms.Error); ok {
			fe = e
		}
		if fe == nil || len(fe.Fields) == 0 {
			return 0, false
		}
		for _, f := range fe.Order {
			v.Errors.add("dept-"+f, labels[f], l.T(departmentFieldKey(f, fe.Fields[f])))
		}
		return http.StatusUnprocessableEntity, true
	case forms.ECONFLICT:
		v.Errors.add("dept-name", labels["name"], l.T("departments.error.name_taken"))
		return http.StatusConflict, true
	}
	return 0, false
}

// departmentSaved redirects to the list with the query flag after a save,
// or shows the form again with the save's problems.
func (h *Handlers) departmentSaved(c *gin.Context, v *departmentEditView, err error, flag string) error {
	if err != nil {
		if status, ok := h.deptAddErrors(c, v, err); ok {
			return h.renderDepartmentForm(c, status, v)
		}
		return err
	}
	c.Redirect(http.StatusSeeOther, "/kontor/verksamheter?"+flag+"=1")
	return nil
}

// NewDepartment, GET /kontor/verksamheter/ny, shows the empty form.
func (h *Handlers) NewDepartment(c *gin.Context) error {
	return h.renderDepartmentForm(c, http.StatusOK, &departmentEditView{Form: departmentForm{Kind: string(forms.KindAdministration)}, Action: "/kontor/verksamheter"})
}

// CreateDepartment, POST /kontor/verksamheter, adds a department, or shows
// the form again with its problems.
func (h *Handlers) CreateDepartment(c *gin.Context) error {
	values, err := site.ParseForm(c)
	if err != nil {
		return err
	}
	v := &departmentEditView{Form: departmentFormFrom(values), Action: "/kontor/verksamheter"}
	in, err := v.Form.Validate()
	if err == nil {
		_, err = h.site.DB.CreateDepartment(c.Request.Context(), in, site.AccountOf(c).Actor())
	}
	return h.departmentSaved(c, v, err, "tillagd")
}

// deptParam loads the department of the path.
func (h *Handlers) deptParam(c *gin.Context) (forms.Department, error) {
	id, err := site.ParamID(c, "dept")
	if err != nil {
		return forms.Department{}, err
	}
	return h.site.DB.Department(c.Request.Context(), id)
}

// deptRequest loads the department of the path and reads the posted form.
func (h *Handlers) deptRequest(c *gin.Context) (forms.Department, url.Values, error) {
	d, err := h.deptParam(c)
	if err != nil {
		return forms.Department{}, nil, err
	}
	values, err := site.ParseForm(c)
	return d, values, err
}

// EditDepartment, GET /kontor/verksamheter/:dept, shows a department's form.
func (h *Handlers) EditDepartment(c *gin.Context) error {
	d, err := h.deptParam(c)
	if err != nil {
		return err
	}
	v := &departmentEditView{Department: d, Form: departmentForm{Name: d.Name, Kind: string(d.Kind), Email: d.Email},
		Action: "/kontor/verksamheter/" + strconv.FormatInt(d.ID, 10)}
	return h.renderDepartmentForm(c, http.StatusOK, v)
}

// UpdateDepartment, POST /kontor/verksamheter/:dept, saves a department, or
// shows the form again with its problems.
func (h *Handlers) UpdateDepartment(c *gin.Context) error {
	d, values, err := h.deptRequest(c)
	if err != nil {
		return err
	}
	v := &departmentEditView{Department: d, Form: departmentFormFrom(values), Action: "/kontor/verksamheter/" + strconv.FormatInt(d.ID, 10)}
	in, err := v.Form.Validate()
	if err == nil {
		err = h.site.DB.UpdateDepartment(c.Request.Context(), d.ID, in, site.AccountOf(c).Actor())
	}
	return h.departmentSaved(c, v, err, "sparat")
}

// SetDepartmentActive, POST /kontor/verksamheter/:dept/aktiv, deactivates
// (active=0) or reactivates (active=1) a department.
func (h *Handlers) SetDepartmentActive(c *gin.Context) error {
	d, values, err := h.deptRequest(c)
	if err != nil {
		return err
	}
	var active bool
	switch values.Get("active") {
	case "1":
		active = true
	case "0":
	default:
		return &forms.Error{Code: forms.EINVALID, Message: "active must be 0 or 1"}
	}
	if err := h.site.DB.SetDepartmentActive(c.Request.Context(), d.ID, active, site.AccountOf(c).Actor()); err != nil {
		return err
	}
	flag := "inaktiverad"
	if active {
		flag = "aktiverad"
	}
	c.Redirect(http.StatusSeeOther, "/kontor/verksamheter?"+flag+"=1")
	return nil
}
