package questionnaire_test

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"followup/cmd/followup/web/webtest"
	"followup/forms"
	"followup/storage"
)

// dbState is what a request that should change nothing must leave alone.
type dbState struct {
	State     forms.ResponseState
	Version   int
	UpdatedAt time.Time
	Answers   int
	History   int
	Events    int
	Audit     int
}

func state(t *testing.T, f *webtest.Fixture, round forms.Round, dept string) dbState {
	t.Helper()
	r := f.Response(t, round, dept)
	return dbState{
		State: r.State, Version: r.Version, UpdatedAt: r.UpdatedAt, Answers: len(r.Answers),
		History: f.Count(t, `SELECT COUNT(*) FROM answer_history`),
		Events:  f.Count(t, `SELECT COUNT(*) FROM response_events`),
		// Refused posts of fields a respondent may not set are audited on
		// purpose; every other audit row would be a change.
		Audit: f.Count(t, `SELECT COUNT(*) FROM audit_log WHERE action != 'questionnaire.unexpected_fields'`),
	}
}

func TestQuestionnairePageShowsAssignedActivities(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptOffice)
	before := state(t, f, f.Interim, webtest.DeptOffice)

	res := f.Get(t, f.Anon, "/r/"+tok, webtest.AcceptLanguage("sv"))
	webtest.WantStatus(t, res, http.StatusOK)
	doc := res.Doc(t)

	if got, want := webtest.Text(webtest.FindOne(t, doc, "title")), webtest.DeptOffice+" – "+webtest.InterimTitle+" – Uppföljning"; got != want {
		t.Errorf("<title> = %q, want %q", got, want)
	}
	if got := webtest.Text(webtest.FindOne(t, doc, "h1")); got != webtest.InterimTitle {
		t.Errorf("h1 = %q, want the round's title %q", got, webtest.InterimTitle)
	}
	facts := map[string]string{}
	for _, div := range webtest.FindAll(webtest.FindOne(t, doc, "dl", "class~=facts"), "div") {
		facts[webtest.Text(webtest.FindOne(t, div, "dt"))] = webtest.Text(webtest.FindOne(t, div, "dd"))
	}
	if facts["Verksamhet"] != webtest.DeptOffice {
		t.Errorf("department fact = %q, want %q (facts %v)", facts["Verksamhet"], webtest.DeptOffice, facts)
	}
	if facts["Sista dag"] != webtest.InterimDeadline {
		t.Errorf("deadline fact = %q, want %q (facts %v)", facts["Sista dag"], webtest.InterimDeadline, facts)
	}
	if facts["Läge"] != "Ej påbörjad" {
		t.Errorf("state fact = %q, want Ej påbörjad", facts["Läge"])
	}

	form := webtest.FindOne(t, doc, "form", "id=questionnaire")
	if got, _ := webtest.LookupAttr(form, "method"); got != "post" {
		t.Errorf("form method = %q, want post", got)
	}
	if got, _ := webtest.LookupAttr(form, "action"); got != "/r/"+tok {
		t.Errorf("form action = %q, want the page itself", got)
	}
	var areas []string
	for _, sec := range webtest.FindAll(form, "section", "class~=area") {
		areas = append(areas, webtest.Text(webtest.FindOne(t, sec, "h2")))
	}
	if want := []string{webtest.AreaGovernance, webtest.AreaTechnical, "Avslutning"}; !slices.Equal(areas, want) {
		t.Errorf("areas = %q, want %q", areas, want)
	}

	fieldsets := webtest.FindAll(form, "fieldset", "class~=activity")
	var legends []string
	for _, fs := range fieldsets {
		legends = append(legends, webtest.Text(webtest.FindOne(t, fs, "legend")))
	}
	if want := []string{webtest.ActRisk, webtest.ActClassify, webtest.ActMFA}; !slices.Equal(legends, want) {
		t.Fatalf("fieldset legends = %q, want %q", legends, want)
	}
	for _, fs := range fieldsets {
		id, _ := webtest.LookupAttr(fs, "data-activity")
		t.Run("Activity"+id, func(t *testing.T) {
			radios := webtest.FindAll(fs, "input", "type=radio", "name=status-"+id)
			if len(radios) != len(f.Plan.Statuses) {
				t.Fatalf("%d radios, want one per status (%d)", len(radios), len(f.Plan.Statuses))
			}
			for i, r := range radios {
				st := f.Plan.Statuses[i]
				if v, _ := webtest.LookupAttr(r, "value"); v != itoa(st.ID) {
					t.Errorf("radio %d value = %q, want %d", i, v, st.ID)
				}
				if webtest.HasAttr(r, "checked") {
					t.Errorf("radio %q is checked before any answer", st.Name)
				}
				label := webtest.Ancestor(r, "label")
				if label == nil || webtest.Text(label) != st.Name {
					t.Errorf("radio %d is not inside a label reading %q", i, st.Name)
				}
			}
			ta := webtest.FindOne(t, fs, "textarea", "name=comment-"+id, "id=comment-"+id)
			if webtest.RawText(ta) != "" {
				t.Errorf("comment = %q, want empty", webtest.RawText(ta))
			}
			if got := webtest.Text(webtest.FindOne(t, fs, "label", "for=comment-"+id)); got != "Kommentar" {
				t.Errorf("comment label = %q", got)
			}
			cb := webtest.FindOne(t, fs, "input", "type=checkbox", "name=support-"+id, "id=support-"+id)
			if webtest.HasAttr(cb, "checked") {
				t.Error("support checkbox is checked before any answer")
			}
			if got := webtest.Text(webtest.FindOne(t, fs, "label", "for=support-"+id)); !strings.Contains(got, "stöd") {
				t.Errorf("support label = %q", got)
			}
			if got, _ := webtest.LookupAttr(webtest.FindOne(t, fs, "input", "type=hidden", "name=v-"+id), "value"); got != "0" {
				t.Errorf("base version = %q, want 0", got)
			}
		})
	}
	if got := webtest.Text(webtest.FindOne(t, form, "p", "class~=description")); got != "Riskanalysen omfattar verksamhetens viktigaste system." {
		t.Errorf("description = %q", got)
	}

	// The activity of another department is not on the page at all.
	logging := f.Act(t, webtest.ActLogging)
	webtest.FindNone(t, doc, "fieldset", "id="+fmt.Sprintf("activity-%d", logging))
	webtest.FindNone(t, doc, "input", "name="+forms.StatusField(logging))
	if strings.Contains(res.Body, webtest.ActLogging) {
		t.Errorf("the page shows %q, which is not assigned to %s", webtest.ActLogging, webtest.DeptOffice)
	}

	webtest.FindOne(t, form, "textarea", "name=general_comment", "id=general_comment")
	if got := webtest.Text(webtest.FindOne(t, form, "label", "for=general_comment")); got != "Övergripande kommentar" {
		t.Errorf("general comment label = %q", got)
	}
	webtest.FindOne(t, form, "input", "type=text", "name=filled_in_by", "id=filled_in_by")
	if got := webtest.Text(webtest.FindOne(t, form, "label", "for=filled_in_by")); got != "Ifyllt av" {
		t.Errorf("filled-in-by label = %q", got)
	}
	var actions []string
	for _, b := range webtest.FindAll(form, "button", "type=submit", "name=action") {
		v, _ := webtest.LookupAttr(b, "value")
		actions = append(actions, v)
	}
	if !slices.Equal(actions, []string{"save", "submit"}) {
		t.Errorf("buttons = %q, want save and submit", actions)
	}

	t.Run("OnlyOwnActivitiesForAnotherDepartment", func(t *testing.T) {
		res := f.Get(t, f.Anon, "/r/"+f.Token(t, f.Interim, webtest.DeptSchool))
		webtest.WantStatus(t, res, http.StatusOK)
		doc := res.Doc(t)
		legends := webtest.Texts(webtest.FindAll(doc, "legend"))
		if want := []string{webtest.ActRisk, webtest.ActClassify}; !slices.Equal(legends, want) {
			t.Errorf("legends = %q, want %q", legends, want)
		}
		if strings.Contains(res.Body, webtest.AreaTechnical) {
			t.Errorf("the empty area %q is shown", webtest.AreaTechnical)
		}
	})

	t.Run("GETChangesNothing", func(t *testing.T) {
		f.Get(t, f.Anon, "/r/"+tok)
		f.Get(t, f.Anon, "/api/v1/r/"+tok)
		if after := state(t, f, f.Interim, webtest.DeptOffice); after != before {
			t.Errorf("GET changed the database:\nbefore %+v\nafter  %+v", before, after)
		}
		if before.State != forms.ResponseNotStarted || before.Version != 0 {
			t.Errorf("response before any save = %+v, want not started at version 0", before)
		}
	})
}

