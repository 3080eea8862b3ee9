package storage

import (
	"context"
	"testing"
	"time"

	"followup/forms"
)

// lineFixture builds plans year after year with three departments: the
// first plan has Riskanalys and Informationsklassning for everyone,
// Tvåfaktorsautentisering for the IT department and Loggning for IT and
// the energy company.
type lineFixture struct {
	db     *DB
	ctx    context.Context
	loc    *time.Location
	bou    forms.Department
	it     forms.Department
	energi forms.Department
}

func newLineFixture(tb testing.TB) *lineFixture {
	tb.Helper()
	f := &lineFixture{db: mustOpenDB(tb), ctx: context.Background(), loc: stockholm(tb)}
	for _, d := range []struct {
		to         *forms.Department
		name, kind string
	}{{&f.bou, "Barn- och utbildningsförvaltningen", "förvaltning"}, {&f.it, "IT-avdelningen", "förvaltning"}, {&f.energi, "Exempelby Energi AB", "bolag"}} {
		dep, err := f.db.CreateDepartment(f.ctx, forms.DepartmentInput{Name: d.name, Kind: d.kind}, "test")
		if err != nil {
			tb.Fatal(err)
		}
		*d.to = dep
	}
	return f
}

// firstPlan stores the 2024 plan.
func (f *lineFixture) firstPlan(tb testing.TB) *forms.Plan {
	tb.Helper()
	p := &forms.Plan{Organisation: "Exempelby kommun", Title: "Handlingsplan 2024", Year: 2024, Statuses: forms.DefaultScale(),
		Areas: []forms.Area{
			{Title: "Styrning", Activities: []forms.Activity{
				{Title: "Riskanalys", Description: "Tre tillgångar.", AllDepartments: true},
				{Title: "Informationsklassning", Description: "Ett system per verksamhet.", AllDepartments: true},
			}},
			{Title: "IT-säkerhet", Activities: []forms.Activity{
				{Title: "Tvåfaktorsautentisering", DepartmentIDs: []int64{f.it.ID}},
				{Title: "Loggning", DepartmentIDs: []int64{f.it.ID, f.energi.ID}},
			}},
		}}
	if _, err := f.db.CreatePlan(f.ctx, p, "test"); err != nil {
		tb.Fatalf("CreatePlan: %v", err)
	}
	return f.plan(tb, p.ID)
}

func (f *lineFixture) plan(tb testing.TB, id int64) *forms.Plan {
	tb.Helper()
	p, err := f.db.Plan(f.ctx, id)
	if err != nil {
		tb.Fatalf("Plan %d: %v", id, err)
	}
	return p
}

// lineAct returns the id of the plan's activity with the title.
func lineAct(tb testing.TB, p *forms.Plan, title string) int64 {
	tb.Helper()
	for _, a := range p.Activities() {
		if a.Title == title {
			return a.ID
		}
	}
	tb.Fatalf("plan %d has no activity %q", p.ID, title)
	return 0
}

func lineStatus(tb testing.TB, p *forms.Plan, name string) int64 {
	tb.Helper()
	st, ok := p.Statuses.ByName(name)
	if !ok {
		tb.Fatalf("plan %d has no status %q", p.ID, name)
	}
	return st.ID
}

// answers are a department's statuses by activity title; activities left
// out are answered Pågår.
type answers map[string]string

// openRound creates and opens a round of the plan for every active
// department; the deadline is ahead of the test clock.
func (f *lineFixture) openRound(tb testing.TB, p *forms.Plan, kind, title, date string) int64 {
	tb.Helper()
	id, err := f.db.CreateRound(f.ctx, forms.RoundInput{PlanID: p.ID, Kind: kind, Title: title, ReportDate: date, Deadline: "2025-01-20"}, "test")
	if err != nil {
		tb.Fatalf("CreateRound: %v", err)
	}
	if err := f.db.SetRoundState(f.ctx, id, forms.RoundOpen, "test"); err != nil {
		tb.Fatal(err)
	}
	return id
}

