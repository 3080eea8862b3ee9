package office_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web"
	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/webtest"
	"followup/forms"
	"followup/storage"
)

// ---- Helpers of the rounds tests (prefixed "round" to stay apart from the
// helpers of other pages' tests in this package). ----

// roundGetDoc fetches a page that must answer 200 and parses it.
func roundGetDoc(t *testing.T, f *webtest.Fixture, c *http.Client, path string) *html.Node {
	t.Helper()
	status, body := f.Get(t, c, path).StatusBody()
	if status != http.StatusOK {
		t.Fatalf("GET %s: status %d, want 200; body:\n%.1500s", path, status, body)
	}
	return webtest.Parse(t, body)
}

// roundChangeForms returns the forms of a page that post anything other
// than signing out or choosing the language.
func roundChangeForms(doc *html.Node) []string {
	var out []string
	for _, f := range webtest.FindAll(doc, "form") {
		action := webtest.Attr(f, "action")
		if strings.EqualFold(webtest.Attr(f, "method"), "post") && action != "/logga-ut" && action != "/sprak" {
			out = append(out, action)
		}
	}
	return out
}

// roundCheckLabels fails the test for a visible control without a <label
// for> naming it.
func roundCheckLabels(t *testing.T, doc *html.Node, page string) {
	t.Helper()
	labels := map[string]bool{}
	for _, l := range webtest.FindAll(doc, "label", "for") {
		if webtest.Words(l) != "" {
			labels[webtest.Attr(l, "for")] = true
		}
	}
	for _, tag := range []string{"input", "select", "textarea"} {
		for _, n := range webtest.FindAll(doc, tag) {
			if typ := webtest.Attr(n, "type"); typ == "hidden" || typ == "submit" || typ == "button" {
				continue
			}
			if id := webtest.Attr(n, "id"); id == "" || !labels[id] {
				t.Errorf("%s: <%s name=%q id=%q> has no visible label", page, tag, webtest.Attr(n, "name"), id)
			}
		}
	}
}

// roundPlanID is the demo plan.
func roundPlanID(t *testing.T, f *webtest.Fixture) int64 {
	t.Helper()
	r, err := f.DB.Round(context.Background(), f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	return r.PlanID
}

// roundDepartments returns the demo's active departments by name.
func roundDepartments(t *testing.T, f *webtest.Fixture) map[string]forms.Department {
	t.Helper()
	deps, err := f.DB.Departments(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]forms.Department{}
	for _, d := range deps {
		out[d.Name] = d
	}
	return out
}

const (
	roundDeptBOU    = "Barn- och utbildningsförvaltningen"
	roundDeptSoc    = "Socialförvaltningen"
	roundDeptIT     = "Kommunledningskontoret, IT-avdelningen"
	roundDeptEnergi = "Exempelby Energi och Vatten AB"
)

// roundCreateForm is a valid form for a new round of the demo plan.
func roundCreateForm(t *testing.T, f *webtest.Fixture, title string, deps ...int64) url.Values {
	form := url.Values{"plan": {strconv.FormatInt(roundPlanID(t, f), 10)}, "kind": {"interim"}, "title": {title},
		"report_date": {"2031-08-31"}, "deadline": {"2099-12-31"}}
	for _, d := range deps {
		form.Add("departments", strconv.FormatInt(d, 10))
	}
	return form
}

// roundCreate creates a round through the page and returns its id.
func roundCreate(t *testing.T, f *webtest.Fixture, title string, deps ...int64) int64 {
	t.Helper()
	res := f.PostForm(t, f.Admin, "/kontor/omgangar", roundCreateForm(t, f, title, deps...))
	body := res.Body
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create round: status %d; body:\n%.2000s", res.StatusCode, body)
	}
	loc := res.Header.Get("Location")
	rest, ok := strings.CutPrefix(loc, "/kontor/omgangar/")
	if !ok {
		t.Fatalf("create round: Location %q", loc)
	}
	id, err := strconv.ParseInt(strings.SplitN(rest, "?", 2)[0], 10, 64)
	if err != nil {
		t.Fatalf("create round: Location %q", loc)
	}
	return id
}

// roundSetState posts a state change that must succeed.
func roundSetState(t *testing.T, f *webtest.Fixture, id int64, state string) *webtest.Result {
	t.Helper()
	res := f.PostForm(t, f.Admin, roundPath(id)+"/tillstand", url.Values{"state": {state}})
	body := res.Body
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("set state %s: status %d; body:\n%.1500s", state, res.StatusCode, body)
	}
	return res
}