func TestQuestionnaireAnnualShowsInterimAnswer(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	ctx := context.Background()
	school := f.Dep(t, webtest.DeptSchool)
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
	by := "Anna Andersson"
	_, err := f.DB.SubmitResponse(ctx, f.Loc, f.Interim.ID, school.ID, forms.SaveInput{FilledInBy: &by, Answers: []forms.AnswerInput{
		{ActivityID: risk, StatusID: f.Status(t, "Pågår"), Comment: "Två av fem system klara."},
		{ActivityID: classify, StatusID: f.Status(t, "Flyttas till nästa år"), Comment: "Resurser saknas i år."},
	}}, storage.Actor(by))
	if err != nil {
		t.Fatal(err)
	}

	res := f.Get(t, f.Anon, "/r/"+f.Token(t, f.Annual, webtest.DeptSchool), webtest.AcceptLanguage("sv"))
	webtest.WantStatus(t, res, http.StatusOK)
	doc := res.Doc(t)
	if got := webtest.Text(webtest.FindOne(t, doc, "h1")); got != webtest.AnnualTitle {
		t.Errorf("h1 = %q, want %q", got, webtest.AnnualTitle)
	}
	for _, tc := range []struct {
		act            int64
		status, remark string
	}{
		{risk, "Pågår", "Två av fem system klara."},
		{classify, "Flyttas till nästa år", "Resurser saknas i år."},
	} {
		fs := webtest.FindOne(t, doc, "fieldset", fmt.Sprintf("id=activity-%d", tc.act))
		interim := webtest.FindOne(t, fs, "p", "class~=interim")
		want := "Vid delårsrapporten: " + tc.status + " – " + tc.remark
		if got := webtest.Text(interim); got != want {
			t.Errorf("activity %d interim = %q, want %q", tc.act, got, want)
		}
		// The annual answer itself starts empty.
		if got := webtest.CheckedStatus(t, doc, tc.act); got != "" {
			t.Errorf("activity %d has status %s checked in the annual round", tc.act, got)
		}
	}

	t.Run("OtherDepartmentSeesNoInterimAnswer", func(t *testing.T) {
		res := f.Get(t, f.Anon, "/r/"+f.Token(t, f.Annual, webtest.DeptOffice))
		webtest.WantStatus(t, res, http.StatusOK)
		webtest.FindNone(t, res.Doc(t), "p", "class~=interim")
	})
	t.Run("InterimRoundShowsNoInterimLine", func(t *testing.T) {
		res := f.Get(t, f.Anon, "/r/"+f.Token(t, f.Interim, webtest.DeptOffice))
		webtest.WantStatus(t, res, http.StatusOK)
		webtest.FindNone(t, res.Doc(t), "p", "class~=interim")
	})
}

func TestQuestionnaireUnknownTokenGetsSameNotFoundPage(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	ctx := context.Background()
	school := f.Dep(t, webtest.DeptSchool)
	oldToken := f.Token(t, f.Interim, webtest.DeptSchool)
	newToken, err := f.DB.ReplaceLink(ctx, f.Secret, f.Interim.ID, school.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	if newToken == oldToken {
		t.Fatal("ReplaceLink returned the old token")
	}
	// A well-formed token whose hash is not stored; flip one character of
	// a real one so only its existence differs.
	unknown := []byte(newToken)
	if unknown[0] == 'A' {
		unknown[0] = 'B'
	} else {
		unknown[0] = 'A'
	}

	reference := f.Get(t, f.Anon, "/r/"+string(unknown))
	webtest.WantStatus(t, reference, http.StatusNotFound)
	if !strings.Contains(reference.Body, "Sidan finns inte") {
		t.Fatalf("404 page lacks the not-found message:\n%s", reference.Body)
	}
	refBody := webtest.WithoutRequestID(reference.Body)
	if refBody == reference.Body {
		t.Fatal("the 404 page shows no request id")
	}

	cases := []struct{ name, path string }{
		{"Short", "/r/abc"},
		{"Long", "/r/" + strings.Repeat("A", 200)},
		{"OddCharacters", "/r/" + url.PathEscape(`<script>"';--åäö`+strings.Repeat("x", 30))},
		{"EncodedSlash", "/r/" + url.PathEscape("../../etc/passwd")},
		{"ReplacedLink", "/r/" + oldToken},
		{"TokenForAnotherRound", "/r/" + storage.Token(f.Secret, f.Annual.ID+100, school.ID, 0)},
		{"RealTokenOfAnotherRoundWithWrongNonce", "/r/" + storage.Token(f.Secret, f.Annual.ID, school.ID, 7)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := f.Get(t, f.Anon, tc.path)
			webtest.WantStatus(t, res, http.StatusNotFound)
			if got, want := res.Header.Get("Content-Type"), reference.Header.Get("Content-Type"); got != want {
				t.Errorf("Content-Type = %q, want %q", got, want)
			}
			if got := webtest.WithoutRequestID(res.Body); got != refBody {
				t.Errorf("404 page differs from the unknown token's:\n%s\n---- want ----\n%s", got, refBody)
			}
		})
	}

	t.Run("NewLinkWorks", func(t *testing.T) {
		webtest.WantStatus(t, f.Get(t, f.Anon, "/r/"+newToken), http.StatusOK)
	})
}

// fill sets an activity's fields in a form.
func fill(v url.Values, activityID int64, statusID int64, comment string) {
	id := itoa(activityID)
	if statusID != 0 {
		v.Set("status-"+id, itoa(statusID))
	} else {
		v.Del("status-" + id)
	}
	v.Set("comment-"+id, comment)
}

// pageForm loads a questionnaire and returns its form's values.
func pageForm(t *testing.T, f *webtest.Fixture, tok string) url.Values {
	t.Helper()
	res := f.Get(t, f.Anon, "/r/"+tok)
	webtest.WantStatus(t, res, http.StatusOK)
	return webtest.FormByID(t, res.Doc(t), "questionnaire")
}

