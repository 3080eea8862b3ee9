package forms

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// PlanDocument is the plan's JSON exchange format. Users' scripts rely on it:
// add fields, never rename or remove them.
type PlanDocument struct {
	Organisation string           `json:"organisation"`
	Year         int              `json:"year"`
	Title        string           `json:"title"`
	Statuses     []StatusDocument `json:"statuses,omitempty"`
	Areas        []AreaDocument   `json:"areas"`
}

// StatusDocument is a status of the scale in the exchange format.
type StatusDocument struct {
	Name            string `json:"name"`
	Color           string `json:"color"`
	Done            bool   `json:"done,omitempty"`
	CarriesOver     bool   `json:"carries_over,omitempty"`
	NotApplicable   bool   `json:"not_applicable,omitempty"`
	CommentRequired bool   `json:"comment_required,omitempty"`
}

// AreaDocument is an area in the exchange format.
type AreaDocument struct {
	Title      string             `json:"title"`
	Activities []ActivityDocument `json:"activities"`
}

// ActivityDocument is an activity in the exchange format.
type ActivityDocument struct {
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Respondents Respondents `json:"respondents"`
	// Origin names the activity this one was carried from; see
	// OriginDocument. Files without it import as before.
	Origin *OriginDocument `json:"origin,omitempty"`
}

// Respondents is "all" or a list of department names.
type Respondents struct {
	All   bool
	Names []string
}

// MarshalJSON writes "all" or the list of names.
func (r Respondents) MarshalJSON() ([]byte, error) {
	if r.All {
		return []byte(`"all"`), nil
	}
	names := r.Names
	if names == nil {
		names = []string{}
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads "all" (any case; also "alla") or a list of names.
func (r *Respondents) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "all", "alla":
			*r = Respondents{All: true}
			return nil
		}
		return fmt.Errorf(`respondents must be "all" or a list of department names, not %q`, s)
	}
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return errors.New(`respondents must be "all" or a list of department names`)
	}
	*r = Respondents{Names: names}
	return nil
}

// NewPlanDocument writes a plan in the exchange format, naming departments
// by name.
func NewPlanDocument(p *Plan, departments []Department) *PlanDocument {
	names := map[int64]string{}
	for _, d := range departments {
		names[d.ID] = d.Name
	}
	doc := &PlanDocument{Organisation: p.Organisation, Year: p.Year, Title: p.Title, Areas: []AreaDocument{}}
	for _, s := range p.Statuses {
		doc.Statuses = append(doc.Statuses, StatusDocument{Name: s.Name, Color: s.Color, Done: s.Done,
			CarriesOver: s.CarriesOver, NotApplicable: s.NotApplicable, CommentRequired: s.CommentRequired})
	}
	for _, ar := range p.Areas {
		ad := AreaDocument{Title: ar.Title, Activities: []ActivityDocument{}}
		for _, a := range ar.Activities {
			r := Respondents{All: a.AllDepartments}
			for _, id := range a.DepartmentIDs {
				r.Names = append(r.Names, names[id])
			}
			ad.Activities = append(ad.Activities, ActivityDocument{Title: a.Title, Description: a.Description, Respondents: r,
				Origin: newOriginDocument(a)})
		}
		doc.Areas = append(doc.Areas, ad)
	}
	return doc
}
