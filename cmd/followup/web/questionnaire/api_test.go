package questionnaire_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"followup/cmd/followup/web/questionnaire"
	"followup/cmd/followup/web/site"
	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

// activityOf returns an activity of a questionnaire's JSON.
func activityOf(t *testing.T, b questionnaire.Body, id int64) questionnaire.ActivityJSON {
	t.Helper()
	for _, a := range b.Activities {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("activity %d not in the JSON", id)
	return questionnaire.ActivityJSON{}
}

func strp(s string) *string { return &s }

func TestAPIQuestionnaireReturnsActivitiesWithAnswers(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	ctx := context.Background()
	office := f.Dep(t, webtest.DeptOffice)
	risk, classify, mfa := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify), f.Act(t, webtest.ActMFA)
	inProgress := f.Status(t, "Pågår")
	if _, err := f.DB.SaveResponse(ctx, f.Loc, f.Interim.ID, office.ID, forms.SaveInput{
		Answers:    []forms.AnswerInput{{ActivityID: risk, StatusID: inProgress, Comment: "Påbörjad i maj.", NeedsSupport: true}},
		FilledInBy: strp("Anna Andersson"),
	}, "Anna Andersson"); err != nil {
		t.Fatal(err)
	}

	res := f.Get(t, f.Anon, "/api/v1/r/"+f.Token(t, f.Interim, webtest.DeptOffice))
	webtest.WantStatus(t, res, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
	var b questionnaire.Body
	res.JSON(t, &b)
	if b.Round.ID != f.Interim.ID || b.Round.Title != webtest.InterimTitle || b.Round.Kind != "interim" || b.Round.Deadline != webtest.InterimDeadline || !b.Round.Open {
		t.Errorf("round = %+v", b.Round)
	}
	if b.Department.ID != office.ID || b.Department.Name != webtest.DeptOffice {
		t.Errorf("department = %+v", b.Department)
	}
	if b.State != "draft" || b.Version != 1 || b.FilledInBy != "Anna Andersson" {
		t.Errorf("state %q version %d filled in by %q", b.State, b.Version, b.FilledInBy)
	}
	var names []string
	for _, s := range b.Statuses {
		names = append(names, s.Name)
	}
	if want := []string{"Ej påbörjat", "Påbörjat", "Pågår", "Genomfört", "Flyttas till nästa år", "Ej aktuellt"}; !slices.Equal(names, want) {
		t.Errorf("statuses = %q", names)
	}
	var ids []int64
	for _, a := range b.Activities {
		ids = append(ids, a.ID)
	}
	if want := []int64{risk, classify, mfa}; !slices.Equal(ids, want) {
		t.Fatalf("activities = %v, want %v (the assigned ones, in plan order)", ids, want)
	}
	r := activityOf(t, b, risk)
	if r.Title != webtest.ActRisk || r.Area != webtest.AreaGovernance || r.Description == "" {
		t.Errorf("risk activity = %+v", r)
	}
	want := site.AnswerJSON{ActivityID: risk, StatusID: inProgress, Status: "Pågår", Comment: "Påbörjad i maj.", NeedsSupport: true, Version: 1, UpdatedBy: "Anna Andersson"}
	if !r.Answer.UpdatedAt.Equal(f.Clock.Now()) {
		t.Errorf("risk answer saved at %v, want %v", r.Answer.UpdatedAt, f.Clock.Now())
	}
	got := r.Answer
	got.UpdatedAt = time.Time{}
	if got != want {
		t.Errorf("risk answer = %+v, want %+v", got, want)
	}
	if a := activityOf(t, b, classify).Answer; a.StatusID != 0 || a.Version != 0 || a.Comment != "" {
		t.Errorf("classify answer = %+v, want empty at version 0", a)
	}
	if m := activityOf(t, b, mfa); m.Area != webtest.AreaTechnical || m.Interim != nil {
		t.Errorf("MFA activity = %+v", m)
	}

	t.Run("AnnualCarriesInterimAnswer", func(t *testing.T) {
		res := f.Get(t, f.Anon, "/api/v1/r/"+f.Token(t, f.Annual, webtest.DeptOffice))
		webtest.WantStatus(t, res, http.StatusOK)
		var b questionnaire.Body
		res.JSON(t, &b)
		ia := activityOf(t, b, risk).Interim
		if ia == nil || ia.StatusID != inProgress || ia.Status != "Pågår" || ia.Comment != "Påbörjad i maj." {
			t.Errorf("interim answer = %+v", ia)
		}
		if activityOf(t, b, risk).Answer.Version != 0 || b.State != "not_started" {
			t.Errorf("annual answer = %+v, state %q", activityOf(t, b, risk).Answer, b.State)
		}
	})
}

func TestAPIDraftChangesOnlyTheAnswersSent(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	path := "/api/v1/r/" + f.Token(t, f.Interim, webtest.DeptSchool) + "/draft"
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
	inProgress, done := f.Status(t, "Pågår"), f.Status(t, "Genomfört")

	res := f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{
		Answers: []questionnaire.SaveAnswer{
			{ActivityID: risk, StatusID: inProgress, Comment: "Riskanalys påbörjad."},
			{ActivityID: classify, StatusID: inProgress, Comment: "Klassning påbörjad."},
		},
		GeneralComment: strp("Allmänt."),
		FilledInBy:     strp("Anna Andersson"),
	})
	webtest.WantStatus(t, res, http.StatusOK)

	res = f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{Answers: []questionnaire.SaveAnswer{
		{ActivityID: classify, StatusID: done, Comment: "Klassning klar.", BaseVersion: 1},
	}})
	webtest.WantStatus(t, res, http.StatusOK)
	var b questionnaire.Body
	res.JSON(t, &b)
	if a := activityOf(t, b, classify).Answer; a.StatusID != done || a.Comment != "Klassning klar." || a.Version != 2 {
		t.Errorf("classify in the reply = %+v, want the new value at version 2", a)
	}

	r := f.Response(t, f.Interim, webtest.DeptSchool)
	if a := r.Answers[risk]; a.StatusID != inProgress || a.Comment != "Riskanalys påbörjad." || a.Version != 1 {
		t.Errorf("risk answer = %+v, want it untouched at version 1", a)
	}
	if a := r.Answers[classify]; a.StatusID != done || a.Comment != "Klassning klar." || a.Version != 2 {
		t.Errorf("classify answer = %+v", a)
	}
	if r.GeneralComment != "Allmänt." || r.GeneralVersion != 1 || r.FilledInBy != "Anna Andersson" {
		t.Errorf("closing fields changed: %q v%d, %q", r.GeneralComment, r.GeneralVersion, r.FilledInBy)
	}
	if r.State != forms.ResponseDraft || r.Version != 2 {
		t.Errorf("response state %s version %d, want draft version 2", r.State, r.Version)
	}
	if n := f.Count(t, `SELECT COUNT(*) FROM answer_history WHERE activity_id = ?`, risk); n != 1 {
		t.Errorf("%d history rows for the untouched answer, want 1", n)
	}
	if n := f.Count(t, `SELECT COUNT(*) FROM answer_history WHERE activity_id = ?`, classify); n != 2 {
		t.Errorf("%d history rows for the changed answer, want 2", n)
	}

	t.Run("SameValueAgainChangesNothing", func(t *testing.T) {
		before := state(t, f, f.Interim, webtest.DeptSchool)
		res := f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{Answers: []questionnaire.SaveAnswer{
			{ActivityID: classify, StatusID: done, Comment: "Klassning klar.", BaseVersion: 2},
		}})
		webtest.WantStatus(t, res, http.StatusOK)
		if after := state(t, f, f.Interim, webtest.DeptSchool); after != before {
			t.Errorf("an unchanged save changed the database: %+v → %+v", before, after)
		}
	})
}