// roundState reads a round's state from the database.
func roundState(t *testing.T, f *webtest.Fixture, id int64) forms.RoundState {
	t.Helper()
	r, err := f.DB.Round(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r.State
}

// roundParticipantIDs reads a round's participants from the database.
func roundParticipantIDs(t *testing.T, f *webtest.Fixture, id int64) []int64 {
	t.Helper()
	deps, err := f.DB.Participants(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, d := range deps {
		out = append(out, d.ID)
	}
	slices.Sort(out)
	return out
}

// roundTokens returns each participant's link token.
func roundTokens(t *testing.T, f *webtest.Fixture, id int64) map[int64]string {
	t.Helper()
	links, err := f.DB.Links(context.Background(), f.Secret, id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, l := range links {
		out[l.Department.ID] = l.Token
	}
	return out
}

// roundAnswer posts a department's questionnaire through its link: every
// assigned activity gets the status, and action is "save" or "submit".
// Only the first activity is answered when onlyFirst.
func roundAnswer(t *testing.T, f *webtest.Fixture, roundID, depID int64, token, by, action string, onlyFirst bool) {
	t.Helper()
	ctx := context.Background()
	plan, err := f.DB.Plan(ctx, roundPlanID(t, f))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := f.DB.Response(ctx, roundID, depID)
	if err != nil {
		t.Fatal(err)
	}
	done, _ := plan.Statuses.DoneStatus()
	form := url.Values{"action": {action}, "filled_in_by": {by}, "general_comment": {"Allt enligt plan."},
		"general_v": {strconv.Itoa(resp.GeneralVersion)}}
	for _, a := range plan.Activities() {
		if !a.AssignedTo(depID) {
			continue
		}
		id := strconv.FormatInt(a.ID, 10)
		form.Set("status-"+id, strconv.FormatInt(done.ID, 10))
		form.Set("comment-"+id, "Klart.")
		form.Set("v-"+id, strconv.Itoa(resp.Answers[a.ID].Version))
		if onlyFirst {
			break
		}
	}
	res := f.PostForm(t, f.Anon, "/r/"+token, form)
	body := res.Body
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("questionnaire %s: status %d; body:\n%.2000s", action, res.StatusCode, body)
	}
}

// ---- Tests ----

func TestDashboardShowsOpenRounds(t *testing.T) {
	f := webtest.New(t)
	annual, err := f.DB.Round(context.Background(), f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Admin", func(t *testing.T) {
		doc := roundGetDoc(t, f, f.Admin, "/kontor")
		card := webtest.FindOne(t, doc, "section", "aria-labelledby=round-"+strconv.FormatInt(annual.ID, 10))
		got := webtest.Words(card)
		for _, want := range []string{annual.Title, "4 av 8 har lämnat in", "Sista dag " + annual.Deadline.Format(forms.DateLayout), "Utkast 2", "Ej påbörjad 2"} {
			if !strings.Contains(got, want) {
				t.Errorf("card %q lacks %q", got, want)
			}
		}
		if len(webtest.FindAll(card, "a", "href="+roundPath(annual.ID)+"/lankar")) != 1 {
			t.Error("the admin's card has no link to the links page")
		}
		if len(webtest.FindAll(doc, "a", "href=/kontor/omgangar/ny")) == 0 {
			t.Error("no Ny omgång button for the admin")
		}
		// The interim round is closed: not among the open rounds.
		if len(webtest.FindAll(doc, "section", "aria-labelledby=round-"+strconv.FormatInt(f.Demo.InterimID, 10))) != 0 {
			t.Error("the closed interim round is shown as open")
		}
		if !strings.Contains(webtest.Words(webtest.FindOne(t, doc, "section", "aria-labelledby=plans")), "Handlingsplan") {
			t.Error("the plans are not listed")
		}
	})
	t.Run("ReaderSeesNoChanges", func(t *testing.T) {
		doc := roundGetDoc(t, f, f.Reader, "/kontor")
		if len(webtest.FindAll(doc, "a", "href=/kontor/omgangar/ny")) != 0 || len(webtest.FindAll(doc, "a", "href="+roundPath(annual.ID)+"/lankar")) != 0 {
			t.Error("a reader is offered a change")
		}
		if f := roundChangeForms(doc); len(f) > 0 {
			t.Errorf("a reader's dashboard has forms %v", f)
		}
		if !strings.Contains(webtest.Words(doc), "4 av 8 har lämnat in") {
			t.Error("the reader does not see the progress")
		}
	})
	t.Run("English", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, f.URL+"/kontor", nil)
		req.AddCookie(&http.Cookie{Name: i18n.Cookie, Value: "en"})
		res, err := f.Admin.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if !strings.Contains(string(b), "4 of 8 have submitted") || !strings.Contains(string(b), "Open rounds") {
			t.Errorf("the English dashboard is not in English")
		}
	})
}

func TestOfficeRoundCreate(t *testing.T) {
	f := webtest.New(t)
	deps := roundDepartments(t, f)
	bou, soc := deps[roundDeptBOU].ID, deps[roundDeptSoc].ID

	t.Run("FormDefaultsToEveryActiveDepartment", func(t *testing.T) {
		doc := roundGetDoc(t, f, f.Admin, "/kontor/omgangar/ny")
		boxes := webtest.FindAll(doc, "input", "type=checkbox", "name=departments")
		if len(boxes) != len(deps) {
			t.Fatalf("%d department boxes, want %d", len(boxes), len(deps))
		}
		for _, b := range boxes {
			if !webtest.HasAttr(b, "checked") {
				t.Errorf("department %s is not chosen by default", webtest.Attr(b, "value"))
			}
		}
		for _, typ := range []string{"report_date", "deadline"} {
			if webtest.Attr(webtest.FindOne(t, doc, "input", "name="+typ), "type") != "date" {
				t.Errorf("%s is not a date input", typ)
			}
		}
		roundCheckLabels(t, doc, "new round")
	})

	t.Run("ErrInvalidKeepsInput", func(t *testing.T) {
		form := roundCreateForm(t, f, "Delårsrapport prov", bou, soc)
		form.Set("report_date", "2031-13-45")
		form.Set("deadline", "")
		form.Set("kind", "")
		res := f.PostForm(t, f.Admin, "/kontor/omgangar", form)
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		summary := webtest.FindOne(t, doc, "div", "role=alert")
		var hrefs []string
		for _, a := range webtest.FindAll(summary, "a") {
			hrefs = append(hrefs, webtest.Attr(a, "href"))
		}
		if want := []string{"#kind-interim", "#report_date", "#deadline"}; !slices.Equal(hrefs, want) {
			t.Errorf("error summary links %v, want %v", hrefs, want)
		}
		if got := webtest.Attr(webtest.FindOne(t, doc, "input", "name=title"), "value"); got != "Delårsrapport prov" {
			t.Errorf("title kept as %q", got)
		}
		rd := webtest.FindOne(t, doc, "input", "name=report_date")
		if webtest.Attr(rd, "value") != "2031-13-45" || webtest.Attr(rd, "aria-invalid") != "true" || !strings.Contains(webtest.Attr(rd, "aria-describedby"), "report_date-error") {
			t.Errorf("report date field %v", rd.Attr)
		}
		for _, b := range webtest.FindAll(doc, "input", "type=checkbox", "name=departments") {
			v, _ := strconv.ParseInt(webtest.Attr(b, "value"), 10, 64)
			if want := v == bou || v == soc; webtest.HasAttr(b, "checked") != want {
				t.Errorf("department %d checked %v, want %v", v, !want, want)
			}
		}
		if !strings.HasPrefix(webtest.Title(t, doc), "Fel: ") {
			t.Errorf("title %q does not say there is an error", webtest.Title(t, doc))
		}
		rounds, _ := f.DB.Rounds(context.Background())
		if len(rounds) != 2 {
			t.Errorf("%d rounds after a refused form, want 2", len(rounds))
		}
	})

	t.Run("ErrNoDepartments", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, "/kontor/omgangar", roundCreateForm(t, f, "Utan deltagare"))
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		if got := webtest.Words(webtest.FindOne(t, doc, "p", "id=departments-error")); got != "Välj minst en verksamhet." {
			t.Errorf("departments error %q", got)
		}
	})

	t.Run("OK", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, "/kontor/omgangar", roundCreateForm(t, f, "Delårsrapport 2031", bou, soc))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d, want 303", res.StatusCode)
		}
		loc := res.Header.Get("Location")
		if !strings.HasSuffix(loc, "?klart=skapad") {
			t.Errorf("Location %q", loc)
		}
		id, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(loc, "/kontor/omgangar/"), "?klart=skapad"), 10, 64)
		r, err := f.DB.Round(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if r.State != forms.RoundDraft || r.Kind != forms.RoundInterim || r.Title != "Delårsrapport 2031" || r.Deadline.Format(forms.DateLayout) != "2099-12-31" {
			t.Errorf("stored round %+v", r)
		}
		want := []int64{bou, soc}
		slices.Sort(want)
		if got := roundParticipantIDs(t, f, id); !slices.Equal(got, want) {
			t.Errorf("participants %v, want %v", got, want)
		}
		doc := roundGetDoc(t, f, f.Admin, loc)
		if got := webtest.Words(webtest.FindOne(t, doc, "div", "role=status")); !strings.Contains(got, "skapad") {
			t.Errorf("flash %q", got)
		}
	})
}

