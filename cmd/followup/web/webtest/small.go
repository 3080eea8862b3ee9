package webtest

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"followup/cmd/followup/demo"
	"followup/forms"
	"followup/storage"
)

// Names of the Small data set's departments, areas, activities and rounds.
const (
	DeptSchool  = "Barn- och utbildningsförvaltningen"
	DeptOffice  = "Kommunledningsförvaltningen"
	DeptCompany = "Exempelby Energi AB"

	AreaGovernance = "Styrning och ledning"
	AreaTechnical  = "Teknisk säkerhet"

	ActRisk     = "Genomför riskanalys av verksamhetens informationstillgångar"
	ActClassify = "Klassa informationen i verksamhetssystemen"
	ActMFA      = "Inför tvåfaktorsinloggning för distansåtkomst"
	ActLogging  = "Inför central loggning av behörighetsändringar"

	InterimTitle = "Delårsrapport 2025"
	AnnualTitle  = "Årsredovisning 2025"

	InterimDeadline = "2025-09-15"
	AnnualDeadline  = "2026-02-13"
)

// SmallStart is the Small data set's clock: five days before the interim
// deadline.
func SmallStart(loc *time.Location) time.Time {
	return time.Date(2025, 9, 10, 10, 0, 0, 0, loc)
}

// seedSmall fills the database with the Small data set and the demo's
// accounts.
func (f *Fixture) seedSmall(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	db := f.DB
	for _, u := range []struct{ email, name, role, password string }{
		{demo.AdminEmail, "Sanna Samordnare", storage.RoleAdmin, demo.AdminPassword},
		{demo.ReaderEmail, "Rune Revisor", storage.RoleReader, demo.ReaderPass},
	} {
		if _, err := db.CreateUser(ctx, u.email, u.name, u.role, u.password, "test"); err != nil {
			t.Fatalf("create account %s: %v", u.email, err)
		}
	}
	deps := map[string]int64{}
	for _, d := range []forms.DepartmentInput{
		{Name: DeptSchool, Kind: "förvaltning", Email: "bou@exempelby.se"},
		{Name: DeptOffice, Kind: "förvaltning", Email: "kommunledning@exempelby.se"},
		{Name: DeptCompany, Kind: "bolag", Email: "info@energi.exempelby.se"},
	} {
		dep, err := db.CreateDepartment(ctx, d, "test")
		if err != nil {
			t.Fatalf("create department %s: %v", d.Name, err)
		}
		deps[dep.Name] = dep.ID
	}
	plan := &forms.Plan{Organisation: "Exempelby kommun", Title: "Handlingsplan för informationssäkerhet 2025", Year: 2025,
		Statuses: forms.DefaultScale(),
		Areas: []forms.Area{
			{Title: AreaGovernance, Activities: []forms.Activity{
				{Title: ActRisk, Description: "Riskanalysen omfattar verksamhetens viktigaste system.", AllDepartments: true},
				{Title: ActClassify, AllDepartments: true},
			}},
			{Title: AreaTechnical, Activities: []forms.Activity{
				{Title: ActMFA, DepartmentIDs: []int64{deps[DeptOffice]}},
				{Title: ActLogging, DepartmentIDs: []int64{deps[DeptCompany]}},
			}},
		}}
	if _, err := db.CreatePlan(ctx, plan, "test"); err != nil {
		t.Fatalf("create plan: %v", err)
	}
	for _, r := range []struct {
		in  forms.RoundInput
		out *forms.Round
	}{
		{forms.RoundInput{PlanID: plan.ID, Kind: "interim", Title: InterimTitle, ReportDate: "2025-08-31", Deadline: InterimDeadline}, &f.Interim},
		{forms.RoundInput{PlanID: plan.ID, Kind: "annual", Title: AnnualTitle, ReportDate: "2025-12-31", Deadline: AnnualDeadline}, &f.Annual},
	} {
		id, err := db.CreateRound(ctx, r.in, "test")
		if err != nil {
			t.Fatalf("create round %s: %v", r.in.Title, err)
		}
		if err := db.SetRoundState(ctx, id, forms.RoundOpen, "test"); err != nil {
			t.Fatalf("open round %s: %v", r.in.Title, err)
		}
		if *r.out, err = db.Round(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	f.lookups(t, plan.ID, f.Interim.ID, f.Annual.ID)
}

// Dep returns a stored department by name, failing the test when there is
// none.
func (f *Fixture) Dep(t testing.TB, name string) forms.Department {
	t.Helper()
	d, ok := f.LookupDep(t, name)
	if !ok {
		t.Fatalf("no department %q", name)
	}
	return d
}

// LookupDep returns a stored department by name, and whether there is one.
func (f *Fixture) LookupDep(t testing.TB, name string) (forms.Department, bool) {
	t.Helper()
	deps, err := f.DB.Departments(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range deps {
		if d.Name == name {
			return d, true
		}
	}
	return forms.Department{}, false
}

// Act returns the id of an activity of the plan by title.
func (f *Fixture) Act(t testing.TB, title string) int64 {
	t.Helper()
	a, ok := f.Acts[title]
	if !ok {
		t.Fatalf("no activity %q in the fixture", title)
	}
	return a.ID
}

// Status returns the id of a status of the plan's scale by name.
func (f *Fixture) Status(t testing.TB, name string) int64 {
	t.Helper()
	st, ok := f.Plan.Statuses.ByName(name)
	if !ok {
		t.Fatalf("no status %q on the scale", name)
	}
	return st.ID
}

// Token returns a department's link token in an open round.
func (f *Fixture) Token(t testing.TB, round forms.Round, dept string) string {
	t.Helper()
	tok := f.Tokens[round.ID][f.Dep(t, dept).ID]
	if tok == "" {
		t.Fatalf("no token for %s in round %d", dept, round.ID)
	}
	return tok
}

// Response reads a department's response straight from the database.
func (f *Fixture) Response(t testing.TB, round forms.Round, dept string) *forms.Response {
	t.Helper()
	r, err := f.DB.Response(context.Background(), round.ID, f.Dep(t, dept).ID)
	if err != nil {
		t.Fatalf("read response: %v", err)
	}
	return r
}

// SQL opens a second, read-only connection to the database for what the
// storage package does not expose, such as history rows.
func (f *Fixture) SQL(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+f.Path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Count returns the result of a COUNT(*) query.
func (f *Fixture) Count(t testing.TB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := f.SQL(t).QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// SubmitDirect answers every assigned activity of a department through
// storage, with the status "Pågår", and submits.
func (f *Fixture) SubmitDirect(t testing.TB, round forms.Round, dept, by string) *forms.Response {
	t.Helper()
	d := f.Dep(t, dept)
	in := forms.SaveInput{FilledInBy: &by}
	for _, a := range f.Plan.Activities() {
		if a.AssignedTo(d.ID) {
			in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ID, StatusID: f.Status(t, "Pågår"), Comment: "Arbetet pågår: " + a.Title})
		}
	}
	r, err := f.DB.SubmitResponse(context.Background(), f.Loc, round.ID, d.ID, in, storage.Actor(by))
	if err != nil {
		t.Fatalf("submit %s: %v", dept, err)
	}
	return r
}

// EditableLink returns the link of a department whose response to the
// annual round can still be edited, and the first activity it answers.
func (f *Fixture) EditableLink(t testing.TB) (storage.Link, forms.Activity) {
	t.Helper()
	ctx := context.Background()
	links, err := f.DB.Links(ctx, f.Secret, f.Annual.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		r, err := f.DB.Response(ctx, f.Annual.ID, l.Department.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.State.Editable() && len(f.Plan.AssignedAreas(l.Department.ID)) > 0 {
			return l, f.Plan.AssignedAreas(l.Department.ID)[0].Activities[0]
		}
	}
	t.Fatal("no editable response in the annual round")
	return storage.Link{}, forms.Activity{}
}