func TestAPIDraftConflict(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	path := "/api/v1/r/" + f.Token(t, f.Interim, webtest.DeptSchool) + "/draft"
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
	inProgress, done := f.Status(t, "Pågår"), f.Status(t, "Genomfört")

	webtest.WantStatus(t, f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{
		Answers:    []questionnaire.SaveAnswer{{ActivityID: risk, StatusID: inProgress, Comment: "A skrev."}},
		FilledInBy: strp("Anna Andersson"),
	}), http.StatusOK)

	res := f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{Answers: []questionnaire.SaveAnswer{
		{ActivityID: risk, StatusID: done, Comment: "B skrev.", BaseVersion: 0},
		{ActivityID: classify, StatusID: done, Comment: "B klassade.", BaseVersion: 0},
	}})
	e := webtest.WantAPIError(t, res, http.StatusConflict, "conflict")
	if len(e.Error.Conflicts) != 1 {
		t.Fatalf("conflicts = %+v, want one", e.Error.Conflicts)
	}
	c := e.Error.Conflicts[0]
	if c.ActivityID != risk {
		t.Errorf("conflict on activity %d, want %d", c.ActivityID, risk)
	}
	if c.Mine.StatusID != done || c.Mine.Comment != "B skrev." {
		t.Errorf("mine = %+v", c.Mine)
	}
	if c.Theirs.StatusID != inProgress || c.Theirs.Comment != "A skrev." || c.Theirs.Version != 1 || c.Theirs.UpdatedBy != "Anna Andersson" {
		t.Errorf("theirs = %+v", c.Theirs)
	}
	if e.Questionnaire == nil || activityOf(t, *e.Questionnaire, risk).Answer.Comment != "A skrev." {
		t.Errorf("the reply does not carry the stored questionnaire: %+v", e.Questionnaire)
	}

	r := f.Response(t, f.Interim, webtest.DeptSchool)
	if a := r.Answers[risk]; a.Comment != "A skrev." || a.Version != 1 {
		t.Errorf("A's answer was overwritten: %+v", a)
	}
	if a := r.Answers[classify]; a.Comment != "B klassade." || a.Version != 1 {
		t.Errorf("B's answer without conflict was not saved: %+v", a)
	}
}

