package forms

import (
	"strings"
	"time"
)

// DepartmentKind says what kind of organisation answers: a department of the
// municipality, a municipal company or a federation of municipalities. The
// values are the Swedish words used in import files.
type DepartmentKind string

// The kinds of organisation a municipality follows up.
const (
	KindAdministration DepartmentKind = "förvaltning"
	KindCompany        DepartmentKind = "bolag"
	KindFederation     DepartmentKind = "förbund"
)

// DepartmentKinds lists the kinds in the order they are offered on forms.
func DepartmentKinds() []DepartmentKind {
	return []DepartmentKind{KindAdministration, KindCompany, KindFederation}
}

// ParseDepartmentKind accepts a kind in any letter case and without Swedish
// letters (forvaltning), as people type them in spreadsheets.
func ParseDepartmentKind(s string) (DepartmentKind, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "förvaltning", "forvaltning":
		return KindAdministration, true
	case "bolag":
		return KindCompany, true
	case "förbund", "forbund", "kommunalförbund", "kommunalforbund":
		return KindFederation, true
	}
	return "", false
}

// Department is one organisation that answers the follow-up questionnaire.
type Department struct {
	ID        int64
	Name      string
	Kind      DepartmentKind
	Email     string
	Active    bool
	CreatedAt time.Time
}

// DepartmentInput is what a person or an import file supplies for a
// department; Validate checks it before it is stored.
type DepartmentInput struct {
	Name  string
	Kind  string
	Email string
}

// Validate normalises the input and returns per-field message keys.
func (in *DepartmentInput) Validate() error {
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	in.Email = strings.TrimSpace(in.Email)
	var fe FieldErrors
	if in.Name == "" {
		fe.Add("name", "error.required")
	} else if k := CheckText(in.Name, MaxNameRunes); k != "" {
		fe.Add("name", k)
	}
	kind, ok := ParseDepartmentKind(in.Kind)
	if !ok {
		fe.Add("kind", "error.department_kind")
	} else {
		in.Kind = string(kind)
	}
	contacts := ParseContacts(in.Email)
	in.Email = JoinContacts(contacts)
	switch {
	case len(InvalidContacts(in.Email)) > 0:
		fe.Add("email", "error.email")
	case len(contacts) > MaxContacts:
		fe.Add("email", "error.too_many_contacts")
	}
	return fe.Err("invalid department")
}
