package forms_test

import (
	"bytes"
	"errors"
	"testing"

	"followup/forms"
)

// FuzzPlanDocument feeds arbitrary bytes to the plan import: it must never
// panic, and anything it accepts must export and import to the same plan.
func FuzzPlanDocument(f *testing.F) {
	f.Add([]byte(`{"organisation":"Exempelby kommun","year":2024,"title":"Plan","areas":[{"title":"Nätverk","activities":[{"title":"Riskanalys","description":"…","respondents":"all"}]}]}`))
	f.Add([]byte(`{"organisation":"O","year":2024,"title":"T","statuses":[{"name":"Ej påbörjat","color":"#c0392b","comment_required":true},{"name":"Klart","color":"#27ae60","done":true}],"areas":[{"title":"A","activities":[{"title":"X","respondents":["IT"]}]}]}`))
	f.Add([]byte(`{"areas":[{"activities":[{"respondents":7}]}]}`))
	f.Add([]byte("{\"title\":\"\x00\xff\"}"))
	f.Add([]byte(`[`))
	deps := []forms.Department{{ID: 1, Name: "IT", Kind: forms.KindAdministration}}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := forms.DecodePlanDocument(bytes.NewReader(data))
		if err != nil {
			var fe *forms.Error
			if !errors.As(err, &fe) || fe.Code != forms.EINVALID {
				t.Fatalf("a refused file must be EINVALID, got %v", err)
			}
			return
		}
		plan, err := doc.ToPlan(deps)
		if err != nil {
			if forms.ErrorCode(err) != forms.EINVALID {
				t.Fatalf("a refused plan must be EINVALID, got %v", err)
			}
			return
		}
		again, err := forms.NewPlanDocument(plan, deps).ToPlan(deps)
		if err != nil {
			t.Fatalf("an accepted plan does not import again: %v", err)
		}
		if len(again.Activities()) != len(plan.Activities()) || again.Title != plan.Title {
			t.Fatalf("the plan changed on a round trip")
		}
	})
}

// FuzzDepartmentsCSV feeds arbitrary bytes to the department import: it
// must never panic, and every accepted row must be a valid department.
func FuzzDepartmentsCSV(f *testing.F) {
	f.Add([]byte("name,kind,email\nSocialförvaltningen,förvaltning,soc@example.se\n"))
	f.Add([]byte("\xef\xbb\xbfnamn;typ;e-post\n\"Bolaget; AB\";bolag;\n"))
	f.Add([]byte("name,kind\n,\n\"unterminated\n"))
	f.Add([]byte("name,kind,email\nX,okänd,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := forms.ParseDepartmentsCSV(bytes.NewReader(data))
		if err != nil {
			if forms.ErrorCode(err) != forms.EINVALID {
				t.Fatalf("a refused file must be EINVALID, got %v", err)
			}
			return
		}
		for _, r := range rows {
			in := r.Input
			if err := in.Validate(); err != nil {
				t.Fatalf("line %d was accepted but does not validate: %v", r.Line, err)
			}
		}
	})
}
