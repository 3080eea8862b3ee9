package web

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
	"golang.org/x/net/html"

	"followup/cmd/followup/web/i18n"
	"followup/forms"
	"followup/storage"
)

// planTestPlans returns the stored plans, newest first.
func planTestPlans(t *testing.T, e *officeEnv) []storage.PlanSummary {
	t.Helper()
	plans, err := e.db.Plans(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return plans
}

// planTestDemo returns the demo's plan, which has rounds and answers.
func planTestDemo(t *testing.T, e *officeEnv) *forms.Plan {
	t.Helper()
	plans := planTestPlans(t, e)
	if len(plans) == 0 {
		t.Fatal("the demo has no plan")
	}
	return planTestLoad(t, e, plans[len(plans)-1].ID)
}

func planTestLoad(t *testing.T, e *officeEnv, id int64) *forms.Plan {
	t.Helper()
	p, err := e.db.Plan(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// planTestPath is the plan page's path, with more path appended.
func planTestPath(id int64, more string) string { return fmt.Sprintf("/kontor/planer/%d%s", id, more) }

// planTestCreate creates an empty plan through the page and returns its id.
func planTestCreate(t *testing.T, e *officeEnv, title string, year int) int64 {
	t.Helper()
	res, _ := e.post(e.admin, "/kontor/planer", url.Values{"organisation": {"Exempelby kommun"}, "title": {title}, "year": {fmt.Sprint(year)}})
	deptTestWantStatus(t, res, http.StatusSeeOther)
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
	e := newOfficeEnv(t)
	t.Run("NewFormPrefilled", func(t *testing.T) {
		status, body := e.get(e.admin, "/kontor/planer/ny")
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		if v := deptTestAttr(deptTestByID(deptTestDoc(t, body), "plan-organisation"), "value"); v != "Exempelby kommun" {
			t.Errorf("organisation prefilled with %q", v)
		}
	})
	t.Run("ErrInvalidKeepsInput", func(t *testing.T) {
		before := len(planTestPlans(t, e))
		res, body := e.post(e.admin, "/kontor/planer", url.Values{"organisation": {"Exempelby kommun"}, "title": {"Plan <b>2030</b>"}, "year": {"tjugotrettio"}})
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		doc := deptTestDoc(t, body)
		if deptTestAttr(deptTestByID(doc, "plan-year"), "value") != "tjugotrettio" || deptTestAttr(deptTestByID(doc, "plan-title"), "value") != "Plan <b>2030</b>" {
			t.Error("the typed values are lost")
		}
		sum := deptTestByID(doc, "error-summary")
		if sum == nil || !strings.Contains(deptTestText(sum), "Skriv ett årtal") {
			t.Fatal("no error summary about the year")
		}
		if len(planTestPlans(t, e)) != before {
			t.Fatal("an invalid plan was stored")
		}
	})
	t.Run("OK", func(t *testing.T) {
		id := planTestCreate(t, e, "Handlingsplan 2031", 2031)
		p := planTestLoad(t, e, id)
		if p.Year != 2031 || len(p.Statuses) != len(forms.DefaultScale()) || len(p.Areas) != 0 {
			t.Fatalf("stored %+v", p)
		}
		_, body := e.get(e.admin, planTestPath(id, "?skapad=1"))
		if !strings.Contains(body, "Planen är skapad") {
			t.Error("no notice after creating")
		}
		_, body = e.get(e.admin, "/kontor/planer")
		if !strings.Contains(body, "Handlingsplan 2031") {
			t.Error("the plan is not listed")
		}
	})
}

func TestOfficePlanEditAreasAndActivities(t *testing.T) {
	e := newOfficeEnv(t)
	id := planTestCreate(t, e, "Handlingsplan 2032", 2032)
	deptSoc, _ := deptTestByName(t, e, "Socialförvaltningen")
	deptIT, _ := deptTestByName(t, e, "Kommunledningskontoret, IT-avdelningen")

	addArea := func(title string) int64 {
		t.Helper()
		res, _ := e.post(e.admin, planTestPath(id, "/omraden"), url.Values{"title": {title}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		var area int64
		fmt.Sscanf(res.Header.Get("Location"), planTestPath(id, "?sparat=area-%d"), &area)
		return area
	}
	styr := addArea("Styrning")
	natv := addArea("Nätverk")
	t.Run("AddActivityNamedRespondents", func(t *testing.T) {
		// The form as the page offers it, filled in.
		_, body := e.get(e.admin, planTestPath(id, ""))
		action := planTestPath(id, fmt.Sprintf("/omraden/%d/aktiviteter", natv))
		form := deptTestFormValues(t, deptTestDoc(t, body), action)
		if form.Get("respondents") != "all" {
			t.Errorf("the add form starts with respondents %q, want all", form.Get("respondents"))
		}
		form.Set("title", "Nätverksträffar")
		form.Set("description", "Fyra träffar per år.")
		form.Set("respondents", "some")
		form["dept"] = []string{deptTestID(deptSoc.ID), deptTestID(deptIT.ID)}
		res, _ := e.post(e.admin, action, form)
		deptTestWantStatus(t, res, http.StatusSeeOther)
		p := planTestLoad(t, e, id)
		a := p.Areas[1].Activities[0]
		if a.AllDepartments || !reflect.DeepEqual(a.DepartmentIDs, []int64{deptIT.ID, deptSoc.ID}) || a.Description != "Fyra träffar per år." {
			t.Fatalf("stored %+v", a)
		}
		_, body = e.get(e.admin, planTestPath(id, ""))
		if !strings.Contains(body, "Kommunledningskontoret, IT-avdelningen; Socialförvaltningen") {
			t.Error("the respondents are not named on the page")
		}
	})
	t.Run("ErrNoRespondents422", func(t *testing.T) {
		action := planTestPath(id, fmt.Sprintf("/omraden/%d/aktiviteter", styr))
		res, body := e.post(e.admin, action, url.Values{"title": {"Riskanalys"}, "description": {"Text som ska finnas kvar"}, "respondents": {"some"}})
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		doc := deptTestDoc(t, body)
		prefix := fmt.Sprintf("new-act-%d", styr)
		if !deptTestHasAttr(deptTestByID(doc, prefix), "open") {
			t.Error("the failing form is not open")
		}
		if deptTestAttr(deptTestByID(doc, prefix+"-title"), "value") != "Riskanalys" || deptTestText(deptTestByID(doc, prefix+"-description")) != "Text som ska finnas kvar" {
			t.Error("the typed values are lost")
		}
		links := deptTestFind(deptTestByID(doc, "error-summary"), deptTestTag("a"))
		if len(links) != 1 || deptTestAttr(links[0], "href") != "#"+prefix+"-respondents" {
			t.Fatalf("summary links %v", links)
		}
		if deptTestByID(doc, prefix+"-respondents") == nil {
			t.Fatal("the summary links to nothing")
		}
		if n := len(planTestLoad(t, e, id).Areas[0].Activities); n != 0 {
			t.Fatal("the activity was stored")
		}
	})
	t.Run("ErrDuplicateArea", func(t *testing.T) {
		res, body := e.post(e.admin, planTestPath(id, "/omraden"), url.Values{"title": {"nätverk"}})
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "Planen har redan ett område med det namnet.") {
			t.Error("no message about the duplicate")
		}
	})
	for _, title := range []string{"Riskanalys", "Klassning"} {
		res, _ := e.post(e.admin, planTestPath(id, fmt.Sprintf("/omraden/%d/aktiviteter", styr)), url.Values{"title": {title}, "respondents": {"all"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
	}
	t.Run("Reorder", func(t *testing.T) {
		res, _ := e.post(e.admin, planTestPath(id, fmt.Sprintf("/omraden/%d", natv)), url.Values{"action": {"up"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		klass := planTestLoad(t, e, id).Areas[1].Activities[1].ID
		res, _ = e.post(e.admin, planTestPath(id, fmt.Sprintf("/aktiviteter/%d", klass)), url.Values{"action": {"up"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); loc != planTestPath(id, fmt.Sprintf("?sparat=activity-%d#activity-%d", klass, klass)) {
			t.Errorf("Location %q", loc)
		}
		got := planTestTitles(planTestLoad(t, e, id))
		want := []string{"Nätverk:Nätverksträffar", "Styrning:Klassning,Riskanalys"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("plan %v, want %v", got, want)
		}
		// The page without JavaScript: the first area offers no "up".
		_, body := e.get(e.admin, planTestPath(id, ""))
		doc := deptTestDoc(t, body)
		head := deptTestByID(doc, fmt.Sprintf("area-%d", natv))
		if strings.Contains(deptTestText(head.FirstChild.NextSibling), "Flytta upp") {
			t.Error("the first area offers to move up")
		}
	})
	t.Run("EditActivityAndArea", func(t *testing.T) {
		p := planTestLoad(t, e, id)
		act := p.Areas[0].Activities[0]
		path := planTestPath(id, fmt.Sprintf("/aktiviteter/%d", act.ID))
		_, body := e.get(e.admin, planTestPath(id, ""))
		form := deptTestFormWith(t, deptTestDoc(t, body), path, "title")
		if form.Get("respondents") != "some" || len(form["dept"]) != 2 {
			t.Fatalf("edit form %v", form)
		}
		form.Set("title", "Nätverksträffar för samordnare")
		form.Set("respondents", "all")
		res, _ := e.post(e.admin, path, form)
		deptTestWantStatus(t, res, http.StatusSeeOther)
		got, _ := planTestLoad(t, e, id).Activity(act.ID)
		if got.Title != "Nätverksträffar för samordnare" || !got.AllDepartments {
			t.Fatalf("stored %+v", got)
		}
		res, _ = e.post(e.admin, planTestPath(id, fmt.Sprintf("/omraden/%d", natv)), url.Values{"action": {"save"}, "title": {"Nätverk och samverkan"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		if planTestLoad(t, e, id).Areas[0].Title != "Nätverk och samverkan" {
			t.Fatal("the area was not renamed")
		}
		res, body = e.post(e.admin, path, url.Values{"action": {"save"}, "title": {""}, "respondents": {"all"}})
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		if !deptTestHasAttr(deptTestByID(deptTestDoc(t, body), fmt.Sprintf("act-%d", act.ID)), "open") {
			t.Error("the failing edit form is not open")
		}
	})
	t.Run("EditMeta", func(t *testing.T) {
		res, _ := e.post(e.admin, planTestPath(id, ""), url.Values{"organisation": {"Exempelby kommun"}, "title": {"Handlingsplan 2033"}, "year": {"2033"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		if p := planTestLoad(t, e, id); p.Title != "Handlingsplan 2033" || p.Year != 2033 {
			t.Fatalf("stored %q %d", p.Title, p.Year)
		}
		res, _ = e.post(e.admin, planTestPath(id, ""), url.Values{"organisation": {""}, "title": {"x"}, "year": {"1850"}})
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
	})
	t.Run("DeleteUnusedActivity", func(t *testing.T) {
		p := planTestLoad(t, e, id)
		act := p.Areas[1].Activities[0]
		res, _ := e.post(e.admin, planTestPath(id, fmt.Sprintf("/aktiviteter/%d", act.ID)), url.Values{"action": {"delete"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		if _, ok := planTestLoad(t, e, id).Activity(act.ID); ok {
			t.Fatal("not deleted")
		}
	})
	t.Run("HTMLEscaped", func(t *testing.T) {
		res, _ := e.post(e.admin, planTestPath(id, "/omraden"), url.Values{"title": {`<img src=x onerror=alert(1)>`}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
		_, body := e.get(e.reader, planTestPath(id, ""))
		if strings.Contains(body, "<img src=x") || !strings.Contains(body, "&lt;img src=x onerror=alert(1)&gt;") {
			t.Fatal("the area title is not escaped")
		}
	})
}

func TestOfficePlanDemoActivityWithAnswers(t *testing.T) {
	e := newOfficeEnv(t)
	p := planTestDemo(t, e)
	act := p.Areas[0].Activities[0]
	t.Run("NoDeleteOffered", func(t *testing.T) {
		_, body := e.get(e.admin, planTestPath(p.ID, ""))
		if strings.Contains(body, fmt.Sprintf(`aria-label="Ta bort: %s"`, act.Title)) {
			t.Error("deleting an activity with answers is offered")
		}
	})
	t.Run("DeleteRefused", func(t *testing.T) {
		res, body := e.post(e.admin, planTestPath(p.ID, fmt.Sprintf("/aktiviteter/%d", act.ID)), url.Values{"action": {"delete"}})
		deptTestWantStatus(t, res, http.StatusConflict)
		if !strings.Contains(body, "Aktiviteten har svar och kan inte tas bort.") {
			t.Error("no message")
		}
		if _, ok := planTestLoad(t, e, p.ID).Activity(act.ID); !ok {
			t.Fatal("deleted")
		}
	})
	t.Run("TitleEditAllowed", func(t *testing.T) {
		res, _ := e.post(e.admin, planTestPath(p.ID, fmt.Sprintf("/aktiviteter/%d", act.ID)), url.Values{"title": {act.Title + " (reviderad)"}, "description": {act.Description}, "respondents": {"all"}})
		deptTestWantStatus(t, res, http.StatusSeeOther)
	})
}

// planTestScaleForm returns the scale form as the page offers it.
func planTestScaleForm(t *testing.T, e *officeEnv, id int64) url.Values {
	t.Helper()
	_, body := e.get(e.admin, planTestPath(id, ""))
	return deptTestFormValues(t, deptTestDoc(t, body), planTestPath(id, "/skala"))
}

func TestOfficePlanScale(t *testing.T) {
	e := newOfficeEnv(t)
	demo := planTestDemo(t, e)
	fresh := planTestCreate(t, e, "Handlingsplan 2034", 2034)
	t.Run("ErrInvalidColour422", func(t *testing.T) {
		form := planTestScaleForm(t, e, fresh)
		form.Set("s-1-colortext", "röd")
		res, body := e.post(e.admin, planTestPath(fresh, "/skala"), form)
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		doc := deptTestDoc(t, body)
		field := deptTestByID(doc, "s-1-colortext")
		if deptTestAttr(field, "value") != "röd" || deptTestAttr(field, "aria-invalid") != "true" {
			t.Error("the typed colour is not kept and marked")
		}
		if !deptTestHasAttr(deptTestByID(doc, "scale-edit"), "open") {
			t.Error("the scale form is not open")
		}
		if !strings.Contains(body, "Ange en färg som #1e8449.") {
			t.Error("no message about the colour")
		}
		if planTestLoad(t, e, fresh).Statuses[1].Color != forms.DefaultScale()[1].Color {
			t.Fatal("the colour changed")
		}
	})
	t.Run("OKRenameRecolourAddRemove", func(t *testing.T) {
		form := planTestScaleForm(t, e, fresh)
		form.Set("s-0-name", "Inte påbörjat")
		form.Set("s-2-color", "#123456")
		form.Set("s-5-remove", "1")
		form.Set("s-6-name", "Avbrutet")
		form.Set("s-6-colortext", "444444")
		form.Set("s-6-order", "1")
		res, _ := e.post(e.admin, planTestPath(fresh, "/skala"), form)
		deptTestWantStatus(t, res, http.StatusSeeOther)
		p := planTestLoad(t, e, fresh)
		var names []string
		for _, s := range p.Statuses {
			names = append(names, s.Name+" "+s.Color)
		}
		want := []string{"Avbrutet #444444", "Inte påbörjat #b03a2e", "Påbörjat #d68910", "Pågår #123456", "Genomfört #1e8449", "Flyttas till nästa år #7d3c98"}
		if !reflect.DeepEqual(names, want) {
			t.Fatalf("scale %v, want %v", names, want)
		}
		res2, err := e.admin.Get(e.srv.URL + "/farger/" + deptTestID(fresh) + ".css")
		if err != nil {
			t.Fatal(err)
		}
		res2.Body.Close()
	})
	t.Run("ErrNoDone422", func(t *testing.T) {
		form := planTestScaleForm(t, e, fresh)
		for k := range form {
			if strings.HasSuffix(k, "-done") {
				form.Del(k)
			}
		}
		res, body := e.post(e.admin, planTestPath(fresh, "/skala"), form)
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "Minst en status ska räknas som genomförd.") {
			t.Error("no message")
		}
	})
	t.Run("UsedStatusLockedOnPage", func(t *testing.T) {
		_, body := e.get(e.admin, planTestPath(demo.ID, ""))
		doc := deptTestDoc(t, body)
		if deptTestByID(doc, "s-2-name") != nil || deptTestByID(doc, "s-2-remove") != nil {
			t.Error("a used status offers a new name or removal")
		}
		if deptTestByID(doc, "s-2-color") == nil {
			t.Error("a used status offers no new colour")
		}
	})
	used := demo.Statuses[2] // Pågår: the demo's answers use it
	t.Run("ErrRemoveUsedStatus409", func(t *testing.T) {
		form := planTestScaleForm(t, e, demo.ID)
		form.Set("s-2-remove", "1")
		res, body := e.post(e.admin, planTestPath(demo.ID, "/skala"), form)
		deptTestWantStatus(t, res, http.StatusConflict)
		if !strings.Contains(body, "Statusen används redan i svar och kan inte tas bort.") {
			t.Error("no message about the used status")
		}
		if links := deptTestFind(deptTestByID(deptTestDoc(t, body), "error-summary"), deptTestTag("a")); len(links) != 1 || deptTestAttr(links[0], "href") != "#s-2" {
			t.Errorf("summary links %v", links)
		}
		if _, ok := planTestLoad(t, e, demo.ID).Statuses.ByID(used.ID); !ok {
			t.Fatal("the used status was removed")
		}
	})
	t.Run("ErrRenameUsedStatus409", func(t *testing.T) {
		form := planTestScaleForm(t, e, demo.ID)
		form.Set("s-2-name", "Pågår fortfarande")
		res, _ := e.post(e.admin, planTestPath(demo.ID, "/skala"), form)
		deptTestWantStatus(t, res, http.StatusConflict)
		if st, _ := planTestLoad(t, e, demo.ID).Statuses.ByID(used.ID); st.Name != used.Name {
			t.Fatal("the used status was renamed")
		}
	})
	t.Run("RecolourUsedStatus", func(t *testing.T) {
		form := planTestScaleForm(t, e, demo.ID)
		form.Set("s-2-color", "#0000ff")
		res, _ := e.post(e.admin, planTestPath(demo.ID, "/skala"), form)
		deptTestWantStatus(t, res, http.StatusSeeOther)
		if st, _ := planTestLoad(t, e, demo.ID).Statuses.ByID(used.ID); st.Color != "#0000ff" {
			t.Fatalf("colour %q", st.Color)
		}
	})
}

func TestOfficePlanArchive(t *testing.T) {
	e := newOfficeEnv(t)
	id := planTestCreate(t, e, "Handlingsplan 2035", 2035)
	res, _ := e.post(e.admin, planTestPath(id, "/arkiv"), url.Values{"action": {"archive"}})
	deptTestWantStatus(t, res, http.StatusSeeOther)
	if !planTestLoad(t, e, id).Archived {
		t.Fatal("not archived")
	}
	_, body := e.get(e.admin, "/kontor/planer")
	if !strings.Contains(deptTestText(deptTestDoc(t, body)), "Arkiverade planer") {
		t.Error("the archived plan is not listed apart")
	}
	_, body = e.get(e.admin, planTestPath(id, ""))
	for _, a := range deptTestPostActions(deptTestDoc(t, body)) {
		if a != "/logga-ut" && a != "/sprak" && a != planTestPath(id, "/arkiv") {
			t.Errorf("an archived plan offers %q", a)
		}
	}
	res, _ = e.post(e.admin, planTestPath(id, "/omraden"), url.Values{"title": {"Efter arkivering"}})
	deptTestWantStatus(t, res, http.StatusConflict)
	res, _ = e.post(e.admin, planTestPath(id, "/arkiv"), url.Values{"action": {"restore"}})
	deptTestWantStatus(t, res, http.StatusSeeOther)
	if planTestLoad(t, e, id).Archived {
		t.Fatal("not restored")
	}
}

func TestOfficePlanExportAndImportJSON(t *testing.T) {
	e := newOfficeEnv(t)
	demo := planTestDemo(t, e)
	res, err := e.reader.Get(e.srv.URL + planTestPath(demo.ID, "/export.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exported bytes.Buffer
	exported.ReadFrom(res.Body)
	res.Body.Close()
	deptTestWantStatus(t, res, http.StatusOK)
	_, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
	if err != nil || params["filename"] != fmt.Sprintf("plan-%d-%d.json", demo.ID, demo.Year) || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("Content-Disposition %q", res.Header.Get("Content-Disposition"))
	}
	var doc forms.PlanDocument
	if err := json.Unmarshal(exported.Bytes(), &doc); err != nil || doc.Title != demo.Title {
		t.Fatalf("exported %v: %v", doc.Title, err)
	}

	before := len(planTestPlans(t, e))
	res, body := deptTestUpload(e, e.admin, "/kontor/planer/import", "plan.json", exported.Bytes())
	deptTestWantStatus(t, res, http.StatusOK)
	if len(planTestPlans(t, e)) != before {
		t.Fatal("the preview wrote")
	}
	page := deptTestDoc(t, body)
	if !strings.Contains(deptTestText(page), "Det finns redan en plan med samma titel och år.") {
		t.Error("no warning about the same plan")
	}
	if !strings.Contains(deptTestText(page), demo.Areas[1].Activities[0].Title) {
		t.Error("the preview lacks an activity")
	}
	res, _ = e.post(e.admin, "/kontor/planer/import/bekrafta", deptTestFormValues(t, page, "/kontor/planer/import/bekrafta"))
	deptTestWantStatus(t, res, http.StatusSeeOther)
	var id int64
	fmt.Sscanf(res.Header.Get("Location"), "/kontor/planer/%d?importerad=1", &id)
	deps, _ := e.db.Departments(context.Background(), true)
	again := forms.NewPlanDocument(planTestLoad(t, e, id), deps)
	if !reflect.DeepEqual(*again, doc) {
		t.Fatalf("re-imported plan differs:\n%+v\nwant\n%+v", *again, doc)
	}
	t.Run("ErrBadJSONNamesLine", func(t *testing.T) {
		bad := strings.Replace(exported.String(), `"title"`, `"titel"`, 1)
		res, body := deptTestUpload(e, e.admin, "/kontor/planer/import", "plan.json", []byte(bad))
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		if !strings.Contains(body, "okänt fält ”titel”") || !strings.Contains(body, "Rad 4") {
			t.Errorf("summary %q", deptTestText(deptTestByID(deptTestDoc(t, body), "error-summary")))
		}
	})
	t.Run("ErrTampered", func(t *testing.T) {
		form := deptTestFormValues(t, page, "/kontor/planer/import/bekrafta")
		form.Set("document", strings.Replace(form.Get("document"), demo.Title, "Annan plan", 1))
		n := len(planTestPlans(t, e))
		res, _ := e.post(e.admin, "/kontor/planer/import/bekrafta", form)
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		if len(planTestPlans(t, e)) != n {
			t.Fatal("a tampered preview wrote")
		}
	})
}

// planTestTemplate downloads the import template.
func planTestTemplate(t *testing.T, e *officeEnv, c *http.Client) *excelize.File {
	t.Helper()
	res, err := c.Get(e.srv.URL + "/kontor/planer/mall.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	deptTestWantStatus(t, res, http.StatusOK)
	var b bytes.Buffer
	b.ReadFrom(res.Body)
	if !bytes.HasPrefix(b.Bytes(), []byte("PK")) {
		t.Fatal("the template is not a zip file")
	}
	if !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("Content-Disposition %q", res.Header.Get("Content-Disposition"))
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("excelize cannot open the template: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestOfficePlanTemplate(t *testing.T) {
	e := newOfficeEnv(t)
	f := planTestTemplate(t, e, e.reader)
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Plan", "Verksamheter", "Uppgifter"}) {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := f.GetRows("Plan")
	if len(rows) < 2 || !reflect.DeepEqual(rows[1], []string{"Område", "Aktivitet", "Beskrivning", "Svarande"}) {
		t.Fatalf("header row %v", rows)
	}
	names, _ := f.GetCols("Verksamheter")
	if !strings.Contains(strings.Join(names[0], "|"), "Socialförvaltningen") {
		t.Error("the departments are not listed")
	}
	org, _ := f.GetCellValue("Uppgifter", "B3")
	if org != "Exempelby kommun" {
		t.Errorf("organisation %q", org)
	}
}

func TestOfficePlanImportXLSX(t *testing.T) {
	e := newOfficeEnv(t)
	write := func(rows [][]any, year any) []byte {
		f := planTestTemplate(t, e, e.admin)
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
		before := len(planTestPlans(t, e))
		res, body := deptTestUpload(e, e.admin, "/kontor/planer/import", "plan.xlsx", data)
		deptTestWantStatus(t, res, http.StatusOK)
		if len(planTestPlans(t, e)) != before {
			t.Fatal("the preview wrote")
		}
		page := deptTestDoc(t, body)
		text := deptTestText(page)
		for _, want := range []string{"Handlingsplan 2036", "Ledning", "IT-säkerhet", "Riskanalys", "Exempelby Bostäder AB; Socialförvaltningen", "Alla verksamheter"} {
			if !strings.Contains(text, want) {
				t.Errorf("preview lacks %q", want)
			}
		}
		res, _ = e.post(e.admin, "/kontor/planer/import/bekrafta", deptTestFormValues(t, page, "/kontor/planer/import/bekrafta"))
		deptTestWantStatus(t, res, http.StatusSeeOther)
		var id int64
		fmt.Sscanf(res.Header.Get("Location"), "/kontor/planer/%d?importerad=1", &id)
		p := planTestLoad(t, e, id)
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
		before := len(planTestPlans(t, e))
		res, body := deptTestUpload(e, e.admin, "/kontor/planer/import", "plan.xlsx", data)
		deptTestWantStatus(t, res, http.StatusUnprocessableEntity)
		sum := deptTestText(deptTestByID(deptTestDoc(t, body), "error-summary"))
		for _, want := range []string{"Bladet Uppgifter, rad 5: År ska vara ett årtal", "Bladet Plan, rad 4: Aktivitet saknas", "Bladet Plan, rad 5: Svarande: verksamheten ”Okända förvaltningen” finns inte"} {
			if !strings.Contains(sum, want) {
				t.Errorf("summary %q lacks %q", sum, want)
			}
		}
		if len(planTestPlans(t, e)) != before {
			t.Fatal("a refused file wrote")
		}
	})
}

func TestOfficePlanReaders(t *testing.T) {
	e := newOfficeEnv(t)
	demo := planTestDemo(t, e)
	area, act := demo.Areas[0], demo.Areas[0].Activities[0]
	t.Run("GetPagesWithoutControls", func(t *testing.T) {
		for _, p := range []string{"/kontor/planer", planTestPath(demo.ID, ""), "/kontor/verksamheter"} {
			status, body := e.get(e.reader, p)
			if status != http.StatusOK {
				t.Errorf("GET %s: %d", p, status)
				continue
			}
			deptTestNoChangeControls(t, p, body)
			doc := deptTestDoc(t, body)
			if n := len(deptTestFind(doc, func(n *html.Node) bool { return n.Data == "details" })); n != 0 {
				t.Errorf("%s shows a reader %d edit sections", p, n)
			}
			for _, th := range deptTestFind(doc, deptTestTag("th")) {
				if deptTestAttr(th, "scope") == "" {
					t.Errorf("%s: <th> %q without scope", p, deptTestText(th))
				}
			}
		}
		for _, p := range []string{"/kontor/planer/ny", "/kontor/planer/import"} {
			if status, _ := e.get(e.reader, p); status != http.StatusForbidden {
				t.Errorf("GET %s as reader: %d, want 403", p, status)
			}
		}
	})
	t.Run("PostsForbidden", func(t *testing.T) {
		before := planTestPlans(t, e)
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
			res, _ := e.post(e.reader, p, form)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s as reader: %d, want 403", p, res.StatusCode)
			}
		}
		res, _ := deptTestUpload(e, e.reader, "/kontor/planer/import", "plan.json", []byte("{}"))
		deptTestWantStatus(t, res, http.StatusForbidden)
		if after := planTestPlans(t, e); !reflect.DeepEqual(after, before) {
			t.Fatalf("plans changed: %v", after)
		}
		if got := planTestLoad(t, e, demo.ID); !reflect.DeepEqual(planTestTitles(got), planTestTitles(demo)) || len(got.Statuses) != len(demo.Statuses) {
			t.Fatal("a reader changed the plan")
		}
	})
	t.Run("ExportsForReaders", func(t *testing.T) {
		for _, p := range []string{planTestPath(demo.ID, "/export.json"), "/kontor/planer/mall.xlsx"} {
			if status, _ := e.get(e.reader, p); status != http.StatusOK {
				t.Errorf("GET %s: %d", p, status)
			}
		}
	})
}

// TestOfficePlanPagesUseCatalog renders every page of this part in both
// languages and looks for keys that show themselves.
func TestOfficePlanPagesUseCatalog(t *testing.T) {
	e := newOfficeEnv(t)
	demo := planTestDemo(t, e)
	d, _ := deptTestByName(t, e, "Socialförvaltningen")
	pages := []string{"/kontor/planer", "/kontor/planer/ny", "/kontor/planer/import", planTestPath(demo.ID, ""),
		"/kontor/verksamheter", "/kontor/verksamheter/ny", "/kontor/verksamheter/import", "/kontor/verksamheter/" + deptTestID(d.ID)}
	titles := map[string]string{}
	for _, lang := range []string{"sv", "en"} {
		for _, p := range pages {
			req, _ := http.NewRequest(http.MethodGet, e.srv.URL+p, nil)
			req.AddCookie(&http.Cookie{Name: i18n.Cookie, Value: lang})
			res, err := e.admin.Do(req)
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
			title := deptTestText(deptTestFind(deptTestDoc(t, b.String()), deptTestTag("title"))[0])
			if other, dup := titles[lang+title]; dup {
				t.Errorf("%s and %s share the title %q", p, other, title)
			}
			titles[lang+title] = p
		}
	}
}
