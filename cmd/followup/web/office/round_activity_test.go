package office_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/webtest"
	"followup/forms"
	"followup/storage"
)

// consRound is a round made for one test on the demo plan, with the first
// few of the demo's departments taking part, whose answers the test sets.
type consRound struct {
	id     int64
	plan   *forms.Plan
	deps   []forms.Department
	acts   []forms.Activity // activities every department answers, in plan order
	status map[string]int64 // status id by name
}

// consNewRound opens an interim round of the demo plan for n departments.
func consNewRound(t *testing.T, f *webtest.Fixture, n int) *consRound {
	t.Helper()
	ctx := context.Background()
	rep, err := f.DB.RoundReport(ctx, f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	r := &consRound{plan: &rep.Plan, deps: rep.Departments[:n], status: map[string]int64{}}
	var ids []int64
	for _, d := range r.deps {
		ids = append(ids, d.ID)
	}
	year := f.Clock.Now().Year()
	r.id, err = f.DB.CreateRound(ctx, forms.RoundInput{PlanID: rep.Plan.ID, Kind: "interim", Title: "Testomgång",
		ReportDate: fmt.Sprintf("%d-03-31", year), Deadline: f.Clock.Now().AddDate(0, 0, 20).Format(forms.DateLayout), DepartmentIDs: ids}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.DB.SetRoundState(ctx, r.id, forms.RoundOpen, demo.AdminEmail); err != nil {
		t.Fatal(err)
	}
	for _, a := range rep.Plan.Activities() {
		if a.AllDepartments {
			r.acts = append(r.acts, a)
		}
	}
	for _, st := range rep.Plan.Statuses {
		r.status[st.Name] = st.ID
	}
	return r
}

// answer saves one department's status for an activity.
func (r *consRound) answer(t *testing.T, f *webtest.Fixture, dep int, act int, status string) {
	t.Helper()
	id, ok := r.status[status]
	if !ok {
		t.Fatalf("no status %q", status)
	}
	_, err := f.DB.SaveResponse(context.Background(), f.Loc, r.id, r.deps[dep].ID,
		forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: r.acts[act].ID, StatusID: id, Comment: "Kommentar från " + r.deps[dep].Name}}},
		storage.Actor("Testperson"))
	if err != nil {
		t.Fatal(err)
	}
}

// submit answers the department's remaining activities with Genomfört and
// submits its response, so that its answers count.
func (r *consRound) submit(t *testing.T, f *webtest.Fixture, dep int) {
	t.Helper()
	ctx := context.Background()
	d := r.deps[dep]
	cur, err := f.DB.Response(ctx, r.id, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	name := "Testperson"
	in := forms.SaveInput{FilledInBy: &name}
	for _, a := range r.plan.Activities() {
		if a.AssignedTo(d.ID) && !cur.Answers[a.ID].Answered() {
			in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ID, StatusID: r.status["Genomfört"], Comment: "Klart."})
		}
	}
	if _, err := f.DB.SubmitResponse(ctx, f.Loc, r.id, d.ID, in, storage.Actor(name)); err != nil {
		t.Fatalf("submit for %s: %v", d.Name, err)
	}
}

// returnResponse returns the department's submitted response for
// completion.
func (r *consRound) returnResponse(t *testing.T, f *webtest.Fixture, dep int) {
	t.Helper()
	if err := f.DB.ReturnResponse(context.Background(), f.Loc, r.id, r.deps[dep].ID, "Komplettera kommentaren.", demo.AdminEmail); err != nil {
		t.Fatal(err)
	}
}

func (r *consRound) path(act int) string {
	return fmt.Sprintf("/kontor/omgangar/%d/aktiviteter/%d", r.id, r.acts[act].ID)
}

