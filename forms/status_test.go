package forms_test

import (
	"testing"

	"followup/forms"
)

func TestDefaultScaleFlags(t *testing.T) {
	type flags struct{ done, carries, na, comment bool }
	want := []struct {
		name  string
		flags flags
	}{
		{"Ej påbörjat", flags{comment: true}},
		{"Påbörjat", flags{}},
		{"Pågår", flags{}},
		{"Genomfört", flags{done: true}},
		{"Flyttas till nästa år", flags{carries: true, comment: true}},
		{"Ej aktuellt", flags{na: true, comment: true}},
	}
	s := forms.DefaultScale()
	if len(s) != len(want) {
		t.Fatalf("DefaultScale has %d statuses, want %d", len(s), len(want))
	}
	for i, w := range want {
		t.Run(w.name, func(t *testing.T) {
			st := s[i]
			if st.Name != w.name {
				t.Fatalf("status %d is %q, want %q", i, st.Name, w.name)
			}
			got := flags{st.Done, st.CarriesOver, st.NotApplicable, st.CommentRequired}
			if got != w.flags {
				t.Errorf("flags = %+v, want %+v", got, w.flags)
			}
		})
	}
	t.Run("Valid", func(t *testing.T) {
		var fe forms.FieldErrors
		s.Validate(&fe)
		if err := fe.Err("scale"); err != nil {
			t.Errorf("DefaultScale does not validate: %v", err)
		}
	})
}

func TestScaleInProgress(t *testing.T) {
	st := func(name string, mod func(*forms.Status)) forms.Status {
		s := forms.Status{Name: name, Color: "#000000"}
		if mod != nil {
			mod(&s)
		}
		return s
	}
	isDone := func(s *forms.Status) { s.Done = true }
	isNA := func(s *forms.Status) { s.NotApplicable = true }
	carries := func(s *forms.Status) { s.CarriesOver = true }
	tests := []struct {
		name  string
		scale forms.Scale
		want  string
	}{
		{"DefaultScalePågår", forms.DefaultScale(), "Pågår"},
		{"LastOrdinaryBeforeDone", forms.Scale{st("Nej", nil), st("Delvis", nil), st("Ja", isDone), st("Efter", nil)}, "Delvis"},
		{"SkipsCarryOverAndNA", forms.Scale{st("Nej", nil), st("Igång", nil), st("Flyttas", carries), st("Ej aktuellt", isNA), st("Klar", isDone)}, "Igång"},
		{"OnlyFirstAndDoneGivesFirst", forms.Scale{st("Nej", nil), st("Ja", isDone)}, "Nej"},
		{"NoDoneStatusLastOrdinary", forms.Scale{st("A", nil), st("B", nil), st("C", isNA)}, "B"},
		{"EmptyScale", forms.Scale{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.scale.InProgress().Name; got != tt.want {
				t.Errorf("InProgress() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestScaleLookups(t *testing.T) {
	s := numberedScale()
	t.Run("ByIDFound", func(t *testing.T) {
		got, ok := s.ByID(done)
		if !ok || got.Name != "Genomfört" {
			t.Errorf("ByID(%d) = %q, %v; want Genomfört, true", done, got.Name, ok)
		}
	})
	t.Run("ByIDMissing", func(t *testing.T) {
		if _, ok := s.ByID(99); ok {
			t.Error("ByID(99) found a status")
		}
	})
	t.Run("ByNameIgnoresCaseAndSpace", func(t *testing.T) {
		got, ok := s.ByName("  ej AKTUELLT ")
		if !ok || got.ID != notRelevant {
			t.Errorf("ByName = %d, %v; want %d, true", got.ID, ok, notRelevant)
		}
	})
	t.Run("DoneStatus", func(t *testing.T) {
		got, ok := s.DoneStatus()
		if !ok || got.ID != done {
			t.Errorf("DoneStatus = %d, %v; want %d, true", got.ID, ok, done)
		}
	})
}

func TestScaleValidate(t *testing.T) {
	ok := forms.Status{Name: "Klar", Color: "#1e8449", Done: true}
	tests := []struct {
		name  string
		scale forms.Scale
		field string
		key   string
	}{
		{"ErrEmpty", forms.Scale{}, "statuses", "error.scale_empty"},
		{"ErrNoDone", forms.Scale{{Name: "A", Color: "#000000"}}, "statuses", "error.scale_no_done"},
		{"ErrColor", forms.Scale{ok, {Name: "B", Color: "red"}}, "statuses[1].color", "error.color"},
		{"ErrDuplicateName", forms.Scale{ok, {Name: " klar", Color: "#000000"}}, "statuses[1].name", "error.duplicate"},
		{"ErrEmptyName", forms.Scale{ok, {Name: " ", Color: "#000000"}}, "statuses[1].name", "error.required"},
		{"ErrDoneAndNA", forms.Scale{{Name: "X", Color: "#000000", Done: true, NotApplicable: true}}, "statuses[0].done", "error.status_flags"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fe forms.FieldErrors
			tt.scale.Validate(&fe)
			e := errorOf(t, fe.Err("scale"))
			if got := e.Fields[tt.field]; got != tt.key {
				t.Errorf("Fields[%q] = %q, want %q (all: %v)", tt.field, got, tt.key, e.Fields)
			}
		})
	}
}
