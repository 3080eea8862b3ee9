package web

// apiTexts holds the texts of this part of the office workspace.
func apiTexts() map[string]text {
	return map[string]text{}
}
