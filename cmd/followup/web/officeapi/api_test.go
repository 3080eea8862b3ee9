package officeapi_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web/officeapi"
	"followup/cmd/followup/web/questionnaire"
	"followup/cmd/followup/web/site"
	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

// apiPlanID is the demo plan's id.
func apiPlanID(t testing.TB, f *webtest.Fixture) int64 {
	t.Helper()
	r, err := f.DB.Round(context.Background(), f.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	return r.PlanID
}

// apiSnapshot is what the admin endpoints could change, to check that a
// refused request changed nothing.
type apiSnapshot struct {
	Departments, Plans, Rounds int
	Audit                      int
	States                     string
	Links                      string
}

func takeSnapshot(t testing.TB, f *webtest.Fixture) apiSnapshot {
	t.Helper()
	ctx := context.Background()
	var s apiSnapshot
	deps, _ := f.DB.Departments(ctx, true)
	plans, _ := f.DB.Plans(ctx)
	rounds, _ := f.DB.Rounds(ctx)
	audit, _ := f.DB.AuditLog(ctx, 100000)
	s.Departments, s.Plans, s.Rounds, s.Audit = len(deps), len(plans), len(rounds), len(audit)
	for _, r := range rounds {
		rep, err := f.DB.RoundReport(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		s.States += fmt.Sprintf("%d:%s:%d;", r.ID, r.State, len(rep.Consolidations))
		for _, d := range rep.Departments {
			s.States += fmt.Sprintf("%d=%s,", d.ID, rep.ResponseState(d.ID))
		}
	}
	for _, l := range f.Demo.Links {
		if _, _, err := f.DB.LinkTarget(ctx, l.Token); err == nil {
			s.Links += l.Token[:6] + ","
		}
	}
	return s
}

// apiAdminCalls is every admin endpoint with a body that would succeed for
// an admin.
func apiAdminCalls(t testing.TB, f *webtest.Fixture) []struct {
	method, path string
	body         any
} {
	planID := apiPlanID(t, f)
	round := f.Demo.AnnualID
	dep := f.Dep(t, "Barn- och utbildningsförvaltningen").ID
	plan, _ := f.DB.Plan(context.Background(), planID)
	act := plan.Activities()[0].ID
	doc := forms.NewPlanDocument(plan, nil)
	doc.Title, doc.Year = "Handlingsplan 2031", 2031
	for i := range doc.Areas {
		for j := range doc.Areas[i].Activities {
			doc.Areas[i].Activities[j].Respondents = forms.Respondents{All: true}
		}
	}
	return []struct {
		method, path string
		body         any
	}{
		{"POST", "/api/v1/departments", map[string]any{"name": "Överförmyndarnämnden", "kind": "förvaltning", "email": "of@exempelby.se"}},
		{"POST", "/api/v1/plans", doc},
		{"POST", "/api/v1/rounds", map[string]any{"plan_id": planID, "kind": "interim", "title": "Extra", "report_date": "2031-08-31", "deadline": "2031-09-15"}},
		{"POST", fmt.Sprintf("/api/v1/rounds/%d/open", f.Demo.InterimID), nil},
		{"GET", fmt.Sprintf("/api/v1/rounds/%d/links", round), nil},
		{"POST", fmt.Sprintf("/api/v1/rounds/%d/links/%d/replace", round, dep), nil},
		{"POST", fmt.Sprintf("/api/v1/rounds/%d/responses/%d/return", round, dep), map[string]any{"message": "Komplettera aktivitet 3."}},
		{"PUT", fmt.Sprintf("/api/v1/rounds/%d/consolidations/%d", f.Demo.InterimID, act), map[string]any{"status_id": plan.Statuses[2].ID, "narrative": "Pågår", "include_comments": true, "base_version": 0}},
		{"PUT", fmt.Sprintf("/api/v1/rounds/%d/report-settings", f.Demo.InterimID), map[string]any{"drafts": true, "base_version": 0}},
		{"PUT", fmt.Sprintf("/api/v1/rounds/%d/texts/introduction", f.Demo.InterimID), map[string]any{"body": "Inledning.", "base_version": 0}},
		// Last: a return needs the round open.
		{"POST", fmt.Sprintf("/api/v1/rounds/%d/close", round), nil},
	}
}

// apiReadPaths is every endpoint any account may read.
func apiReadPaths(t testing.TB, f *webtest.Fixture) []string {
	round := f.Demo.AnnualID
	dep := f.Dep(t, "Socialförvaltningen").ID
	return []string{
		"/api/v1/departments",
		"/api/v1/plans",
		fmt.Sprintf("/api/v1/plans/%d", apiPlanID(t, f)),
		"/api/v1/rounds",
		fmt.Sprintf("/api/v1/rounds/%d", round),
		fmt.Sprintf("/api/v1/rounds/%d/progress", round),
		fmt.Sprintf("/api/v1/rounds/%d/responses", round),
		fmt.Sprintf("/api/v1/rounds/%d/responses/%d", round, dep),
		fmt.Sprintf("/api/v1/rounds/%d/consolidations", round),
		fmt.Sprintf("/api/v1/rounds/%d/report-settings", round),
		fmt.Sprintf("/api/v1/rounds/%d/texts", round),
	}
}

func TestAPIOfficeAuth(t *testing.T) {
	f := webtest.New(t)
	linkToken := f.Demo.Links[0].Token
	before := takeSnapshot(t, f)
	t.Run("AnonymousUnauthorized", func(t *testing.T) {
		for _, p := range apiReadPaths(t, f) {
			webtest.WantAPIError(t, f.API(t, f.Anon, "GET", p, nil), http.StatusUnauthorized, forms.EUNAUTHORIZED)
		}
		for _, call := range apiAdminCalls(t, f) {
			webtest.WantAPIError(t, f.API(t, f.Anon, call.method, call.path, call.body), http.StatusUnauthorized, forms.EUNAUTHORIZED)
		}
	})
	t.Run("DepartmentLinkTokenUnauthorized", func(t *testing.T) {
		// A department's link opens its questionnaire and nothing else.
		for _, p := range apiReadPaths(t, f) {
			webtest.WantAPIError(t, f.API(t, f.Anon, "GET", p, nil, webtest.Bearer(linkToken)), http.StatusUnauthorized, forms.EUNAUTHORIZED)
			webtest.WantAPIError(t, f.API(t, f.Anon, "GET", p+"?token="+linkToken, nil), http.StatusUnauthorized, forms.EUNAUTHORIZED)
			webtest.WantAPIError(t, f.API(t, f.Anon, "GET", p, nil, func(r *http.Request) {
				r.AddCookie(&http.Cookie{Name: site.SessionCookie, Value: linkToken})
			}), http.StatusUnauthorized, forms.EUNAUTHORIZED)
		}
		for _, call := range apiAdminCalls(t, f) {
			webtest.WantAPIError(t, f.API(t, f.Anon, call.method, call.path, call.body, webtest.Bearer(linkToken)), http.StatusUnauthorized, forms.EUNAUTHORIZED)
		}
	})
	t.Run("ReaderReadsEverything", func(t *testing.T) {
		for _, p := range apiReadPaths(t, f) {
			webtest.WantJSON(t, f.API(t, f.Reader, "GET", p, nil), http.StatusOK, nil)
		}
	})
	t.Run("ReaderForbiddenToChange", func(t *testing.T) {
		for _, call := range apiAdminCalls(t, f) {
			webtest.WantAPIError(t, f.API(t, f.Reader, call.method, call.path, call.body), http.StatusForbidden, forms.EFORBIDDEN)
		}
		if after := takeSnapshot(t, f); after != before {
			t.Fatalf("a reader's requests changed data:\nbefore %+v\nafter  %+v", before, after)
		}
	})
	t.Run("AdminMaySucceed", func(t *testing.T) {
		// The same calls succeed for an admin, so the 403s above are
		// about the role and not about the requests.
		for _, call := range apiAdminCalls(t, f) {
			r := f.API(t, f.Admin, call.method, call.path, call.body)
			if r.StatusCode >= 300 {
				t.Errorf("%s %s: %d %.300s", call.method, call.path, r.StatusCode, r.Body)
			}
		}
	})
}

func TestAPIOfficeBearerToken(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	users, err := f.DB.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, u := range users {
		ids[u.Email] = u.ID
	}
	adminTok, err := f.DB.CreateAPIToken(ctx, ids[demo.AdminEmail], "skript", "test")
	if err != nil {
		t.Fatal(err)
	}
	readerTok, err := f.DB.CreateAPIToken(ctx, ids[demo.ReaderEmail], "rapport", "test")
	if err != nil {
		t.Fatal(err)
	}
	client := f.NewClient() // no cookies
	t.Run("AdminTokenReadsAndWrites", func(t *testing.T) {
		var got struct{ Rounds []officeapi.RoundJSON }
		webtest.WantJSON(t, f.API(t, client, "GET", "/api/v1/rounds", nil, webtest.Bearer(adminTok)), http.StatusOK, &got)
		if len(got.Rounds) != 2 {
			t.Fatalf("got %d rounds, want the demo's 2", len(got.Rounds))
		}
		var dep officeapi.DepartmentJSON
		webtest.WantJSON(t, f.API(t, client, "POST", "/api/v1/departments", map[string]any{"name": "Miljöförbundet Dalen", "kind": "förbund", "email": ""}, webtest.Bearer(adminTok)), http.StatusCreated, &dep)
		audit, _ := f.DB.AuditLog(ctx, 1)
		if len(audit) != 1 || audit[0].Actor != demo.AdminEmail || audit[0].Action != "department.create" {
			t.Fatalf("audit = %+v, want the token's account as actor", audit)
		}
	})
	t.Run("ReaderTokenForbiddenToChange", func(t *testing.T) {
		webtest.WantJSON(t, f.API(t, client, "GET", "/api/v1/departments", nil, webtest.Bearer(readerTok)), http.StatusOK, nil)
		webtest.WantAPIError(t, f.API(t, client, "POST", "/api/v1/departments", map[string]any{"name": "Ny", "kind": "bolag"}, webtest.Bearer(readerTok)), http.StatusForbidden, forms.EFORBIDDEN)
	})
	t.Run("UnknownTokenUnauthorized", func(t *testing.T) {
		webtest.WantAPIError(t, f.API(t, client, "GET", "/api/v1/departments", nil, webtest.Bearer("fu_not-a-token")), http.StatusUnauthorized, forms.EUNAUTHORIZED)
	})
	t.Run("RevokedTokenUnauthorized", func(t *testing.T) {
		toks, _ := f.DB.APITokens(ctx)
		for _, tk := range toks {
			if tk.Name == "skript" {
				if err := f.DB.RevokeAPIToken(ctx, tk.ID, "test"); err != nil {
					t.Fatal(err)
				}
			}
		}
		webtest.WantAPIError(t, f.API(t, client, "GET", "/api/v1/departments", nil, webtest.Bearer(adminTok)), http.StatusUnauthorized, forms.EUNAUTHORIZED)
	})
}

func TestAPIOfficeNotFound(t *testing.T) {
	f := webtest.New(t)
	round := f.Demo.AnnualID
	dep := f.Dep(t, "Socialförvaltningen").ID
	plan, _ := f.DB.Plan(context.Background(), apiPlanID(t, f))
	act := plan.Activities()[0].ID
	outsider, err := f.DB.CreateDepartment(context.Background(), forms.DepartmentInput{Name: "Inte med AB", Kind: "bolag"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	before := takeSnapshot(t, f)
	cons := map[string]any{"status_id": plan.Statuses[0].ID, "narrative": "x", "base_version": 0}
	ret := map[string]any{"message": "Komplettera."}
	for _, tc := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/plans/999999", nil},
		{"GET", "/api/v1/plans/abc", nil},
		{"GET", "/api/v1/plans/0", nil},
		{"GET", "/api/v1/plans/-1", nil},
		{"GET", "/api/v1/rounds/999999", nil},
		{"GET", "/api/v1/rounds/1e3", nil},
		{"GET", "/api/v1/rounds/999999/progress", nil},
		{"GET", "/api/v1/rounds/x/progress", nil},
		{"GET", "/api/v1/rounds/999999/responses", nil},
		{"GET", "/api/v1/rounds/999999/consolidations", nil},
		{"GET", fmt.Sprintf("/api/v1/rounds/999999/responses/%d", dep), nil},
		{"GET", fmt.Sprintf("/api/v1/rounds/%d/responses/999999", round), nil},
		{"GET", fmt.Sprintf("/api/v1/rounds/%d/responses/%d", round, outsider.ID), nil},
		{"GET", fmt.Sprintf("/api/v1/rounds/%d/responses/abc", round), nil},
		{"GET", "/api/v1/nothing-here", nil},
		{"POST", "/api/v1/rounds/999999/open", nil},
		{"POST", "/api/v1/rounds/abc/open", nil},
		{"POST", "/api/v1/rounds/999999/close", nil},
		{"GET", "/api/v1/rounds/999999/links", nil},
		{"GET", "/api/v1/rounds/abc/links", nil},
		{"POST", fmt.Sprintf("/api/v1/rounds/999999/links/%d/replace", dep), nil},
		{"POST", fmt.Sprintf("/api/v1/rounds/%d/links/999999/replace", round), nil},
		{"POST", fmt.Sprintf("/api/v1/rounds/%d/links/%d/replace", round, outsider.ID), nil},
		{"POST", fmt.Sprintf("/api/v1/rounds/%d/links/x/replace", round), nil},
		{"POST", fmt.Sprintf("/api/v1/rounds/999999/responses/%d/return", dep), ret},
		{"POST", fmt.Sprintf("/api/v1/rounds/%d/responses/999999/return", round), ret},
		{"POST", fmt.Sprintf("/api/v1/rounds/%d/responses/%d/return", round, outsider.ID), ret},
		{"PUT", fmt.Sprintf("/api/v1/rounds/999999/consolidations/%d", act), cons},
		{"PUT", fmt.Sprintf("/api/v1/rounds/%d/consolidations/999999", round), cons},
		{"PUT", fmt.Sprintf("/api/v1/rounds/%d/consolidations/abc", round), cons},
	} {
		t.Run(tc.method+tc.path, func(t *testing.T) {
			webtest.WantAPIError(t, f.API(t, f.Admin, tc.method, tc.path, tc.body), http.StatusNotFound, forms.ENOTFOUND)
		})
	}
	if after := takeSnapshot(t, f); after != before {
		t.Fatalf("404s changed data:\nbefore %+v\nafter  %+v", before, after)
	}
}

func TestAPIOfficeDepartments(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	t.Run("List", func(t *testing.T) {
		var got struct{ Departments []officeapi.DepartmentJSON }
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", "/api/v1/departments", nil), http.StatusOK, &got)
		want, _ := f.DB.Departments(ctx, true)
		if len(got.Departments) != len(want) || len(want) != 8 {
			t.Fatalf("got %d departments, want %d", len(got.Departments), len(want))
		}
		for i, d := range want {
			g := got.Departments[i]
			if g.ID != d.ID || g.Name != d.Name || g.Kind != string(d.Kind) || g.Email != d.Email || g.Active != d.Active || !g.CreatedAt.Equal(d.CreatedAt) {
				t.Errorf("department %d = %+v, want %+v", i, g, d)
			}
		}
	})
	t.Run("ListRawShape", func(t *testing.T) {
		var raw struct{ Departments []map[string]any }
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", "/api/v1/departments", nil), http.StatusOK, &raw)
		d := raw.Departments[0]
		for _, k := range []string{"id", "name", "kind", "email", "active", "created_at"} {
			if _, ok := d[k]; !ok {
				t.Errorf("department lacks %q: %v", k, d)
			}
		}
		if _, err := time.Parse(time.RFC3339, d["created_at"].(string)); err != nil {
			t.Errorf("created_at is not RFC 3339: %v", err)
		}
	})
	t.Run("Create", func(t *testing.T) {
		var got officeapi.DepartmentJSON
		webtest.WantJSON(t, f.API(t, f.Admin, "POST", "/api/v1/departments", map[string]any{"name": "  Överförmyndarnämnden ", "kind": "Forvaltning", "email": "of@exempelby.se"}), http.StatusCreated, &got)
		d, err := f.DB.Department(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Överförmyndarnämnden" || d.Name != got.Name || got.Kind != "förvaltning" || d.Email != "of@exempelby.se" || !got.Active {
			t.Fatalf("created %+v, stored %+v", got, d)
		}
	})
	t.Run("ErrDuplicateName", func(t *testing.T) {
		webtest.WantField(t, f.API(t, f.Admin, "POST", "/api/v1/departments", map[string]any{"name": "socialförvaltningen", "kind": "förvaltning"}), "name")
	})
	n := func() int { d, _ := f.DB.Departments(ctx, true); return len(d) }
	count := n()
	for _, tc := range []struct {
		name, body, field string
	}{
		{"ErrKind", `{"name": "Ny", "kind": "myndighet"}`, "kind"},
		{"ErrEmail", `{"name": "Ny", "kind": "bolag", "email": "inte en adress"}`, "email"},
		{"ErrName", `{"name": " ", "kind": "bolag"}`, "name"},
		{"ErrUnknownField", `{"name": "Ny", "kind": "bolag", "phone": "123"}`, "phone"},
		{"ErrWrongType", `{"name": 12, "kind": "bolag"}`, "name"},
		{"ErrMalformed", `{"name": "Ny", "kind": `, "body"},
		{"ErrEmpty", ``, "body"},
		{"ErrTrailing", `{"name": "Ny", "kind": "bolag"} {"name": "Två"}`, "body"},
		{"ErrArray", `[{"name": "Ny", "kind": "bolag"}]`, "body"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			webtest.WantField(t, f.API(t, f.Admin, "POST", "/api/v1/departments", tc.body), tc.field)
		})
	}
	if n() != count {
		t.Fatal("a refused request created a department")
	}
	t.Run("EnglishFieldMessages", func(t *testing.T) {
		b := webtest.WantField(t, f.API(t, f.Admin, "POST", "/api/v1/departments", `{"name": "Ny", "kind": "bolag", "phone": "1"}`, func(r *http.Request) {
			r.Header.Set("Accept-Language", "en")
		}), "phone")
		if b.Error.Fields["phone"] != "The field is not part of the API." {
			t.Fatalf("fields = %v", b.Error.Fields)
		}
	})
}

// apiPlanDoc is a small valid plan document.
func apiPlanDoc(respondents any) map[string]any {
	return map[string]any{
		"organisation": "Exempelby kommun",
		"year":         2030,
		"title":        "Handlingsplan för informationssäkerhet 2030",
		"areas": []any{
			map[string]any{"title": "Styrning", "activities": []any{
				map[string]any{"title": "Riskanalys", "description": "Alla gör en riskanalys.", "respondents": "all"},
			}},
			map[string]any{"title": "IT-säkerhet", "activities": []any{
				map[string]any{"title": "Loggning", "description": "Central loggning.", "respondents": respondents},
			}},
		},
	}
}

func TestAPIOfficePlans(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	planID := apiPlanID(t, f)
	t.Run("List", func(t *testing.T) {
		var got struct{ Plans []officeapi.PlanSummaryJSON }
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", "/api/v1/plans", nil), http.StatusOK, &got)
		want, _ := f.DB.Plans(ctx)
		if len(got.Plans) != 1 || got.Plans[0].ID != want[0].ID || got.Plans[0].Title != want[0].Title ||
			got.Plans[0].Activities != 15 || got.Plans[0].Rounds != 2 || got.Plans[0].Year != want[0].Year {
			t.Fatalf("plans = %+v, want %+v", got.Plans, want)
		}
	})
	t.Run("One", func(t *testing.T) {
		var got officeapi.PlanJSON
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", fmt.Sprintf("/api/v1/plans/%d", planID), nil), http.StatusOK, &got)
		want, _ := f.DB.Plan(ctx, planID)
		if got.ID != planID || got.Title != want.Title || got.Organisation != "Exempelby kommun" || len(got.Statuses) != len(want.Statuses) || len(got.Areas) != len(want.Areas) {
			t.Fatalf("plan = %+v", got)
		}
		for i, st := range want.Statuses {
			if got.Statuses[i] != site.StatusOf(st) {
				t.Errorf("status %d = %+v, want %+v", i, got.Statuses[i], st)
			}
		}
		it := f.Dep(t, "Kommunledningskontoret, IT-avdelningen").ID
		for i, ar := range want.Areas {
			for j, a := range ar.Activities {
				g := got.Areas[i].Activities[j]
				if g.ID != a.ID || g.Title != a.Title || g.Description != a.Description || g.AllDepartments != a.AllDepartments || len(g.DepartmentIDs) != len(a.DepartmentIDs) {
					t.Errorf("activity %d.%d = %+v, want %+v", i, j, g, a)
				}
			}
		}
		if g := got.Areas[2].Activities[0]; g.AllDepartments || len(g.DepartmentIDs) != 1 || g.DepartmentIDs[0] != it {
			t.Errorf("IT activity = %+v, want only the IT department %d", g, it)
		}
	})
	t.Run("Import", func(t *testing.T) {
		var got struct{ ID int64 }
		webtest.WantJSON(t, f.API(t, f.Admin, "POST", "/api/v1/plans", apiPlanDoc([]string{"socialförvaltningen", "Exempelby Bostäder AB"})), http.StatusCreated, &got)
		p, err := f.DB.Plan(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		acts := p.Activities()
		if p.Title != "Handlingsplan för informationssäkerhet 2030" || p.Year != 2030 || len(acts) != 2 || !acts[0].AllDepartments ||
			len(acts[1].DepartmentIDs) != 2 || len(p.Statuses) != len(forms.DefaultScale()) {
			t.Fatalf("imported plan = %+v", p)
		}
		for _, name := range []string{"Socialförvaltningen", "Exempelby Bostäder AB"} {
			if !acts[1].AssignedTo(f.Dep(t, name).ID) {
				t.Errorf("%s is not assigned the activity", name)
			}
		}
	})
	t.Run("ExportedPlanImportsAgain", func(t *testing.T) {
		p, _ := f.DB.Plan(ctx, planID)
		deps, _ := f.DB.Departments(ctx, true)
		var got struct{ ID int64 }
		webtest.WantJSON(t, f.API(t, f.Admin, "POST", "/api/v1/plans", forms.NewPlanDocument(p, deps)), http.StatusCreated, &got)
		q, _ := f.DB.Plan(ctx, got.ID)
		if len(q.Activities()) != 15 || q.Areas[2].Activities[4].AllDepartments || len(q.Areas[2].Activities[4].DepartmentIDs) != 2 {
			t.Fatalf("re-imported plan = %+v", q.Areas[2])
		}
	})
	plans := func() int { p, _ := f.DB.Plans(ctx); return len(p) }
	count := plans()
	t.Run("ErrUnknownDepartmentRefusesWholePlan", func(t *testing.T) {
		b := webtest.WantField(t, f.API(t, f.Admin, "POST", "/api/v1/plans", apiPlanDoc([]string{"Socialförvaltningen", "Gatukontoret"})), "areas[1].activities[0].respondents")
		if msg := b.Error.Fields["areas[1].activities[0].respondents"]; !strings.Contains(msg, "Gatukontoret") {
			t.Fatalf("message %q does not name the department", msg)
		}
	})
	t.Run("ErrSeveralProblems", func(t *testing.T) {
		doc := apiPlanDoc("alla")
		doc["year"] = 1999
		doc["title"] = ""
		b := webtest.WantField(t, f.API(t, f.Admin, "POST", "/api/v1/plans", doc), "year")
		if b.Error.Fields["title"] == "" {
			t.Fatalf("fields = %v, want title too", b.Error.Fields)
		}
	})
	t.Run("ErrUnknownField", func(t *testing.T) {
		doc := apiPlanDoc("all")
		doc["areas"].([]any)[0].(map[string]any)["colour"] = "red"
		b := webtest.WantField(t, f.API(t, f.Admin, "POST", "/api/v1/plans", doc), "body")
		if !strings.Contains(b.Error.Fields["body"], `"colour"`) {
			t.Fatalf("fields = %v, want the unknown field named", b.Error.Fields)
		}
	})
	t.Run("ErrMalformed", func(t *testing.T) {
		b := webtest.WantField(t, f.API(t, f.Admin, "POST", "/api/v1/plans", "{\n  \"title\": \"x\",\n  \"year\": ,\n}"), "body")
		if !strings.Contains(b.Error.Fields["body"], "line 3") {
			t.Fatalf("fields = %v, want the line", b.Error.Fields)
		}
	})
	t.Run("ErrWrongType", func(t *testing.T) {
		doc := apiPlanDoc("all")
		doc["year"] = "2030"
		webtest.WantField(t, f.API(t, f.Admin, "POST", "/api/v1/plans", doc), "body")
	})
	if plans() != count {
		t.Fatal("a refused import created a plan")
	}
}

func TestAPIOfficeRoundLifecycle(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	planID := apiPlanID(t, f)
	soc, bou := f.Dep(t, "Socialförvaltningen"), f.Dep(t, "Barn- och utbildningsförvaltningen")
	t.Run("List", func(t *testing.T) {
		var got struct{ Rounds []officeapi.RoundJSON }
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", "/api/v1/rounds", nil), http.StatusOK, &got)
		want, _ := f.DB.Rounds(ctx)
		if len(got.Rounds) != len(want) {
			t.Fatalf("got %d rounds, want %d", len(got.Rounds), len(want))
		}
		for i, r := range want {
			g := got.Rounds[i]
			if g.ID != r.ID || g.Title != r.Title || g.State != string(r.State) || g.Kind != string(r.Kind) ||
				g.ReportDate != r.ReportDate.Format("2006-01-02") || g.Deadline != r.Deadline.Format("2006-01-02") || g.PlanID != planID {
				t.Errorf("round %d = %+v, want %+v", i, g, r)
			}
		}
		if got.Rounds[0].ID != f.Demo.AnnualID || !got.Rounds[0].AcceptsAnswers || got.Rounds[1].AcceptsAnswers || got.Rounds[1].ClosedAt.IsZero() {
			t.Errorf("rounds = %+v, want the open annual round first", got.Rounds)
		}
	})
	rounds := func() int { r, _ := f.DB.Rounds(ctx); return len(r) }
	count := rounds()
	valid := func() map[string]any {
		return map[string]any{"plan_id": planID, "kind": "delår", "title": "Extra uppföljning", "report_date": "2030-04-30", "deadline": "2099-05-31",
			"department_ids": []int64{soc.ID, bou.ID}}
	}
	for _, tc := range []struct {
		name, field string
		change      func(m map[string]any)
	}{
		{"ErrUnknownPlan", "plan_id", func(m map[string]any) { m["plan_id"] = 999999 }},
		{"ErrNoPlan", "plan_id", func(m map[string]any) { delete(m, "plan_id") }},
		{"ErrUnknownDepartment", "department_ids", func(m map[string]any) { m["department_ids"] = []int64{soc.ID, 999999} }},
		{"ErrKind", "kind", func(m map[string]any) { m["kind"] = "kvartal" }},
		{"ErrTitle", "title", func(m map[string]any) { m["title"] = "  " }},
		{"ErrReportDate", "report_date", func(m map[string]any) { m["report_date"] = "30/4/2030" }},
		{"ErrDeadline", "deadline", func(m map[string]any) { m["deadline"] = "" }},
		{"ErrUnknownField", "state", func(m map[string]any) { m["state"] = "open" }},
		{"ErrWrongType", "department_ids", func(m map[string]any) { m["department_ids"] = "alla" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := valid()
			tc.change(m)
			webtest.WantField(t, f.API(t, f.Admin, "POST", "/api/v1/rounds", m), tc.field)
		})
	}
	if rounds() != count {
		t.Fatal("a refused request created a round")
	}

	var created struct{ ID int64 }
	webtest.WantJSON(t, f.API(t, f.Admin, "POST", "/api/v1/rounds", valid()), http.StatusCreated, &created)
	base := fmt.Sprintf("/api/v1/rounds/%d", created.ID)
	t.Run("Created", func(t *testing.T) {
		var got officeapi.RoundJSON
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", base, nil), http.StatusOK, &got)
		if got.State != "draft" || got.Kind != "interim" || got.Title != "Extra uppföljning" || got.ReportDate != "2030-04-30" ||
			got.AcceptsAnswers || len(got.Departments) != 2 || got.Departments[0].ID != bou.ID || got.Departments[1].Name != soc.Name {
			t.Fatalf("round = %+v", got)
		}
	})
	t.Run("ErrCloseDraft", func(t *testing.T) {
		webtest.WantField(t, f.API(t, f.Admin, "POST", base+"/close", nil), "state")
	})
	t.Run("Open", func(t *testing.T) {
		var got officeapi.RoundJSON
		webtest.WantJSON(t, f.API(t, f.Admin, "POST", base+"/open", nil), http.StatusOK, &got)
		r, _ := f.DB.Round(ctx, created.ID)
		if got.State != "open" || r.State != forms.RoundOpen || !got.AcceptsAnswers || got.OpenedAt.IsZero() {
			t.Fatalf("round = %+v, stored %+v", got, r)
		}
	})
	var links struct{ Links []officeapi.LinkJSON }
	t.Run("Links", func(t *testing.T) {
		r := f.API(t, f.Admin, "GET", base+"/links", nil)
		webtest.WantJSON(t, r, http.StatusOK, &links)
		if r.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("Cache-Control = %q", r.Header.Get("Cache-Control"))
		}
		stored, _ := f.DB.Links(ctx, f.Secret, created.ID)
		if len(links.Links) != 2 || len(stored) != 2 {
			t.Fatalf("links = %+v", links.Links)
		}
		for i, l := range stored {
			g := links.Links[i]
			if g.ID != l.Department.ID || g.Name != l.Department.Name || g.Link != "http://uppfoljning.test/r/"+l.Token {
				t.Errorf("link %d = %+v, want %s for %s", i, g, l.Token, l.Department.Name)
			}
		}
	})
	tokenOf := func(link string) string { return link[strings.LastIndex(link, "/")+1:] }
	t.Run("LinkOpensQuestionnaire", func(t *testing.T) {
		var q questionnaire.Body
		webtest.WantJSON(t, f.API(t, f.Anon, "GET", "/api/v1/r/"+tokenOf(links.Links[0].Link), nil), http.StatusOK, &q)
		if q.Round.ID != created.ID || q.Department.ID != bou.ID || !q.Round.Open {
			t.Fatalf("questionnaire = %+v", q)
		}
	})
	t.Run("LinkIsNotAnOfficeCredential", func(t *testing.T) {
		tok := tokenOf(links.Links[0].Link)
		webtest.WantAPIError(t, f.API(t, f.Anon, "GET", base, nil, webtest.Bearer(tok)), http.StatusUnauthorized, forms.EUNAUTHORIZED)
		webtest.WantAPIError(t, f.API(t, f.Anon, "GET", base+"/links", nil, webtest.Bearer(tok)), http.StatusUnauthorized, forms.EUNAUTHORIZED)
	})
	t.Run("ReplaceLink", func(t *testing.T) {
		old := tokenOf(links.Links[1].Link)
		var got officeapi.LinkJSON
		webtest.WantJSON(t, f.API(t, f.Admin, "POST", fmt.Sprintf("%s/links/%d/replace", base, soc.ID), nil), http.StatusOK, &got)
		if got.ID != soc.ID || got.Name != soc.Name || tokenOf(got.Link) == old || !strings.HasPrefix(got.Link, "http://uppfoljning.test/r/") {
			t.Fatalf("replaced link = %+v", got)
		}
		webtest.WantAPIError(t, f.API(t, f.Anon, "GET", "/api/v1/r/"+old, nil), http.StatusNotFound, forms.ENOTFOUND)
		webtest.WantJSON(t, f.API(t, f.Anon, "GET", "/api/v1/r/"+tokenOf(got.Link), nil), http.StatusOK, nil)
		// The other department's link still works, and the list shows the new one.
		webtest.WantJSON(t, f.API(t, f.Anon, "GET", "/api/v1/r/"+tokenOf(links.Links[0].Link), nil), http.StatusOK, nil)
		var again struct{ Links []officeapi.LinkJSON }
		webtest.WantJSON(t, f.API(t, f.Admin, "GET", base+"/links", nil), http.StatusOK, &again)
		if again.Links[1].Link != got.Link || again.Links[0].Link != links.Links[0].Link {
			t.Fatalf("links after replace = %+v", again.Links)
		}
	})
	t.Run("Close", func(t *testing.T) {
		var got officeapi.RoundJSON
		webtest.WantJSON(t, f.API(t, f.Admin, "POST", base+"/close", nil), http.StatusOK, &got)
		r, _ := f.DB.Round(ctx, created.ID)
		if got.State != "closed" || r.State != forms.RoundClosed || got.AcceptsAnswers || got.ClosedAt.IsZero() {
			t.Fatalf("round = %+v", got)
		}
	})
	t.Run("AllActiveDepartmentsWhenNoneNamed", func(t *testing.T) {
		m := valid()
		delete(m, "department_ids")
		var c2 struct{ ID int64 }
		webtest.WantJSON(t, f.API(t, f.Admin, "POST", "/api/v1/rounds", m), http.StatusCreated, &c2)
		deps, _ := f.DB.Participants(ctx, c2.ID)
		if len(deps) != 8 {
			t.Fatalf("%d participants, want all 8", len(deps))
		}
	})
}

func TestAPIOfficeProgressAndResponses(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	round := f.Demo.AnnualID
	rep, err := f.DB.RoundReport(ctx, round)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Progress", func(t *testing.T) {
		var got struct {
			RoundID     int64 `json:"round_id"`
			Total       int
			Counts      map[string]int
			Departments []officeapi.ProgressRowJSON
		}
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", fmt.Sprintf("/api/v1/rounds/%d/progress", round), nil), http.StatusOK, &got)
		want := map[string]int{"not_started": 2, "draft": 2, "returned": 0, "submitted": 4}
		if got.RoundID != round || got.Total != 8 || fmt.Sprint(got.Counts) != fmt.Sprint(want) || len(got.Departments) != 8 {
			t.Fatalf("progress = %+v, want counts %v", got, want)
		}
		for i, d := range rep.Departments {
			g := got.Departments[i]
			answered, assigned := rep.AnsweredOf(d.ID)
			resp := rep.Responses[d.ID]
			if g.ID != d.ID || g.Name != d.Name || g.State != string(rep.ResponseState(d.ID)) || g.Answered != answered || g.Assigned != assigned ||
				g.SubmittedBy != resp.SubmittedBy || !g.SubmittedAt.Equal(resp.SubmittedAt) || !g.UpdatedAt.Equal(resp.UpdatedAt) || g.Returned != nil {
				t.Errorf("row %d = %+v, want %s %s %d/%d", i, g, d.Name, rep.ResponseState(d.ID), answered, assigned)
			}
			if g.State == "submitted" && (g.SubmittedBy == "" || g.SubmittedAt.IsZero() || g.Answered != g.Assigned) {
				t.Errorf("submitted row %+v lacks its submission", g)
			}
		}
	})
	t.Run("Responses", func(t *testing.T) {
		var got struct{ Responses []officeapi.ResponseJSON }
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", fmt.Sprintf("/api/v1/rounds/%d/responses", round), nil), http.StatusOK, &got)
		if len(got.Responses) != 8 {
			t.Fatalf("%d responses, want 8", len(got.Responses))
		}
		for i, d := range rep.Departments {
			g := got.Responses[i]
			if g.Department.ID != d.ID || g.State != string(rep.ResponseState(d.ID)) || len(g.Answers) != rep.Plan.CountAssigned(d.ID) {
				t.Fatalf("response %d = %+v", i, g)
			}
			for _, a := range g.Answers {
				// Every saved answer, a draft's too: the state says whether it counts.
				act, _ := rep.Plan.Activity(a.ActivityID)
				cell := rep.Cell(d.ID, act, true)
				want, st := cell.Answer, cell.Status
				if a.StatusID != want.StatusID || a.Status != st.Name || a.Comment != want.Comment || a.Version != want.Version || a.NeedsSupport != want.NeedsSupport {
					t.Errorf("%s activity %d = %+v, want %+v (%s)", d.Name, a.ActivityID, a, want, st.Name)
				}
			}
		}
	})
	t.Run("OneResponse", func(t *testing.T) {
		bou := f.Dep(t, "Barn- och utbildningsförvaltningen")
		var got officeapi.ResponseJSON
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", fmt.Sprintf("/api/v1/rounds/%d/responses/%d", round, bou.ID), nil), http.StatusOK, &got)
		resp := rep.Responses[bou.ID]
		if got.Department.Name != bou.Name || got.State != "submitted" || got.SubmittedBy != resp.SubmittedBy || got.FilledInBy != resp.FilledInBy ||
			got.GeneralComment != resp.GeneralComment || got.Version != resp.Version || len(got.Answers) != 11 || got.Answered != 11 {
			t.Fatalf("response = %+v", got)
		}
		if len(got.Events) != 1 || got.Events[0].Kind != "submitted" || got.Events[0].Actor != resp.SubmittedBy {
			t.Fatalf("events = %+v", got.Events)
		}
		if got.Answers[0].Status == "" || got.Answers[0].UpdatedBy == "" || got.Answers[0].UpdatedAt.IsZero() {
			t.Fatalf("answer = %+v, want status name and who saved it", got.Answers[0])
		}
	})
	t.Run("NotStartedResponse", func(t *testing.T) {
		it := f.Dep(t, "Kommunledningskontoret, IT-avdelningen")
		var got officeapi.ResponseJSON
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", fmt.Sprintf("/api/v1/rounds/%d/responses/%d", round, it.ID), nil), http.StatusOK, &got)
		if got.State != "not_started" || got.Answered != 0 || len(got.Answers) != 15 || got.Answers[0].StatusID != 0 || got.Answers[0].ActivityID == 0 {
			t.Fatalf("response = %+v", got)
		}
	})
}

