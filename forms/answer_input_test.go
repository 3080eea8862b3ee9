package forms_test

import (
	"slices"
	"strings"
	"testing"

	"followup/forms"
)

func ptr(s string) *string { return &s }

// smallPlan has activity 11 for every department and 12 for department 2
// only, both with the default scale numbered 1..6.
func smallPlan() *forms.Plan {
	return &forms.Plan{ID: 1, Organisation: "Exempelby kommun", Title: "Handlingsplan", Year: 2025, Statuses: numberedScale(),
		Areas: []forms.Area{
			{ID: 1, Title: "Styrning", Activities: []forms.Activity{{ID: 11, AreaID: 1, Title: "Riskanalys", AllDepartments: true}}},
			{ID: 2, Title: "IT", Activities: []forms.Activity{{ID: 12, AreaID: 2, Title: "MFA", DepartmentIDs: []int64{2}}}},
		}}
}

func TestSaveInputSplit(t *testing.T) {
	assigned := map[int64]bool{11: true}
	answer := func(status int64, comment string) forms.SaveInput {
		return forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: 11, StatusID: status, Comment: comment}}}
	}
	tests := []struct {
		name  string
		in    forms.SaveInput
		field string // "" for OK
		key   string
	}{
		{"OK", answer(done, "Klart."), "", ""},
		{"OKNoStatusYet", answer(0, "utkast"), "", ""},
		{"OKTabAndNewline", answer(inProgress, "rad 1\n\trad 2"), "", ""},
		{"OKCommentAtLimit", answer(done, strings.Repeat("å", forms.MaxCommentRunes)), "", ""},
		{"OKCommentAtLimitWithCRLF", answer(done, strings.Repeat("å\r\n", forms.MaxCommentRunes/2-1)+"åå"), "", ""},
		{"OKCommentAtLimitWithSurroundingSpace", answer(done, "\n"+strings.Repeat("å", forms.MaxCommentRunes)+"  "), "", ""},
		{"OKGeneralCommentAtLimitWithCRLF", forms.SaveInput{GeneralComment: ptr(strings.Repeat("a\r\n", forms.MaxCommentRunes/2))}, "", ""},
		{"ErrStatusNotOnScale", answer(42, ""), forms.StatusField(11), "error.unknown_status"},
		{"ErrActivityNotAssigned", forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: 12, StatusID: done}}}, forms.StatusField(12), "error.unknown_activity"},
		{"ErrActivityTwice", forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: 11, StatusID: done}, {ActivityID: 11, StatusID: notStarted}}}, forms.StatusField(11), "error.unknown_activity"},
		{"ErrCommentTooLong", answer(done, strings.Repeat("å", forms.MaxCommentRunes+1)), forms.CommentField(11), "error.text_too_long"},
		{"ErrInvalidUTF8", answer(done, "bra\xc3"), forms.CommentField(11), "error.text_encoding"},
		{"ErrControlCharacter", answer(done, "bra\x1bbättre"), forms.CommentField(11), "error.text_control"},
		{"ErrBidiControl", answer(done, "klart\u202Eej"), forms.CommentField(11), "error.text_bidi"},
		{"ErrGeneralComment", forms.SaveInput{GeneralComment: ptr("a\x00")}, forms.FieldGeneralComment, "error.text_control"},
		{"ErrFilledInByNewline", forms.SaveInput{FilledInBy: ptr("Åsa\nÖberg")}, forms.FieldFilledInBy, "error.text_control"},
		{"ErrFilledInByTooLong", forms.SaveInput{FilledInBy: ptr(strings.Repeat("x", forms.MaxNameRunes+1))}, forms.FieldFilledInBy, "error.text_too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			valid, err := tt.in.Split(numberedScale(), assigned)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Split: %v", err)
				}
				if len(valid.Answers) != len(tt.in.Answers) {
					t.Errorf("%d answers to save, want all %d", len(valid.Answers), len(tt.in.Answers))
				}
				return
			}
			e := errorOf(t, err)
			if e.Code != forms.EINVALID {
				t.Errorf("code = %q, want %q", e.Code, forms.EINVALID)
			}
			if got := e.Fields[tt.field]; got != tt.key {
				t.Errorf("Fields[%q] = %q, want %q (all: %v)", tt.field, got, tt.key, e.Fields)
			}
			if !slices.Contains(e.Order, tt.field) {
				t.Errorf("Order %v lacks %q", e.Order, tt.field)
			}
			if len(valid.Answers) != 0 || (valid.GeneralComment != nil && tt.field == forms.FieldGeneralComment) || (valid.FilledInBy != nil && tt.field == forms.FieldFilledInBy) {
				t.Errorf("the invalid field is to be saved: %+v", valid)
			}
		})
	}
}

// TestSaveInputSplitKeepsTheValid saves the valid answers of a save and
// leaves out the invalid ones, with their messages.
func TestSaveInputSplitKeepsTheValid(t *testing.T) {
	in := forms.SaveInput{Answers: []forms.AnswerInput{
		{ActivityID: 11, StatusID: done, Comment: "Klart."},
		{ActivityID: 12, StatusID: done, Comment: "bra\x1b"},
	}, GeneralComment: ptr("a\x00"), FilledInBy: ptr("Åsa Öberg")}
	valid, err := in.Split(numberedScale(), map[int64]bool{11: true, 12: true})
	e := errorOf(t, err)
	if want := []string{forms.CommentField(12), forms.FieldGeneralComment}; !slices.Equal(e.Order, want) {
		t.Errorf("Order = %v, want %v", e.Order, want)
	}
	if len(valid.Answers) != 1 || valid.Answers[0].ActivityID != 11 || valid.GeneralComment != nil || valid.FilledInBy == nil {
		t.Errorf("to save: %+v, want activity 11 and the name", valid)
	}
}

