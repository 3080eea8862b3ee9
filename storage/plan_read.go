package storage

import (
	"context"
	"database/sql"

	"followup/forms"
)

// planTx reads a plan with its scale, areas, activities (with their
// origins) and respondents, in plan order.
func planTx(ctx context.Context, tx *sql.Tx, id int64) (*forms.Plan, error) {
	p := &forms.Plan{ID: id}
	var created string
	err := tx.QueryRowContext(ctx, `SELECT organisation, title, year, archived, created_at, COALESCE(predecessor_id, 0) FROM plans WHERE id = ?`, id).
		Scan(&p.Organisation, &p.Title, &p.Year, &p.Archived, &created, &p.PredecessorID)
	if err != nil {
		return nil, err
	}
	p.CreatedAt = parseTS(created)
	if p.Statuses, err = queryAllTx(ctx, tx, scanStatus, `SELECT id, position, name, color, done, carries_over, not_applicable, comment_required
		FROM statuses WHERE plan_id = ? ORDER BY position`, id); err != nil {
		return nil, err
	}
	if err := planAreasTx(ctx, tx, p); err != nil {
		return nil, err
	}
	return p, planRespondentsTx(ctx, tx, p)
}

func scanStatus(row rowScanner) (forms.Status, error) {
	var s forms.Status
	err := row.Scan(&s.ID, &s.Position, &s.Name, &s.Color, &s.Done, &s.CarriesOver, &s.NotApplicable, &s.CommentRequired)
	return s, err
}

// planAreasTx reads the plan's areas and activities in one query, in plan
// order. A linked origin is named by its plan's and its own current year
// and titles, an origin kept as text by the text.
func planAreasTx(ctx context.Context, tx *sql.Tx, p *forms.Plan) error {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.position, a.title, t.id, t.position, t.title, t.description, t.all_departments,
		t.origin_id, oa.plan_id, COALESCE(op.year, t.origin_year), COALESCE(op.title, t.origin_plan), COALESCE(o.title, t.origin_activity), t.times_carried
		FROM areas a LEFT JOIN activities t ON t.area_id = a.id
		LEFT JOIN activities o ON o.id = t.origin_id LEFT JOIN areas oa ON oa.id = o.area_id LEFT JOIN plans op ON op.id = oa.plan_id
		WHERE a.plan_id = ? ORDER BY a.position, a.id, t.position, t.id`, p.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var ar forms.Area
		var actID, actPos, originID, originPlan, originYear, times sql.NullInt64
		var title, desc, planTitle, actTitle sql.NullString
		var all sql.NullBool
		if err := rows.Scan(&ar.ID, &ar.Position, &ar.Title, &actID, &actPos, &title, &desc, &all,
			&originID, &originPlan, &originYear, &planTitle, &actTitle, &times); err != nil {
			return err
		}
		if n := len(p.Areas); n == 0 || p.Areas[n-1].ID != ar.ID {
			p.Areas = append(p.Areas, ar)
		}
		if !actID.Valid {
			continue
		}
		last := &p.Areas[len(p.Areas)-1]
		last.Activities = append(last.Activities, forms.Activity{ID: actID.Int64, AreaID: ar.ID, Position: int(actPos.Int64),
			Title: title.String, Description: desc.String, AllDepartments: all.Bool, TimesCarried: int(times.Int64),
			Origin: forms.Origin{ActivityID: originID.Int64, PlanID: originPlan.Int64, Year: int(originYear.Int64),
				PlanTitle: planTitle.String, ActivityTitle: actTitle.String}})
	}
	return rows.Err()
}

// planRespondentsTx reads the named respondents of the plan's activities,
// in name order.
func planRespondentsTx(ctx context.Context, tx *sql.Tx, p *forms.Plan) error {
	index := map[int64]*forms.Activity{}
	for i := range p.Areas {
		for j := range p.Areas[i].Activities {
			a := &p.Areas[i].Activities[j]
			index[a.ID] = a
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT ad.activity_id, ad.department_id FROM activity_departments ad
		JOIN activities t ON t.id = ad.activity_id JOIN areas a ON a.id = t.area_id
		JOIN departments d ON d.id = ad.department_id
		WHERE a.plan_id = ? ORDER BY d.name_key`, p.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var act, dep int64
		if err := rows.Scan(&act, &dep); err != nil {
			return err
		}
		if a := index[act]; a != nil {
			a.DepartmentIDs = append(a.DepartmentIDs, dep)
		}
	}
	return rows.Err()
}
