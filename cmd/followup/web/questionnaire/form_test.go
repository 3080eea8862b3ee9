package questionnaire

import (
	"errors"
	"net/url"
	"reflect"
	"testing"

	"followup/forms"
)

// FuzzQuestionnaireForm feeds arbitrary form bodies to the questionnaire's
// decoding and the save rule: they must never panic, every field the rule
// refuses is named once, and what it lets through to be saved passes the
// rule again unchanged.
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
		valid, err := decodeSaveForm(form, acts).Split(scale, assigned)
		var fe *forms.Error
		if errors.As(err, &fe) && len(fe.Fields) != len(fe.Order) {
			t.Fatalf("%d errors but %d in order", len(fe.Fields), len(fe.Order))
		}
		again, err := valid.Split(scale, assigned)
		if err != nil {
			t.Fatalf("the part let through to be saved does not pass the rule: %v", err)
		}
		if !reflect.DeepEqual(again, valid) {
			t.Fatalf("the rule changed what it let through: %+v, then %+v", valid, again)
		}
	})
}