func TestSaveInputSplitNormalises(t *testing.T) {
	in := forms.SaveInput{
		Answers:        []forms.AnswerInput{{ActivityID: 11, StatusID: done, Comment: "  rad 1\r\nrad 2 \r\n"}},
		GeneralComment: ptr("\r\nAllmänt\r\n"),
		FilledInBy:     ptr("  Åsa Öberg "),
	}
	in, err := in.Split(numberedScale(), map[int64]bool{11: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := in.Answers[0].Comment, "rad 1\nrad 2"; got != want {
		t.Errorf("comment = %q, want %q", got, want)
	}
	if got, want := *in.GeneralComment, "Allmänt"; got != want {
		t.Errorf("general comment = %q, want %q", got, want)
	}
	if got, want := *in.FilledInBy, "Åsa Öberg"; got != want {
		t.Errorf("filled in by = %q, want %q", got, want)
	}
}

func TestValidateSubmission(t *testing.T) {
	plan := smallPlan()
	resp := func(filledInBy string, answers ...forms.Answer) *forms.Response {
		r := &forms.Response{FilledInBy: filledInBy, Answers: map[int64]forms.Answer{}}
		for _, a := range answers {
			r.Answers[a.ActivityID] = a
		}
		return r
	}
	ans := func(act, status int64, comment string) forms.Answer {
		return forms.Answer{ActivityID: act, StatusID: status, Comment: comment}
	}
	tests := []struct {
		name   string
		dept   int64
		resp   *forms.Response
		fields map[string]string // nil for OK
	}{
		{"OK", 1, resp("Åsa", ans(11, done, "")), nil},
		{"OKCommentGivenWhereRequired", 1, resp("Åsa", ans(11, notRelevant, "gäller ej")), nil},
		{"OKBothActivities", 2, resp("Ola", ans(11, inProgress, ""), ans(12, carriesOver, "budget")), nil},
		{"ErrMissingStatus", 1, resp("Åsa"), map[string]string{forms.StatusField(11): "error.status_required"}},
		{"ErrMissingStatusOfDepartmentOnlyActivity", 2, resp("Ola", ans(11, done, "")), map[string]string{forms.StatusField(12): "error.status_required"}},
		{"ErrCommentRequiredNotStarted", 1, resp("Åsa", ans(11, notStarted, " \n")), map[string]string{forms.CommentField(11): "error.comment_required"}},
		{"ErrCommentRequiredCarriesOver", 1, resp("Åsa", ans(11, carriesOver, "")), map[string]string{forms.CommentField(11): "error.comment_required"}},
		{"ErrCommentRequiredNotApplicable", 1, resp("Åsa", ans(11, notRelevant, "")), map[string]string{forms.CommentField(11): "error.comment_required"}},
		{"ErrUnknownStatus", 1, resp("Åsa", ans(11, 77, "")), map[string]string{forms.StatusField(11): "error.unknown_status"}},
		{"ErrFilledInByRequired", 1, resp("  ", ans(11, done, "")), map[string]string{forms.FieldFilledInBy: "error.filled_in_by_required"}},
		{"ErrEverything", 2, resp(""), map[string]string{
			forms.StatusField(11): "error.status_required", forms.StatusField(12): "error.status_required",
			forms.FieldFilledInBy: "error.filled_in_by_required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := forms.ValidateSubmission(plan, tt.dept, tt.resp)
			if tt.fields == nil {
				if err != nil {
					t.Fatalf("ValidateSubmission: %v", err)
				}
				return
			}
			e := errorOf(t, err)
			if e.Code != forms.EINVALID {
				t.Errorf("code = %q, want %q", e.Code, forms.EINVALID)
			}
			if len(e.Fields) != len(tt.fields) {
				t.Errorf("Fields = %v, want %v", e.Fields, tt.fields)
			}
			for f, k := range tt.fields {
				if e.Fields[f] != k {
					t.Errorf("Fields[%q] = %q, want %q", f, e.Fields[f], k)
				}
			}
		})
	}
}

func TestPlanAssignedAreas(t *testing.T) {
	plan := smallPlan()
	tests := []struct {
		name      string
		dept      int64
		wantAreas []string
		wantCount int
	}{
		{"DepartmentWithoutITActivity", 1, []string{"Styrning"}, 1},
		{"ITDepartment", 2, []string{"Styrning", "IT"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range plan.AssignedAreas(tt.dept) {
				got = append(got, a.Title)
			}
			if !slices.Equal(got, tt.wantAreas) {
				t.Errorf("AssignedAreas = %v, want %v", got, tt.wantAreas)
			}
			if n := plan.CountAssigned(tt.dept); n != tt.wantCount {
				t.Errorf("CountAssigned = %d, want %d", n, tt.wantCount)
			}
		})
	}
}