func TestAPIOfficeReturnResponse(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	round := f.Demo.AnnualID
	bou := f.Dep(t, "Barn- och utbildningsförvaltningen")
	soc := f.Dep(t, "Socialförvaltningen")
	path := fmt.Sprintf("/api/v1/rounds/%d/responses/%d/return", round, bou.ID)
	for _, tc := range []struct{ name, body, field string }{
		{"ErrNoMessage", `{"message": "  "}`, "message"},
		{"ErrUnknownField", `{"message": "Komplettera.", "notify": true}`, "notify"},
		{"ErrMalformed", `message=Komplettera`, "body"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			webtest.WantField(t, f.API(t, f.Admin, "POST", path, tc.body), tc.field)
		})
	}
	t.Run("ErrNotSubmitted", func(t *testing.T) {
		b := webtest.WantAPIError(t, f.API(t, f.Admin, "POST", fmt.Sprintf("/api/v1/rounds/%d/responses/%d/return", round, soc.ID), map[string]any{"message": "Komplettera."}), http.StatusConflict, forms.ECONFLICT)
		if b.Error.Fields["state"] == "" {
			t.Fatalf("fields = %v", b.Error.Fields)
		}
	})
	if r, _ := f.DB.Response(ctx, round, bou.ID); r.State != forms.ResponseSubmitted {
		t.Fatalf("a refused return changed the state to %s", r.State)
	}
	t.Run("Return", func(t *testing.T) {
		var got officeapi.ResponseJSON
		webtest.WantJSON(t, f.API(t, f.Admin, "POST", path, map[string]any{"message": "Komplettera kommentaren om riskanalysen."}), http.StatusOK, &got)
		r, _ := f.DB.Response(ctx, round, bou.ID)
		if got.State != "returned" || r.State != forms.ResponseReturned || got.Returned == nil || got.Returned.Message != "Komplettera kommentaren om riskanalysen." ||
			got.Returned.ReturnedBy != demo.AdminEmail || r.ReturnedBy != demo.AdminEmail || len(got.Events) != 2 || got.Events[1].Kind != "returned" {
			t.Fatalf("returned = %+v, stored %+v", got, r)
		}
		var prog struct{ Counts map[string]int }
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", fmt.Sprintf("/api/v1/rounds/%d/progress", round), nil), http.StatusOK, &prog)
		if prog.Counts["returned"] != 1 || prog.Counts["submitted"] != 3 {
			t.Fatalf("counts = %v", prog.Counts)
		}
	})
	t.Run("ErrReturnTwice", func(t *testing.T) {
		webtest.WantAPIError(t, f.API(t, f.Admin, "POST", path, map[string]any{"message": "Igen."}), http.StatusConflict, forms.ECONFLICT)
	})
	t.Run("DepartmentEditsAgain", func(t *testing.T) {
		var tok string
		for _, l := range f.Demo.Links {
			if l.Department.ID == bou.ID {
				tok = l.Token
			}
		}
		var q questionnaire.Body
		webtest.WantJSON(t, f.API(t, f.Anon, "GET", "/api/v1/r/"+tok, nil), http.StatusOK, &q)
		if q.State != "returned" || q.ReturnMessage != "Komplettera kommentaren om riskanalysen." {
			t.Fatalf("questionnaire = %+v", q)
		}
		a := q.Activities[0]
		body := map[string]any{"answers": []any{map[string]any{"activity_id": a.ID, "status_id": a.Answer.StatusID,
			"comment": "Kompletterat: riskanalysen omfattar nu även elevregistret.", "base_version": a.Answer.Version}}}
		webtest.WantJSON(t, f.API(t, f.Anon, "POST", "/api/v1/r/"+tok+"/submit", body), http.StatusOK, &q)
		if q.State != "submitted" {
			t.Fatalf("state after resubmission = %s", q.State)
		}
	})
}

