package forms

import "strings"

// Rules for editing a plan after it was created, shared by the office's
// pages and the storage that applies the edits.

// PlanMeta is what the office may change about a plan itself.
type PlanMeta struct {
	Organisation string
	Title        string
	Year         int
}

// Validate normalises the details and returns per-field message keys.
func (m *PlanMeta) Validate() error {
	var fe FieldErrors
	m.Organisation = strings.Join(strings.Fields(m.Organisation), " ")
	m.Title = strings.Join(strings.Fields(m.Title), " ")
	planCheckTitle(&fe, "organisation", m.Organisation)
	planCheckTitle(&fe, "title", m.Title)
	if m.Year < 2000 || m.Year > 2200 {
		fe.Add("year", "plans.error.year")
	}
	return fe.Err("invalid plan")
}

// planCheckTitle records a problem with a required one-line text.
func planCheckTitle(fe *FieldErrors, field, s string) {
	switch {
	case s == "":
		fe.Add(field, "error.required")
	case CheckText(s, MaxTitleRunes) != "":
		k := CheckText(s, MaxTitleRunes)
		if k == "error.text_too_long" {
			k = "plans.error.title_too_long"
		}
		fe.Add(field, k)
	}
}

// ValidateActivity normalises an activity's title, description and
// respondents and returns per-field message keys (title, description,
// respondents).
func ValidateActivity(a *Activity) error {
	var fe FieldErrors
	a.Title = strings.Join(strings.Fields(a.Title), " ")
	planCheckTitle(&fe, "title", a.Title)
	if k := CheckText(a.Description, MaxTextRunes); k != "" {
		fe.Add("description", k)
	}
	a.Description = NormalizeText(a.Description)
	if a.AllDepartments {
		a.DepartmentIDs = nil
	} else if len(a.DepartmentIDs) == 0 {
		fe.Add("respondents", "plans.error.respondents")
	}
	return fe.Err("invalid activity")
}

// NormalizeAreaTitle tidies an area's title and checks it.
func NormalizeAreaTitle(title string) (string, error) {
	var fe FieldErrors
	title = strings.Join(strings.Fields(title), " ")
	planCheckTitle(&fe, "title", title)
	return title, fe.Err("invalid area")
}
