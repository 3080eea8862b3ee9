package web

// officeConsolidationTexts holds the texts of this part of the office workspace.
func officeConsolidationTexts() map[string]text {
	return map[string]text{}
}
