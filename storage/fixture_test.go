package storage

import (
	"context"
	"testing"
	"time"

	"followup/forms"
)

// fixture is an open annual round of a 2024 plan with three departments:
// activities A and B in the first area are for everyone, activity C in the
// second area for the IT department only.
type fixture struct {
	db     *DB
	ctx    context.Context
	loc    *time.Location
	bou    forms.Department
	it     forms.Department
	energi forms.Department
	plan   *forms.Plan
	round  int64
	actA   int64
	actB   int64
	actC   int64
}

func newFixture(tb testing.TB) *fixture {
	tb.Helper()
	f := &fixture{db: mustOpenDB(tb), ctx: context.Background(), loc: stockholm(tb)}
	f.bou = f.department(tb, "Barn- och utbildningsförvaltningen", "förvaltning")
	f.it = f.department(tb, "IT-avdelningen", "förvaltning")
	f.energi = f.department(tb, "Exempelby Energi AB", "bolag")
	f.plan = &forms.Plan{Organisation: "Exempelby kommun", Title: "Handlingsplan 2024", Year: 2024, Statuses: forms.DefaultScale(),
		Areas: []forms.Area{
			{Title: "Styrning", Activities: []forms.Activity{
				{Title: "Riskanalys", Description: "Tre tillgångar.", AllDepartments: true},
				{Title: "Kontinuitetsplan", AllDepartments: true},
			}},
			{Title: "IT-säkerhet", Activities: []forms.Activity{
				{Title: "Tvåfaktorsautentisering", DepartmentIDs: []int64{f.it.ID}},
			}},
		}}
	if _, err := f.db.CreatePlan(f.ctx, f.plan, "test"); err != nil {
		tb.Fatalf("CreatePlan: %v", err)
	}
	f.actA, f.actB, f.actC = f.plan.Areas[0].Activities[0].ID, f.plan.Areas[0].Activities[1].ID, f.plan.Areas[1].Activities[0].ID
	f.round = f.openRound(tb, "annual", "Årsredovisning 2024", "2024-12-31", "2025-01-20")
	return f
}

func (f *fixture) department(tb testing.TB, name, kind string) forms.Department {
	tb.Helper()
	d, err := f.db.CreateDepartment(f.ctx, forms.DepartmentInput{Name: name, Kind: kind}, "test")
	if err != nil {
		tb.Fatalf("CreateDepartment %s: %v", name, err)
	}
	return d
}

// openRound creates a round of the fixture's plan for every active
// department and opens it.
func (f *fixture) openRound(tb testing.TB, kind, title, reportDate, deadline string) int64 {
	tb.Helper()
	id, err := f.db.CreateRound(f.ctx, forms.RoundInput{PlanID: f.plan.ID, Kind: kind, Title: title, ReportDate: reportDate, Deadline: deadline}, "test")
	if err != nil {
		tb.Fatalf("CreateRound: %v", err)
	}
	if err := f.db.SetRoundState(f.ctx, id, forms.RoundOpen, "test"); err != nil {
		tb.Fatalf("open round: %v", err)
	}
	return id
}

// status returns the id of the plan's status with the given name.
func (f *fixture) status(tb testing.TB, name string) int64 {
	tb.Helper()
	st, ok := f.plan.Statuses.ByName(name)
	if !ok || st.ID == 0 {
		tb.Fatalf("no status %q with an id", name)
	}
	return st.ID
}

func (f *fixture) save(dept int64, actor Actor, answers ...forms.AnswerInput) (*forms.Response, error) {
	return f.db.SaveResponse(f.ctx, f.loc, f.round, dept, forms.SaveInput{Answers: answers}, actor)
}

func (f *fixture) mustSave(tb testing.TB, dept int64, in forms.SaveInput) *forms.Response {
	tb.Helper()
	r, err := f.db.SaveResponse(f.ctx, f.loc, f.round, dept, in, "test")
	if err != nil {
		tb.Fatalf("SaveResponse: %v", err)
	}
	return r
}

func (f *fixture) response(tb testing.TB, dept int64) *forms.Response {
	tb.Helper()
	r, err := f.db.Response(f.ctx, f.round, dept)
	if err != nil {
		tb.Fatalf("Response: %v", err)
	}
	return r
}

func ptr(s string) *string { return &s }

// historyRow is one row of answer_history, read straight from the table.
type historyRow struct {
	Version    int
	OldStatus  int64
	OldComment string
	OldSupport bool
	Status     int64
	Comment    string
	Support    bool
	ChangedBy  string
	ChangedAt  string
}

// history returns the answer_history rows of one answer (activity 0: the
// general comment) in the order they were written.
func history(tb testing.TB, db *DB, responseID, activityID int64) []historyRow {
	tb.Helper()
	rows, err := db.w.Query(`SELECT version, COALESCE(old_status_id, 0), old_comment, old_needs_support, COALESCE(status_id, 0), comment,
		needs_support, changed_by, changed_at FROM answer_history WHERE response_id = ? AND activity_id IS NULLIF(?, 0) ORDER BY id`, responseID, activityID)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []historyRow
	for rows.Next() {
		var h historyRow
		if err := rows.Scan(&h.Version, &h.OldStatus, &h.OldComment, &h.OldSupport, &h.Status, &h.Comment, &h.Support, &h.ChangedBy, &h.ChangedAt); err != nil {
			tb.Fatal(err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
