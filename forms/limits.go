package forms

// Limits on how large a plan and a municipality's register can grow. No
// real municipality comes near them (a plan has 15 to 60 activities, a
// municipality 10 to 60 departments, a joint board a few hundred), but
// without them one import could make every page of a plan hundreds of
// megabytes that any reader could load again and again. The messages that
// refuse them name the number.
const (
	MaxAreas       = 50   // areas of one plan
	MaxActivities  = 400  // activities of one plan, in all its areas
	MaxDepartments = 1000 // departments in the register, active or not
	MaxImportRows  = 1000 // rows of one department import
)

// CheckPlanSize returns an EINVALID error naming the limit when a plan
// would have more areas or activities than the limits allow.
func CheckPlanSize(areas, activities int) error {
	var fe FieldErrors
	if areas > MaxAreas {
		fe.Add("areas", "error.too_many_areas")
	}
	if activities > MaxActivities {
		fe.Add("activities", "error.too_many_activities")
	}
	return fe.Err("the plan is too large")
}

// CheckDepartmentCount returns an EINVALID error naming the limit when the
// register would hold more departments than it may.
func CheckDepartmentCount(n int) error {
	if n > MaxDepartments {
		return &Error{Code: EINVALID, Message: "too many departments", Fields: map[string]string{"name": "error.too_many_departments"}, Order: []string{"name"}}
	}
	return nil
}
