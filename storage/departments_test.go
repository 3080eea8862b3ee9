package storage

import (
	"context"
	"strings"
	"testing"

	"followup/forms"
)

func TestDepartments(t *testing.T) {
	db := mustOpenDB(t)
	ctx := context.Background()
	it, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: "  IT-avdelningen ", Kind: "Förvaltning", Email: "it@example.se"}, "office")
	if err != nil {
		t.Fatalf("CreateDepartment: %v", err)
	}
	if it.ID == 0 || it.Name != "IT-avdelningen" || it.Kind != forms.KindAdministration || it.Email != "it@example.se" || !it.Active || !it.CreatedAt.Equal(clock) {
		t.Errorf("created %+v", it)
	}
	bolag, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: "Bolaget AB", Kind: "bolag"}, "office")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("ErrConflictDuplicateName", func(t *testing.T) {
		for _, name := range []string{"IT-avdelningen", "it-avdelningen", "IT-AVDELNINGEN"} {
			_, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: name, Kind: "bolag"}, "office")
			wantCode(t, err, forms.ECONFLICT)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		_, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: "X", Kind: "nämnd"}, "office")
		wantCode(t, err, forms.EINVALID)
	})
	t.Run("Update", func(t *testing.T) {
		if err := db.UpdateDepartment(ctx, it.ID, forms.DepartmentInput{Name: "Digitaliseringsenheten", Kind: "förvaltning", Email: "digit@example.se"}, "office"); err != nil {
			t.Fatal(err)
		}
		got, err := db.Department(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Digitaliseringsenheten" || got.Email != "digit@example.se" {
			t.Errorf("after update: %+v", got)
		}
		// The old name is free again; the new one is taken in any case.
		if _, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: "DIGITALISERINGSENHETEN", Kind: "bolag"}, "office"); forms.ErrorCode(err) != forms.ECONFLICT {
			t.Errorf("new name in other case: %v, want ECONFLICT", err)
		}
	})
	t.Run("ErrConflictUpdateToTakenName", func(t *testing.T) {
		wantCode(t, db.UpdateDepartment(ctx, bolag.ID, forms.DepartmentInput{Name: "digitaliseringsenheten", Kind: "bolag"}, "office"), forms.ECONFLICT)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		wantCode(t, db.UpdateDepartment(ctx, 9999, forms.DepartmentInput{Name: "X", Kind: "bolag"}, "office"), forms.ENOTFOUND)
		wantCode(t, db.SetDepartmentActive(ctx, 9999, false, "office"), forms.ENOTFOUND)
		_, err := db.Department(ctx, 9999)
		wantCode(t, err, forms.ENOTFOUND)
	})
	t.Run("Deactivate", func(t *testing.T) {
		if err := db.SetDepartmentActive(ctx, bolag.ID, false, "office"); err != nil {
			t.Fatal(err)
		}
		active, err := db.Departments(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(active) != 1 || active[0].ID != it.ID {
			t.Errorf("active departments = %+v, want only %d", active, it.ID)
		}
		all, err := db.Departments(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || all[0].Name != "Bolaget AB" || all[0].Active {
			t.Errorf("all departments = %+v, want the inactive Bolaget AB first", all)
		}
	})
	t.Run("AuditTrail", func(t *testing.T) {
		if n := queryInt(t, db, `SELECT COUNT(*) FROM audit_log WHERE actor = 'office' AND action LIKE 'department.%'`); n != 4 {
			t.Errorf("%d audit rows, want 4 (two creates, an update, a deactivation)", n)
		}
	})
}

func TestImportDepartments(t *testing.T) {
	db := mustOpenDB(t)
	ctx := context.Background()
	old, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: "IT-avdelningen", Kind: "förvaltning"}, "office")
	if err != nil {
		t.Fatal(err)
	}
	gone, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: "Gamla bolaget", Kind: "bolag"}, "office")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetDepartmentActive(ctx, gone.ID, false, "office"); err != nil {
		t.Fatal(err)
	}
	rows, err := forms.ParseDepartmentsCSV(strings.NewReader("namn;typ;e-post\nit-avdelningen;förvaltning;it@example.se\nMiljöförvaltningen;förvaltning;\nGamla bolaget;bolag;\n"))
	if err != nil {
		t.Fatal(err)
	}
	actions := func(cs []ImportChange) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Action)
		}
		return out
	}
	countDepartments := func() int { return queryInt(t, db, `SELECT COUNT(*) FROM departments`) }

	t.Run("PreviewWritesNothing", func(t *testing.T) {
		before := countDepartments()
		audit := queryInt(t, db, `SELECT COUNT(*) FROM audit_log`)
		cs, err := db.PreviewDepartmentImport(ctx, rows)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(actions(cs), ","), "change,add,change"; got != want {
			t.Errorf("preview actions = %s, want %s", got, want)
		}
		if cs[0].Before.ID != old.ID {
			t.Errorf("preview matched %+v, want department %d", cs[0].Before, old.ID)
		}
		if countDepartments() != before || queryInt(t, db, `SELECT COUNT(*) FROM audit_log`) != audit {
			t.Error("preview wrote to the database")
		}
		if d, _ := db.Department(ctx, old.ID); d.Email != "" {
			t.Errorf("preview changed the e-mail to %q", d.Email)
		}
	})
	t.Run("Import", func(t *testing.T) {
		cs, err := db.ImportDepartments(ctx, rows, "office")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(actions(cs), ","), "change,add,change"; got != want {
			t.Errorf("import actions = %s, want %s", got, want)
		}
		if n := countDepartments(); n != 3 {
			t.Errorf("%d departments, want 3", n)
		}
		d, err := db.Department(ctx, old.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Name != "it-avdelningen" || d.Email != "it@example.se" {
			t.Errorf("changed department = %+v", d)
		}
		if g, _ := db.Department(ctx, gone.ID); !g.Active {
			t.Error("importing an inactive department did not reactivate it")
		}
	})
	t.Run("SecondImportChangesNothing", func(t *testing.T) {
		before, err := db.Departments(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := db.ImportDepartments(ctx, rows, "office")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(actions(cs), ","), "same,same,same"; got != want {
			t.Errorf("second import actions = %s, want %s", got, want)
		}
		after, err := db.Departments(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != len(before) {
			t.Fatalf("%d departments after, %d before", len(after), len(before))
		}
		for i := range after {
			if after[i] != before[i] {
				t.Errorf("department changed: %+v -> %+v", before[i], after[i])
			}
		}
	})
}
