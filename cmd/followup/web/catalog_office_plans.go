package web

// officePlanTexts holds the texts of this part of the office workspace.
func officePlanTexts() map[string]text {
	return map[string]text{}
}
