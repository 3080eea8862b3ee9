package questionnaire

import (
	"strconv"
	"strings"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/responseview"
	"followup/forms"
)

// keepTyped puts what the person sent back into the form where keep says
// it was not saved (a field with an error, a conflict, or nothing saved at
// all), so an error never costs them what they typed; elsewhere the form
// shows what is stored, including a colleague's change the person did not
// touch. An answer that is stored as typed (this save wrote it) keeps its
// stored version, so that changing it again is not taken for a conflict;
// others keep the version the page was based on. Call it before
// markConflicts, which bases conflicting answers on the stored version.
func keepTyped(v *responseview.View, in forms.SaveInput, keep func(field int64) bool) {
	byID := map[int64]forms.AnswerInput{}
	for _, a := range in.Answers {
		byID[a.ActivityID] = a
	}
	for i := range v.Areas {
		for j := range v.Areas[i].Activities {
			act := &v.Areas[i].Activities[j]
			if a, ok := byID[act.ID]; ok && keep(act.ID) {
				stored := act.StatusID == a.StatusID && act.Comment == forms.NormalizeText(a.Comment) && act.NeedsSupport == a.NeedsSupport
				act.StatusID, act.Comment, act.NeedsSupport = a.StatusID, a.Comment, a.NeedsSupport
				if act.Conflict == nil && !stored {
					act.Version = a.BaseVersion
				}
			}
		}
	}
	if in.GeneralComment != nil && keep(fieldGeneral) {
		if forms.NormalizeText(*in.GeneralComment) != v.GeneralComment {
			v.GeneralVersion = in.GeneralBase
		}
		v.GeneralComment = *in.GeneralComment
	}
	if in.FilledInBy != nil && keep(fieldName) {
		v.FilledInBy = *in.FilledInBy
	}
}

// Pseudo activity ids for keepTyped's closing fields.
const (
	fieldGeneral int64 = 0
	fieldName    int64 = -1
)

// fieldActivity returns the activity a form field belongs to, or the
// pseudo id of a closing field.
func fieldActivity(field string) int64 {
	switch field {
	case forms.FieldGeneralComment:
		return fieldGeneral
	case forms.FieldFilledInBy:
		return fieldName
	}
	if i := strings.LastIndexByte(field, '-'); i >= 0 {
		if id, err := strconv.ParseInt(field[i+1:], 10, 64); err == nil {
			return id
		}
	}
	return fieldName - 1
}

// markConflicts shows, beside each conflicting answer, what the other editor
// saved, and bases the form on the stored version, so that saving again
// deliberately keeps the person's own value.
func markConflicts(v *responseview.View, l *i18n.Localizer, conflicts []forms.Conflict) {
	byID := map[int64]forms.Conflict{}
	for _, c := range conflicts {
		byID[c.ActivityID] = c
	}
	for i := range v.Areas {
		for j := range v.Areas[i].Activities {
			act := &v.Areas[i].Activities[j]
			if c, ok := byID[act.ID]; ok {
				st, has := v.Plan.Statuses.ByID(c.Theirs.StatusID)
				act.Conflict = &responseview.Answer{Status: st, HasStatus: has, Comment: c.Theirs.Comment, NeedsSupport: c.Theirs.NeedsSupport, By: c.Theirs.UpdatedBy, At: c.Theirs.UpdatedAt}
				act.Version = c.Theirs.Version
				v.AddError(l, forms.StatusField(act.ID), act.Title, "questionnaire.conflict_field")
			}
		}
	}
	if c, ok := byID[0]; ok {
		v.GeneralVersion = c.Theirs.Version
		v.GeneralConflict = &responseview.Answer{Comment: c.Theirs.Comment, By: c.Theirs.UpdatedBy, At: c.Theirs.UpdatedAt}
		v.AddError(l, forms.FieldGeneralComment, l.T("questionnaire.general_comment"), "questionnaire.conflict_general")
	}
	v.Conflicts = len(conflicts)
}

// labelOf names a field for the error summary: the activity's title, or the
// closing field's label.
func labelOf(v *responseview.View, l *i18n.Localizer, field string) string {
	for _, ar := range v.Areas {
		for _, a := range ar.Activities {
			if field == forms.StatusField(a.ID) || field == forms.CommentField(a.ID) {
				return a.Title
			}
		}
	}
	switch field {
	case forms.FieldGeneralComment:
		return l.T("questionnaire.general_comment")
	case forms.FieldFilledInBy:
		return l.T("questionnaire.filled_in_by")
	}
	return field
}