func TestOfficeRoundStateChanges(t *testing.T) {
	f := webtest.New(t)
	deps := roundDepartments(t, f)
	id := roundCreate(t, f, "Tillståndsprov", deps[roundDeptBOU].ID)
	doc := roundGetDoc(t, f, f.Admin, roundPath(id))
	if got := webtest.Words(webtest.FindOne(t, doc, "dd", "id=round-state")); got != "Utkast" {
		t.Errorf("state shown %q", got)
	}
	webtest.FindOne(t, doc, "form", "action="+roundPath(id)+"/tillstand")

	for _, step := range []struct {
		name, state string
		want        forms.RoundState
		flash       string
	}{
		{"Open", "open", forms.RoundOpen, "oppnad"},
		{"Close", "closed", forms.RoundClosed, "stangd"},
		{"Reopen", "open", forms.RoundOpen, "oppnad-igen"},
	} {
		t.Run(step.name, func(t *testing.T) {
			res := roundSetState(t, f, id, step.state)
			if got := roundState(t, f, id); got != step.want {
				t.Errorf("state in the database %q, want %q", got, step.want)
			}
			if want := roundPath(id) + "?klart=" + step.flash; res.Header.Get("Location") != want {
				t.Errorf("Location %q, want %q", res.Header.Get("Location"), want)
			}
			doc := roundGetDoc(t, f, f.Admin, res.Header.Get("Location"))
			webtest.FindOne(t, doc, "div", "role=status")
			hidden := webtest.FindOne(t, doc, "input", "type=hidden", "name=state")
			next := map[forms.RoundState]string{forms.RoundOpen: "closed", forms.RoundClosed: "open"}[step.want]
			if webtest.Attr(hidden, "value") != next {
				t.Errorf("the page offers state %q, want %q", webtest.Attr(hidden, "value"), next)
			}
		})
	}
	t.Run("ErrUnknownState", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, roundPath(id)+"/tillstand", url.Values{"state": {"draft"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("status %d, want 422", res.StatusCode)
		}
		if got := roundState(t, f, id); got != forms.RoundOpen {
			t.Errorf("state %q after a refused change", got)
		}
	})
	t.Run("ErrUnknownRound", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, "/kontor/omgangar/9999/tillstand", url.Values{"state": {"open"}})
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("status %d, want 404", res.StatusCode)
		}
	})
}

func TestOfficeRoundParticipants(t *testing.T) {
	f := webtest.New(t)
	deps := roundDepartments(t, f)
	bou, soc, it := deps[roundDeptBOU].ID, deps[roundDeptSoc].ID, deps[roundDeptIT].ID
	id := roundCreate(t, f, "Deltagarprov", bou, soc)
	path := roundPath(id) + "/deltagare"

	t.Run("OK", func(t *testing.T) {
		doc := roundGetDoc(t, f, f.Admin, roundPath(id))
		form := webtest.FindOne(t, doc, "form", "id=participants-form")
		var checked []string
		for _, b := range webtest.FindAll(form, "input", "name=departments", "checked") {
			checked = append(checked, webtest.Attr(b, "value"))
		}
		if len(checked) != 2 {
			t.Errorf("%d departments checked on the form, want 2", len(checked))
		}
		res := f.PostForm(t, f.Admin, path, url.Values{"departments": {strconv.FormatInt(soc, 10), strconv.FormatInt(it, 10)}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d, want 303", res.StatusCode)
		}
		want := []int64{soc, it}
		slices.Sort(want)
		if got := roundParticipantIDs(t, f, id); !slices.Equal(got, want) {
			t.Errorf("participants %v, want %v", got, want)
		}
	})
	t.Run("ErrNone", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, path, url.Values{})
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		webtest.FindOne(t, doc, "div", "role=alert")
		if len(webtest.FindAll(doc, "input", "name=departments", "checked")) != 0 {
			t.Error("the refused form does not show what was sent")
		}
		if got := roundParticipantIDs(t, f, id); len(got) != 2 {
			t.Errorf("participants changed to %v", got)
		}
	})
	t.Run("ErrNotDraft", func(t *testing.T) {
		roundSetState(t, f, id, "open")
		doc := roundGetDoc(t, f, f.Admin, roundPath(id))
		if len(webtest.FindAll(doc, "form", "id=participants-form")) != 0 {
			t.Error("an open round offers to change participants")
		}
		res := f.PostForm(t, f.Admin, path, url.Values{"departments": {strconv.FormatInt(bou, 10)}})
		body := res.Body
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		if !strings.Contains(body, "medan omgången är ett utkast") {
			t.Error("the refusal does not say why")
		}
		if got := roundParticipantIDs(t, f, id); len(got) != 2 || slices.Contains(got, bou) {
			t.Errorf("participants changed to %v", got)
		}
	})
}

