package office_test

import (
	"strconv"

	"followup/forms"
)

// The addresses of the office's round pages, for the tests.
func roundPath(id int64) string  { return "/kontor/omgangar/" + strconv.FormatInt(id, 10) }
func reportPath(id int64) string { return roundPath(id) + "/rapport" }
func reportTextPath(id int64, kind forms.TextKind) string {
	return reportPath(id) + "/texter/" + map[forms.TextKind]string{forms.TextIntroduction: "inledning", forms.TextAssessment: "samlad-bedomning"}[kind]
}
