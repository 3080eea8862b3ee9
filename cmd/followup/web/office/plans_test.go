package office_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/webtest"
	"followup/forms"
	"followup/storage"
)

// planTestPlans returns the stored plans, newest first.
func planTestPlans(t *testing.T, f *webtest.Fixture) []storage.PlanSummary {
	t.Helper()
	plans, err := f.DB.Plans(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return plans
}

// planTestDemo returns the demo's plan, which has rounds and answers.
func planTestDemo(t *testing.T, f *webtest.Fixture) *forms.Plan {
	t.Helper()
	plans := planTestPlans(t, f)
	if len(plans) == 0 {
		t.Fatal("the demo has no plan")
	}
	return planTestLoad(t, f, plans[len(plans)-1].ID)
}

func planTestLoad(t *testing.T, f *webtest.Fixture, id int64) *forms.Plan {
	t.Helper()
	p, err := f.DB.Plan(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// planTestPath is the plan page's path, with more path appended.
func planTestPath(id int64, more string) string { return fmt.Sprintf("/kontor/planer/%d%s", id, more) }

// planTestCreate creates an empty plan through the page and returns its id.
func planTestCreate(t *testing.T, f *webtest.Fixture, title string, year int) int64 {
	t.Helper()
	res := f.PostForm(t, f.Admin, "/kontor/planer", url.Values{"organisation": {"Exempelby kommun"}, "title": {title}, "year": {fmt.Sprint(year)}})
	webtest.WantStatus(t, res, http.StatusSeeOther)
	var id int64
	if _, err := fmt.Sscanf(res.Header.Get("Location"), "/kontor/planer/%d?skapad=1", &id); err != nil {
		t.Fatalf("Location %q: %v", res.Header.Get("Location"), err)
	}
	return id
}

// planTestTitles lists the areas and their activities' titles.
func planTestTitles(p *forms.Plan) []string {
	var out []string
	for _, ar := range p.Areas {
		s := ar.Title + ":"
		for i, a := range ar.Activities {
			if i > 0 {
				s += ","
			}
			s += a.Title
		}
		out = append(out, s)
	}
	return out
}

func TestOfficePlanCreate(t *testing.T) {
	f := webtest.New(t)
	t.Run("NewFormPrefilled", func(t *testing.T) {
		status, body := f.Get(t, f.Admin, "/kontor/planer/ny").StatusBody()
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		if v := webtest.Attr(webtest.ByID(t, webtest.Parse(t, body), "plan-organisation"), "value"); v != "Exempelby kommun" {
			t.Errorf("organisation prefilled with %q", v)
		}
	})
	t.Run("ErrInvalidKeepsInput", func(t *testing.T) {
		before := len(planTestPlans(t, f))
		res := f.PostForm(t, f.Admin, "/kontor/planer", url.Values{"organisation": {"Exempelby kommun"}, "title": {"Plan <b>2030</b>"}, "year": {"tjugotrettio"}})
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		doc := webtest.Parse(t, body)
		if webtest.Attr(webtest.ByID(t, doc, "plan-year"), "value") != "tjugotrettio" || webtest.Attr(webtest.ByID(t, doc, "plan-title"), "value") != "Plan <b>2030</b>" {
			t.Error("the typed values are lost")
		}
		sum := webtest.ByID(t, doc, "error-summary")
		if sum == nil || !strings.Contains(webtest.Text(sum), "Skriv ett årtal") {
			t.Fatal("no error summary about the year")
		}
		if len(planTestPlans(t, f)) != before {
			t.Fatal("an invalid plan was stored")
		}
	})
	t.Run("OK", func(t *testing.T) {
		id := planTestCreate(t, f, "Handlingsplan 2031", 2031)
		p := planTestLoad(t, f, id)
		if p.Year != 2031 || len(p.Statuses) != len(forms.DefaultScale()) || len(p.Areas) != 0 {
			t.Fatalf("stored %+v", p)
		}
		_, body := f.Get(t, f.Admin, planTestPath(id, "?skapad=1")).StatusBody()
		if !strings.Contains(body, "Planen är skapad") {
			t.Error("no notice after creating")
		}
		_, body = f.Get(t, f.Admin, "/kontor/planer").StatusBody()
		if !strings.Contains(body, "Handlingsplan 2031") {
			t.Error("the plan is not listed")
		}
	})
}

func TestOfficePlanEditAreasAndActivities(t *testing.T) {
	f := webtest.New(t)
	id := planTestCreate(t, f, "Handlingsplan 2032", 2032)
	deptSoc, _ := f.LookupDep(t, "Socialförvaltningen")
	deptIT, _ := f.LookupDep(t, "Kommunledningskontoret, IT-avdelningen")

	addArea := func(title string) int64 {
		t.Helper()
		res := f.PostForm(t, f.Admin, planTestPath(id, "/omraden"), url.Values{"title": {title}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		var area int64
		fmt.Sscanf(res.Header.Get("Location"), planTestPath(id, "?sparat=area-%d"), &area)
		return area
	}
	styr := addArea("Styrning")
	natv := addArea("Nätverk")
	t.Run("AddActivityNamedRespondents", func(t *testing.T) {
		// The form as the page offers it, filled in.
		_, body := f.Get(t, f.Admin, planTestPath(id, "")).StatusBody()
		action := planTestPath(id, fmt.Sprintf("/omraden/%d/aktiviteter", natv))
		form := webtest.FormByAction(t, webtest.Parse(t, body), action, "")
		if form.Get("respondents") != "all" {
			t.Errorf("the add form starts with respondents %q, want all", form.Get("respondents"))
		}
		form.Set("title", "Nätverksträffar")
		form.Set("description", "Fyra träffar per år.")
		form.Set("respondents", "some")
		form["dept"] = []string{deptTestID(deptSoc.ID), deptTestID(deptIT.ID)}
		res := f.PostForm(t, f.Admin, action, form)
		webtest.WantStatus(t, res, http.StatusSeeOther)
		p := planTestLoad(t, f, id)
		a := p.Areas[1].Activities[0]
		if a.AllDepartments || !reflect.DeepEqual(a.DepartmentIDs, []int64{deptIT.ID, deptSoc.ID}) || a.Description != "Fyra träffar per år." {
			t.Fatalf("stored %+v", a)
		}
		_, body = f.Get(t, f.Admin, planTestPath(id, "")).StatusBody()
		if !strings.Contains(body, "Kommunledningskontoret, IT-avdelningen; Socialförvaltningen") {
			t.Error("the respondents are not named on the page")
		}
	})
	t.Run("ErrNoRespondents422", func(t *testing.T) {
		action := planTestPath(id, fmt.Sprintf("/omraden/%d/aktiviteter", styr))
		res := f.PostForm(t, f.Admin, action, url.Values{"title": {"Riskanalys"}, "description": {"Text som ska finnas kvar"}, "respondents": {"some"}})
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		doc := webtest.Parse(t, body)
		prefix := fmt.Sprintf("new-act-%d", styr)
		if !webtest.HasAttr(webtest.ByID(t, doc, prefix), "open") {
			t.Error("the failing form is not open")
		}
		if webtest.Attr(webtest.ByID(t, doc, prefix+"-title"), "value") != "Riskanalys" || webtest.Text(webtest.ByID(t, doc, prefix+"-description")) != "Text som ska finnas kvar" {
			t.Error("the typed values are lost")
		}
		links := webtest.FindAll(webtest.ByID(t, doc, "error-summary"), "a")
		if len(links) != 1 || webtest.Attr(links[0], "href") != "#"+prefix+"-respondents" {
			t.Fatalf("summary links %v", links)
		}
		if len(webtest.FindAll(doc, "", "id="+prefix+"-respondents")) == 0 {
			t.Fatal("the summary links to nothing")
		}
		if n := len(planTestLoad(t, f, id).Areas[0].Activities); n != 0 {
			t.Fatal("the activity was stored")
		}
	})
	t.Run("ErrDuplicateArea", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, planTestPath(id, "/omraden"), url.Values{"title": {"nätverk"}})
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "Planen har redan ett område med det namnet.") {
			t.Error("no message about the duplicate")
		}
	})
	for _, title := range []string{"Riskanalys", "Klassning"} {
		res := f.PostForm(t, f.Admin, planTestPath(id, fmt.Sprintf("/omraden/%d/aktiviteter", styr)), url.Values{"title": {title}, "respondents": {"all"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
	}
	t.Run("Reorder", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, planTestPath(id, fmt.Sprintf("/omraden/%d", natv)), url.Values{"action": {"up"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		klass := planTestLoad(t, f, id).Areas[1].Activities[1].ID
		res = f.PostForm(t, f.Admin, planTestPath(id, fmt.Sprintf("/aktiviteter/%d", klass)), url.Values{"action": {"up"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); loc != planTestPath(id, fmt.Sprintf("?sparat=activity-%d#activity-%d", klass, klass)) {
			t.Errorf("Location %q", loc)
		}
		got := planTestTitles(planTestLoad(t, f, id))
		want := []string{"Nätverk:Nätverksträffar", "Styrning:Klassning,Riskanalys"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("plan %v, want %v", got, want)
		}
		// The page without JavaScript: the first area offers no "up".
		_, body := f.Get(t, f.Admin, planTestPath(id, "")).StatusBody()
		doc := webtest.Parse(t, body)
		head := webtest.ByID(t, doc, fmt.Sprintf("area-%d", natv))
		if strings.Contains(webtest.Text(head.FirstChild.NextSibling), "Flytta upp") {
			t.Error("the first area offers to move up")
		}
	})
	t.Run("EditActivityAndArea", func(t *testing.T) {
		p := planTestLoad(t, f, id)
		act := p.Areas[0].Activities[0]
		path := planTestPath(id, fmt.Sprintf("/aktiviteter/%d", act.ID))
		_, body := f.Get(t, f.Admin, planTestPath(id, "")).StatusBody()
		form := webtest.FormByAction(t, webtest.Parse(t, body), path, "title")
		if form.Get("respondents") != "some" || len(form["dept"]) != 2 {
			t.Fatalf("edit form %v", form)
		}
		form.Set("title", "Nätverksträffar för samordnare")
		form.Set("respondents", "all")
		res := f.PostForm(t, f.Admin, path, form)
		webtest.WantStatus(t, res, http.StatusSeeOther)
		got, _ := planTestLoad(t, f, id).Activity(act.ID)
		if got.Title != "Nätverksträffar för samordnare" || !got.AllDepartments {
			t.Fatalf("stored %+v", got)
		}
		res = f.PostForm(t, f.Admin, planTestPath(id, fmt.Sprintf("/omraden/%d", natv)), url.Values{"action": {"save"}, "title": {"Nätverk och samverkan"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if planTestLoad(t, f, id).Areas[0].Title != "Nätverk och samverkan" {
			t.Fatal("the area was not renamed")
		}
		res = f.PostForm(t, f.Admin, path, url.Values{"action": {"save"}, "title": {""}, "respondents": {"all"}})
		body = res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		if !webtest.HasAttr(webtest.ByID(t, webtest.Parse(t, body), fmt.Sprintf("act-%d", act.ID)), "open") {
			t.Error("the failing edit form is not open")
		}
	})
	t.Run("EditMeta", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, planTestPath(id, ""), url.Values{"organisation": {"Exempelby kommun"}, "title": {"Handlingsplan 2033"}, "year": {"2033"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if p := planTestLoad(t, f, id); p.Title != "Handlingsplan 2033" || p.Year != 2033 {
			t.Fatalf("stored %q %d", p.Title, p.Year)
		}
		res = f.PostForm(t, f.Admin, planTestPath(id, ""), url.Values{"organisation": {""}, "title": {"x"}, "year": {"1850"}})
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
	})
	t.Run("DeleteUnusedActivity", func(t *testing.T) {
		p := planTestLoad(t, f, id)
		act := p.Areas[1].Activities[0]
		res := f.PostForm(t, f.Admin, planTestPath(id, fmt.Sprintf("/aktiviteter/%d", act.ID)), url.Values{"action": {"delete"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if _, ok := planTestLoad(t, f, id).Activity(act.ID); ok {
			t.Fatal("not deleted")
		}
	})
	t.Run("RefusedChangesAnswerTheError", func(t *testing.T) {
		p := planTestLoad(t, f, id)
		for _, tc := range []struct {
			path   string
			form   url.Values
			status int
		}{
			{fmt.Sprintf("/omraden/%d", p.Areas[0].ID), url.Values{"action": {"turn"}}, http.StatusUnprocessableEntity},
			{fmt.Sprintf("/aktiviteter/%d", p.Areas[0].Activities[0].ID), url.Values{"action": {"turn"}}, http.StatusUnprocessableEntity},
			{"/omraden/999999", url.Values{"action": {"up"}}, http.StatusNotFound},
			{"/aktiviteter/abc", url.Values{"action": {"up"}}, http.StatusNotFound},
		} {
			res := f.PostForm(t, f.Admin, planTestPath(id, tc.path), tc.form)
			if res.StatusCode != tc.status || !strings.Contains(res.Body, "Något gick fel") {
				t.Errorf("POST %s %v: status %d, want %d with the error page", tc.path, tc.form, res.StatusCode, tc.status)
			}
		}
	})
	t.Run("HTMLEscaped", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, planTestPath(id, "/omraden"), url.Values{"title": {`<img src=x onerror=alert(1)>`}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
		_, body := f.Get(t, f.Reader, planTestPath(id, "")).StatusBody()
		if strings.Contains(body, "<img src=x") || !strings.Contains(body, "&lt;img src=x onerror=alert(1)&gt;") {
			t.Fatal("the area title is not escaped")
		}
	})
}

func TestOfficePlanDemoActivityWithAnswers(t *testing.T) {
	f := webtest.New(t)
	p := planTestDemo(t, f)
	act := p.Areas[0].Activities[0]
	t.Run("NoDeleteOffered", func(t *testing.T) {
		_, body := f.Get(t, f.Admin, planTestPath(p.ID, "")).StatusBody()
		if strings.Contains(body, fmt.Sprintf(`aria-label="Ta bort: %s"`, act.Title)) {
			t.Error("deleting an activity with answers is offered")
		}
	})
	t.Run("DeleteRefused", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, planTestPath(p.ID, fmt.Sprintf("/aktiviteter/%d", act.ID)), url.Values{"action": {"delete"}})
		body := res.Body
		webtest.WantStatus(t, res, http.StatusConflict)
		if !strings.Contains(body, "Aktiviteten har svar och kan inte tas bort.") {
			t.Error("no message")
		}
		if _, ok := planTestLoad(t, f, p.ID).Activity(act.ID); !ok {
			t.Fatal("deleted")
		}
	})
	t.Run("TitleEditAllowed", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, planTestPath(p.ID, fmt.Sprintf("/aktiviteter/%d", act.ID)), url.Values{"title": {act.Title + " (reviderad)"}, "description": {act.Description}, "respondents": {"all"}})
		webtest.WantStatus(t, res, http.StatusSeeOther)
	})
}

// planTestScaleForm returns the scale form as the page offers it.
func planTestScaleForm(t *testing.T, f *webtest.Fixture, id int64) url.Values {
	t.Helper()
	_, body := f.Get(t, f.Admin, planTestPath(id, "")).StatusBody()
	return webtest.FormByAction(t, webtest.Parse(t, body), planTestPath(id, "/skala"), "")
}

func TestOfficePlanScale(t *testing.T) {
	f := webtest.New(t)
	demo := planTestDemo(t, f)
	fresh := planTestCreate(t, f, "Handlingsplan 2034", 2034)
	t.Run("ErrInvalidColour422", func(t *testing.T) {
		form := planTestScaleForm(t, f, fresh)
		form.Set("s-1-colortext", "röd")
		res := f.PostForm(t, f.Admin, planTestPath(fresh, "/skala"), form)
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		doc := webtest.Parse(t, body)
		field := webtest.ByID(t, doc, "s-1-colortext")
		if webtest.Attr(field, "value") != "röd" || webtest.Attr(field, "aria-invalid") != "true" {
			t.Error("the typed colour is not kept and marked")
		}
		if !webtest.HasAttr(webtest.ByID(t, doc, "scale-edit"), "open") {
			t.Error("the scale form is not open")
		}
		if !strings.Contains(body, "Ange en färg som #1e8449.") {
			t.Error("no message about the colour")
		}
		if planTestLoad(t, f, fresh).Statuses[1].Color != forms.DefaultScale()[1].Color {
			t.Fatal("the colour changed")
		}
	})
	t.Run("OKRenameRecolourAddRemove", func(t *testing.T) {
		form := planTestScaleForm(t, f, fresh)
		form.Set("s-0-name", "Inte påbörjat")
		form.Set("s-2-color", "#123456")
		form.Set("s-5-remove", "1")
		form.Set("s-6-name", "Avbrutet")
		form.Set("s-6-colortext", "444444")
		form.Set("s-6-order", "1")
		res := f.PostForm(t, f.Admin, planTestPath(fresh, "/skala"), form)
		webtest.WantStatus(t, res, http.StatusSeeOther)
		p := planTestLoad(t, f, fresh)
		var names []string
		for _, s := range p.Statuses {
			names = append(names, s.Name+" "+s.Color)
		}
		want := []string{"Avbrutet #444444", "Inte påbörjat #b03a2e", "Påbörjat #d68910", "Pågår #123456", "Genomfört #1e8449", "Flyttas till nästa år #7d3c98"}
		if !reflect.DeepEqual(names, want) {
			t.Fatalf("scale %v, want %v", names, want)
		}
		res2, err := f.Admin.Get(f.URL + "/farger/" + deptTestID(fresh) + ".css")
		if err != nil {
			t.Fatal(err)
		}
		res2.Body.Close()
	})
	t.Run("ErrNoDone422", func(t *testing.T) {
		form := planTestScaleForm(t, f, fresh)
		for k := range form {
			if strings.HasSuffix(k, "-done") {
				form.Del(k)
			}
		}
		res := f.PostForm(t, f.Admin, planTestPath(fresh, "/skala"), form)
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "Minst en status ska räknas som genomförd.") {
			t.Error("no message")
		}
	})
	t.Run("UsedStatusLockedOnPage", func(t *testing.T) {
		_, body := f.Get(t, f.Admin, planTestPath(demo.ID, "")).StatusBody()
		doc := webtest.Parse(t, body)
		if len(webtest.FindAll(doc, "", "id="+"s-2-name")) != 0 || len(webtest.FindAll(doc, "", "id="+"s-2-remove")) != 0 {
			t.Error("a used status offers a new name or removal")
		}
		if len(webtest.FindAll(doc, "", "id="+"s-2-color")) == 0 {
			t.Error("a used status offers no new colour")
		}
	})
	used := demo.Statuses[2] // Pågår: the demo's answers use it
	t.Run("ErrRemoveUsedStatus409", func(t *testing.T) {
		form := planTestScaleForm(t, f, demo.ID)
		form.Set("s-2-remove", "1")
		res := f.PostForm(t, f.Admin, planTestPath(demo.ID, "/skala"), form)
		body := res.Body
		webtest.WantStatus(t, res, http.StatusConflict)
		if !strings.Contains(body, "Statusen används redan i svar och kan inte tas bort.") {
			t.Error("no message about the used status")
		}
		if links := webtest.FindAll(webtest.ByID(t, webtest.Parse(t, body), "error-summary"), "a"); len(links) != 1 || webtest.Attr(links[0], "href") != "#s-2" {
			t.Errorf("summary links %v", links)
		}
		if _, ok := planTestLoad(t, f, demo.ID).Statuses.ByID(used.ID); !ok {
			t.Fatal("the used status was removed")
		}
	})
	t.Run("ErrRenameUsedStatus409", func(t *testing.T) {
		form := planTestScaleForm(t, f, demo.ID)
		form.Set("s-2-name", "Pågår fortfarande")
		res := f.PostForm(t, f.Admin, planTestPath(demo.ID, "/skala"), form)
		webtest.WantStatus(t, res, http.StatusConflict)
		if st, _ := planTestLoad(t, f, demo.ID).Statuses.ByID(used.ID); st.Name != used.Name {
			t.Fatal("the used status was renamed")
		}
	})
	t.Run("RecolourUsedStatus", func(t *testing.T) {
		form := planTestScaleForm(t, f, demo.ID)
		form.Set("s-2-color", "#0000ff")
		res := f.PostForm(t, f.Admin, planTestPath(demo.ID, "/skala"), form)
		webtest.WantStatus(t, res, http.StatusSeeOther)
		if st, _ := planTestLoad(t, f, demo.ID).Statuses.ByID(used.ID); st.Color != "#0000ff" {
			t.Fatalf("colour %q", st.Color)
		}
	})
}

func TestOfficePlanArchive(t *testing.T) {
	f := webtest.New(t)
	id := planTestCreate(t, f, "Handlingsplan 2035", 2035)
	res := f.PostForm(t, f.Admin, planTestPath(id, "/arkiv"), url.Values{"action": {"archive"}})
	webtest.WantStatus(t, res, http.StatusSeeOther)
	if !planTestLoad(t, f, id).Archived {
		t.Fatal("not archived")
	}
	_, body := f.Get(t, f.Admin, "/kontor/planer").StatusBody()
	if !strings.Contains(webtest.Text(webtest.Parse(t, body)), "Arkiverade planer") {
		t.Error("the archived plan is not listed apart")
	}
	_, body = f.Get(t, f.Admin, planTestPath(id, "")).StatusBody()
	for _, a := range webtest.PostActions(webtest.Parse(t, body)) {
		if a != "/logga-ut" && a != "/sprak" && a != planTestPath(id, "/arkiv") {
			t.Errorf("an archived plan offers %q", a)
		}
	}
	res = f.PostForm(t, f.Admin, planTestPath(id, "/omraden"), url.Values{"title": {"Efter arkivering"}})
	webtest.WantStatus(t, res, http.StatusConflict)
	res = f.PostForm(t, f.Admin, planTestPath(id, "/arkiv"), url.Values{"action": {"restore"}})
	webtest.WantStatus(t, res, http.StatusSeeOther)
	if planTestLoad(t, f, id).Archived {
		t.Fatal("not restored")
	}
}

func TestOfficePlanExportAndImportJSON(t *testing.T) {
	f := webtest.New(t)
	demo := planTestDemo(t, f)
	res := f.Get(t, f.Reader, planTestPath(demo.ID, "/export.json"))
	webtest.WantStatus(t, res, http.StatusOK)
	exported := bytes.NewBufferString(res.Body)
	_, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
	if err != nil || params["filename"] != fmt.Sprintf("plan-%d-%d.json", demo.ID, demo.Year) || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("Content-Disposition %q", res.Header.Get("Content-Disposition"))
	}
	var doc forms.PlanDocument
	if err := json.Unmarshal(exported.Bytes(), &doc); err != nil || doc.Title != demo.Title {
		t.Fatalf("exported %v: %v", doc.Title, err)
	}

	before := len(planTestPlans(t, f))
	res = f.Upload(t, f.Admin, "/kontor/planer/import", "plan.json", exported.Bytes())
	body := res.Body
	webtest.WantStatus(t, res, http.StatusOK)
	if len(planTestPlans(t, f)) != before {
		t.Fatal("the preview wrote")
	}
	page := webtest.Parse(t, body)
	if !strings.Contains(webtest.Text(page), "Det finns redan en plan med samma titel och år.") {
		t.Error("no warning about the same plan")
	}
	if !strings.Contains(webtest.Text(page), demo.Areas[1].Activities[0].Title) {
		t.Error("the preview lacks an activity")
	}
	res = f.PostForm(t, f.Admin, "/kontor/planer/import/bekrafta", webtest.FormByAction(t, page, "/kontor/planer/import/bekrafta", ""))
	webtest.WantStatus(t, res, http.StatusSeeOther)
	var id int64
	fmt.Sscanf(res.Header.Get("Location"), "/kontor/planer/%d?importerad=1", &id)
	deps, _ := f.DB.Departments(context.Background(), true)
	again := forms.NewPlanDocument(planTestLoad(t, f, id), deps)
	if !reflect.DeepEqual(*again, doc) {
		t.Fatalf("re-imported plan differs:\n%+v\nwant\n%+v", *again, doc)
	}
	t.Run("ErrBadJSONNamesLine", func(t *testing.T) {
		bad := strings.Replace(exported.String(), `"title"`, `"titel"`, 1)
		res := f.Upload(t, f.Admin, "/kontor/planer/import", "plan.json", []byte(bad))
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "okänt fält ”titel”") || !strings.Contains(body, "Rad 4") {
			t.Errorf("summary %q", webtest.Text(webtest.ByID(t, webtest.Parse(t, body), "error-summary")))
		}
	})
	t.Run("ErrTampered", func(t *testing.T) {
		form := webtest.FormByAction(t, page, "/kontor/planer/import/bekrafta", "")
		form.Set("document", strings.Replace(form.Get("document"), demo.Title, "Annan plan", 1))
		n := len(planTestPlans(t, f))
		res := f.PostForm(t, f.Admin, "/kontor/planer/import/bekrafta", form)
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		if len(planTestPlans(t, f)) != n {
			t.Fatal("a tampered preview wrote")
		}
	})
}

// planTestTemplate downloads the import template.
func planTestTemplate(t *testing.T, f *webtest.Fixture, c *http.Client) *excelize.File {
	t.Helper()
	res := f.Get(t, c, "/kontor/planer/mall.xlsx")
	webtest.WantStatus(t, res, http.StatusOK)
	b := bytes.NewBufferString(res.Body)
	if !bytes.HasPrefix(b.Bytes(), []byte("PK")) {
		t.Fatal("the template is not a zip file")
	}
	if !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("Content-Disposition %q", res.Header.Get("Content-Disposition"))
	}
	wb, err := excelize.OpenReader(b)
	if err != nil {
		t.Fatalf("excelize cannot open the template: %v", err)
	}
	t.Cleanup(func() { wb.Close() })
	return wb
}

func TestOfficePlanTemplate(t *testing.T) {
	f := webtest.New(t)
	wb := planTestTemplate(t, f, f.Reader)
	if got := wb.GetSheetList(); !reflect.DeepEqual(got, []string{"Plan", "Verksamheter", "Uppgifter"}) {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := wb.GetRows("Plan")
	if len(rows) < 2 || !reflect.DeepEqual(rows[1], []string{"Område", "Aktivitet", "Beskrivning", "Svarande"}) {
		t.Fatalf("header row %v", rows)
	}
	names, _ := wb.GetCols("Verksamheter")
	if !strings.Contains(strings.Join(names[0], "|"), "Socialförvaltningen") {
		t.Error("the departments are not listed")
	}
	org, _ := wb.GetCellValue("Uppgifter", "B3")
	if org != "Exempelby kommun" {
		t.Errorf("organisation %q", org)
	}
}

func TestOfficePlanImportXLSX(t *testing.T) {
	f := webtest.New(t)
	write := func(rows [][]any, year any) []byte {
		f := planTestTemplate(t, f, f.Admin)
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+3)
			if err := f.SetSheetRow("Plan", cell, &row); err != nil {
				t.Fatal(err)
			}
		}
		f.SetCellValue("Uppgifter", "B4", "Handlingsplan 2036")
		f.SetCellValue("Uppgifter", "B5", year)
		var b bytes.Buffer
		if _, err := f.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	t.Run("PreviewThenConfirm", func(t *testing.T) {
		data := write([][]any{
			{"Ledning", "Information till ledningsgrupper", "Besök varje ledningsgrupp.", "alla"},
			{"", "Riskanalys", "", "Socialförvaltningen; Exempelby Bostäder AB"},
			{"IT-säkerhet", "Tvåfaktorsinloggning", "", "kommunledningskontoret, it-avdelningen"},
		}, 2036)
		before := len(planTestPlans(t, f))
		res := f.Upload(t, f.Admin, "/kontor/planer/import", "plan.xlsx", data)
		body := res.Body
		webtest.WantStatus(t, res, http.StatusOK)
		if len(planTestPlans(t, f)) != before {
			t.Fatal("the preview wrote")
		}
		page := webtest.Parse(t, body)
		text := webtest.Text(page)
		for _, want := range []string{"Handlingsplan 2036", "Ledning", "IT-säkerhet", "Riskanalys", "Exempelby Bostäder AB; Socialförvaltningen", "Alla verksamheter"} {
			if !strings.Contains(text, want) {
				t.Errorf("preview lacks %q", want)
			}
		}
		res = f.PostForm(t, f.Admin, "/kontor/planer/import/bekrafta", webtest.FormByAction(t, page, "/kontor/planer/import/bekrafta", ""))
		webtest.WantStatus(t, res, http.StatusSeeOther)
		var id int64
		fmt.Sscanf(res.Header.Get("Location"), "/kontor/planer/%d?importerad=1", &id)
		p := planTestLoad(t, f, id)
		if got := planTestTitles(p); !reflect.DeepEqual(got, []string{"Ledning:Information till ledningsgrupper,Riskanalys", "IT-säkerhet:Tvåfaktorsinloggning"}) {
			t.Fatalf("plan %v", got)
		}
		if p.Year != 2036 || p.Organisation != "Exempelby kommun" || len(p.Areas[0].Activities[1].DepartmentIDs) != 2 {
			t.Fatalf("stored %+v", p)
		}
	})
	t.Run("ErrNamesRows", func(t *testing.T) {
		data := write([][]any{
			{"Ledning", "Information", "", "alla"},
			{"", "", "Beskrivning utan aktivitet", "alla"},
			{"", "Riskanalys", "", "Okända förvaltningen"},
		}, "nästa år")
		before := len(planTestPlans(t, f))
		res := f.Upload(t, f.Admin, "/kontor/planer/import", "plan.xlsx", data)
		body := res.Body
		webtest.WantStatus(t, res, http.StatusUnprocessableEntity)
		sum := webtest.Text(webtest.ByID(t, webtest.Parse(t, body), "error-summary"))
		for _, want := range []string{"Bladet Uppgifter, rad 5: År ska vara ett årtal", "Bladet Plan, rad 4: Aktivitet saknas", "Bladet Plan, rad 5: Svarande: verksamheten ”Okända förvaltningen” finns inte"} {
			if !strings.Contains(sum, want) {
				t.Errorf("summary %q lacks %q", sum, want)
			}
		}
		if len(planTestPlans(t, f)) != before {
			t.Fatal("a refused file wrote")
		}
	})
}

func TestOfficePlanReaders(t *testing.T) {
	f := webtest.New(t)
	demo := planTestDemo(t, f)
	area, act := demo.Areas[0], demo.Areas[0].Activities[0]
	t.Run("GetPagesWithoutControls", func(t *testing.T) {
		for _, p := range []string{"/kontor/planer", planTestPath(demo.ID, ""), "/kontor/verksamheter"} {
			status, body := f.Get(t, f.Reader, p).StatusBody()
			if status != http.StatusOK {
				t.Errorf("GET %s: %d", p, status)
				continue
			}
			deptTestNoChangeControls(t, p, body)
			doc := webtest.Parse(t, body)
			if n := len(webtest.FindAll(doc, "details")); n != 0 {
				t.Errorf("%s shows a reader %d edit sections", p, n)
			}
			for _, th := range webtest.FindAll(doc, "th") {
				if webtest.Attr(th, "scope") == "" {
					t.Errorf("%s: <th> %q without scope", p, webtest.Text(th))
				}
			}
		}
		for _, p := range []string{"/kontor/planer/ny", "/kontor/planer/import"} {
			if status, _ := f.Get(t, f.Reader, p).StatusBody(); status != http.StatusForbidden {
				t.Errorf("GET %s as reader: %d, want 403", p, status)
			}
		}
	})
	t.Run("PostsForbidden", func(t *testing.T) {
		before := planTestPlans(t, f)
		posts := map[string]url.Values{
			"/kontor/planer":                                                       {"organisation": {"X"}, "title": {"Läsarens plan"}, "year": {"2030"}},
			planTestPath(demo.ID, ""):                                              {"organisation": {"X"}, "title": {"Ändrad"}, "year": {"2030"}},
			planTestPath(demo.ID, "/omraden"):                                      {"title": {"Nytt"}},
			planTestPath(demo.ID, fmt.Sprintf("/omraden/%d", area.ID)):             {"action": {"down"}},
			planTestPath(demo.ID, fmt.Sprintf("/omraden/%d/aktiviteter", area.ID)): {"title": {"Ny"}, "respondents": {"all"}},
			planTestPath(demo.ID, fmt.Sprintf("/aktiviteter/%d", act.ID)):          {"action": {"down"}},
			planTestPath(demo.ID, "/skala"):                                        {"scale_rows": {"0"}},
			planTestPath(demo.ID, "/arkiv"):                                        {"action": {"archive"}},
			"/kontor/planer/import/bekrafta":                                       {"document": {"{}"}},
		}
		for p, form := range posts {
			res := f.PostForm(t, f.Reader, p, form)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s as reader: %d, want 403", p, res.StatusCode)
			}
		}
		res := f.Upload(t, f.Reader, "/kontor/planer/import", "plan.json", []byte("{}"))
		webtest.WantStatus(t, res, http.StatusForbidden)
		if after := planTestPlans(t, f); !reflect.DeepEqual(after, before) {
			t.Fatalf("plans changed: %v", after)
		}
		if got := planTestLoad(t, f, demo.ID); !reflect.DeepEqual(planTestTitles(got), planTestTitles(demo)) || len(got.Statuses) != len(demo.Statuses) {
			t.Fatal("a reader changed the plan")
		}
	})
	t.Run("ExportsForReaders", func(t *testing.T) {
		for _, p := range []string{planTestPath(demo.ID, "/export.json"), "/kontor/planer/mall.xlsx"} {
			if status, _ := f.Get(t, f.Reader, p).StatusBody(); status != http.StatusOK {
				t.Errorf("GET %s: %d", p, status)
			}
		}
	})
}

// TestOfficePlanPagesUseCatalog renders every page of this part in both
// languages and looks for keys that show themselves.
func TestOfficePlanPagesUseCatalog(t *testing.T) {
	f := webtest.New(t)
	demo := planTestDemo(t, f)
	d, _ := f.LookupDep(t, "Socialförvaltningen")
	pages := []string{"/kontor/planer", "/kontor/planer/ny", "/kontor/planer/import", planTestPath(demo.ID, ""),
		"/kontor/verksamheter", "/kontor/verksamheter/ny", "/kontor/verksamheter/import", "/kontor/verksamheter/" + deptTestID(d.ID)}
	titles := map[string]string{}
	for _, lang := range []string{"sv", "en"} {
		for _, p := range pages {
			req, _ := http.NewRequest(http.MethodGet, f.URL+p, nil)
			req.AddCookie(&http.Cookie{Name: i18n.Cookie, Value: lang})
			res, err := f.Admin.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			b.ReadFrom(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s (%s): %d", p, lang, res.StatusCode)
				continue
			}
			for _, prefix := range []string{"plans.", "departments."} {
				if i := strings.Index(b.String(), prefix); i >= 0 {
					t.Errorf("%s (%s) shows a catalog key near %q", p, lang, b.String()[i:min(i+40, b.Len())])
				}
			}
			if strings.Contains(b.String(), " style=") || strings.Contains(b.String(), "<script>") {
				t.Errorf("%s (%s) has inline style or script", p, lang)
			}
			title := webtest.Text(webtest.FindAll(webtest.Parse(t, b.String()), "title")[0])
			if other, dup := titles[lang+title]; dup {
				t.Errorf("%s and %s share the title %q", p, other, title)
			}
			titles[lang+title] = p
		}
	}
}