func TestAPISubmit(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	path := "/api/v1/r/" + f.Token(t, f.Interim, webtest.DeptSchool) + "/submit"
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
	done := f.Status(t, "Genomfört")

	res := f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{
		Answers:    []questionnaire.SaveAnswer{{ActivityID: risk, StatusID: done, Comment: "Klar."}},
		FilledInBy: strp("Anna Andersson"),
	})
	e := webtest.WantAPIError(t, res, http.StatusUnprocessableEntity, "invalid")
	if len(e.Error.Fields) != 1 || e.Error.Fields[forms.StatusField(classify)] != "Välj en status." {
		t.Errorf("fields = %v, want only %s", e.Error.Fields, forms.StatusField(classify))
	}
	r := f.Response(t, f.Interim, webtest.DeptSchool)
	if r.State != forms.ResponseDraft || r.Answers[risk].Comment != "Klar." {
		t.Errorf("state %s, risk %+v: want the draft saved", r.State, r.Answers[risk])
	}

	t.Run("FieldMessagesInEnglish", func(t *testing.T) {
		req := f.NewRequest(t, http.MethodPost, path, strings.NewReader(`{"answers":[]}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept-Language", "en")
		e := webtest.WantAPIError(t, f.Do(t, f.Anon, req), http.StatusUnprocessableEntity, "invalid")
		if got := e.Error.Fields[forms.StatusField(classify)]; got != "Choose a status." {
			t.Errorf("message = %q", got)
		}
	})
	t.Run("InvalidComment", func(t *testing.T) {
		res := f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{Answers: []questionnaire.SaveAnswer{
			{ActivityID: classify, StatusID: done, Comment: strings.Repeat("x", forms.MaxCommentRunes+1)},
		}})
		e := webtest.WantAPIError(t, res, http.StatusUnprocessableEntity, "invalid")
		if got := e.Error.Fields[forms.CommentField(classify)]; got != "Texten är för lång (högst 10 000 tecken)." {
			t.Errorf("fields = %v", e.Error.Fields)
		}
	})
	t.Run("ActivityOfAnotherDepartment", func(t *testing.T) {
		mfa := f.Act(t, webtest.ActMFA)
		res := f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{Answers: []questionnaire.SaveAnswer{{ActivityID: mfa, StatusID: done}}})
		e := webtest.WantAPIError(t, res, http.StatusUnprocessableEntity, "invalid")
		if _, ok := e.Error.Fields[forms.StatusField(mfa)]; !ok {
			t.Errorf("fields = %v", e.Error.Fields)
		}
		if n := f.Count(t, `SELECT COUNT(*) FROM answers WHERE activity_id = ?`, mfa); n != 0 {
			t.Errorf("an answer to another department's activity was stored")
		}
	})
	t.Run("Complete", func(t *testing.T) {
		res := f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{Answers: []questionnaire.SaveAnswer{
			{ActivityID: classify, StatusID: done, Comment: "Klar."},
		}})
		webtest.WantStatus(t, res, http.StatusOK)
		var b questionnaire.Body
		res.JSON(t, &b)
		if b.State != "submitted" {
			t.Errorf("state = %q, want submitted", b.State)
		}
		webtest.WantAPIError(t, f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{}), http.StatusConflict, "submitted")
		if n := f.Count(t, `SELECT COUNT(*) FROM response_events WHERE kind = 'submitted'`); n != 1 {
			t.Errorf("%d submitted events, want 1", n)
		}
	})
}

func TestAPIUnknownToken(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	old := f.Token(t, f.Interim, webtest.DeptSchool)
	if _, err := f.DB.ReplaceLink(context.Background(), f.Secret, f.Interim.ID, f.Dep(t, webtest.DeptSchool).ID, "test"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, method, path string }{
		{"GetUnknown", http.MethodGet, "/api/v1/r/" + strings.Repeat("Q", 43)},
		{"GetShort", http.MethodGet, "/api/v1/r/abc"},
		{"GetReplaced", http.MethodGet, "/api/v1/r/" + old},
		{"DraftUnknown", http.MethodPost, "/api/v1/r/" + strings.Repeat("Q", 43) + "/draft"},
		{"SubmitReplaced", http.MethodPost, "/api/v1/r/" + old + "/submit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var res *webtest.Result
			if tc.method == http.MethodGet {
				res = f.Get(t, f.Anon, tc.path)
			} else {
				res = f.PostJSON(t, f.Anon, tc.path, `{"answers":[]}`)
			}
			webtest.WantAPIError(t, res, http.StatusNotFound, "not_found")
		})
	}
	if r := f.Response(t, f.Interim, webtest.DeptSchool); r.Version != 0 {
		t.Errorf("a request with an old link changed the response: version %d", r.Version)
	}
}

func TestAPIRefusesMalformedBodies(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	risk := f.Act(t, webtest.ActRisk)
	for _, tc := range []struct{ name, body string }{
		{"NotJSON", `status=3`},
		{"Truncated", `{"answers":[{"activity_id":` + itoa(risk)},
		{"Empty", ``},
		{"UnknownTopLevelField", `{"answers":[],"state":"submitted"}`},
		{"UnknownAnswerField", `{"answers":[{"activity_id":` + itoa(risk) + `,"status_id":3,"version":9}]}`},
		{"WrongType", `{"answers":[{"activity_id":"` + itoa(risk) + `"}]}`},
		{"AnswersNotAList", `{"answers":{"activity_id":1}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := state(t, f, f.Interim, webtest.DeptSchool)
			for _, action := range []string{"draft", "submit"} {
				webtest.WantAPIError(t, f.PostJSON(t, f.Anon, "/api/v1/r/"+tok+"/"+action, tc.body), http.StatusUnprocessableEntity, "invalid")
			}
			if after := state(t, f, f.Interim, webtest.DeptSchool); after != before {
				t.Errorf("a refused body changed the database: %+v → %+v", before, after)
			}
		})
	}
}

func TestAPIBodyTooLarge(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	before := state(t, f, f.Interim, webtest.DeptSchool)
	body := questionnaire.SaveRequest{Answers: []questionnaire.SaveAnswer{{ActivityID: f.Act(t, webtest.ActRisk), StatusID: f.Status(t, "Pågår"), Comment: strings.Repeat("a", 1<<20+10_000)}}}
	for _, action := range []string{"draft", "submit"} {
		e := webtest.WantAPIError(t, f.PostJSON(t, f.Anon, "/api/v1/r/"+tok+"/"+action, body), http.StatusRequestEntityTooLarge, "too_large")
		if !strings.HasPrefix(e.Error.Message, "Det som skickades var för stort.") {
			t.Errorf("message = %q", e.Error.Message)
		}
	}
	if after := state(t, f, f.Interim, webtest.DeptSchool); after != before {
		t.Errorf("a refused body changed the database: %+v → %+v", before, after)
	}
}

// The JSON API answers with the same storage rules as the form: a closed
// round refuses saves.
func TestAPIClosedRound(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	if err := f.DB.SetRoundState(context.Background(), f.Interim.ID, forms.RoundClosed, "test"); err != nil {
		t.Fatal(err)
	}
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	res := f.Get(t, f.Anon, "/api/v1/r/"+tok)
	webtest.WantStatus(t, res, http.StatusOK)
	var b questionnaire.Body
	res.JSON(t, &b)
	if b.Round.Open {
		t.Error("a closed round says it accepts answers")
	}
	webtest.WantAPIError(t, f.PostJSON(t, f.Anon, "/api/v1/r/"+tok+"/draft", questionnaire.SaveRequest{Answers: []questionnaire.SaveAnswer{{ActivityID: f.Act(t, webtest.ActRisk), StatusID: f.Status(t, "Pågår")}}}),
		http.StatusConflict, "closed")
	if n := f.Count(t, `SELECT COUNT(*) FROM answers`); n != 0 {
		t.Errorf("%d answers stored in a closed round", n)
	}
}

// TestAPIDraftSavesTheValidAnswers applies the save rule to the API as the
// page does: the valid answers of a save are saved, the invalid ones are
// named, and the reply carries the questionnaire as saved so that the
// client can base its next save on the new versions.
func TestAPIDraftSavesTheValidAnswers(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	path := "/api/v1/r/" + f.Token(t, f.Interim, webtest.DeptSchool) + "/draft"
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
	inProgress := f.Status(t, "Pågår")
	res := f.PostJSON(t, f.Anon, path, questionnaire.SaveRequest{Answers: []questionnaire.SaveAnswer{
		{ActivityID: risk, StatusID: inProgress, Comment: "Påbörjad."},
		{ActivityID: classify, StatusID: inProgress, Comment: "otillåtet\x1btecken"},
	}})
	e := webtest.WantAPIError(t, res, http.StatusUnprocessableEntity, "invalid")
	if len(e.Error.Fields) != 1 || e.Error.Fields[forms.CommentField(classify)] == "" {
		t.Errorf("fields = %v, want only %s", e.Error.Fields, forms.CommentField(classify))
	}
	if e.Questionnaire == nil || len(e.Questionnaire.Activities) != 1 || activityOf(t, *e.Questionnaire, risk).Answer.Version != 1 {
		t.Fatalf("the reply does not carry the saved answer with its version: %+v", e.Questionnaire)
	}
	r := f.Response(t, f.Interim, webtest.DeptSchool)
	if r.Answers[risk].Comment != "Påbörjad." || r.Answers[risk].Version != 1 {
		t.Errorf("the valid answer was not saved: %+v", r.Answers[risk])
	}
	if a, ok := r.Answers[classify]; ok {
		t.Errorf("the invalid answer was saved: %+v", a)
	}
}
