package web

// officeRoundTexts holds the texts of this part of the office workspace.
func officeRoundTexts() map[string]text {
	return map[string]text{}
}