func TestOfficeRoundLinks(t *testing.T) {
	f := webtest.New(t)
	deps := roundDepartments(t, f)
	bou, soc := deps[roundDeptBOU], deps[roundDeptSoc]
	id := roundCreate(t, f, "Länkprov", bou.ID, soc.ID)
	roundSetState(t, f, id, "open")
	linksPath := roundPath(id) + "/lankar"

	linkOf := func(t *testing.T, doc *html.Node, depID int64) string {
		t.Helper()
		in := webtest.FindOne(t, doc, "input", "id=link-"+strconv.FormatInt(depID, 10))
		if !webtest.HasAttr(in, "readonly") {
			t.Error("the link field is not read-only")
		}
		u, err := url.Parse(webtest.Attr(in, "value"))
		if err != nil || u.Host != "uppfoljning.test" || !strings.HasPrefix(u.Path, "/r/") {
			t.Fatalf("link %q", webtest.Attr(in, "value"))
		}
		return u.Path
	}

	doc := roundGetDoc(t, f, f.Admin, linksPath)
	roundCheckLabels(t, doc, "links")
	if got := webtest.Words(webtest.FindOne(t, doc, "label", "for=link-"+strconv.FormatInt(bou.ID, 10))); got != bou.Name {
		t.Errorf("label %q, want the department's name", got)
	}
	copyButton := webtest.FindOne(t, doc, "button", "data-copy=link-"+strconv.FormatInt(bou.ID, 10))
	if webtest.Attr(copyButton, "type") != "button" || !webtest.HasAttr(copyButton, "hidden") {
		t.Error("the copy button must be a plain button, hidden until the script shows it")
	}
	webtest.FindOne(t, doc, "script", "src=/static/copy.js")
	if status, js := f.Get(t, f.Anon, "/static/copy.js").StatusBody(); status != http.StatusOK || !strings.Contains(js, "data-copy") {
		t.Errorf("copy.js: status %d", status)
	}
	old := linkOf(t, doc, bou.ID)
	all := webtest.Words(webtest.FindOne(t, doc, "textarea", "id=all-links"))
	if !strings.HasPrefix(all, "namn;e-post;länk") || !strings.Contains(all, bou.Name+";"+bou.Email+";http://uppfoljning.test"+old) {
		t.Errorf("all links %q", all)
	}

	t.Run("LinkOpensQuestionnaire", func(t *testing.T) {
		status, body := f.Get(t, f.NewClient(), old).StatusBody()
		if status != http.StatusOK || !strings.Contains(body, bou.Name) {
			t.Fatalf("GET %s: %d", old, status)
		}
	})

	t.Run("ReplaceAsksFirst", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, linksPath+"/"+strconv.FormatInt(bou.ID, 10), nil)
		if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "?ersatt=") {
			t.Fatalf("unconfirmed replace: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
		if status, _ := f.Get(t, f.NewClient(), old).StatusBody(); status != http.StatusOK {
			t.Fatal("an unconfirmed replace stopped the link")
		}
		doc := roundGetDoc(t, f, f.Admin, res.Header.Get("Location"))
		box := webtest.FindOne(t, doc, "section", "id=bekrafta")
		if !strings.Contains(webtest.Words(box), "slutar fungera direkt") {
			t.Errorf("confirmation %q has no warning", webtest.Words(box))
		}
		webtest.FindOne(t, box, "input", "name=confirm", "value=1")
	})

	t.Run("ReplaceStopsOldLink", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, linksPath+"/"+strconv.FormatInt(bou.ID, 10), url.Values{"confirm": {"1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("replace: status %d", res.StatusCode)
		}
		if status, _ := f.Get(t, f.NewClient(), old).StatusBody(); status != http.StatusNotFound {
			t.Errorf("old link: status %d, want 404", status)
		}
		doc := roundGetDoc(t, f, f.Admin, res.Header.Get("Location"))
		webtest.FindOne(t, doc, "div", "role=status")
		fresh := linkOf(t, doc, bou.ID)
		if fresh == old {
			t.Fatal("the link did not change")
		}
		if status, _ := f.Get(t, f.NewClient(), fresh).StatusBody(); status != http.StatusOK {
			t.Errorf("new link: status %d, want 200", status)
		}
		if status, _ := f.Get(t, f.NewClient(), linkOf(t, doc, soc.ID)).StatusBody(); status != http.StatusOK {
			t.Error("another department's link stopped working")
		}
	})
}