func TestQuestionnaireSaveDraft(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
	inProgress := f.Status(t, "Pågår")

	v := pageForm(t, f, tok)
	fill(v, risk, inProgress, "Riskanalysen är klar för två av fem system.")
	v.Set("support-"+itoa(classify), "1")
	v.Set("general_comment", "Vi har fått ny informationssäkerhetssamordnare.")
	v.Set("filled_in_by", "Anna Andersson")
	v.Set("action", "save")
	res := f.PostForm(t, f.Anon, "/r/"+tok, v)
	webtest.WantRedirect(t, res, "/r/"+tok+"?sparat=1#status")

	r := f.Response(t, f.Interim, webtest.DeptSchool)
	if r.State != forms.ResponseDraft || r.Version != 1 {
		t.Errorf("response state %s version %d, want draft version 1", r.State, r.Version)
	}
	if a := r.Answers[risk]; a.StatusID != inProgress || a.Comment != "Riskanalysen är klar för två av fem system." || a.NeedsSupport || a.Version != 1 || a.UpdatedBy != "Anna Andersson" {
		t.Errorf("risk answer = %+v", a)
	}
	if a := r.Answers[classify]; a.StatusID != 0 || a.Comment != "" || !a.NeedsSupport || a.Version != 1 {
		t.Errorf("classify answer = %+v, want only the need of support", a)
	}
	if r.GeneralComment != "Vi har fått ny informationssäkerhetssamordnare." || r.GeneralVersion != 1 {
		t.Errorf("general comment %q version %d", r.GeneralComment, r.GeneralVersion)
	}
	if r.FilledInBy != "Anna Andersson" {
		t.Errorf("filled in by = %q", r.FilledInBy)
	}

	type hist struct {
		Activity  any
		Version   int
		Status    any
		Comment   string
		Support   bool
		ChangedBy string
	}
	rows, err := f.SQL(t).Query(`SELECT activity_id, version, status_id, comment, needs_support, changed_by FROM answer_history
		WHERE response_id = ? ORDER BY id`, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []hist
	for rows.Next() {
		var h hist
		var act, st *int64
		if err := rows.Scan(&act, &h.Version, &st, &h.Comment, &h.Support, &h.ChangedBy); err != nil {
			t.Fatal(err)
		}
		if act != nil {
			h.Activity = *act
		}
		if st != nil {
			h.Status = *st
		}
		got = append(got, h)
	}
	rows.Close()
	want := []hist{
		{risk, 1, inProgress, "Riskanalysen är klar för två av fem system.", false, "Anna Andersson"},
		{classify, 1, nil, "", true, "Anna Andersson"},
		{nil, 1, nil, "Vi har fått ny informationssäkerhetssamordnare.", false, "Anna Andersson"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("history rows:\n%v\nwant\n%v", got, want)
	}

	// The page after the redirect shows the saved draft.
	res = f.Get(t, f.Anon, res.Header.Get("Location"))
	webtest.WantStatus(t, res, http.StatusOK)
	doc := res.Doc(t)
	if got := webtest.NoticeText(t, doc); !strings.Contains(got, "Utkastet är sparat") {
		t.Errorf("notice = %q", got)
	}
	if got := webtest.CheckedStatus(t, doc, risk); got != itoa(inProgress) {
		t.Errorf("checked status = %q, want %d", got, inProgress)
	}
	if got := webtest.TextareaValue(t, doc, "comment-"+itoa(risk)); got != "Riskanalysen är klar för två av fem system." {
		t.Errorf("comment = %q", got)
	}
	if !webtest.HasAttr(webtest.FindOne(t, doc, "input", "name=support-"+itoa(classify)), "checked") {
		t.Error("support checkbox not checked after save")
	}
	if got := webtest.InputValue(t, doc, "v-"+itoa(risk)); got != "1" {
		t.Errorf("base version = %q, want 1", got)
	}
	if got := webtest.InputValue(t, doc, "filled_in_by"); got != "Anna Andersson" {
		t.Errorf("filled in by = %q", got)
	}
}

func TestQuestionnaireSubmitIncompleteShowsErrorsAndKeepsDraft(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
	done := f.Status(t, "Genomfört")

	v := pageForm(t, f, tok)
	fill(v, risk, done, "Klar i juni.")
	fill(v, classify, 0, "Klassningen pågår i ekonomisystemet.\nÅterstår: HR-systemet.")
	v.Set("general_comment", "Rad ett.\r\nRad två.\r\n")
	v.Set("filled_in_by", "Anna Andersson")
	v.Set("action", "submit")
	res := f.PostForm(t, f.Anon, "/r/"+tok, v)
	webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
	doc := res.Doc(t)

	if got := webtest.Text(webtest.FindOne(t, doc, "title")); !strings.HasPrefix(got, "Fel: ") {
		t.Errorf("title = %q, want it to start with Fel:", got)
	}
	statusField := forms.StatusField(classify)
	if got := webtest.ErrorSummaryLinks(t, doc); !slices.Equal(got, []string{"#" + statusField}) {
		t.Errorf("error summary links = %q, want [#%s]", got, statusField)
	}
	group := webtest.ByID(t, doc, statusField)
	if got, _ := webtest.LookupAttr(group, "aria-describedby"); !slices.Contains(strings.Fields(got), statusField+"-error") {
		t.Errorf("aria-describedby = %q, want it to name %s-error", got, statusField)
	}
	if got, _ := webtest.LookupAttr(group, "aria-invalid"); got != "true" {
		t.Errorf("aria-invalid = %q", got)
	}
	if got := webtest.Text(webtest.ByID(t, doc, statusField+"-error")); got != "Välj en status." {
		t.Errorf("field error = %q", got)
	}
	// The other activity has no error.
	if webtest.HasAttr(webtest.ByID(t, doc, forms.StatusField(risk)), "aria-invalid") {
		t.Error("the answered activity is marked invalid")
	}

	if got := webtest.CheckedStatus(t, doc, risk); got != itoa(done) {
		t.Errorf("checked status = %q, want %d", got, done)
	}
	if got := webtest.TextareaValue(t, doc, "comment-"+itoa(risk)); got != "Klar i juni." {
		t.Errorf("risk comment = %q", got)
	}
	if got := webtest.TextareaValue(t, doc, "comment-"+itoa(classify)); got != "Klassningen pågår i ekonomisystemet.\nÅterstår: HR-systemet." {
		t.Errorf("classify comment = %q", got)
	}
	if got := webtest.InputValue(t, doc, "filled_in_by"); got != "Anna Andersson" {
		t.Errorf("filled in by = %q", got)
	}
	webtest.FindOne(t, doc, "form", "id=questionnaire")

	r := f.Response(t, f.Interim, webtest.DeptSchool)
	if r.State != forms.ResponseDraft {
		t.Errorf("state = %s, want draft", r.State)
	}
	if a := r.Answers[risk]; a.StatusID != done || a.Comment != "Klar i juni." {
		t.Errorf("risk answer = %+v", a)
	}
	if a := r.Answers[classify]; a.StatusID != 0 || a.Comment != "Klassningen pågår i ekonomisystemet.\nÅterstår: HR-systemet." {
		t.Errorf("classify answer = %+v", a)
	}
	if r.GeneralComment != "Rad ett.\nRad två." {
		t.Errorf("general comment = %q", r.GeneralComment)
	}
	if n := f.Count(t, `SELECT COUNT(*) FROM response_events`); n != 0 {
		t.Errorf("%d response events, want none", n)
	}

	// Correcting on the error page what was saved by the refused submit is
	// the person's own change, not a conflict with someone else.
	t.Run("CommentRequiredAndNameMissing", func(t *testing.T) {
		v := webtest.FormByID(t, doc, "questionnaire")
		fill(v, classify, f.Status(t, "Ej aktuellt"), "")
		v.Set("general_comment", "Rad ett.\r\nRad två, ändrad.")
		v.Set("filled_in_by", "")
		v.Set("action", "submit")
		res := f.PostForm(t, f.Anon, "/r/"+tok, v)
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		doc = res.Doc(t)
		want := []string{"#" + forms.CommentField(classify), "#filled_in_by"}
		if got := webtest.ErrorSummaryLinks(t, doc); !slices.Equal(got, want) {
			t.Errorf("error summary links = %q, want %q", got, want)
		}
		ta := webtest.FindOne(t, doc, "textarea", "name="+forms.CommentField(classify))
		if got, _ := webtest.LookupAttr(ta, "aria-describedby"); !slices.Contains(strings.Fields(got), forms.CommentField(classify)+"-error") {
			t.Errorf("comment aria-describedby = %q", got)
		}
		if got := webtest.Text(webtest.ByID(t, doc, forms.CommentField(classify)+"-error")); got != "Den valda statusen kräver en kommentar." {
			t.Errorf("comment error = %q", got)
		}
		if got := webtest.Text(webtest.ByID(t, doc, "filled_in_by-error")); got != "Skriv ditt namn." {
			t.Errorf("name error = %q", got)
		}
		r := f.Response(t, f.Interim, webtest.DeptSchool)
		if r.State != forms.ResponseDraft {
			t.Errorf("state = %s, want draft", r.State)
		}
		if r.GeneralComment != "Rad ett.\nRad två, ändrad." || r.GeneralVersion != 2 {
			t.Errorf("general comment %q version %d, want the correction at version 2", r.GeneralComment, r.GeneralVersion)
		}
	})
	t.Run("CorrectedSubmits", func(t *testing.T) {
		v := webtest.FormByID(t, doc, "questionnaire")
		fill(v, classify, f.Status(t, "Ej aktuellt"), "Systemet avvecklas.")
		v.Set("filled_in_by", "Anna Andersson")
		v.Set("action", "submit")
		webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, v), "/r/"+tok+"#kvitto")
		r := f.Response(t, f.Interim, webtest.DeptSchool)
		if r.State != forms.ResponseSubmitted || r.Answers[classify].Comment != "Systemet avvecklas." {
			t.Errorf("state %s, classify %+v", r.State, r.Answers[classify])
		}
	})
}

