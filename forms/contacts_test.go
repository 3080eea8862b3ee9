package forms_test

import (
	"slices"
	"strings"
	"testing"

	"followup/forms"
)

func TestContacts(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		stored  string
		invalid []string
	}{
		{"One", " soc@exempelby.se ", "soc@exempelby.se", nil},
		{"SemicolonsAndCommas", "soc@exempelby.se; chef@exempelby.se,it@exempelby.se", "soc@exempelby.se; chef@exempelby.se; it@exempelby.se", nil},
		{"LinesAndRepeats", "a@x.se\nA@x.se\n\nb@x.se;", "a@x.se; b@x.se", nil},
		{"Empty", " ; , ", "", nil},
		{"ErrOneInvalid", "a@x.se; kalle; b@x.se", "a@x.se; kalle; b@x.se", []string{"kalle"}},
		{"ErrDisplayName", "Kalle <k@x.se>", "Kalle <k@x.se>", []string{"Kalle <k@x.se>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := forms.DepartmentInput{Name: "Socialförvaltningen", Kind: "förvaltning", Email: tt.in}
			err := in.Validate()
			if in.Email != tt.stored {
				t.Errorf("stored = %q, want %q", in.Email, tt.stored)
			}
			if got := forms.InvalidContacts(in.Email); !slices.Equal(got, tt.invalid) {
				t.Errorf("invalid = %q, want %q", got, tt.invalid)
			}
			if (err != nil) != (len(tt.invalid) > 0) {
				t.Errorf("Validate = %v", err)
			}
		})
	}
	t.Run("ErrTooMany", func(t *testing.T) {
		var list []string
		for i := range forms.MaxContacts + 1 {
			list = append(list, string(rune('a'+i))+"@x.se")
		}
		in := forms.DepartmentInput{Name: "IT", Kind: "bolag", Email: forms.JoinContacts(list)}
		if err := in.Validate(); err == nil {
			t.Error("eleven addresses accepted")
		}
	})
	t.Run("ImportNamesEachInvalidAddress", func(t *testing.T) {
		_, err := forms.ParseDepartmentsCSV(strings.NewReader("name;kind;email\nIT;förvaltning;it@x.se, fel@, ok@x.se, också fel\n"))
		if err == nil {
			t.Fatal("accepted")
		}
		for _, want := range []string{`"fel@"`, `"också fel"`} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%q does not name %s", err.Error(), want)
			}
		}
	})
}