func TestOfficeRoundProgress(t *testing.T) {
	f := webtest.New(t)
	deps := roundDepartments(t, f)
	var all []int64
	for _, d := range deps {
		all = append(all, d.ID)
	}
	id := roundCreate(t, f, "Framstegsprov", all...)
	roundSetState(t, f, id, "open")
	tokens := roundTokens(t, f, id)
	soc, it, energi := deps[roundDeptSoc].ID, deps[roundDeptIT].ID, deps[roundDeptEnergi].ID

	// Saves a second apart on the clock, so "last saved" has an order.
	pause := func() { f.Clock.Advance(time.Second) }
	roundAnswer(t, f, id, soc, tokens[soc], "Sofia Soc", "save", true)
	pause()
	roundAnswer(t, f, id, it, tokens[it], "Ivar IT", "submit", false)
	if err := f.DB.ReturnResponse(context.Background(), f.Loc, id, it, "Komplettera.", "test"); err != nil {
		t.Fatal(err)
	}
	pause()
	roundAnswer(t, f, id, it, tokens[it], "Ivar IT", "submit", false)
	pause()
	roundAnswer(t, f, id, energi, tokens[energi], "Erik Energi", "submit", false)

	plan, err := f.DB.Plan(context.Background(), roundPlanID(t, f))
	if err != nil {
		t.Fatal(err)
	}
	rowsOf := func(doc *html.Node) []*html.Node {
		return webtest.FindAll(webtest.FindOne(t, doc, "table", "id=progress"), "tr", "data-department")
	}
	cells := func(tr *html.Node) []string {
		var out []string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				out = append(out, webtest.Words(c))
			}
		}
		return out
	}

	t.Run("CountsAndValues", func(t *testing.T) {
		doc := roundGetDoc(t, f, f.Reader, roundPath(id))
		if got := webtest.Words(webtest.FindOne(t, doc, "p", "id=progress-count")); got != "2 av 8 har lämnat in; 1 utkast räknas inte; 5 har inte börjat." {
			t.Errorf("count %q", got)
		}
		if got := webtest.Words(webtest.FindOne(t, doc, "dl", "id=progress-counts")); got != "Utkast 1 Ej påbörjad 5 Återsänd för komplettering 0" {
			t.Errorf("counts %q", got)
		}
		rows := rowsOf(doc)
		if len(rows) != 8 {
			t.Fatalf("%d rows, want 8", len(rows))
		}
		byDep := map[string][]string{}
		for _, r := range rows {
			byDep[webtest.Attr(r, "data-department")] = cells(r)
		}
		itRow := byDep[strconv.FormatInt(it, 10)]
		n := plan.CountAssigned(it)
		if itRow[0] != roundDeptIT || !strings.HasPrefix(itRow[1], "Inlämnad") || !strings.Contains(itRow[1], "återsänts tidigare") ||
			itRow[2] != strconv.Itoa(n)+" av "+strconv.Itoa(n) || itRow[3] == "–" || itRow[4] != "Ivar IT" || itRow[5] == "–" {
			t.Errorf("IT row %q", itRow)
		}
		socRow := byDep[strconv.FormatInt(soc, 10)]
		if socRow[1] != "Utkast" || socRow[2] != "1 av "+strconv.Itoa(plan.CountAssigned(soc)) || socRow[4] != "–" || socRow[5] != "–" {
			t.Errorf("Socialförvaltningen row %q", socRow)
		}
		bouRow := byDep[strconv.FormatInt(deps[roundDeptBOU].ID, 10)]
		if bouRow[1] != "Ej påbörjad" || bouRow[2] != "0 av "+strconv.Itoa(plan.CountAssigned(deps[roundDeptBOU].ID)) || bouRow[3] != "–" {
			t.Errorf("BOU row %q", bouRow)
		}
		if n == plan.CountAssigned(soc) {
			t.Error("the demo should give IT more activities than the others")
		}
	})

	order := func(t *testing.T, query string) (ids, states []string) {
		t.Helper()
		for _, r := range rowsOf(roundGetDoc(t, f, f.Admin, roundPath(id)+query)) {
			ids = append(ids, webtest.Attr(r, "data-department"))
			states = append(states, webtest.Attr(r, "data-state"))
		}
		return ids, states
	}
	t.Run("SortByState", func(t *testing.T) {
		_, states := order(t, "?sortera=lage")
		want := []string{"not_started", "not_started", "not_started", "not_started", "not_started", "draft", "submitted", "submitted"}
		if !slices.Equal(states, want) {
			t.Errorf("states %v, want %v", states, want)
		}
	})
	t.Run("SortBySaved", func(t *testing.T) {
		ids, _ := order(t, "?sortera=sparad")
		want := []string{strconv.FormatInt(energi, 10), strconv.FormatInt(it, 10), strconv.FormatInt(soc, 10)}
		if !slices.Equal(ids[:3], want) {
			t.Errorf("first rows %v, want %v (newest save first)", ids[:3], want)
		}
	})
	t.Run("SortByNameIsDefault", func(t *testing.T) {
		doc := roundGetDoc(t, f, f.Admin, roundPath(id))
		var names []string
		for _, r := range rowsOf(doc) {
			names = append(names, cells(r)[0])
		}
		if !slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
			t.Errorf("names not in order: %v", names)
		}
		th := webtest.FindOne(t, doc, "th", "aria-sort")
		if !strings.Contains(webtest.Words(th), "Verksamhet") {
			t.Errorf("sorted column %q", webtest.Words(th))
		}
		// The sorting links and the filter form work without script.
		webtest.FindOne(t, th, "a", "href="+roundPath(id)+"#framsteg")
		webtest.FindOne(t, doc, "a", "href="+roundPath(id)+"?sortera=sparad#framsteg")
		form := webtest.FindOne(t, doc, "form", "id=progress-filter")
		if !strings.EqualFold(webtest.Attr(form, "method"), "get") {
			t.Error("the filter form does not use GET")
		}
		roundCheckLabels(t, form, "filter")
	})
	t.Run("FilterByState", func(t *testing.T) {
		ids, _ := order(t, "?lage=inskickad&sortera=namn")
		if len(ids) != 2 || !slices.Contains(ids, strconv.FormatInt(it, 10)) || !slices.Contains(ids, strconv.FormatInt(energi, 10)) {
			t.Errorf("submitted rows %v", ids)
		}
		ids, _ = order(t, "?lage=utkast")
		if !slices.Equal(ids, []string{strconv.FormatInt(soc, 10)}) {
			t.Errorf("draft rows %v", ids)
		}
		doc := roundGetDoc(t, f, f.Admin, roundPath(id)+"?lage=aterskickad")
		webtest.FindOne(t, doc, "p", "id=progress-empty")
		ids, _ = order(t, "?lage=nonsens&sortera=nonsens")
		if len(ids) != 8 {
			t.Errorf("unknown filter shows %d rows, want all 8", len(ids))
		}
	})
	t.Run("Downloads", func(t *testing.T) {
		doc := roundGetDoc(t, f, f.Reader, roundPath(id))
		webtest.FindOne(t, doc, "a", "href="+roundPath(id)+"/export.xlsx")
		webtest.FindOne(t, doc, "a", "href="+roundPath(id)+"/export.pdf")
	})
}