func TestQuestionnaireInvalidFieldIsRefusedAndTheRestSaved(t *testing.T) {
	cases := []struct {
		name    string
		status  string // form value for the risk activity's status
		comment string
		field   func(id int64) string
		message string
		kept    bool // the textarea shows the comment exactly as sent
	}{
		{"CommentTooLong", "", strings.Repeat("å", forms.MaxCommentRunes+1), forms.CommentField, "Texten är för lång (högst 10 000 tecken).", true},
		{"StatusNotOnScale", "99999", "Bra.", forms.StatusField, "Välj en status från listan.", true},
		{"StatusNotANumber", "klart", "Bra.", forms.StatusField, "Välj en status från listan.", true},
		{"InvalidUTF8", "", "trasig \xc3\x28 text", forms.CommentField, "Texten innehåller ogiltiga tecken.", false},
		{"ControlCharacter", "", "med \x1b[31m escape", forms.CommentField, "Texten innehåller otillåtna styrtecken.", true},
		{"NULCharacter", "", "noll\x00byte", forms.CommentField, "Texten innehåller otillåtna styrtecken.", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := webtest.New(t, webtest.WithData(webtest.Small))
			tok := f.Token(t, f.Interim, webtest.DeptSchool)
			risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
			inProgress := f.Status(t, "Pågår")

			v := pageForm(t, f, tok)
			fill(v, risk, inProgress, tc.comment)
			if tc.status != "" {
				v.Set("status-"+itoa(risk), tc.status)
			}
			fill(v, classify, inProgress, "Giltigt svar som ska sparas.")
			v.Set("filled_in_by", "Anna Andersson")
			v.Set("action", "submit")
			res := f.PostForm(t, f.Anon, "/r/"+tok, v)
			webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
			doc := res.Doc(t)

			field := tc.field(risk)
			if got := webtest.ErrorSummaryLinks(t, doc); !slices.Equal(got, []string{"#" + field}) {
				t.Errorf("error summary links = %q, want [#%s]", got, field)
			}
			if got := webtest.Text(webtest.ByID(t, doc, field+"-error")); got != tc.message {
				t.Errorf("field error = %q, want %q", got, tc.message)
			}
			if !strings.Contains(webtest.Text(webtest.FindOne(t, doc, "div", "role=alert")), tc.message) {
				t.Errorf("the error summary lacks %q", tc.message)
			}
			// What was typed stays in the form.
			if tc.kept {
				if got := webtest.TextareaValue(t, doc, "comment-"+itoa(risk)); got != tc.comment {
					t.Errorf("risk comment not kept: %d characters, want %d", len([]rune(got)), len([]rune(tc.comment)))
				}
			}
			if got := webtest.CheckedStatus(t, doc, classify); got != itoa(inProgress) {
				t.Errorf("classify status = %q, want %d", got, inProgress)
			}
			if got := webtest.TextareaValue(t, doc, "comment-"+itoa(classify)); got != "Giltigt svar som ska sparas." {
				t.Errorf("classify comment = %q", got)
			}
			if got := webtest.InputValue(t, doc, "filled_in_by"); got != "Anna Andersson" {
				t.Errorf("filled in by = %q", got)
			}

			r := f.Response(t, f.Interim, webtest.DeptSchool)
			if r.State != forms.ResponseDraft {
				t.Errorf("state = %s, want draft", r.State)
			}
			if a := r.Answers[classify]; a.StatusID != inProgress || a.Comment != "Giltigt svar som ska sparas." {
				t.Errorf("the valid answer was not saved: %+v", a)
			}
			if a, ok := r.Answers[risk]; ok {
				t.Errorf("the invalid answer was saved: %+v", a)
			}
			if r.FilledInBy != "Anna Andersson" {
				t.Errorf("filled in by = %q", r.FilledInBy)
			}
		})
	}
}