func TestAPIOfficeConsolidations(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	// The demo's annual round is consolidated already; the interim round
	// is not, so the first save there is version 1.
	round := f.Demo.InterimID
	rep, _ := f.DB.RoundReport(ctx, round)
	acts := rep.Plan.Activities()
	act := acts[0]
	done, _ := rep.Plan.Statuses.DoneStatus()
	path := fmt.Sprintf("/api/v1/rounds/%d/consolidations/%d", round, act.ID)
	t.Run("List", func(t *testing.T) {
		var got struct {
			Consolidations []officeapi.ConsolidationItemJSON
		}
		webtest.WantJSON(t, f.API(t, f.Reader, "GET", fmt.Sprintf("/api/v1/rounds/%d/consolidations", round), nil), http.StatusOK, &got)
		if len(got.Consolidations) != len(acts) {
			t.Fatalf("%d items, want %d", len(got.Consolidations), len(acts))
		}
		for i, a := range acts {
			g := got.Consolidations[i]
			sg := rep.Suggestion(a)
			ar, _ := rep.Plan.AreaOf(a.ID)
			if g.ActivityID != a.ID || g.Title != a.Title || g.Area != ar.Title || g.Consolidation != nil || g.Suggestion.Rule != string(sg.Rule) ||
				g.Suggestion.StatusID != sg.Status.ID || g.Suggestion.Status != sg.Status.Name || g.Suggestion.Assigned != sg.Tally.Assigned ||
				g.Suggestion.Unanswered != sg.Tally.Unanswered() || len(g.Suggestion.Counts) != len(rep.Plan.Statuses) {
				t.Errorf("item %d = %+v, want suggestion %+v", i, g, sg)
			}
			for j, n := range sg.Tally.PerStatus {
				if c := g.Suggestion.Counts[j]; c.Count != n || c.StatusID != rep.Plan.Statuses[j].ID || c.Status != rep.Plan.Statuses[j].Name {
					t.Errorf("item %d count %d = %+v, want %d", i, j, c, n)
				}
			}
		}
	})
	t.Run("Save", func(t *testing.T) {
		var got officeapi.ConsolidationItemJSON
		webtest.WantJSON(t, f.API(t, f.Admin, "PUT", path, map[string]any{"status_id": done.ID, "narrative": "Samtliga verksamheter har genomfört riskanalysen.",
			"include_comments": false, "base_version": 0}), http.StatusOK, &got)
		c := got.Consolidation
		if c == nil || c.Version != 1 || c.StatusID != done.ID || c.Status != done.Name || c.IncludeComments || c.Author != demo.AdminEmail || c.SavedAt.IsZero() {
			t.Fatalf("saved = %+v", c)
		}
		rep2, _ := f.DB.RoundReport(ctx, round)
		if s := rep2.Consolidations[act.ID]; s.Version != 1 || s.Narrative != "Samtliga verksamheter har genomfört riskanalysen." || s.IncludeComments {
			t.Fatalf("stored = %+v", s)
		}
	})
	t.Run("ErrStaleBase", func(t *testing.T) {
		b := webtest.WantAPIError(t, f.API(t, f.Admin, "PUT", path, map[string]any{"status_id": done.ID, "narrative": "Någon annans text.", "base_version": 0}), http.StatusConflict, forms.ECONFLICT)
		if b.Error.Fields["base_version"] == "" {
			t.Fatalf("fields = %v", b.Error.Fields)
		}
		rep2, _ := f.DB.RoundReport(ctx, round)
		if s := rep2.Consolidations[act.ID]; s.Version != 1 || s.Narrative != "Samtliga verksamheter har genomfört riskanalysen." {
			t.Fatalf("a stale save changed %+v", s)
		}
	})
	t.Run("SaveOnCurrentBase", func(t *testing.T) {
		var got officeapi.ConsolidationItemJSON
		webtest.WantJSON(t, f.API(t, f.Admin, "PUT", path, map[string]any{"status_id": 0, "narrative": "Omarbetad text.", "base_version": 1}), http.StatusOK, &got)
		if c := got.Consolidation; c.Version != 2 || c.StatusID != 0 || c.Status != "" || !c.IncludeComments {
			t.Fatalf("saved = %+v, want version 2 without status, comments included by default", c)
		}
	})
	for _, tc := range []struct{ name, body, field string }{
		{"ErrUnknownStatus", `{"status_id": 999999, "narrative": "x", "base_version": 2}`, "status_id"},
		{"ErrUnknownField", `{"status": 1, "narrative": "x", "base_version": 2}`, "status"},
		{"ErrWrongType", `{"status_id": "Genomfört", "base_version": 2}`, "status_id"},
		{"ErrMalformed", `{"narrative": "x"`, "body"},
		{"ErrControlCharacters", `{"narrative": "x\u0007y", "base_version": 2}`, "narrative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			webtest.WantField(t, f.API(t, f.Admin, "PUT", path, tc.body), tc.field)
		})
	}
	t.Run("ErrActivityOfAnotherPlan", func(t *testing.T) {
		var got struct{ ID int64 }
		webtest.WantJSON(t, f.API(t, f.Admin, "POST", "/api/v1/plans", apiPlanDoc("all")), http.StatusCreated, &got)
		other, _ := f.DB.Plan(ctx, got.ID)
		webtest.WantAPIError(t, f.API(t, f.Admin, "PUT", fmt.Sprintf("/api/v1/rounds/%d/consolidations/%d", round, other.Activities()[0].ID),
			map[string]any{"narrative": "x", "base_version": 0}), http.StatusNotFound, forms.ENOTFOUND)
	})
	rep3, _ := f.DB.RoundReport(ctx, round)
	if len(rep3.Consolidations) != 1 || rep3.Consolidations[act.ID].Version != 2 {
		t.Fatalf("consolidations = %+v, want only the one saved twice", rep3.Consolidations)
	}
}