func TestOfficeRoundReturnResponse(t *testing.T) {
	f := webtest.New(t)
	deps := roundDepartments(t, f)
	bou, soc := deps[roundDeptBOU].ID, deps[roundDeptSoc].ID
	annual := f.Demo.AnnualID
	respPath := func(dep int64) string { return roundPath(annual) + "/verksamheter/" + strconv.FormatInt(dep, 10) }
	var bouToken string
	for _, l := range f.Demo.Links {
		if l.Department.ID == bou {
			bouToken = l.Token
		}
	}

	t.Run("ResponsePage", func(t *testing.T) {
		doc := roundGetDoc(t, f, f.Admin, respPath(bou))
		if got := webtest.Words(webtest.FindOne(t, doc, "dd", "id=response-state")); got != "Inlämnad" {
			t.Errorf("state %q", got)
		}
		if len(webtest.FindAll(doc, "article", "class=activity")) == 0 || len(webtest.FindAll(doc, "span", "aria-hidden=true")) == 0 {
			t.Error("the answers with their status swatches are missing")
		}
		if !strings.Contains(webtest.Words(doc), "Vid delårsrapporten") {
			t.Error("the annual round does not show the interim answers")
		}
		webtest.FindOne(t, doc, "link", "href=/farger/"+strconv.FormatInt(roundPlanID(t, f), 10)+".css")
		if rows := webtest.FindAll(webtest.FindOne(t, doc, "table", "id=history"), "tr", "data-kind"); len(rows) != 1 {
			t.Errorf("%d history rows, want 1", len(rows))
		}
		webtest.FindOne(t, doc, "form", "id=return-form")
		roundCheckLabels(t, doc, "response")
	})

	t.Run("ErrEmptyMessage", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, respPath(bou)+"/aterlamna", url.Values{"message": {"  "}})
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		webtest.FindOne(t, webtest.FindOne(t, doc, "div", "role=alert"), "a", "href=#message")
		ta := webtest.FindOne(t, doc, "textarea", "name=message")
		if webtest.Attr(ta, "aria-invalid") != "true" || !strings.Contains(webtest.Attr(ta, "aria-describedby"), "message-error") {
			t.Errorf("message field %v", ta.Attr)
		}
	})

	t.Run("OK", func(t *testing.T) {
		msg := "Komplettera riskanalysen med en tidsplan."
		res := f.PostForm(t, f.Admin, respPath(bou)+"/aterlamna", url.Values{"message": {msg}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d, want 303", res.StatusCode)
		}
		r, err := f.DB.Response(context.Background(), annual, bou)
		if err != nil {
			t.Fatal(err)
		}
		if r.State != forms.ResponseReturned || r.ReturnMessage != msg {
			t.Errorf("stored response %q %q", r.State, r.ReturnMessage)
		}
		doc := roundGetDoc(t, f, f.Admin, res.Header.Get("Location"))
		webtest.FindOne(t, doc, "div", "role=status")
		var kinds []string
		for _, tr := range webtest.FindAll(webtest.FindOne(t, doc, "table", "id=history"), "tr", "data-kind") {
			kinds = append(kinds, webtest.Attr(tr, "data-kind"))
		}
		if !slices.Equal(kinds, []string{"submitted", "returned"}) {
			t.Errorf("history %v", kinds)
		}
		if !strings.Contains(webtest.Words(webtest.FindOne(t, doc, "table", "id=history")), msg) {
			t.Error("the history does not show the message")
		}
		if len(webtest.FindAll(doc, "form", "id=return-form")) != 0 {
			t.Error("a returned response can be returned again")
		}
		// The department sees the message and can edit again.
		status, body := f.Get(t, f.NewClient(), "/r/"+bouToken).StatusBody()
		if status != http.StatusOK || !strings.Contains(body, msg) {
			t.Fatalf("the department's page: status %d, message shown %v", status, strings.Contains(body, msg))
		}
		webtest.FindOne(t, webtest.Parse(t, body), "form", "id=questionnaire")
	})

	t.Run("ErrNotSubmitted", func(t *testing.T) {
		msg := "Skicka in först."
		res := f.PostForm(t, f.Admin, respPath(soc)+"/aterlamna", url.Values{"message": {msg}})
		body := res.Body
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		if got := webtest.Words(webtest.FindOne(t, doc, "p", "id=return-refused")); !strings.Contains(got, "Bara inlämnade svar kan återsändas") {
			t.Errorf("refusal %q", got)
		}
		if got := webtest.Words(webtest.FindOne(t, doc, "textarea", "name=message")); got != msg {
			t.Errorf("message kept as %q", got)
		}
		r, _ := f.DB.Response(context.Background(), annual, soc)
		if r.State != forms.ResponseDraft {
			t.Errorf("state %q, want still draft", r.State)
		}
	})

	t.Run("ErrClosedRound", func(t *testing.T) {
		id := roundCreate(t, f, "Stängd omgång", soc)
		roundSetState(t, f, id, "open")
		roundAnswer(t, f, id, soc, roundTokens(t, f, id)[soc], "Sofia Soc", "submit", false)
		roundSetState(t, f, id, "closed")
		res := f.PostForm(t, f.Admin, roundPath(id)+"/verksamheter/"+strconv.FormatInt(soc, 10)+"/aterlamna", url.Values{"message": {"För sent."}})
		body := res.Body
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.StatusCode)
		}
		if got := webtest.Words(webtest.FindOne(t, webtest.Parse(t, body), "p", "id=return-refused")); !strings.Contains(got, "Öppna omgången igen") {
			t.Errorf("refusal %q", got)
		}
		if r, _ := f.DB.Response(context.Background(), id, soc); r.State != forms.ResponseSubmitted {
			t.Errorf("state %q, want still submitted", r.State)
		}
	})

	t.Run("ErrNotParticipant", func(t *testing.T) {
		id := roundCreate(t, f, "Liten omgång", soc)
		if status, _ := f.Get(t, f.Admin, roundPath(id)+"/verksamheter/"+strconv.FormatInt(bou, 10)).StatusBody(); status != http.StatusNotFound {
			t.Errorf("status %d, want 404", status)
		}
		if status, _ := f.Get(t, f.Admin, "/kontor/omgangar/9999/verksamheter/1").StatusBody(); status != http.StatusNotFound {
			t.Errorf("unknown round: status %d, want 404", status)
		}
	})
}