func TestQuestionnaireBodyTooLarge(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	before := state(t, f, f.Interim, webtest.DeptSchool)
	v := pageForm(t, f, tok)
	fill(v, f.Act(t, webtest.ActRisk), f.Status(t, "Pågår"), strings.Repeat("a", 1<<20+10_000))
	v.Set("action", "save")
	res := f.PostForm(t, f.Anon, "/r/"+tok, v)
	webtest.WantStatus(t, res, http.StatusRequestEntityTooLarge)
	doc := res.Doc(t)
	if got, _ := webtest.LookupAttr(webtest.FindOne(t, doc, "html"), "lang"); got != "sv" {
		t.Errorf("lang = %q, want sv", got)
	}
	if got := webtest.Text(webtest.FindOne(t, doc, "h1")); got != "Något gick fel" {
		t.Errorf("h1 = %q", got)
	}
	if got := webtest.Text(webtest.FindOne(t, doc, "p", "class~=lead")); !strings.HasPrefix(got, "Det som skickades var för stort.") {
		t.Errorf("message = %q", got)
	}
	if after := state(t, f, f.Interim, webtest.DeptSchool); after != before {
		t.Errorf("the refused request changed the database: %+v → %+v", before, after)
	}
}

func TestQuestionnaireSubmitOnceThenReadOnly(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)

	v := pageForm(t, f, tok)
	fill(v, risk, f.Status(t, "Genomfört"), "")
	fill(v, classify, f.Status(t, "Ej påbörjat"), "Startar i oktober.")
	v.Set("filled_in_by", "Anna Andersson")
	v.Set("action", "submit")
	res := f.PostForm(t, f.Anon, "/r/"+tok, v)
	webtest.WantRedirect(t, res, "/r/"+tok+"#kvitto")

	r := f.Response(t, f.Interim, webtest.DeptSchool)
	if r.State != forms.ResponseSubmitted || r.SubmittedBy != "Anna Andersson" || !r.SubmittedAt.Equal(f.Clock.Now()) {
		t.Fatalf("response = state %s by %q at %v", r.State, r.SubmittedBy, r.SubmittedAt)
	}
	version := r.Version

	res = f.Get(t, f.Anon, "/r/"+tok)
	webtest.WantStatus(t, res, http.StatusOK)
	doc := res.Doc(t)
	webtest.FindNone(t, doc, "form", "id=questionnaire")
	webtest.FindNone(t, doc, "textarea")
	webtest.FindNone(t, doc, "input", "type=radio")
	receipt := webtest.FindOne(t, doc, "section", "id=kvitto")
	if got, want := webtest.Text(webtest.First(t, receipt, "p")), "Inlämnad av Anna Andersson den 2025-09-10 10:00."; got != want {
		t.Errorf("receipt = %q, want %q", got, want)
	}
	if got, _ := webtest.LookupAttr(webtest.FindOne(t, receipt, "a"), "href"); got != "/r/"+tok+"/kvitto.pdf" {
		t.Errorf("receipt link = %q", got)
	}
	if !strings.Contains(webtest.NoticeText(t, doc), "Tack! Svaren är inlämnade.") {
		t.Errorf("notice = %q", webtest.NoticeText(t, doc))
	}
	var answers []string
	for _, art := range webtest.FindAll(doc, "article", "class~=activity") {
		answers = append(answers, webtest.Text(webtest.FindOne(t, art, "h3"))+": "+webtest.Text(webtest.First(t, art, "dd")))
	}
	if want := []string{webtest.ActRisk + ": Genomfört", webtest.ActClassify + ": Ej påbörjat"}; !slices.Equal(answers, want) {
		t.Errorf("read-only answers = %q, want %q", answers, want)
	}

	t.Run("DoubleClickSubmitsOnce", func(t *testing.T) {
		res := f.PostForm(t, f.Anon, "/r/"+tok, v)
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); loc != "/r/"+tok+"?redan=1#kvitto" {
			t.Fatalf("second submit redirected to %q, want the receipt with the already-submitted notice", loc)
		}
		page := f.Get(t, f.Anon, "/r/"+tok+"?redan=1")
		if got := webtest.NoticeText(t, page.Doc(t)); !strings.Contains(got, "Svaren är redan inlämnade") {
			t.Errorf("notice = %q, want the already-submitted message", got)
		}
		webtest.FindNone(t, page.Doc(t), "form", "id=questionnaire")
		webtest.FindOne(t, page.Doc(t), "section", "id=kvitto")
		if n := f.Count(t, `SELECT COUNT(*) FROM response_events WHERE kind = 'submitted'`); n != 1 {
			t.Errorf("%d submitted events, want 1", n)
		}
		if r := f.Response(t, f.Interim, webtest.DeptSchool); r.Version != version || r.State != forms.ResponseSubmitted {
			t.Errorf("second submit changed the response: version %d → %d, state %s", version, r.Version, r.State)
		}
	})
	t.Run("SaveAfterSubmitRefused", func(t *testing.T) {
		v2 := url.Values{}
		for k, vs := range v {
			v2[k] = vs
		}
		fill(v2, risk, f.Status(t, "Pågår"), "ändrat i efterhand")
		v2.Set("action", "save")
		res := f.PostForm(t, f.Anon, "/r/"+tok, v2)
		webtest.WantStatus(t, res, http.StatusConflict)
		if a := f.Response(t, f.Interim, webtest.DeptSchool).Answers[risk]; a.Comment != "" || a.StatusID != f.Status(t, "Genomfört") {
			t.Errorf("a submitted answer changed: %+v", a)
		}
	})
}

func TestQuestionnaireTwoEditorsConflict(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptOffice)
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
	inProgress, done, started := f.Status(t, "Pågår"), f.Status(t, "Genomfört"), f.Status(t, "Påbörjat")

	a := pageForm(t, f, tok)
	b := pageForm(t, f, tok)
	if a.Encode() != b.Encode() {
		t.Fatal("two loads of the same page differ")
	}

	fill(a, risk, inProgress, "A: analysen är påbörjad.")
	a.Set("filled_in_by", "Anna Andersson")
	a.Set("action", "save")
	webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, a), "/r/"+tok+"?sparat=1#status")

	fill(b, risk, done, "B: analysen är klar.")
	fill(b, classify, started, "B: klassningen har börjat.")
	b.Set("filled_in_by", "Bertil Berg")
	b.Set("action", "save")
	res := f.PostForm(t, f.Anon, "/r/"+tok, b)
	webtest.WantStatus(t, res, http.StatusConflict)
	doc := res.Doc(t)

	conflict := webtest.ByID(t, doc, fmt.Sprintf("conflict-%d", risk))
	ct := webtest.Text(conflict)
	for _, want := range []string{"Sparat av Anna Andersson under tiden:", "Pågår", "A: analysen är påbörjad."} {
		if !strings.Contains(ct, want) {
			t.Errorf("conflict box %q lacks %q", ct, want)
		}
	}
	webtest.FindNone(t, doc, "div", fmt.Sprintf("id=conflict-%d", classify))
	if got := webtest.ErrorSummaryLinks(t, doc); !slices.Equal(got, []string{"#" + forms.StatusField(risk)}) {
		t.Errorf("error summary links = %q", got)
	}
	if got := webtest.TextareaValue(t, doc, forms.CommentField(risk)); got != "B: analysen är klar." {
		t.Errorf("B's comment not kept in the field: %q", got)
	}
	if got := webtest.CheckedStatus(t, doc, risk); got != itoa(done) {
		t.Errorf("B's status not kept: %q, want %d", got, done)
	}
	if got := webtest.InputValue(t, doc, "v-"+itoa(risk)); got != "1" {
		t.Errorf("base version after conflict = %q, want the stored version 1", got)
	}

	r := f.Response(t, f.Interim, webtest.DeptOffice)
	if got := r.Answers[risk]; got.StatusID != inProgress || got.Comment != "A: analysen är påbörjad." {
		t.Errorf("A's answer was overwritten: %+v", got)
	}
	if got := r.Answers[classify]; got.StatusID != started || got.Comment != "B: klassningen har börjat." {
		t.Errorf("B's other change was not saved: %+v", got)
	}

	t.Run("SavingAgainKeepsOwnValue", func(t *testing.T) {
		again := webtest.FormByID(t, doc, "questionnaire")
		again.Set("action", "save")
		webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, again), "/r/"+tok+"?sparat=1#status")
		r := f.Response(t, f.Interim, webtest.DeptOffice)
		if got := r.Answers[risk]; got.StatusID != done || got.Comment != "B: analysen är klar." || got.Version != 2 {
			t.Errorf("risk answer = %+v, want B's value at version 2", got)
		}
		if got := r.Answers[classify]; got.StatusID != started || got.Version != 1 {
			t.Errorf("classify answer = %+v, want unchanged at version 1", got)
		}
	})
}

