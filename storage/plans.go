package storage

import (
	"context"
	"database/sql"

	"followup/forms"
)

// CreatePlan stores a new plan with its scale, areas and activities and
// returns its id. The plan's ids are filled in.
func (db *DB) CreatePlan(ctx context.Context, p *forms.Plan, actor string) (int64, error) {
	if err := forms.CheckPlanSize(len(p.Areas), len(p.Activities())); err != nil {
		return 0, err
	}
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		now := db.Now()
		res, err := tx.ExecContext(ctx, `INSERT INTO plans (organisation, title, year, created_at) VALUES (?, ?, ?, ?)`,
			p.Organisation, p.Title, p.Year, ts(now))
		if err != nil {
			return err
		}
		p.ID, _ = res.LastInsertId()
		p.CreatedAt = now
		if err := insertStatusesTx(ctx, tx, p.ID, p.Statuses); err != nil {
			return err
		}
		for i := range p.Areas {
			if err := insertAreaTx(ctx, tx, p.ID, i, &p.Areas[i]); err != nil {
				return err
			}
		}
		return auditTx(ctx, tx, now, actor, "plan.create", "plan", p.ID, p.Title)
	})
	return p.ID, err
}

func insertStatusesTx(ctx context.Context, tx *sql.Tx, planID int64, scale forms.Scale) error {
	for i := range scale {
		s := &scale[i]
		s.Position = i
		res, err := tx.ExecContext(ctx, `INSERT INTO statuses (plan_id, position, name, color, done, carries_over, not_applicable, comment_required)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, planID, i, s.Name, s.Color, b2i(s.Done), b2i(s.CarriesOver), b2i(s.NotApplicable), b2i(s.CommentRequired))
		if err != nil {
			return err
		}
		s.ID, _ = res.LastInsertId()
	}
	return nil
}

func insertAreaTx(ctx context.Context, tx *sql.Tx, planID int64, pos int, a *forms.Area) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO areas (plan_id, position, title) VALUES (?, ?, ?)`, planID, pos, a.Title)
	if err != nil {
		return err
	}
	a.ID, _ = res.LastInsertId()
	a.Position = pos
	for j := range a.Activities {
		act := &a.Activities[j]
		act.AreaID = a.ID
		if err := insertActivityTx(ctx, tx, j, act); err != nil {
			return err
		}
	}
	return nil
}

func insertActivityTx(ctx context.Context, tx *sql.Tx, pos int, act *forms.Activity) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO activities (area_id, position, title, description, all_departments) VALUES (?, ?, ?, ?, ?)`,
		act.AreaID, pos, act.Title, act.Description, b2i(act.AllDepartments))
	if err != nil {
		return err
	}
	act.ID, _ = res.LastInsertId()
	act.Position = pos
	return setRespondentsTx(ctx, tx, act)
}

func setRespondentsTx(ctx context.Context, tx *sql.Tx, act *forms.Activity) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM activity_departments WHERE activity_id = ?`, act.ID); err != nil {
		return err
	}
	if act.AllDepartments {
		return nil
	}
	for _, d := range act.DepartmentIDs {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO activity_departments (activity_id, department_id) VALUES (?, ?)`, act.ID, d); err != nil {
			return err
		}
	}
	return nil
}

// Plan returns a plan with its scale, areas and activities in order.
func (db *DB) Plan(ctx context.Context, id int64) (*forms.Plan, error) {
	var p *forms.Plan
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		p, err = db.planAt(ctx, tx, id, true)
		return err
	})
	return p, err
}

func planTx(ctx context.Context, tx *sql.Tx, id int64) (*forms.Plan, error) {
	p := &forms.Plan{ID: id}
	var created string
	err := tx.QueryRowContext(ctx, `SELECT organisation, title, year, archived, created_at FROM plans WHERE id = ?`, id).
		Scan(&p.Organisation, &p.Title, &p.Year, &p.Archived, &created)
	if err != nil {
		return nil, err
	}
	p.CreatedAt = parseTS(created)
	rows, err := tx.QueryContext(ctx, `SELECT id, position, name, color, done, carries_over, not_applicable, comment_required
		FROM statuses WHERE plan_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var s forms.Status
		if err := rows.Scan(&s.ID, &s.Position, &s.Name, &s.Color, &s.Done, &s.CarriesOver, &s.NotApplicable, &s.CommentRequired); err != nil {
			rows.Close()
			return nil, err
		}
		p.Statuses = append(p.Statuses, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Areas and activities in one query, in plan order.
	rows, err = tx.QueryContext(ctx, `SELECT a.id, a.position, a.title, t.id, t.position, t.title, t.description, t.all_departments
		FROM areas a LEFT JOIN activities t ON t.area_id = a.id
		WHERE a.plan_id = ? ORDER BY a.position, a.id, t.position, t.id`, id)
	if err != nil {
		return nil, err
	}
	index := map[int64]*forms.Activity{}
	for rows.Next() {
		var ar forms.Area
		var actID, actPos sql.NullInt64
		var title, desc sql.NullString
		var all sql.NullBool
		if err := rows.Scan(&ar.ID, &ar.Position, &ar.Title, &actID, &actPos, &title, &desc, &all); err != nil {
			rows.Close()
			return nil, err
		}
		if n := len(p.Areas); n == 0 || p.Areas[n-1].ID != ar.ID {
			p.Areas = append(p.Areas, ar)
		}
		if actID.Valid {
			last := &p.Areas[len(p.Areas)-1]
			last.Activities = append(last.Activities, forms.Activity{ID: actID.Int64, AreaID: ar.ID, Position: int(actPos.Int64),
				Title: title.String, Description: desc.String, AllDepartments: all.Bool})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range p.Areas {
		for j := range p.Areas[i].Activities {
			a := &p.Areas[i].Activities[j]
			index[a.ID] = a
		}
	}
	rows, err = tx.QueryContext(ctx, `SELECT ad.activity_id, ad.department_id FROM activity_departments ad
		JOIN activities t ON t.id = ad.activity_id JOIN areas a ON a.id = t.area_id
		JOIN departments d ON d.id = ad.department_id
		WHERE a.plan_id = ? ORDER BY d.name_key`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var act, dep int64
		if err := rows.Scan(&act, &dep); err != nil {
			return nil, err
		}
		if a := index[act]; a != nil {
			a.DepartmentIDs = append(a.DepartmentIDs, dep)
		}
	}
	return p, rows.Err()
}

// PlanSummary is a plan as listed: without its areas.
type PlanSummary struct {
	ID           int64
	Organisation string
	Title        string
	Year         int
	Archived     bool
	Activities   int
	Rounds       int
}

// Plans lists the plans, newest year first.
func (db *DB) Plans(ctx context.Context) ([]PlanSummary, error) {
	var out []PlanSummary
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.organisation, p.title, p.year, p.archived,
			(SELECT COUNT(*) FROM activities t JOIN areas a ON a.id = t.area_id WHERE a.plan_id = p.id),
			(SELECT COUNT(*) FROM rounds r WHERE r.plan_id = p.id)
			FROM plans p ORDER BY p.year DESC, p.id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s PlanSummary
			if err := rows.Scan(&s.ID, &s.Organisation, &s.Title, &s.Year, &s.Archived, &s.Activities, &s.Rounds); err != nil {
				return err
			}
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}