func TestOfficeRoundExports(t *testing.T) {
	f := webtest.New(t)
	year := strconv.Itoa(f.Clock.Now().Year())
	for _, who := range []struct {
		name   string
		client *http.Client
	}{{"Admin", f.Admin}, {"Reader", f.Reader}} {
		for _, x := range []struct {
			path, ctype, file, magic string
		}{
			{"/export.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "uppfoljning-" + year + "-arsredovisning.xlsx", "PK"},
			{"/export.pdf?bilaga=0", "application/pdf", "uppfoljning-" + year + "-arsredovisning.pdf", "%PDF"},
		} {
			t.Run(who.name+x.path, func(t *testing.T) {
				res, err := who.client.Get(f.URL + roundPath(f.Demo.AnnualID) + x.path)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				b, _ := io.ReadAll(res.Body)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("status %d; body %.500s", res.StatusCode, b)
				}
				if got := res.Header.Get("Content-Type"); got != x.ctype {
					t.Errorf("Content-Type %q, want %q", got, x.ctype)
				}
				if got, want := res.Header.Get("Content-Disposition"), `attachment; filename=`+x.file; got != want && got != `attachment; filename="`+x.file+`"` {
					t.Errorf("Content-Disposition %q, want the file name %s", got, x.file)
				}
				if got := res.Header.Get("Cache-Control"); got != "no-store" {
					t.Errorf("Cache-Control %q, want no-store", got)
				}
				if !bytes.HasPrefix(b, []byte(x.magic)) {
					t.Errorf("body starts %q, want %q", b[:min(8, len(b))], x.magic)
				}
				if x.magic == "%PDF" && !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
					t.Errorf("the PDF ends %q, want the whole file", b[max(0, len(b)-16):])
				}
				if x.magic == "PK" {
					f, err := excelize.OpenReader(bytes.NewReader(b))
					if err != nil {
						t.Fatalf("the workbook does not open: %v", err)
					}
					defer f.Close()
					if rows, err := f.GetRows("Svar"); err != nil || len(rows) < 2 {
						t.Errorf("the workbook's Svar has %d rows (%v), want its answers", len(rows), err)
					}
				}
			})
		}
	}
	t.Run("ErrUnknownRound", func(t *testing.T) {
		for _, p := range []string{"/kontor/omgangar/9999/export.xlsx", "/kontor/omgangar/9999/export.pdf", "/kontor/omgangar/abc/export.pdf"} {
			if status, _ := f.Get(t, f.Reader, p).StatusBody(); status != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", p, status)
			}
		}
	})
}

func TestOfficeRoundDepartmentLinkReachesNoOfficePage(t *testing.T) {
	f := webtest.New(t)
	token := f.Demo.Links[0].Token
	c := f.NewClient()
	if status, _ := f.Get(t, c, "/r/"+token).StatusBody(); status != http.StatusOK {
		t.Fatalf("the department's own page: %d", status)
	}
	annual := roundPath(f.Demo.AnnualID)
	for _, p := range []string{"/kontor", "/kontor/omgangar", annual, annual + "/lankar", annual + "/export.xlsx", annual + "/export.pdf",
		annual + "/verksamheter/" + strconv.FormatInt(f.Demo.Links[0].Department.ID, 10), "/kontor/omgangar/ny"} {
		for _, bearer := range []bool{false, true} {
			req, _ := http.NewRequest(http.MethodGet, f.URL+p, nil)
			if bearer {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			res, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/logga-in?next=") {
				t.Errorf("GET %s (bearer %v): %d %q, want a redirect to sign in", p, bearer, res.StatusCode, res.Header.Get("Location"))
			}
		}
	}
	res := f.PostForm(t, c, annual+"/tillstand", url.Values{"state": {"closed"}})
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST without a session: %d, want 401", res.StatusCode)
	}
	if roundState(t, f, f.Demo.AnnualID) != forms.RoundOpen {
		t.Error("a department closed the round")
	}
}

func TestOfficeRoundReaderCannotChange(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	annual := f.Demo.AnnualID
	base := roundPath(annual)
	deps := roundDepartments(t, f)
	bou := deps[roundDeptBOU].ID
	draft := roundCreate(t, f, "Läsarprov", bou)

	t.Run("PagesOfferNoChange", func(t *testing.T) {
		titles := map[string]string{}
		for _, p := range []string{"/kontor", "/kontor/omgangar", base, roundPath(draft), base + "/verksamheter/" + strconv.FormatInt(bou, 10)} {
			doc := roundGetDoc(t, f, f.Reader, p)
			if f := roundChangeForms(doc); len(f) > 0 {
				t.Errorf("%s offers a reader the forms %v", p, f)
			}
			for _, a := range webtest.FindAll(doc, "a", "href") {
				if h := webtest.Attr(a, "href"); strings.HasSuffix(h, "/lankar") || h == "/kontor/omgangar/ny" {
					t.Errorf("%s links a reader to %s", p, h)
				}
			}
			title := webtest.Title(t, doc)
			if other, dup := titles[title]; dup {
				t.Errorf("%s and %s share the title %q", p, other, title)
			}
			titles[title] = p
		}
		for _, p := range []string{base + "/lankar", "/kontor/omgangar/ny"} {
			if status, _ := f.Get(t, f.Reader, p).StatusBody(); status != http.StatusForbidden {
				t.Errorf("GET %s as reader: %d, want 403", p, status)
			}
		}
	})

	t.Run("PostsForbidden", func(t *testing.T) {
		tokensBefore := roundTokens(t, f, annual)
		roundsBefore, _ := f.DB.Rounds(ctx)
		for _, p := range []struct {
			path string
			form url.Values
		}{
			{"/kontor/omgangar", roundCreateForm(t, f, "Läsarens omgång", bou)},
			{base + "/tillstand", url.Values{"state": {"closed"}}},
			{roundPath(draft) + "/tillstand", url.Values{"state": {"open"}}},
			{roundPath(draft) + "/deltagare", url.Values{"departments": {strconv.FormatInt(deps[roundDeptSoc].ID, 10)}}},
			{base + "/lankar/" + strconv.FormatInt(bou, 10), url.Values{"confirm": {"1"}}},
			{base + "/verksamheter/" + strconv.FormatInt(bou, 10) + "/aterlamna", url.Values{"message": {"Läsaren vill ha mer."}}},
		} {
			res := f.PostForm(t, f.Reader, p.path, p.form)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s as reader: %d, want 403", p.path, res.StatusCode)
			}
		}
		roundsAfter, _ := f.DB.Rounds(ctx)
		if len(roundsAfter) != len(roundsBefore) {
			t.Error("a reader created a round")
		}
		if roundState(t, f, annual) != forms.RoundOpen || roundState(t, f, draft) != forms.RoundDraft {
			t.Error("a reader changed a round's state")
		}
		if got := roundParticipantIDs(t, f, draft); !slices.Equal(got, []int64{bou}) {
			t.Errorf("a reader changed the participants to %v", got)
		}
		if tokensAfter := roundTokens(t, f, annual); tokensAfter[bou] != tokensBefore[bou] {
			t.Error("a reader replaced a link")
		}
		if r, _ := f.DB.Response(ctx, annual, bou); r.State != forms.ResponseSubmitted {
			t.Errorf("a reader returned a response: %q", r.State)
		}
	})
}