func TestQuestionnaireTwoEditorsConflictOnGeneralComment(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptOffice)
	a := pageForm(t, f, tok)
	b := pageForm(t, f, tok)
	a.Set("general_comment", "A: övergripande.")
	a.Set("action", "save")
	webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, a), "/r/"+tok+"?sparat=1#status")

	b.Set("general_comment", "B: övergripande.\r\nAndra raden.")
	b.Set("action", "save")
	res := f.PostForm(t, f.Anon, "/r/"+tok, b)
	webtest.WantStatus(t, res, http.StatusConflict)
	doc := res.Doc(t)
	if got := webtest.ErrorSummaryLinks(t, doc); !slices.Equal(got, []string{"#general_comment"}) {
		t.Errorf("error summary links = %q", got)
	}
	if got := webtest.TextareaValue(t, doc, "general_comment"); got != "B: övergripande.\r\nAndra raden." && got != "B: övergripande.\nAndra raden." {
		t.Errorf("B's general comment not kept: %q", got)
	}
	if got := webtest.InputValue(t, doc, "general_v"); got != "1" {
		t.Errorf("general_v = %q, want the stored version 1", got)
	}
	// B sees what A saved before deciding to keep their own text.
	if box := webtest.FindOne(t, doc, "div", "id=conflict-general"); !strings.Contains(webtest.Text(box), "A: övergripande.") {
		t.Errorf("the conflict box does not show the other editor's comment: %q", webtest.Text(box))
	}
	if r := f.Response(t, f.Interim, webtest.DeptOffice); r.GeneralComment != "A: övergripande." {
		t.Errorf("A's general comment was overwritten: %q", r.GeneralComment)
	}

	again := webtest.FormByID(t, doc, "questionnaire")
	again.Set("action", "save")
	webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, again), "/r/"+tok+"?sparat=1#status")
	if r := f.Response(t, f.Interim, webtest.DeptOffice); r.GeneralComment != "B: övergripande.\nAndra raden." || r.GeneralVersion != 2 {
		t.Errorf("general comment %q version %d, want B's at version 2", r.GeneralComment, r.GeneralVersion)
	}
}

func TestQuestionnaireUntouchedAnswerKeepsOtherEditorsChange(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptOffice)
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)

	a := pageForm(t, f, tok)
	b := pageForm(t, f, tok)
	fill(a, classify, f.Status(t, "Pågår"), "A: klassningen pågår.")
	a.Set("action", "save")
	webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, a), "/r/"+tok+"?sparat=1#status")

	// B changes only the risk analysis; the classification is sent as the
	// page showed it, which must not undo A's answer nor count as a conflict.
	fill(b, risk, f.Status(t, "Genomfört"), "B: klar.")
	b.Set("action", "save")
	res := f.PostForm(t, f.Anon, "/r/"+tok, b)
	webtest.WantRedirect(t, res, "/r/"+tok+"?sparat=1#status")

	r := f.Response(t, f.Interim, webtest.DeptOffice)
	if got := r.Answers[classify]; got.Comment != "A: klassningen pågår." || got.Version != 1 {
		t.Errorf("A's answer = %+v, want it kept", got)
	}
	if got := r.Answers[risk]; got.Comment != "B: klar." {
		t.Errorf("B's answer = %+v", got)
	}
}

func TestQuestionnaireClosedRound(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	ctx := context.Background()
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	risk := f.Act(t, webtest.ActRisk)

	v := pageForm(t, f, tok)
	fill(v, risk, f.Status(t, "Pågår"), "Utkast före stängning.")
	v.Set("filled_in_by", "Anna Andersson")
	v.Set("action", "save")
	webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, v), "/r/"+tok+"?sparat=1#status")
	if err := f.DB.SetRoundState(ctx, f.Interim.ID, forms.RoundClosed, "test"); err != nil {
		t.Fatal(err)
	}
	before := state(t, f, f.Interim, webtest.DeptSchool)
	fill(v, risk, f.Status(t, "Genomfört"), "Skrivet efter stängning.")
	v.Set("action", "submit")
	res := f.PostForm(t, f.Anon, "/r/"+tok, v)
	webtest.WantStatus(t, res, http.StatusConflict)
	doc := res.Doc(t)
	if got := webtest.NoticeText(t, doc); !strings.HasPrefix(got, "Omgången är stängd") {
		t.Errorf("notice = %q, want the closed message", got)
	}
	if !strings.Contains(webtest.Text(webtest.FindOne(t, doc, "div", "class~=readonly")), "Skrivet efter stängning.") {
		t.Error("the typed text is not shown")
	}
	webtest.FindNone(t, doc, "form", "id=questionnaire")

	if after := state(t, f, f.Interim, webtest.DeptSchool); after != before {
		t.Errorf("the closed round's response changed: %+v → %+v", before, after)
	}
	if a := f.Response(t, f.Interim, webtest.DeptSchool).Answers[risk]; a.Comment != "Utkast före stängning." {
		t.Errorf("draft = %+v, want it as it was", a)
	}

	t.Run("PageIsReadOnly", func(t *testing.T) {
		res := f.Get(t, f.Anon, "/r/"+tok)
		webtest.WantStatus(t, res, http.StatusOK)
		doc := res.Doc(t)
		webtest.FindNone(t, doc, "form", "id=questionnaire")
		if got := webtest.NoticeText(t, doc); !strings.HasPrefix(got, "Omgången är stängd") {
			t.Errorf("notice = %q", got)
		}
		if !strings.Contains(webtest.Text(webtest.FindOne(t, doc, "div", "class~=readonly")), "Utkast före stängning.") {
			t.Error("the stored draft is not shown")
		}
	})
}

