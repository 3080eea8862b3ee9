package questionnaire

import (
	"net/url"
	"testing"

	"followup/forms"
)

// FuzzQuestionnaireForm feeds arbitrary form bodies to the questionnaire's
// decoding and validation: they must never panic, and what they let through
// to be saved must pass the domain's own validation.
func FuzzQuestionnaireForm(f *testing.F) {
	f.Add("status-11=2&comment-11=Klart&support-11=1&v-11=0&general_comment=&general_v=0&filled_in_by=%C3%85sa")
	f.Add("status-11=abc&comment-11=%00%01&v-11=-5")
	f.Add("status-12=99999999999999999999&comment-12=%FF%FE&v-12=x&filled_in_by=a%0Ab")
	f.Add("status-11=1&status-11=2&comment-11=a&comment-11=b")
	scale := forms.DefaultScale()
	for i := range scale {
		scale[i].ID = int64(i + 1)
	}
	acts := []forms.Activity{{ID: 11, AllDepartments: true}, {ID: 12, AllDepartments: true}}
	assigned := map[int64]bool{11: true, 12: true}
	f.Fuzz(func(t *testing.T, body string) {
		form, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		in, pre := decodeSaveForm(form, acts)
		ok, errs, order := splitInvalid(in, scale, assigned, pre)
		if len(errs) != len(order) {
			t.Fatalf("%d errors but %d in order", len(errs), len(order))
		}
		if err := ok.Validate(scale, assigned); err != nil {
			t.Fatalf("the part let through to be saved does not validate: %v", err)
		}
	})
}
