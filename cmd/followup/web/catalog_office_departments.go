package web

// officeDepartmentTexts holds the texts of this part of the office workspace.
func officeDepartmentTexts() map[string]text {
	return map[string]text{}
}