func TestQuestionnaireDeadline(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)

	// The deadline day lasts until midnight in Stockholm (UTC+2 in
	// September).
	f.Clock.Set(time.Date(2025, 9, 15, 21, 59, 0, 0, time.UTC))
	res := f.Get(t, f.Anon, "/r/"+tok)
	webtest.WantStatus(t, res, http.StatusOK)
	webtest.FindOne(t, res.Doc(t), "form", "id=questionnaire")

	f.Clock.Set(time.Date(2025, 9, 15, 22, 0, 30, 0, time.UTC)) // 00:00:30 on the 16th in Stockholm
	res = f.Get(t, f.Anon, "/r/"+tok)
	webtest.WantStatus(t, res, http.StatusOK)
	doc := res.Doc(t)
	webtest.FindNone(t, doc, "form", "id=questionnaire")
	webtest.FindNone(t, doc, "textarea")
	if got := webtest.NoticeText(t, doc); got != "Omgången är stängd eller sista dagen har passerat. Svaren kan läsas men inte ändras. Kontakta samordnaren om något behöver kompletteras." {
		t.Errorf("notice = %q", got)
	}

	before := state(t, f, f.Interim, webtest.DeptSchool)
	v := url.Values{"status-" + itoa(f.Act(t, webtest.ActRisk)): {itoa(f.Status(t, "Pågår"))}, "v-" + itoa(f.Act(t, webtest.ActRisk)): {"0"}, "action": {"save"}}
	webtest.WantStatus(t, f.PostForm(t, f.Anon, "/r/"+tok, v), http.StatusConflict)
	if after := state(t, f, f.Interim, webtest.DeptSchool); after != before {
		t.Errorf("a save after the deadline changed the database: %+v → %+v", before, after)
	}

	t.Run("AnnualRoundStillOpen", func(t *testing.T) {
		res := f.Get(t, f.Anon, "/r/"+f.Token(t, f.Annual, webtest.DeptSchool))
		webtest.WantStatus(t, res, http.StatusOK)
		webtest.FindOne(t, res.Doc(t), "form", "id=questionnaire")
	})
}

func TestQuestionnaireReturnedForCompletion(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	ctx := context.Background()
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	f.SubmitDirect(t, f.Interim, webtest.DeptSchool, "Anna Andersson")
	const message = "Komplettera riskanalysen med datum för när den blir klar."
	if err := f.DB.ReturnResponse(ctx, f.Loc, f.Interim.ID, f.Dep(t, webtest.DeptSchool).ID, message, "samordnare@exempelby.se"); err != nil {
		t.Fatal(err)
	}

	res := f.Get(t, f.Anon, "/r/"+tok)
	webtest.WantStatus(t, res, http.StatusOK)
	doc := res.Doc(t)
	form := webtest.FindOne(t, doc, "form", "id=questionnaire")
	notice := webtest.FindOne(t, doc, "div", "class~=notice", "class~=warning")
	if got := webtest.Text(webtest.FindOne(t, notice, "h2")); got != "Återsänd för komplettering" {
		t.Errorf("notice heading = %q", got)
	}
	if got := webtest.Text(webtest.FindOne(t, notice, "p")); got != message {
		t.Errorf("notice message = %q, want %q", got, message)
	}
	if !webtest.Before(doc, notice, form) {
		t.Error("the office's message is not above the form")
	}
	risk := f.Act(t, webtest.ActRisk)
	if got := webtest.TextareaValue(t, doc, forms.CommentField(risk)); got != "Arbetet pågår: "+webtest.ActRisk {
		t.Errorf("the submitted answer is not in the form: %q", got)
	}

	v := webtest.FormByID(t, doc, "questionnaire")
	fill(v, risk, f.Status(t, "Genomfört"), "Klar 2025-10-01.")
	v.Set("action", "submit")
	webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, v), "/r/"+tok+"#kvitto")
	r := f.Response(t, f.Interim, webtest.DeptSchool)
	if r.State != forms.ResponseSubmitted || r.Answers[risk].Comment != "Klar 2025-10-01." {
		t.Errorf("after completion: state %s, answer %+v", r.State, r.Answers[risk])
	}
	if n := f.Count(t, `SELECT COUNT(*) FROM response_events WHERE kind = 'submitted'`); n != 2 {
		t.Errorf("%d submitted events, want 2 (before and after the return)", n)
	}
}

func TestQuestionnaireStoresHostileTextLiterallyAndEscapesIt(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	risk, classify := f.Act(t, webtest.ActRisk), f.Act(t, webtest.ActClassify)
	const comment = `Robert'); DROP TABLE answers;-- <script>alert(1)</script> "citat" & 100 % _ \`
	const name = `O'Brien"; DELETE FROM responses; -- <script>alert(1)</script>`

	v := pageForm(t, f, tok)
	fill(v, risk, f.Status(t, "Pågår"), comment)
	fill(v, classify, f.Status(t, "Påbörjat"), "' OR '1'='1")
	v.Set("general_comment", "</textarea><script>alert(1)</script>")
	v.Set("filled_in_by", name)
	v.Set("action", "save")
	webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, v), "/r/"+tok+"?sparat=1#status")

	r := f.Response(t, f.Interim, webtest.DeptSchool)
	if r.Answers[risk].Comment != comment || r.Answers[classify].Comment != "' OR '1'='1" {
		t.Errorf("comments not stored literally: %q, %q", r.Answers[risk].Comment, r.Answers[classify].Comment)
	}
	if r.FilledInBy != name || r.GeneralComment != "</textarea><script>alert(1)</script>" {
		t.Errorf("closing fields not stored literally: %q, %q", r.FilledInBy, r.GeneralComment)
	}
	if n := f.Count(t, `SELECT COUNT(*) FROM departments`); n != 3 {
		t.Errorf("%d departments, want 3", n)
	}

	check := func(t *testing.T, res *webtest.Result) {
		t.Helper()
		webtest.WantStatus(t, res, http.StatusOK)
		if strings.Contains(res.Body, "<script>alert(1)</script>") {
			t.Error("the page contains the raw <script> element")
		}
		if !strings.Contains(res.Body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Error("the page does not contain the escaped text")
		}
		if n := len(webtest.FindAll(res.Doc(t), "script", "src")); n != len(webtest.FindAll(res.Doc(t), "script")) {
			t.Errorf("the page has a script element without src")
		}
	}
	t.Run("Editable", func(t *testing.T) {
		res := f.Get(t, f.Anon, "/r/"+tok)
		check(t, res)
		doc := res.Doc(t)
		if got := webtest.TextareaValue(t, doc, forms.CommentField(risk)); got != comment {
			t.Errorf("comment shown as %q", got)
		}
		if got := webtest.TextareaValue(t, doc, "general_comment"); got != "</textarea><script>alert(1)</script>" {
			t.Errorf("general comment shown as %q", got)
		}
		if got := webtest.InputValue(t, doc, "filled_in_by"); got != name {
			t.Errorf("name shown as %q", got)
		}
	})
	t.Run("Submitted", func(t *testing.T) {
		v := pageForm(t, f, tok)
		v.Set("action", "submit")
		webtest.WantRedirect(t, f.PostForm(t, f.Anon, "/r/"+tok, v), "/r/"+tok+"#kvitto")
		res := f.Get(t, f.Anon, "/r/"+tok)
		check(t, res)
		if got := webtest.Text(webtest.First(t, webtest.FindOne(t, res.Doc(t), "section", "id=kvitto"), "p")); !strings.Contains(got, name) {
			t.Errorf("receipt %q lacks the name", got)
		}
	})
}

