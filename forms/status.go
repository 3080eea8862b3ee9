package forms

import (
	"regexp"
	"strings"
)

// Status is one step of a plan's status scale. The flags decide how an answer
// with this status is counted and what it requires of the person answering.
type Status struct {
	ID              int64
	Position        int
	Name            string
	Color           string // "#rrggbb"
	Done            bool   // counts as done in rates and consolidation
	CarriesOver     bool   // the activity moves to next year's plan
	NotApplicable   bool   // left out of every count
	CommentRequired bool   // a comment must accompany this status
}

// Scale is a plan's ordered list of statuses.
type Scale []Status

// DefaultScale is the scale a plan gets when its author names none. It follows
// the words Swedish municipalities use in their follow-up reports.
func DefaultScale() Scale {
	return Scale{
		{Name: "Ej påbörjat", Color: "#b03a2e", CommentRequired: true},
		{Name: "Påbörjat", Color: "#d68910"},
		{Name: "Pågår", Color: "#2e86c1"},
		{Name: "Genomfört", Color: "#1e8449", Done: true},
		{Name: "Flyttas till nästa år", Color: "#7d3c98", CarriesOver: true, CommentRequired: true},
		{Name: "Ej aktuellt", Color: "#7f8c8d", NotApplicable: true, CommentRequired: true},
	}
}

// ByID returns the status with the given id.
func (s Scale) ByID(id int64) (Status, bool) {
	for _, st := range s {
		if st.ID == id {
			return st, true
		}
	}
	return Status{}, false
}

// ByName returns the status with the given name, ignoring letter case.
func (s Scale) ByName(name string) (Status, bool) {
	for _, st := range s {
		if strings.EqualFold(st.Name, strings.TrimSpace(name)) {
			return st, true
		}
	}
	return Status{}, false
}

// First is the scale's first status: where every activity starts.
func (s Scale) First() Status {
	if len(s) == 0 {
		return Status{}
	}
	return s[0]
}

// DoneStatus is the first status that counts as done.
func (s Scale) DoneStatus() (Status, bool) {
	for _, st := range s {
		if st.Done {
			return st, true
		}
	}
	return Status{}, false
}

// InProgress is the status that stands for "under way": the last ordinary
// status (not done, not carried over, not applicable) before the first done
// status, and the first status when there is none such.
func (s Scale) InProgress() Status {
	found := s.First()
	for i, st := range s {
		if st.Done {
			break
		}
		if i > 0 && !st.CarriesOver && !st.NotApplicable {
			found = st
		}
	}
	return found
}

var colorPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Validate checks names, colours and flags of a scale, naming each problem by
// field path (statuses[2].color) with a catalog key.
func (s Scale) Validate(fe *FieldErrors) {
	if len(s) == 0 {
		fe.Add("statuses", "error.scale_empty")
		return
	}
	seen := map[string]bool{}
	done := false
	for i, st := range s {
		f := "statuses[" + itoa(i) + "]"
		name := strings.ToLower(strings.TrimSpace(st.Name))
		switch {
		case name == "":
			fe.Add(f+".name", "error.required")
		case CheckText(st.Name, MaxNameRunes) != "":
			fe.Add(f+".name", CheckText(st.Name, MaxNameRunes))
		case seen[name]:
			fe.Add(f+".name", "error.duplicate")
		}
		seen[name] = true
		if !colorPattern.MatchString(st.Color) {
			fe.Add(f+".color", "error.color")
		}
		if st.Done && (st.NotApplicable || st.CarriesOver) {
			fe.Add(f+".done", "error.status_flags")
		}
		done = done || st.Done
	}
	if !done {
		fe.Add("statuses", "error.scale_no_done")
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
