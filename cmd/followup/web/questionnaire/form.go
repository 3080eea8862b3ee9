package questionnaire

import (
	"net/url"
	"strconv"
	"strings"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// decodeSaveForm reads a questionnaire form post into a SaveInput. Only the
// activities assigned to the department are read; a status value that is
// not a number is reported as a field error of its own, and the rest of the
// form is read all the same.
func decodeSaveForm(form url.Values, assigned []forms.Activity) (forms.SaveInput, forms.FieldErrors) {
	var in forms.SaveInput
	var fe forms.FieldErrors
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
				fe.Add(forms.StatusField(a.ID), "error.unknown_status")
				v = -1 // refused by Validate as well; never stored
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
	return in, fe
}

// splitInvalid validates the input field by field and returns the part that
// can be saved, together with the field errors of the rest, so that one bad
// comment does not keep every other answer from being saved.
func splitInvalid(in forms.SaveInput, scale forms.Scale, assigned map[int64]bool, pre forms.FieldErrors) (forms.SaveInput, map[string]string, []string) {
	errs := map[string]string{}
	var order []string
	add := func(f, k string) {
		if _, ok := errs[f]; !ok {
			errs[f] = k
			order = append(order, f)
		}
	}
	check := in
	if err := check.Validate(scale, assigned); err != nil {
		if e, ok := err.(*forms.Error); ok {
			for _, f := range e.Order {
				add(f, e.Fields[f])
			}
		}
	}
	if pre.Len() > 0 {
		if e, ok := pre.Err("").(*forms.Error); ok {
			for _, f := range e.Order {
				add(f, e.Fields[f])
			}
		}
	}
	if len(errs) == 0 {
		return in, nil, nil
	}
	var ok forms.SaveInput
	for _, a := range in.Answers {
		if _, bad := errs[forms.StatusField(a.ActivityID)]; bad {
			continue
		}
		if _, bad := errs[forms.CommentField(a.ActivityID)]; bad {
			continue
		}
		ok.Answers = append(ok.Answers, a)
	}
	if _, bad := errs[forms.FieldGeneralComment]; !bad {
		ok.GeneralComment, ok.GeneralBase = in.GeneralComment, in.GeneralBase
	}
	if _, bad := errs[forms.FieldFilledInBy]; !bad {
		ok.FilledInBy = in.FilledInBy
	}
	return ok, errs, order
}
