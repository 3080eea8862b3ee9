package storage

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	"followup/forms"
)

// TestPlanCacheSeesEveryChange changes a cached plan through plain SQL, as
// any code path might, and expects the next read to see the change.
func TestPlanCacheSeesEveryChange(t *testing.T) {
	f := newFixture(t)
	first, err := f.db.Plan(f.ctx, f.plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	first.Areas[0].Activities[0].Title = "changed by the caller"
	changes := []struct {
		name string
		sql  string
		args []any
	}{
		{"ActivityTitle", `UPDATE activities SET title = 'Ny titel' WHERE id = ?`, []any{f.actA}},
		{"Respondents", `INSERT INTO activity_departments (activity_id, department_id) VALUES (?, ?)`, []any{f.actC, f.energi.ID}},
		{"StatusName", `UPDATE statuses SET name = 'Inte påbörjat' WHERE plan_id = ? AND position = 0`, []any{f.plan.ID}},
		{"AreaTitle", `UPDATE areas SET title = 'Styrning och ledning' WHERE plan_id = ? AND position = 0`, []any{f.plan.ID}},
		{"PlanTitle", `UPDATE plans SET title = 'Handlingsplan 2024 (rev)' WHERE id = ?`, []any{f.plan.ID}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			before, err := f.db.Plan(f.ctx, f.plan.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.db.write(f.ctx, func(ctx context.Context, tx *sql.Tx) error {
				_, err := tx.ExecContext(f.ctx, c.sql, c.args...)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			after, err := f.db.Plan(f.ctx, f.plan.ID)
			if err != nil {
				t.Fatal(err)
			}
			if equalPlans(before, after) {
				t.Fatal("the plan read after the change equals the one before: a stale cached copy")
			}
		})
	}
	again, _ := f.db.Plan(f.ctx, f.plan.ID)
	if again.Areas[0].Activities[0].Title == "changed by the caller" {
		t.Fatal("a caller's change to its copy leaked into the cache")
	}
}

func equalPlans(a, b *forms.Plan) bool { return reflect.DeepEqual(a, b) }
