package web

import (
	"embed"
	"regexp"

	"followup/forms"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pageNames are the pages of templates/.
var pageNames = []string{"accounts", "audit", "consolidation", "dashboard", "departments", "departments_form", "departments_import",
	"matrix", "plans", "plans_import", "plans_new", "plans_show", "report", "report_text", "response_office",
	"rounds", "rounds_links", "rounds_new", "rounds_show", "signin"}

// keptForms matches the office forms whose text is worth keeping when the
// session expired (a narrative or the report's introduction can take an
// hour to write) and whose page has the same path as its post: a
// consolidation and one of the office's texts for the report.
var keptForms = regexp.MustCompile(`^/kontor/omgangar/[0-9]+/(aktiviteter/[0-9]+|rapport/texter/[a-z-]+)$`)

var notFound = &forms.Error{Code: forms.ENOTFOUND, Message: "not found"}