func TestOfficeConsolidation(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	r := consNewRound(t, f, 3)
	// Activity 0: everyone done. Activity 1: mixed, one unanswered.
	// Activity 2: nobody has answered. Activity 3: started by none.
	for d := range 3 {
		r.answer(t, f, d, 0, "Genomfört")
	}
	r.answer(t, f, 0, 1, "Genomfört")
	r.answer(t, f, 1, 1, "Påbörjat")
	r.answer(t, f, 0, 3, "Ej påbörjat")
	r.answer(t, f, 1, 3, "Ej aktuellt")

	// Before anyone submits, every answer is a draft: shown, not counted.
	t.Run("DraftsShownNotCounted", func(t *testing.T) {
		code, body := f.Get(t, f.Admin, r.path(0)).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.ByID(t, doc, "suggested")); !strings.Contains(got, "Inget förslag") {
			t.Errorf("suggested %q, want none: drafts do not count", got)
		}
		if got, want := webtest.Text(webtest.ByID(t, doc, "counts")), "Svar: 3 av 3 utan inlämnat svar; 3 utkast räknas inte."; got != want {
			t.Errorf("counts %q, want %q", got, want)
		}
		for _, d := range r.deps {
			row := webtest.Text(webtest.ByID(t, doc, fmt.Sprintf("dept-%d", d.ID)))
			if !strings.Contains(row, "Genomfört Utkast, räknas inte") || !strings.Contains(row, "Kommentar från "+d.Name) {
				t.Errorf("row of %s: %q, want the status marked as a draft and the comment", d.Name, row)
			}
		}
	})
	t.Run("NoAnswersNoSuggestion", func(t *testing.T) {
		_, body := f.Get(t, f.Admin, r.path(2)).StatusBody()
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.ByID(t, doc, "suggested")); !strings.Contains(got, "Inget förslag") {
			t.Errorf("suggested %q", got)
		}
		if got, want := webtest.Text(webtest.ByID(t, doc, "counts")), "Svar: 3 av 3 utan inlämnat svar."; got != want {
			t.Errorf("counts %q, want %q", got, want)
		}
	})
	r.submit(t, f, 0)
	r.submit(t, f, 1)

	t.Run("SuggestsDoneWhenAllDone", func(t *testing.T) {
		code, body := f.Get(t, f.Admin, r.path(0)).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.ByID(t, doc, "suggested")); !strings.Contains(got, "Genomfört") {
			t.Errorf("suggested %q, want Genomfört", got)
		}
		l := i18n.NewCatalog().For(i18n.Swedish)
		if got, want := webtest.Text(webtest.ByID(t, doc, "rule")), l.T("cons.rule.all_done", "Genomfört"); got != want {
			t.Errorf("rule %q, want %q", got, want)
		}
		if got, want := webtest.Text(webtest.ByID(t, doc, "counts")), "Svar: 2 av 3 Genomfört, 1 utan inlämnat svar; 1 utkast räknas inte."; got != want {
			t.Errorf("counts %q, want %q", got, want)
		}
		// The suggestion is preselected before the first save.
		checked := webtest.FindAll(doc, "input", "name=status", "checked")
		if len(checked) != 1 || func() string { v, _ := webtest.LookupAttr(checked[0], "value"); return v }() != strconv.FormatInt(r.status["Genomfört"], 10) {
			t.Errorf("want the suggested status preselected")
		}
		// Every department's answer is there, with its comment; only the
		// draft is marked.
		for i, d := range r.deps {
			row := webtest.Text(webtest.ByID(t, doc, fmt.Sprintf("dept-%d", d.ID)))
			if !strings.Contains(row, "Kommentar från "+d.Name) {
				t.Errorf("row of %s: %q", d.Name, row)
			}
			if got, want := strings.Contains(row, "Utkast, räknas inte"), i == 2; got != want {
				t.Errorf("row of %s: %q: marked as a draft %t, want %t", d.Name, row, got, want)
			}
		}
	})
	t.Run("InProgressWithUnanswered", func(t *testing.T) {
		_, body := f.Get(t, f.Admin, r.path(1)).StatusBody()
		doc := webtest.Parse(t, body)
		if got, want := webtest.Text(webtest.ByID(t, doc, "counts")), "Svar: 1 av 3 Påbörjat, 1 Genomfört, 1 utan inlämnat svar."; got != want {
			t.Errorf("counts %q, want %q", got, want)
		}
		if got := webtest.Text(webtest.ByID(t, doc, "suggested")); !strings.Contains(got, "Pågår") {
			t.Errorf("suggested %q, want Pågår", got)
		}
	})
	t.Run("NoneStartedLeavesNotApplicableOut", func(t *testing.T) {
		_, body := f.Get(t, f.Admin, r.path(3)).StatusBody()
		doc := webtest.Parse(t, body)
		l := i18n.NewCatalog().For(i18n.Swedish)
		if got, want := webtest.Text(webtest.ByID(t, doc, "rule")), l.T("cons.rule.none_started", "Ej påbörjat"); got != want {
			t.Errorf("rule %q, want %q", got, want)
		}
	})
	t.Run("EnglishCounts", func(t *testing.T) {
		en := f.SignIn(t, demo.AdminEmail, demo.AdminPassword)
		u, _ := url.Parse(f.URL)
		en.Jar.SetCookies(u, []*http.Cookie{{Name: i18n.Cookie, Value: "en", Path: "/"}})
		for act, want := range map[int]string{
			0: "Answers: 2 of 3 Genomfört, 1 without a submitted answer; 1 draft does not count.",
			1: "Answers: 1 of 3 Påbörjat, 1 Genomfört, 1 without a submitted answer.",
		} {
			_, body := f.Get(t, en, r.path(act)).StatusBody()
			if got := webtest.Text(webtest.ByID(t, webtest.Parse(t, body), "counts")); got != want {
				t.Errorf("activity %d: counts %q, want %q", act, got, want)
			}
		}
	})
	t.Run("PreviousAndNext", func(t *testing.T) {
		_, body := f.Get(t, f.Admin, r.path(1)).StatusBody()
		doc := webtest.Parse(t, body)
		if len(webtest.FindAll(doc, "a", "rel=prev")) != 1 || len(webtest.FindAll(doc, "a", "rel=next")) != 1 {
			t.Error("want links to the previous and next activity")
		}
	})

	save := func(c *http.Client, act int, base int, narrative string, extra url.Values) (*webtest.Result, string) {
		form := url.Values{"status": {strconv.FormatInt(r.status["Genomfört"], 10)}, "narrative": {narrative},
			"include_comments": {"1"}, "v": {strconv.Itoa(base)}}
		for k, v := range extra {
			form[k] = v
		}
		res := f.PostForm(t, c, r.path(act), form)
		return res, res.Body
	}
	t.Run("SaveCreatesVersions", func(t *testing.T) {
		res, _ := save(f.Admin, 0, 0, "Alla verksamheter har genomfört aktiviteten.", nil)
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), r.path(0)+"?sparad=") {
			t.Fatalf("first save: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
		res, _ = save(f.Admin, 0, 1, "Andra versionen av texten.", nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("second save: %d", res.StatusCode)
		}
		hist, err := f.DB.ConsolidationHistory(ctx, r.id, r.acts[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != 2 || hist[0].Version != 2 || hist[1].Version != 1 || hist[0].Author != demo.AdminEmail {
			t.Fatalf("history %+v", hist)
		}
		_, body := f.Get(t, f.Admin, res.Header.Get("Location")).StatusBody()
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.ByID(t, doc, "notice")); !strings.Contains(got, "version 2") {
			t.Errorf("notice %q", got)
		}
		if got := webtest.Text(webtest.ByID(t, doc, "narrative")); got != "Andra versionen av texten." {
			t.Errorf("the form shows %q, want the saved text", got)
		}
		table := webtest.FindAll(doc, "table", "class=cons-history")
		if len(table) != 1 {
			t.Fatal("no history table")
		}
		rows := webtest.FindAll(table[0], "th", "scope=row")
		if len(rows) != 2 || webtest.Text(rows[0]) != "2" || webtest.Text(rows[1]) != "1" {
			t.Errorf("history rows %d", len(rows))
		}
		if got := webtest.Text(table[0]); !strings.Contains(got, demo.AdminEmail) || !strings.Contains(got, "Alla verksamheter har genomfört aktiviteten.") {
			t.Errorf("history %q lacks the author or the first text", got)
		}
	})
	t.Run("SaveAndNext", func(t *testing.T) {
		res, _ := save(f.Admin, 1, 0, "Arbetet pågår.", url.Values{"action": {"next"}})
		if want := r.path(2) + "?sparad=" + strconv.FormatInt(r.acts[1].ID, 10); res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), want) {
			t.Fatalf("got %d %q, want 303 to %s", res.StatusCode, res.Header.Get("Location"), want)
		}
	})
	t.Run("StaleSaveKeepsTypedText", func(t *testing.T) {
		res, body := save(f.Admin, 0, 1, "Min egen text som inte får försvinna.", nil)
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		if got := webtest.Text(webtest.ByID(t, doc, "narrative")); got != "Min egen text som inte får försvinna." {
			t.Errorf("field holds %q, want the typed text", got)
		}
		if got := webtest.Text(webtest.ByID(t, doc, "conflict-text")); got != "Andra versionen av texten." {
			t.Errorf("the other text shown is %q", got)
		}
		if v := webtest.FindAll(doc, "input", "name=v", "value=2"); len(v) != 1 {
			t.Error("the form should now be based on version 2")
		}
		if c, _ := webtest.LookupAttr(webtest.ByID(t, doc, "conflict"), "role"); c != "alert" {
			t.Error("the conflict should be announced")
		}
		hist, _ := f.DB.ConsolidationHistory(ctx, r.id, r.acts[0].ID)
		if len(hist) != 2 {
			t.Errorf("a stale save stored something: %d versions", len(hist))
		}
	})
	t.Run("InvalidStatusKeepsInput", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, r.path(0), url.Values{"status": {"abc"}, "narrative": {"Skrivet men ogiltigt"}, "v": {"2"}})
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		if len(webtest.FindAll(webtest.ByID(t, doc, "error-summary"), "a", "href=#status")) != 1 {
			t.Error("the error summary should link to the status")
		}
		if got := webtest.Text(webtest.ByID(t, doc, "narrative")); got != "Skrivet men ogiltigt" {
			t.Errorf("field holds %q", got)
		}
		if role, _ := webtest.LookupAttr(webtest.ByID(t, doc, "error-summary"), "role"); role != "alert" {
			t.Error("error summary without role=alert")
		}
	})
	t.Run("ReaderSeesNoFormAndCannotSave", func(t *testing.T) {
		code, body := f.Get(t, f.Reader, r.path(0)).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		main := webtest.FindOne(t, webtest.Parse(t, body), "main")
		for _, tag := range []string{"form", "textarea", "input", "button", "select"} {
			if n := webtest.FindAll(main, tag); len(n) > 0 {
				t.Errorf("a reader sees %d <%s>", len(n), tag)
			}
		}
		if !strings.Contains(webtest.Text(main), "Andra versionen av texten.") {
			t.Error("a reader should see the saved text")
		}
		res, _ := save(f.Reader, 0, 2, "Läsaren försöker", nil)
		if res.StatusCode != http.StatusForbidden {
			t.Fatalf("reader's save: %d, want 403", res.StatusCode)
		}
		hist, _ := f.DB.ConsolidationHistory(ctx, r.id, r.acts[0].ID)
		if len(hist) != 2 {
			t.Errorf("a reader's save stored something: %d versions", len(hist))
		}
	})
	t.Run("AnnualRoundShowsInterimOnce", func(t *testing.T) {
		rep, err := f.DB.RoundReport(ctx, f.Demo.AnnualID)
		if err != nil {
			t.Fatal(err)
		}
		act := rep.Plan.Activities()[0]
		_, body := f.Get(t, f.Admin, fmt.Sprintf("/kontor/omgangar/%d/aktiviteter/%d", f.Demo.AnnualID, act.ID)).StatusBody()
		doc := webtest.Parse(t, body)
		found := false
		for _, d := range rep.Assigned(act) {
			now, ok1 := rep.Status(d.ID, act.ID)
			then, ok2 := rep.InterimStatus(d.ID, act.ID)
			if !ok1 || !ok2 || now.ID == then.ID {
				continue
			}
			cells := webtest.FindAll(webtest.ByID(t, doc, fmt.Sprintf("dept-%d", d.ID)), "td")
			if len(cells) != 4 {
				t.Fatalf("row of %s has %d cells, want status, interim, comment, support", d.Name, len(cells))
			}
			if got := webtest.Text(cells[0]); got != now.Name {
				t.Errorf("row of %s: status %q, want %q", d.Name, got, now.Name)
			}
			if got := webtest.Text(cells[1]); got != then.Name {
				t.Errorf("row of %s: interim %q, want %q", d.Name, got, then.Name)
			}
			found = true
		}
		if !found {
			t.Fatal("the demo has no changed answer on the first activity")
		}
		heads := webtest.FindAll(webtest.FindAll(doc, "table", "class=cons-answers annual")[0], "th", "scope=col")
		var names []string
		for _, h := range heads {
			names = append(names, webtest.Text(h))
		}
		if got, want := strings.Join(names, " | "), "Verksamhet | Status | Vid delårsrapporten | Kommentar | Behöver stöd"; got != want {
			t.Errorf("columns %q, want %q: no column repeats its neighbours", got, want)
		}
	})
	t.Run("UnknownActivity404", func(t *testing.T) {
		if code, _ := f.Get(t, f.Admin, fmt.Sprintf("/kontor/omgangar/%d/aktiviteter/999999", r.id)).StatusBody(); code != http.StatusNotFound {
			t.Errorf("status %d", code)
		}
		if code, _ := f.Get(t, f.Admin, fmt.Sprintf("/kontor/omgangar/%d/aktiviteter/x", r.id)).StatusBody(); code != http.StatusNotFound {
			t.Errorf("status %d", code)
		}
	})
}

