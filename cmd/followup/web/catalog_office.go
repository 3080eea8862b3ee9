package web

func officeTexts() map[string]text {
	return map[string]text{}
}