func TestQuestionnaireSecurityHeaders(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	for _, path := range []string{"/r/" + f.Token(t, f.Interim, webtest.DeptSchool), "/r/unknown"} {
		res := f.Get(t, f.Anon, path)
		csp := res.Header.Get("Content-Security-Policy")
		directives := map[string]string{}
		for _, d := range strings.Split(csp, ";") {
			name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
			directives[name] = value
		}
		if directives["default-src"] != "'self'" {
			t.Errorf("%s: CSP default-src = %q in %q", path, directives["default-src"], csp)
		}
		if directives["frame-ancestors"] != "'none'" {
			t.Errorf("%s: CSP frame-ancestors = %q in %q", path, directives["frame-ancestors"], csp)
		}
		if got := res.Header.Get("Referrer-Policy"); got != "no-referrer" {
			t.Errorf("%s: Referrer-Policy = %q", path, got)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options = %q", path, got)
		}
		if got := res.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control = %q, want no-store", path, got)
		}
	}
}

func TestAccessLogNeverContainsToken(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	v := pageForm(t, f, tok)
	fill(v, f.Act(t, webtest.ActRisk), f.Status(t, "Genomfört"), "")
	fill(v, f.Act(t, webtest.ActClassify), f.Status(t, "Genomfört"), "")
	v.Set("filled_in_by", "Anna Andersson")
	v.Set("action", "submit")
	f.PostForm(t, f.Anon, "/r/"+tok, v)
	f.Get(t, f.Anon, "/r/"+tok+"?sparat=1")
	f.Get(t, f.Anon, "/r/"+tok+"/kvitto.pdf")
	f.Get(t, f.Anon, "/api/v1/r/"+tok)
	f.PostJSON(t, f.Anon, "/api/v1/r/"+tok+"/draft", `{"answers":[]}`)
	f.Get(t, f.Anon, "/r/"+tok+"x")
	f.Get(t, f.Anon, "/r/"+tok+"/okand")

	log := f.Log.String()
	for _, secret := range []string{tok, tok[:16], url.PathEscape(tok)} {
		if strings.Contains(log, secret) {
			t.Errorf("the log contains the token (%q):\n%s", secret, log)
		}
	}
	// The log is written at all, by route pattern.
	for _, want := range []string{"route=/r/:token ", "route=/r/:token/kvitto.pdf", "route=/api/v1/r/:token/draft", "status=303", "status=404"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
}

func TestQuestionnaireLanguage(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	path := "/r/" + f.Token(t, f.Interim, webtest.DeptSchool)
	cases := []struct {
		name  string
		mods  []func(*http.Request)
		lang  string
		texts []string // closing heading, filled-in-by label, submit button
	}{
		{"DefaultSwedish", nil, "sv", []string{"Avslutning", "Ifyllt av", "Skicka in"}},
		// A browser asking for English is offered it, not switched unasked.
		{"AcceptLanguageEnglishStaysSwedish", []func(*http.Request){webtest.AcceptLanguage("en-GB,en;q=0.9")}, "sv", []string{"Avslutning", "Ifyllt av", "Skicka in"}},
		{"AcceptLanguageSwedishFirst", []func(*http.Request){webtest.AcceptLanguage("sv-SE,en;q=0.8")}, "sv", []string{"Avslutning", "Ifyllt av", "Skicka in"}},
		{"CookieOverridesAcceptLanguage", []func(*http.Request){webtest.AcceptLanguage("en"), webtest.LangCookie("sv")}, "sv", []string{"Avslutning", "Ifyllt av", "Skicka in"}},
		{"CookieEnglish", []func(*http.Request){webtest.AcceptLanguage("sv"), webtest.LangCookie("en")}, "en", []string{"Closing", "Filled in by", "Submit"}},
		{"UnknownCookieIgnored", []func(*http.Request){webtest.AcceptLanguage("en"), webtest.LangCookie("de")}, "sv", []string{"Avslutning", "Ifyllt av", "Skicka in"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := f.Get(t, f.Anon, path, tc.mods...)
			webtest.WantStatus(t, res, http.StatusOK)
			doc := res.Doc(t)
			if got, _ := webtest.LookupAttr(webtest.FindOne(t, doc, "html"), "lang"); got != tc.lang {
				t.Errorf("html lang = %q, want %q", got, tc.lang)
			}
			closing := webtest.FindOne(t, doc, "section", "class~=closing")
			got := []string{
				webtest.Text(webtest.FindOne(t, closing, "h2")),
				webtest.Text(webtest.FindOne(t, doc, "label", "for=filled_in_by")),
				webtest.Text(webtest.FindOne(t, doc, "button", "value=submit")),
			}
			if !slices.Equal(got, tc.texts) {
				t.Errorf("texts = %q, want %q", got, tc.texts)
			}
		})
	}
	t.Run("NotFoundPageInEnglish", func(t *testing.T) {
		res := f.Get(t, f.Anon, "/r/unknown", webtest.LangCookie("en"))
		webtest.WantStatus(t, res, http.StatusNotFound)
		doc := res.Doc(t)
		if got, _ := webtest.LookupAttr(webtest.FindOne(t, doc, "html"), "lang"); got != "en" {
			t.Errorf("html lang = %q", got)
		}
		if got := webtest.Text(webtest.FindOne(t, doc, "p", "class~=lead")); !strings.HasPrefix(got, "The page does not exist.") {
			t.Errorf("message = %q", got)
		}
	})
}

func TestReceiptPDF(t *testing.T) {
	f := webtest.New(t, webtest.WithData(webtest.Small))
	tok := f.Token(t, f.Interim, webtest.DeptSchool)
	path := "/r/" + tok + "/kvitto.pdf"

	res := f.Get(t, f.Anon, path)
	webtest.WantStatus(t, res, http.StatusNotFound)
	if strings.HasPrefix(res.Body, "%PDF") {
		t.Error("a receipt was sent before submission")
	}

	f.SubmitDirect(t, f.Interim, webtest.DeptSchool, "Anna Andersson")
	res = f.Get(t, f.Anon, path)
	webtest.WantStatus(t, res, http.StatusOK)
	if got := res.Header.Get("Content-Type"); got != "application/pdf" {
		t.Errorf("Content-Type = %q", got)
	}
	if !strings.HasPrefix(res.Body, "%PDF-") {
		t.Errorf("body starts with %q, want %%PDF-", webtest.Truncate(res.Body, 8))
	}
	disp, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
	if err != nil {
		t.Fatalf("Content-Disposition %q: %v", res.Header.Get("Content-Disposition"), err)
	}
	if disp != "attachment" {
		t.Errorf("disposition = %q, want attachment", disp)
	}
	name := params["filename"]
	if want := fmt.Sprintf("kvitto-2025-delarsrapport-%d.pdf", f.Dep(t, webtest.DeptSchool).ID); name != want {
		t.Errorf("filename = %q, want %q", name, want)
	}
	if !regexp.MustCompile(`^[A-Za-z0-9._-]+$`).MatchString(name) {
		t.Errorf("filename %q is not plain ASCII", name)
	}

	t.Run("OtherDepartmentStillNotFound", func(t *testing.T) {
		webtest.WantStatus(t, f.Get(t, f.Anon, "/r/"+f.Token(t, f.Interim, webtest.DeptOffice)+"/kvitto.pdf"), http.StatusNotFound)
	})
	t.Run("UnknownToken", func(t *testing.T) {
		webtest.WantStatus(t, f.Get(t, f.Anon, "/r/"+strings.Repeat("A", 43)+"/kvitto.pdf"), http.StatusNotFound)
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