// input is a department's answers to every activity assigned to it.
func (f *lineFixture) input(tb testing.TB, p *forms.Plan, dep int64, given answers) forms.SaveInput {
	tb.Helper()
	name := "Test"
	in := forms.SaveInput{FilledInBy: &name}
	for _, a := range p.Activities() {
		if !a.AssignedTo(dep) {
			continue
		}
		st := given[a.Title]
		if st == "" {
			st = "Pågår"
		}
		in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ID, StatusID: lineStatus(tb, p, st), Comment: "Kommentar."})
	}
	return in
}

// submit submits a department's answers.
func (f *lineFixture) submit(tb testing.TB, p *forms.Plan, round, dep int64, given answers) {
	tb.Helper()
	if _, err := f.db.SubmitResponse(f.ctx, f.loc, round, dep, f.input(tb, p, dep, given), "test"); err != nil {
		tb.Fatalf("SubmitResponse: %v", err)
	}
}

// draft saves a department's answers without submitting them.
func (f *lineFixture) draft(tb testing.TB, p *forms.Plan, round, dep int64, given answers) {
	tb.Helper()
	if _, err := f.db.SaveResponse(f.ctx, f.loc, round, dep, f.input(tb, p, dep, given), "test"); err != nil {
		tb.Fatalf("SaveResponse: %v", err)
	}
}

// consolidate saves the office's status, by activity title.
func (f *lineFixture) consolidate(tb testing.TB, p *forms.Plan, round int64, statuses map[string]string) {
	tb.Helper()
	for title, st := range statuses {
		in := forms.ConsolidationInput{StatusID: lineStatus(tb, p, st), Narrative: title + ": " + st + "."}
		if _, err := f.db.SaveConsolidation(f.ctx, round, lineAct(tb, p, title), in, "test"); err != nil {
			tb.Fatalf("SaveConsolidation %s: %v", title, err)
		}
	}
}

func (f *lineFixture) close(tb testing.TB, round int64) {
	tb.Helper()
	if err := f.db.SetRoundState(f.ctx, round, forms.RoundClosed, "test"); err != nil {
		tb.Fatal(err)
	}
}

// finishedYear gives the 2024 plan a closed interim round and a closed,
// consolidated annual round: Riskanalys done, Informationsklassning not
// started, Tvåfaktorsautentisering moved to next year, Loggning under way.
func (f *lineFixture) finishedYear(tb testing.TB, p *forms.Plan) (interim, annual int64) {
	tb.Helper()
	interim = f.openRound(tb, p, "interim", "Delårsrapport 2024", "2024-08-31")
	for _, d := range []int64{f.bou.ID, f.it.ID, f.energi.ID} {
		f.submit(tb, p, interim, d, answers{"Informationsklassning": "Ej påbörjat"})
	}
	f.close(tb, interim)
	annual = f.openRound(tb, p, "annual", "Årsredovisning 2024", "2024-12-31")
	for _, d := range []int64{f.bou.ID, f.it.ID, f.energi.ID} {
		f.submit(tb, p, annual, d, answers{"Riskanalys": "Genomfört", "Informationsklassning": "Ej påbörjat"})
	}
	f.consolidate(tb, p, annual, map[string]string{"Riskanalys": "Genomfört", "Informationsklassning": "Ej påbörjat",
		"Tvåfaktorsautentisering": "Flyttas till nästa år", "Loggning": "Pågår"})
	f.close(tb, annual)
	return interim, annual
}

// next makes next year's plan from p with the proposal's defaults.
func (f *lineFixture) next(tb testing.TB, p *forms.Plan, year int) *forms.Plan {
	tb.Helper()
	prop, err := f.db.NextPlanProposal(f.ctx, p.ID, year)
	if err != nil {
		tb.Fatalf("NextPlanProposal: %v", err)
	}
	id, err := f.db.CreateNextPlan(f.ctx, prop.Input(false), "test")
	if err != nil {
		tb.Fatalf("CreateNextPlan: %v", err)
	}
	return f.plan(tb, id)
}