// The storage package's progress rows must agree with the report the
// exports are built from.
func TestOfficeRoundProgressMatchesReport(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	_, rows, err := f.DB.RoundProgress(ctx, f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := f.DB.RoundReport(ctx, f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(rep.Departments) {
		t.Fatalf("%d progress rows, %d departments in the report", len(rows), len(rep.Departments))
	}
	for _, p := range rows {
		answered, assigned := rep.AnsweredOf(p.Department.ID)
		if p.Answered != answered || p.Assigned != assigned || p.State != rep.ResponseState(p.Department.ID) {
			t.Errorf("%s: progress %d/%d %s, report %d/%d %s", p.Department.Name, p.Answered, p.Assigned, p.State,
				answered, assigned, rep.ResponseState(p.Department.ID))
		}
	}
	if n := storage.CountProgress(rows); n.Submitted != len(rep.Submitted()) {
		t.Errorf("submitted %d, report %d", n.Submitted, len(rep.Submitted()))
	}
}

// TestOfficeRoundLinksWithLostSecret serves the links page after the secret
// changed (the secret file was lost): the page works, says each link no
// longer works, and replacing one gives a working link.
func TestOfficeRoundLinksWithLostSecret(t *testing.T) {
	f := webtest.New(t)
	f.Reconfigure(t, func(cfg *web.Config) { cfg.Secret = []byte("a-new-secret-after-the-old-file-was-lost") })
	c := f.SignIn(t, demo.AdminEmail, demo.AdminPassword)
	path := "/kontor/omgangar/" + strconv.FormatInt(f.Demo.AnnualID, 10) + "/lankar"
	code, body := f.Get(t, c, path).StatusBody()
	if code != http.StatusOK || !strings.Contains(body, "Länken fungerar inte längre") {
		t.Fatalf("links page after a lost secret: status %d", code)
	}
	dep := f.Demo.Links[0].Department.ID
	res := f.PostForm(t, c, path+"/"+strconv.FormatInt(dep, 10), url.Values{"confirm": {"1"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("replace: status %d", res.StatusCode)
	}
	links, err := f.DB.Links(context.Background(), f.Config.Secret, f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if l.Department.ID == dep {
			if l.Stale || l.Token == "" {
				t.Fatal("the replaced link is still stale")
			}
			if code, _ := f.Get(t, f.Anon, "/r/"+l.Token).StatusBody(); code != http.StatusOK {
				t.Fatalf("the new link answers %d", code)
			}
		}
	}
}

// TestOfficeRoundDeadlineExtended moves a passed deadline: the department,
// refused before, can answer again; readers cannot move it.
func TestOfficeRoundDeadlineExtended(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	round, _ := f.DB.Round(ctx, f.Demo.AnnualID)
	path := roundPath(f.Demo.AnnualID) + "/datum"
	past := url.Values{"report_date": {round.ReportDate.Format(forms.DateLayout)}, "deadline": {"2020-01-01"}}
	if res := f.PostForm(t, f.Reader, path, past); res.StatusCode != http.StatusForbidden {
		t.Fatalf("a reader moved the deadline: %d", res.StatusCode)
	}
	if res := f.PostForm(t, f.Admin, path, past); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d", res.StatusCode)
	}
	var link string
	for _, l := range f.Demo.Links {
		if r, _ := f.DB.Response(ctx, f.Demo.AnnualID, l.Department.ID); r.State != forms.ResponseSubmitted {
			link = l.Token
		}
	}
	if _, body := f.Get(t, f.Anon, "/r/"+link).StatusBody(); !strings.Contains(body, "sista dagen har passerat") {
		t.Fatal("after moving the deadline into the past, the questionnaire does not say it is closed")
	}
	later := f.Clock.Now().AddDate(0, 1, 0).Format(forms.DateLayout)
	res := f.PostForm(t, f.Admin, path, url.Values{"report_date": {round.ReportDate.Format(forms.DateLayout)}, "deadline": {later}})
	if res.Header.Get("Location") != roundPath(f.Demo.AnnualID)+"?klart=datum" {
		t.Fatalf("redirect %q", res.Header.Get("Location"))
	}
	if r, _ := f.DB.Round(ctx, f.Demo.AnnualID); r.Deadline.Format(forms.DateLayout) != later {
		t.Fatalf("deadline %v, want %s", r.Deadline, later)
	}
	if res := f.PostForm(t, f.Admin, path, url.Values{"report_date": {"inte ett datum"}, "deadline": {later}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a bad date: status %d, want 422", res.StatusCode)
	}
}
