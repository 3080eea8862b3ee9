package questionnaire

import (
	"net/url"
	"strconv"
	"strings"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// decodeSaveForm reads a questionnaire form post into a SaveInput. Only the
// activities assigned to the department are read; a status that is not a
// number is read as no status on the scale, which the save rule refuses
// beside its field, and the rest of the form is read all the same.
func decodeSaveForm(form url.Values, assigned []forms.Activity) forms.SaveInput {
	var in forms.SaveInput
	for _, a := range assigned {
		id := strconv.FormatInt(a.ID, 10)
		_, hasV := form["v-"+id]
		_, hasS := form["status-"+id]
		_, hasC := form["comment-"+id]
		if !hasV && !hasS && !hasC {
			continue
		}
		ai := forms.AnswerInput{ActivityID: a.ID, Comment: form.Get("comment-" + id)}
		if s := strings.TrimSpace(form.Get("status-" + id)); s != "" {
			v, err := strconv.ParseInt(s, 10, 64)
			if err != nil || v <= 0 {
				v = -1 // on no scale: refused by the save rule, never stored
			}
			ai.StatusID = v
		}
		ai.NeedsSupport = site.Checked(form.Get("support-" + id))
		ai.BaseVersion, _ = strconv.Atoi(form.Get("v-" + id))
		in.Answers = append(in.Answers, ai)
	}
	if _, ok := form[forms.FieldGeneralComment]; ok {
		s := form.Get(forms.FieldGeneralComment)
		in.GeneralComment = &s
		in.GeneralBase, _ = strconv.Atoi(form.Get("general_v"))
	}
	if _, ok := form[forms.FieldFilledInBy]; ok {
		s := form.Get(forms.FieldFilledInBy)
		in.FilledInBy = &s
	}
	return in
}
