package storage

import (
	"fmt"
	"testing"

	"followup/forms"
)

// TestLimits checks that the register and a plan stop growing at the
// documented limits, whichever way they grow.
func TestLimits(t *testing.T) {
	f := newFixture(t)
	t.Run("ErrTooManyDepartments", func(t *testing.T) {
		deps, err := f.db.Departments(f.ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		var rows []forms.DepartmentRow
		for i := len(deps); i < forms.MaxDepartments; i++ {
			rows = append(rows, forms.DepartmentRow{Line: i, Input: forms.DepartmentInput{Name: fmt.Sprintf("Enhet %04d", i), Kind: "förvaltning"}})
		}
		if _, err := f.db.ImportDepartments(f.ctx, rows, "test"); err != nil {
			t.Fatalf("importing up to the limit: %v", err)
		}
		_, err = f.db.CreateDepartment(f.ctx, forms.DepartmentInput{Name: "En för mycket", Kind: "bolag"}, "test")
		wantField(t, err, "name", "error.too_many_departments")
		_, err = f.db.ImportDepartments(f.ctx, []forms.DepartmentRow{{Line: 2, Input: forms.DepartmentInput{Name: "Också för mycket", Kind: "bolag"}}}, "test")
		wantField(t, err, "name", "error.too_many_departments")
		// Changing a department that exists still works at the limit.
		if _, err := f.db.ImportDepartments(f.ctx, []forms.DepartmentRow{{Line: 2, Input: forms.DepartmentInput{Name: "Enhet 0999", Kind: "bolag"}}}, "test"); err != nil {
			t.Errorf("changing a department at the limit: %v", err)
		}
	})
	t.Run("ErrTooManyActivities", func(t *testing.T) {
		p := &forms.Plan{Organisation: "Exempelby kommun", Title: "Stor plan", Year: 2027, Statuses: forms.DefaultScale()}
		for i := range 10 {
			ar := forms.Area{Position: i, Title: fmt.Sprintf("Område %d", i)}
			for j := range forms.MaxActivities / 10 {
				ar.Activities = append(ar.Activities, forms.Activity{Position: j, Title: fmt.Sprintf("Aktivitet %d.%d", i, j), AllDepartments: true})
			}
			p.Areas = append(p.Areas, ar)
		}
		id, err := f.db.CreatePlan(f.ctx, p, "test")
		if err != nil {
			t.Fatalf("a plan at the limit: %v", err)
		}
		plan, err := f.db.Plan(f.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.db.AddActivity(f.ctx, id, plan.Areas[0].ID, forms.Activity{Title: "En för mycket", AllDepartments: true}, "test")
		wantField(t, err, "activities", "error.too_many_activities")
		p.Areas[0].Activities = append(p.Areas[0].Activities, forms.Activity{Title: "Extra", AllDepartments: true})
		_, err = f.db.CreatePlan(f.ctx, p, "test")
		wantField(t, err, "activities", "error.too_many_activities")
	})
	t.Run("ErrTooManyAreas", func(t *testing.T) {
		p := &forms.Plan{Organisation: "Exempelby kommun", Title: "Bred plan", Year: 2027, Statuses: forms.DefaultScale()}
		for i := range forms.MaxAreas {
			p.Areas = append(p.Areas, forms.Area{Position: i, Title: fmt.Sprintf("Område %d", i)})
		}
		id, err := f.db.CreatePlan(f.ctx, p, "test")
		if err != nil {
			t.Fatalf("a plan at the limit: %v", err)
		}
		_, err = f.db.AddArea(f.ctx, id, "Ett för mycket", "test")
		wantField(t, err, "areas", "error.too_many_areas")
	})
}

// wantField fails unless err is EINVALID naming field with the message key.
func wantField(t *testing.T, err error, field, key string) {
	t.Helper()
	wantCode(t, err, forms.EINVALID)
	if fe, ok := err.(*forms.Error); !ok || fe.Fields[field] != key {
		t.Errorf("error = %#v, want %s on %s", err, key, field)
	}
}
