package storage

import (
	"context"
	"database/sql"

	"followup/forms"
)

// CreatePlan stores a new plan with its scale, areas and activities and
// returns its id. The plan's ids are filled in. An activity's origin given
// only as text (from an imported file) is linked to the activity it names
// when this installation has exactly one such (see linkOriginsTx).
func (db *DB) CreatePlan(ctx context.Context, p *forms.Plan, actor string) (int64, error) {
	if err := forms.CheckPlanSize(len(p.Areas), len(p.Activities())); err != nil {
		return 0, err
	}
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := db.insertPlanTx(ctx, tx, p); err != nil {
			return err
		}
		return auditTx(ctx, tx, p.CreatedAt, actor, "plan.create", "plan", p.ID, p.Title)
	})
	return p.ID, err
}

// insertPlanTx checks the plan's predecessor and origins and stores it.
func (db *DB) insertPlanTx(ctx context.Context, tx *sql.Tx, p *forms.Plan) error {
	if err := checkPredecessorTx(ctx, tx, p); err != nil {
		return err
	}
	if err := linkOriginsTx(ctx, tx, p); err != nil {
		return err
	}
	now := db.Now()
	res, err := tx.ExecContext(ctx, `INSERT INTO plans (organisation, title, year, created_at, predecessor_id) VALUES (?, ?, ?, ?, NULLIF(?, 0))`,
		p.Organisation, p.Title, p.Year, ts(now), p.PredecessorID)
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
	return nil
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
	// An origin in this installation is a link; only one named by an
	// imported file and not found here is kept as text.
	var textYear any
	textPlan, textActivity := "", ""
	if o := act.Origin; o.Known() && !o.Linked() {
		textYear, textPlan, textActivity = o.Year, o.PlanTitle, o.ActivityTitle
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO activities (area_id, position, title, description, all_departments,
		origin_id, origin_year, origin_plan, origin_activity, times_carried) VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?)`,
		act.AreaID, pos, act.Title, act.Description, b2i(act.AllDepartments),
		act.Origin.ActivityID, textYear, textPlan, textActivity, act.TimesCarried)
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

// PlanSummary is a plan as listed: without its areas.
type PlanSummary struct {
	ID           int64
	Organisation string
	Title        string
	Year         int
	Archived     bool
	Activities   int
	Rounds       int
	// PredecessorID is the plan this one was made from; 0 when none.
	PredecessorID int64
}

// Plans lists the plans, newest year first.
func (db *DB) Plans(ctx context.Context) ([]PlanSummary, error) {
	var out []PlanSummary
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.organisation, p.title, p.year, p.archived,
			(SELECT COUNT(*) FROM activities t JOIN areas a ON a.id = t.area_id WHERE a.plan_id = p.id),
			(SELECT COUNT(*) FROM rounds r WHERE r.plan_id = p.id), COALESCE(p.predecessor_id, 0)
			FROM plans p ORDER BY p.year DESC, p.id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s PlanSummary
			if err := rows.Scan(&s.ID, &s.Organisation, &s.Title, &s.Year, &s.Archived, &s.Activities, &s.Rounds, &s.PredecessorID); err != nil {
				return err
			}
			out = append(out, s)
		}
		return rows.Err()
	})
	return out, err
}
