package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"followup/forms"
)

// benchRound creates a round of deps departments and acts activities in a
// fresh database file and returns the database, round and plan.
func benchRound(b *testing.B, deps, acts int) (*DB, int64, *forms.Plan, []forms.Department) {
	b.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	var rows []forms.DepartmentRow
	for i := 0; i < deps; i++ {
		rows = append(rows, forms.DepartmentRow{Line: i + 2, Input: forms.DepartmentInput{Name: fmt.Sprintf("Verksamhet %03d", i), Kind: "förvaltning"}})
	}
	if _, err := db.ImportDepartments(ctx, rows, "bench"); err != nil {
		b.Fatal(err)
	}
	plan := &forms.Plan{Organisation: "Benchby", Title: "Plan", Year: 2025, Statuses: forms.DefaultScale()}
	for a := 0; a < acts; a++ {
		if a%10 == 0 {
			plan.Areas = append(plan.Areas, forms.Area{Title: fmt.Sprintf("Område %d", a/10)})
		}
		ar := &plan.Areas[len(plan.Areas)-1]
		ar.Activities = append(ar.Activities, forms.Activity{Title: fmt.Sprintf("Aktivitet %d", a), AllDepartments: true})
	}
	if _, err := db.CreatePlan(ctx, plan, "bench"); err != nil {
		b.Fatal(err)
	}
	round, err := db.CreateRound(ctx, forms.RoundInput{PlanID: plan.ID, Kind: "annual", Title: "R", ReportDate: "2025-12-31", Deadline: "2099-01-01"}, "bench")
	if err != nil {
		b.Fatal(err)
	}
	if err := db.SetRoundState(ctx, round, forms.RoundOpen, "bench"); err != nil {
		b.Fatal(err)
	}
	departments, _ := db.Departments(ctx, false)
	return db, round, plan, departments
}

// BenchmarkSaveResponse measures one autosave of one answer, the most
// frequent write near a deadline, in a round of 300 departments and 100
// activities, with synchronous=FULL.
func BenchmarkSaveResponse(b *testing.B) {
	db, round, plan, deps := benchRound(b, 300, 100)
	ctx := context.Background()
	acts := plan.Activities()
	st := plan.Statuses[2].ID
	versions := map[[2]int64]int{}
	// The server reads the questionnaire (and so caches the plan) before
	// any save; do the same.
	if _, err := db.Plan(ctx, plan.ID); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d, a := deps[i%len(deps)].ID, acts[(i/len(deps))%len(acts)].ID
		k := [2]int64{d, a}
		in := forms.SaveInput{Answers: []forms.AnswerInput{{ActivityID: a, StatusID: st, Comment: fmt.Sprintf("kommentar %d", i), BaseVersion: versions[k]}}}
		if _, err := db.SaveResponse(ctx, time.UTC, round, d, in, "bench"); err != nil {
			b.Fatal(err)
		}
		versions[k]++
	}
}

// BenchmarkResponseRead measures reading one department's response with
// its answers, as every page load does.
func BenchmarkResponseRead(b *testing.B) {
	db, round, _, deps := benchRound(b, 300, 100)
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := db.Response(ctx, round, deps[i%len(deps)].ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanRead measures loading a plan of 100 activities.
func BenchmarkPlanRead(b *testing.B) {
	db, _, plan, _ := benchRound(b, 10, 100)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := db.Plan(ctx, plan.ID); err != nil {
			b.Fatal(err)
		}
	}
}
