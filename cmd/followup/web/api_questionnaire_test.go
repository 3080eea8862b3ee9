package web_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"followup/forms"
)

// apiAnswer, apiActivity and apiBody mirror the questionnaire's JSON.
type apiAnswer struct {
	ActivityID   int64  `json:"activity_id"`
	StatusID     int64  `json:"status_id"`
	Status       string `json:"status"`
	Comment      string `json:"comment"`
	NeedsSupport bool   `json:"needs_support"`
	Version      int    `json:"version"`
	UpdatedBy    string `json:"updated_by"`
}

type apiActivity struct {
	ID          int64      `json:"id"`
	Area        string     `json:"area"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Answer      apiAnswer  `json:"answer"`
	Interim     *apiAnswer `json:"interim"`
}

type apiBody struct {
	Round struct {
		ID       int64  `json:"id"`
		Title    string `json:"title"`
		Kind     string `json:"kind"`
		Deadline string `json:"deadline"`
		Open     bool   `json:"accepts_answers"`
	} `json:"round"`
	Department struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	} `json:"department"`
	State    string `json:"state"`
	Version  int    `json:"version"`
	Statuses []struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	} `json:"statuses"`
	Activities     []apiActivity `json:"activities"`
	GeneralComment string        `json:"general_comment"`
	GeneralVersion int           `json:"general_version"`
	FilledInBy     string        `json:"filled_in_by"`
}

func (b apiBody) activity(t *testing.T, id int64) apiActivity {
	t.Helper()
	for _, a := range b.Activities {
		if a.ID == id {
			return a
		}
	}
	t.Fatalf("activity %d not in the JSON", id)
	return apiActivity{}
}

type apiErrorBody struct {
	Error struct {
		Code      string            `json:"code"`
		Message   string            `json:"message"`
		Fields    map[string]string `json:"fields"`
		Conflicts []struct {
			ActivityID int64     `json:"activity_id"`
			Mine       apiAnswer `json:"mine"`
			Theirs     apiAnswer `json:"theirs"`
		} `json:"conflicts"`
	} `json:"error"`
	Questionnaire *apiBody `json:"questionnaire"`
}

// wantAPIError checks the status, the JSON content type and the error code.
func wantAPIError(t *testing.T, res *result, status int, code string) apiErrorBody {
	t.Helper()
	wantStatus(t, res, status)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q, want JSON", ct)
	}
	var e apiErrorBody
	res.JSON(t, &e)
	if e.Error.Code != code {
		t.Errorf("error code = %q, want %q (body %s)", e.Error.Code, code, truncate(res.Body, 500))
	}
	if e.Error.Message == "" {
		t.Error("the error has no message")
	}
	return e
}

type saveAnswer struct {
	ActivityID   int64  `json:"activity_id"`
	StatusID     int64  `json:"status_id"`
	Comment      string `json:"comment"`
	NeedsSupport bool   `json:"needs_support,omitempty"`
	BaseVersion  int    `json:"base_version"`
}

type saveRequest struct {
	Answers        []saveAnswer `json:"answers"`
	GeneralComment *string      `json:"general_comment,omitempty"`
	GeneralBase    int          `json:"general_base,omitempty"`
	FilledInBy     *string      `json:"filled_in_by,omitempty"`
}

func strp(s string) *string { return &s }

func TestAPIQuestionnaireReturnsActivitiesWithAnswers(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	office := f.dep(t, deptOffice)
	risk, classify, mfa := f.act(t, actRisk), f.act(t, actClassify), f.act(t, actMFA)
	inProgress := f.status(t, "Pågår")
	if _, err := f.DB.SaveResponse(ctx, f.Loc, f.Interim.ID, office.ID, forms.SaveInput{
		Answers:    []forms.AnswerInput{{ActivityID: risk, StatusID: inProgress, Comment: "Påbörjad i maj.", NeedsSupport: true}},
		FilledInBy: strp("Anna Andersson"),
	}, "Anna Andersson"); err != nil {
		t.Fatal(err)
	}

	res := f.get(t, "/api/v1/r/"+f.token(t, f.Interim, deptOffice))
	wantStatus(t, res, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
	var b apiBody
	res.JSON(t, &b)
	if b.Round.ID != f.Interim.ID || b.Round.Title != interimTitle || b.Round.Kind != "interim" || b.Round.Deadline != interimDeadline || !b.Round.Open {
		t.Errorf("round = %+v", b.Round)
	}
	if b.Department.ID != office.ID || b.Department.Name != deptOffice {
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
	r := b.activity(t, risk)
	if r.Title != actRisk || r.Area != areaGovernance || r.Description == "" {
		t.Errorf("risk activity = %+v", r)
	}
	want := apiAnswer{ActivityID: risk, StatusID: inProgress, Status: "Pågår", Comment: "Påbörjad i maj.", NeedsSupport: true, Version: 1, UpdatedBy: "Anna Andersson"}
	if r.Answer != want {
		t.Errorf("risk answer = %+v, want %+v", r.Answer, want)
	}
	if a := b.activity(t, classify).Answer; a.StatusID != 0 || a.Version != 0 || a.Comment != "" {
		t.Errorf("classify answer = %+v, want empty at version 0", a)
	}
	if m := b.activity(t, mfa); m.Area != areaTechnical || m.Interim != nil {
		t.Errorf("MFA activity = %+v", m)
	}

	t.Run("AnnualCarriesInterimAnswer", func(t *testing.T) {
		res := f.get(t, "/api/v1/r/"+f.token(t, f.Annual, deptOffice))
		wantStatus(t, res, http.StatusOK)
		var b apiBody
		res.JSON(t, &b)
		ia := b.activity(t, risk).Interim
		if ia == nil || ia.StatusID != inProgress || ia.Status != "Pågår" || ia.Comment != "Påbörjad i maj." {
			t.Errorf("interim answer = %+v", ia)
		}
		if b.activity(t, risk).Answer.Version != 0 || b.State != "not_started" {
			t.Errorf("annual answer = %+v, state %q", b.activity(t, risk).Answer, b.State)
		}
	})
}

func TestAPIDraftChangesOnlyTheAnswersSent(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/r/" + f.token(t, f.Interim, deptSchool) + "/draft"
	risk, classify := f.act(t, actRisk), f.act(t, actClassify)
	inProgress, done := f.status(t, "Pågår"), f.status(t, "Genomfört")

	res := f.postJSON(t, path, saveRequest{
		Answers: []saveAnswer{
			{ActivityID: risk, StatusID: inProgress, Comment: "Riskanalys påbörjad."},
			{ActivityID: classify, StatusID: inProgress, Comment: "Klassning påbörjad."},
		},
		GeneralComment: strp("Allmänt."),
		FilledInBy:     strp("Anna Andersson"),
	})
	wantStatus(t, res, http.StatusOK)

	res = f.postJSON(t, path, saveRequest{Answers: []saveAnswer{
		{ActivityID: classify, StatusID: done, Comment: "Klassning klar.", BaseVersion: 1},
	}})
	wantStatus(t, res, http.StatusOK)
	var b apiBody
	res.JSON(t, &b)
	if a := b.activity(t, classify).Answer; a.StatusID != done || a.Comment != "Klassning klar." || a.Version != 2 {
		t.Errorf("classify in the reply = %+v, want the new value at version 2", a)
	}

	r := f.response(t, f.Interim, deptSchool)
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
	if n := f.count(t, `SELECT COUNT(*) FROM answer_history WHERE activity_id = ?`, risk); n != 1 {
		t.Errorf("%d history rows for the untouched answer, want 1", n)
	}
	if n := f.count(t, `SELECT COUNT(*) FROM answer_history WHERE activity_id = ?`, classify); n != 2 {
		t.Errorf("%d history rows for the changed answer, want 2", n)
	}

	t.Run("SameValueAgainChangesNothing", func(t *testing.T) {
		before := f.state(t, f.Interim, deptSchool)
		res := f.postJSON(t, path, saveRequest{Answers: []saveAnswer{
			{ActivityID: classify, StatusID: done, Comment: "Klassning klar.", BaseVersion: 2},
		}})
		wantStatus(t, res, http.StatusOK)
		if after := f.state(t, f.Interim, deptSchool); after != before {
			t.Errorf("an unchanged save changed the database: %+v → %+v", before, after)
		}
	})
}

func TestAPIDraftConflict(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/r/" + f.token(t, f.Interim, deptSchool) + "/draft"
	risk, classify := f.act(t, actRisk), f.act(t, actClassify)
	inProgress, done := f.status(t, "Pågår"), f.status(t, "Genomfört")

	wantStatus(t, f.postJSON(t, path, saveRequest{
		Answers:    []saveAnswer{{ActivityID: risk, StatusID: inProgress, Comment: "A skrev."}},
		FilledInBy: strp("Anna Andersson"),
	}), http.StatusOK)

	res := f.postJSON(t, path, saveRequest{Answers: []saveAnswer{
		{ActivityID: risk, StatusID: done, Comment: "B skrev.", BaseVersion: 0},
		{ActivityID: classify, StatusID: done, Comment: "B klassade.", BaseVersion: 0},
	}})
	e := wantAPIError(t, res, http.StatusConflict, "conflict")
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
	if e.Questionnaire == nil || e.Questionnaire.activity(t, risk).Answer.Comment != "A skrev." {
		t.Errorf("the reply does not carry the stored questionnaire: %+v", e.Questionnaire)
	}

	r := f.response(t, f.Interim, deptSchool)
	if a := r.Answers[risk]; a.Comment != "A skrev." || a.Version != 1 {
		t.Errorf("A's answer was overwritten: %+v", a)
	}
	if a := r.Answers[classify]; a.Comment != "B klassade." || a.Version != 1 {
		t.Errorf("B's answer without conflict was not saved: %+v", a)
	}
}

func TestAPISubmit(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/r/" + f.token(t, f.Interim, deptSchool) + "/submit"
	risk, classify := f.act(t, actRisk), f.act(t, actClassify)
	done := f.status(t, "Genomfört")

	res := f.postJSON(t, path, saveRequest{
		Answers:    []saveAnswer{{ActivityID: risk, StatusID: done, Comment: "Klar."}},
		FilledInBy: strp("Anna Andersson"),
	})
	e := wantAPIError(t, res, http.StatusUnprocessableEntity, "invalid")
	if len(e.Error.Fields) != 1 || e.Error.Fields[forms.StatusField(classify)] != "Välj en status." {
		t.Errorf("fields = %v, want only %s", e.Error.Fields, forms.StatusField(classify))
	}
	r := f.response(t, f.Interim, deptSchool)
	if r.State != forms.ResponseDraft || r.Answers[risk].Comment != "Klar." {
		t.Errorf("state %s, risk %+v: want the draft saved", r.State, r.Answers[risk])
	}

	t.Run("FieldMessagesInEnglish", func(t *testing.T) {
		req := f.newRequest(t, http.MethodPost, path, strings.NewReader(`{"answers":[]}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept-Language", "en")
		e := wantAPIError(t, f.do(t, req), http.StatusUnprocessableEntity, "invalid")
		if got := e.Error.Fields[forms.StatusField(classify)]; got != "Choose a status." {
			t.Errorf("message = %q", got)
		}
	})
	t.Run("InvalidComment", func(t *testing.T) {
		res := f.postJSON(t, path, saveRequest{Answers: []saveAnswer{
			{ActivityID: classify, StatusID: done, Comment: strings.Repeat("x", forms.MaxCommentRunes+1)},
		}})
		e := wantAPIError(t, res, http.StatusUnprocessableEntity, "invalid")
		if got := e.Error.Fields[forms.CommentField(classify)]; got != "Texten är för lång (högst 10 000 tecken)." {
			t.Errorf("fields = %v", e.Error.Fields)
		}
	})
	t.Run("ActivityOfAnotherDepartment", func(t *testing.T) {
		mfa := f.act(t, actMFA)
		res := f.postJSON(t, path, saveRequest{Answers: []saveAnswer{{ActivityID: mfa, StatusID: done}}})
		e := wantAPIError(t, res, http.StatusUnprocessableEntity, "invalid")
		if _, ok := e.Error.Fields[forms.StatusField(mfa)]; !ok {
			t.Errorf("fields = %v", e.Error.Fields)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM answers WHERE activity_id = ?`, mfa); n != 0 {
			t.Errorf("an answer to another department's activity was stored")
		}
	})
	t.Run("Complete", func(t *testing.T) {
		res := f.postJSON(t, path, saveRequest{Answers: []saveAnswer{
			{ActivityID: classify, StatusID: done, Comment: "Klar."},
		}})
		wantStatus(t, res, http.StatusOK)
		var b apiBody
		res.JSON(t, &b)
		if b.State != "submitted" {
			t.Errorf("state = %q, want submitted", b.State)
		}
		wantAPIError(t, f.postJSON(t, path, saveRequest{}), http.StatusConflict, "submitted")
		if n := f.count(t, `SELECT COUNT(*) FROM response_events WHERE kind = 'submitted'`); n != 1 {
			t.Errorf("%d submitted events, want 1", n)
		}
	})
}

func TestAPIUnknownToken(t *testing.T) {
	f := newFixture(t)
	old := f.token(t, f.Interim, deptSchool)
	if _, err := f.DB.ReplaceLink(context.Background(), testSecret, f.Interim.ID, f.dep(t, deptSchool).ID, "test"); err != nil {
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
			var res *result
			if tc.method == http.MethodGet {
				res = f.get(t, tc.path)
			} else {
				res = f.postJSON(t, tc.path, `{"answers":[]}`)
			}
			wantAPIError(t, res, http.StatusNotFound, "not_found")
		})
	}
	if r := f.response(t, f.Interim, deptSchool); r.Version != 0 {
		t.Errorf("a request with an old link changed the response: version %d", r.Version)
	}
}

func TestAPIRefusesMalformedBodies(t *testing.T) {
	f := newFixture(t)
	tok := f.token(t, f.Interim, deptSchool)
	risk := f.act(t, actRisk)
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
			before := f.state(t, f.Interim, deptSchool)
			for _, action := range []string{"draft", "submit"} {
				wantAPIError(t, f.postJSON(t, "/api/v1/r/"+tok+"/"+action, tc.body), http.StatusUnprocessableEntity, "invalid")
			}
			if after := f.state(t, f.Interim, deptSchool); after != before {
				t.Errorf("a refused body changed the database: %+v → %+v", before, after)
			}
		})
	}
}

func TestAPIBodyTooLarge(t *testing.T) {
	f := newFixture(t)
	tok := f.token(t, f.Interim, deptSchool)
	before := f.state(t, f.Interim, deptSchool)
	body := saveRequest{Answers: []saveAnswer{{ActivityID: f.act(t, actRisk), StatusID: f.status(t, "Pågår"), Comment: strings.Repeat("a", 1<<20+10_000)}}}
	for _, action := range []string{"draft", "submit"} {
		e := wantAPIError(t, f.postJSON(t, "/api/v1/r/"+tok+"/"+action, body), http.StatusRequestEntityTooLarge, "too_large")
		if !strings.HasPrefix(e.Error.Message, "Det som skickades var för stort.") {
			t.Errorf("message = %q", e.Error.Message)
		}
	}
	if after := f.state(t, f.Interim, deptSchool); after != before {
		t.Errorf("a refused body changed the database: %+v → %+v", before, after)
	}
}

// The JSON API answers with the same storage rules as the form: a closed
// round refuses saves.
func TestAPIClosedRound(t *testing.T) {
	f := newFixture(t)
	if err := f.DB.SetRoundState(context.Background(), f.Interim.ID, forms.RoundClosed, "test"); err != nil {
		t.Fatal(err)
	}
	tok := f.token(t, f.Interim, deptSchool)
	res := f.get(t, "/api/v1/r/"+tok)
	wantStatus(t, res, http.StatusOK)
	var b apiBody
	res.JSON(t, &b)
	if b.Round.Open {
		t.Error("a closed round says it accepts answers")
	}
	wantAPIError(t, f.postJSON(t, "/api/v1/r/"+tok+"/draft", saveRequest{Answers: []saveAnswer{{ActivityID: f.act(t, actRisk), StatusID: f.status(t, "Pågår")}}}),
		http.StatusConflict, "closed")
	if n := f.count(t, `SELECT COUNT(*) FROM answers`); n != 0 {
		t.Errorf("%d answers stored in a closed round", n)
	}
}
