package storage

import (
	"context"
	"database/sql"
	"strings"

	"followup/forms"
)

const departmentColumns = `id, name, kind, email, active, created_at`

func scanDepartment(row rowScanner) (forms.Department, error) {
	var d forms.Department
	var kind, created string
	err := row.Scan(&d.ID, &d.Name, &kind, &d.Email, &d.Active, &created)
	d.Kind = forms.DepartmentKind(kind)
	d.CreatedAt = parseTS(created)
	return d, err
}

// Departments lists departments in name order; inactive ones only when asked.
func (db *DB) Departments(ctx context.Context, includeInactive bool) ([]forms.Department, error) {
	var out []forms.Department
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = departmentsTx(ctx, tx, includeInactive)
		return err
	})
	return out, err
}

func departmentsTx(ctx context.Context, tx *sql.Tx, includeInactive bool) ([]forms.Department, error) {
	q := `SELECT ` + departmentColumns + ` FROM departments`
	if !includeInactive {
		q += ` WHERE active = 1`
	}
	return queryAllTx(ctx, tx, scanDepartment, q+` ORDER BY name_key`)
}

// departmentTx reads one department.
func departmentTx(ctx context.Context, tx *sql.Tx, id int64) (forms.Department, error) {
	return scanDepartment(tx.QueryRowContext(ctx, `SELECT `+departmentColumns+` FROM departments WHERE id = ?`, id))
}

// Department returns one department.
func (db *DB) Department(ctx context.Context, id int64) (forms.Department, error) {
	var d forms.Department
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = departmentTx(ctx, tx, id)
		return err
	})
	return d, err
}

// CreateDepartment adds a department; a name already taken is ECONFLICT.
func (db *DB) CreateDepartment(ctx context.Context, in forms.DepartmentInput, actor string) (forms.Department, error) {
	if err := in.Validate(); err != nil {
		return forms.Department{}, err
	}
	var id int64
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM departments`).Scan(&n); err != nil {
			return err
		}
		if err := forms.CheckDepartmentCount(n + 1); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO departments (name, name_key, kind, email, active, created_at) VALUES (?, ?, ?, ?, 1, ?)`,
			in.Name, strings.ToLower(in.Name), in.Kind, in.Email, ts(db.Now()))
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		return auditTx(ctx, tx, db.Now(), actor, "department.create", "department", id, in.Name)
	})
	if err != nil {
		return forms.Department{}, err
	}
	return db.Department(ctx, id)
}

// UpdateDepartment changes a department's name, kind and e-mail.
func (db *DB) UpdateDepartment(ctx context.Context, id int64, in forms.DepartmentInput, actor string) error {
	if err := in.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE departments SET name = ?, name_key = ?, kind = ?, email = ? WHERE id = ?`,
			in.Name, strings.ToLower(in.Name), in.Kind, in.Email, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		return auditTx(ctx, tx, db.Now(), actor, "department.update", "department", id, in.Name)
	})
}

// SetDepartmentActive deactivates or reactivates a department. Departments
// are never deleted: their answers are records.
func (db *DB) SetDepartmentActive(ctx context.Context, id int64, active bool, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE departments SET active = ? WHERE id = ?`, b2i(active), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		action := "department.deactivate"
		if active {
			action = "department.activate"
		}
		return auditTx(ctx, tx, db.Now(), actor, action, "department", id, "")
	})
}

// ImportChange says what an import would do with one row.
type ImportChange struct {
	Line   int
	Input  forms.DepartmentInput
	Action string // "add", "change" or "same"
	Before forms.Department
}

// PreviewDepartmentImport compares import rows with the stored departments
// by name (ignoring case) without writing anything.
func (db *DB) PreviewDepartmentImport(ctx context.Context, rows []forms.DepartmentRow) ([]ImportChange, error) {
	existing, err := db.Departments(ctx, true)
	if err != nil {
		return nil, err
	}
	return previewDepartments(existing, rows), nil
}

func previewDepartments(existing []forms.Department, rows []forms.DepartmentRow) []ImportChange {
	byKey := map[string]forms.Department{}
	for _, d := range existing {
		byKey[strings.ToLower(d.Name)] = d
	}
	var out []ImportChange
	for _, r := range rows {
		c := ImportChange{Line: r.Line, Input: r.Input, Action: "add"}
		if d, ok := byKey[strings.ToLower(r.Input.Name)]; ok {
			c.Before = d
			c.Action = "same"
			if string(d.Kind) != r.Input.Kind || d.Email != r.Input.Email || d.Name != r.Input.Name || !d.Active {
				c.Action = "change"
			}
		}
		out = append(out, c)
	}
	return out
}

// ImportDepartments adds new departments and updates changed ones in one
// transaction; importing the same rows twice changes nothing.
func (db *DB) ImportDepartments(ctx context.Context, rows []forms.DepartmentRow, actor string) ([]ImportChange, error) {
	var changes []ImportChange
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		existing, err := departmentsTx(ctx, tx, true)
		if err != nil {
			return err
		}
		changes = previewDepartments(existing, rows)
		added := 0
		for _, c := range changes {
			if c.Action == "add" {
				added++
			}
		}
		if err := forms.CheckDepartmentCount(len(existing) + added); err != nil {
			return err
		}
		now := db.Now()
		for _, c := range changes {
			switch c.Action {
			case "add":
				if _, err := tx.ExecContext(ctx, `INSERT INTO departments (name, name_key, kind, email, active, created_at) VALUES (?, ?, ?, ?, 1, ?)`,
					c.Input.Name, strings.ToLower(c.Input.Name), c.Input.Kind, c.Input.Email, ts(now)); err != nil {
					return err
				}
			case "change":
				if _, err := tx.ExecContext(ctx, `UPDATE departments SET name = ?, kind = ?, email = ?, active = 1 WHERE id = ?`,
					c.Input.Name, c.Input.Kind, c.Input.Email, c.Before.ID); err != nil {
					return err
				}
			}
		}
		return auditTx(ctx, tx, now, actor, "department.import", "department", 0, summarize(changes))
	})
	return changes, err
}

func summarize(changes []ImportChange) string {
	n := map[string]int{}
	for _, c := range changes {
		n[c.Action]++
	}
	return "added " + itoa(n["add"]) + ", changed " + itoa(n["change"]) + ", unchanged " + itoa(n["same"])
}