func TestOfficeAudit(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	rep, err := f.DB.RoundReport(ctx, f.Demo.InterimID)
	if err != nil {
		t.Fatal(err)
	}
	act := rep.Plan.Activities()[0]
	res := f.PostForm(t, f.Admin, fmt.Sprintf("/kontor/omgangar/%d/aktiviteter/%d", f.Demo.InterimID, act.ID),
		url.Values{"status": {"0"}, "narrative": {"Text"}, "v": {"0"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	if err := f.DB.Audit(ctx, "cli", "backup.make", "database", 0, "nightly"); err != nil {
		t.Fatal(err)
	}
	// rows returns the audit table's rows as text, by action.
	rows := func(t *testing.T, path string) map[string][]string {
		t.Helper()
		code, body := f.Get(t, f.Admin, path).StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		out := map[string][]string{}
		for _, tr := range webtest.FindAll(webtest.Parse(t, body), "tr") {
			cell := webtest.FindAll(tr, "td", "data-action")
			if len(cell) == 1 {
				a, _ := webtest.LookupAttr(cell[0], "data-action")
				out[a] = append(out[a], webtest.Text(tr))
			}
		}
		return out
	}
	t.Run("ListsChangesWithActor", func(t *testing.T) {
		got := rows(t, "/kontor/logg")
		// The newest first: this test's save, then the demo's own.
		if s := got["consolidation.save"]; len(s) == 0 || !strings.Contains(s[0], demo.AdminEmail) || !strings.Contains(s[0], "Sammanställning sparad") {
			t.Errorf("consolidation rows %q", s)
		}
		if s := got["round.open"]; len(s) == 0 || !strings.Contains(s[0], "demo") || !strings.Contains(s[0], "Omgång öppnad") {
			t.Errorf("round-open rows %q", s)
		}
		if s := got["backup.make"]; len(s) != 1 || !strings.Contains(s[0], "backup.make") {
			t.Errorf("an unknown action should show as stored: %q", s)
		}
	})
	t.Run("FilterByKind", func(t *testing.T) {
		got := rows(t, "/kontor/logg?atgard=round")
		if len(got["round.open"]) == 0 {
			t.Error("no round rows")
		}
		for a := range got {
			if !strings.HasPrefix(a, "round.") {
				t.Errorf("filter let %q through", a)
			}
		}
	})
	t.Run("ReaderRefused", func(t *testing.T) {
		if code, _ := f.Get(t, f.Reader, "/kontor/logg").StatusBody(); code != http.StatusForbidden {
			t.Errorf("status %d", code)
		}
	})
}

// TestOfficePagesMarkPlanTextsSwedish opens the consolidation page in
// English: the activity's title and the office's narrative, written in
// Swedish, carry lang="sv" (WCAG 3.1.2); in Swedish they need none.
func TestOfficePagesMarkPlanTextsSwedish(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	rep, _ := f.DB.RoundReport(ctx, f.Demo.AnnualID)
	act := rep.Plan.Activities()[0]
	path := fmt.Sprintf("/kontor/omgangar/%d/aktiviteter/%d", f.Demo.AnnualID, act.ID)
	en := f.SignIn(t, demo.AdminEmail, demo.AdminPassword)
	u, _ := url.Parse(f.URL)
	en.Jar.SetCookies(u, []*http.Cookie{{Name: i18n.Cookie, Value: "en", Path: "/"}})
	_, body := f.Get(t, en, path).StatusBody()
	if !strings.Contains(body, `<h1 lang="sv">`+act.Title) {
		t.Errorf("the activity's title is not marked as Swedish on the English page")
	}
	if !strings.Contains(body, `lang="sv">`+rep.Consolidations[act.ID].Narrative) {
		t.Errorf("the narrative is not marked as Swedish on the English page")
	}
	if _, sv := f.Get(t, f.Admin, path).StatusBody(); strings.Contains(sv, `<h1 lang="sv">`) {
		t.Errorf("a Swedish page marks Swedish texts again")
	}
}
