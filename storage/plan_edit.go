package storage

import (
	"context"
	"database/sql"
	"strings"

	"followup/forms"
)

// Editing a plan after it was created: its details, its areas and
// activities, and its status scale. Every change is one transaction with an
// audit row. Archived plans are read-only until restored. Activities and
// statuses that answers or consolidations use are never removed: the answers
// are records.

// planFieldError is an error of the given code about one field.
func planFieldError(code, field, key, message string) error {
	return &forms.Error{Code: code, Message: message, Fields: map[string]string{field: key}, Order: []string{field}}
}

// planEditableTx refuses to change a plan that does not exist or is archived.
func planEditableTx(ctx context.Context, tx *sql.Tx, planID int64) error {
	var archived bool
	if err := tx.QueryRowContext(ctx, `SELECT archived FROM plans WHERE id = ?`, planID).Scan(&archived); err != nil {
		return err
	}
	if archived {
		return forms.Errorf(forms.ECONFLICT, "plan %d is archived", planID)
	}
	return nil
}

// UpdatePlanMeta changes a plan's organisation, title and year.
func (db *DB) UpdatePlanMeta(ctx context.Context, planID int64, m forms.PlanMeta, actor string) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableTx(ctx, tx, planID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plans SET organisation = ?, title = ?, year = ? WHERE id = ?`,
			m.Organisation, m.Title, m.Year, planID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.update", "plan", planID, m.Title)
	})
}

// ArchivePlan archives a plan, or restores it when archived is false. Plans
// are never deleted: their rounds and answers are records.
func (db *DB) ArchivePlan(ctx context.Context, planID int64, archived bool, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE plans SET archived = ? WHERE id = ?`, b2i(archived), planID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sql.ErrNoRows
		}
		action := "plan.restore"
		if archived {
			action = "plan.archive"
		}
		return auditTx(ctx, tx, db.Now(), actor, action, "plan", planID, "")
	})
}

// planItem is an area or activity in its list's order.
type planItem struct {
	id    int64
	title string
}

// planList is one kind of ordered list of a plan: its areas, or an area's
// activities.
type planList struct {
	table        string // where the items are, each with its position
	query        string // the items of one parent, in order
	duplicateKey string // the catalog key of a title the list already has
	duplicateMsg string
}

var (
	planAreas = planList{table: "areas", query: `SELECT id, title FROM areas WHERE plan_id = ? ORDER BY position, id`,
		duplicateKey: "plans.error.duplicate_area", duplicateMsg: "the plan already has the area"}
	planActivities = planList{table: "activities", query: `SELECT id, title FROM activities WHERE area_id = ? ORDER BY position, id`,
		duplicateKey: "plans.error.duplicate_activity", duplicateMsg: "the area already has the activity"}
)

// itemsTx returns the parent's items in order.
func (l planList) itemsTx(ctx context.Context, tx *sql.Tx, parent int64) ([]planItem, error) {
	rows, err := tx.QueryContext(ctx, l.query, parent)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []planItem
	for rows.Next() {
		var p planItem
		if err := rows.Scan(&p.id, &p.title); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// uniqueTx returns the parent's items in order, or refuses title when an
// item other than except has it already, ignoring letter case (SQLite's
// lower() knows no Swedish letters).
func (l planList) uniqueTx(ctx context.Context, tx *sql.Tx, parent int64, title string, except int64) ([]planItem, error) {
	list, err := l.itemsTx(ctx, tx, parent)
	if err != nil {
		return nil, err
	}
	for _, p := range list {
		if p.id != except && strings.EqualFold(p.title, title) {
			return nil, planFieldError(forms.EINVALID, "title", l.duplicateKey, l.duplicateMsg)
		}
	}
	return list, nil
}

// numberTx stores the items' places in list as their positions 0, 1, 2, ….
func (l planList) numberTx(ctx context.Context, tx *sql.Tx, list []planItem) error {
	for k, p := range list {
		if _, err := tx.ExecContext(ctx, `UPDATE `+l.table+` SET position = ? WHERE id = ?`, k, p.id); err != nil {
			return err
		}
	}
	return nil
}

// renumberTx numbers the parent's items 0, 1, 2, … again, after one was
// removed.
func (l planList) renumberTx(ctx context.Context, tx *sql.Tx, parent int64) error {
	list, err := l.itemsTx(ctx, tx, parent)
	if err != nil {
		return err
	}
	return l.numberTx(ctx, tx, list)
}

// moveTx moves one of the parent's items a step up or down and numbers the
// list again. At either end it changes nothing and reports false.
func (l planList) moveTx(ctx context.Context, tx *sql.Tx, parent, id int64, up bool) (bool, error) {
	list, err := l.itemsTx(ctx, tx, parent)
	if err != nil {
		return false, err
	}
	i := -1
	for k, p := range list {
		if p.id == id {
			i = k
		}
	}
	if i < 0 {
		return false, sql.ErrNoRows
	}
	j := i + 1
	if up {
		j = i - 1
	}
	if j < 0 || j >= len(list) {
		return false, nil
	}
	list[i], list[j] = list[j], list[i]
	return true, l.numberTx(ctx, tx, list)
}

// planAreaTx checks that the area belongs to the plan.
func planAreaTx(ctx context.Context, tx *sql.Tx, planID, areaID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM areas WHERE id = ? AND plan_id = ?`, areaID, planID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return forms.Errorf(forms.ENOTFOUND, "plan %d has no area %d", planID, areaID)
	}
	return nil
}

// planActivityAreaTx returns the area of an activity of the plan.
func planActivityAreaTx(ctx context.Context, tx *sql.Tx, planID, activityID int64) (int64, error) {
	var areaID int64
	err := tx.QueryRowContext(ctx, `SELECT t.area_id FROM activities t JOIN areas a ON a.id = t.area_id WHERE t.id = ? AND a.plan_id = ?`,
		activityID, planID).Scan(&areaID)
	if err == sql.ErrNoRows {
		return 0, forms.Errorf(forms.ENOTFOUND, "plan %d has no activity %d", planID, activityID)
	}
	return areaID, err
}

// planEditableAreaTx checks that the area belongs to the plan and that the
// plan may change.
func planEditableAreaTx(ctx context.Context, tx *sql.Tx, planID, areaID int64) error {
	if err := planEditableTx(ctx, tx, planID); err != nil {
		return err
	}
	return planAreaTx(ctx, tx, planID, areaID)
}

// planEditableActivityTx returns the area of an activity of the plan, once
// it has checked that the plan may change.
func planEditableActivityTx(ctx context.Context, tx *sql.Tx, planID, activityID int64) (int64, error) {
	if err := planEditableTx(ctx, tx, planID); err != nil {
		return 0, err
	}
	return planActivityAreaTx(ctx, tx, planID, activityID)
}

// AddArea adds an area at the end of the plan and returns its id.
func (db *DB) AddArea(ctx context.Context, planID int64, title, actor string) (int64, error) {
	title, err := forms.NormalizeAreaTitle(title)
	if err != nil {
		return 0, err
	}
	var id int64
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableTx(ctx, tx, planID); err != nil {
			return err
		}
		areas, err := planAreas.uniqueTx(ctx, tx, planID, title, 0)
		if err != nil {
			return err
		}
		if err := forms.CheckPlanSize(len(areas)+1, 0); err != nil {
			return err
		}
		a := forms.Area{Title: title}
		if err := insertAreaTx(ctx, tx, planID, len(areas), &a); err != nil {
			return err
		}
		id = a.ID
		return auditTx(ctx, tx, db.Now(), actor, "plan.area.add", "plan", planID, title)
	})
	return id, err
}

// UpdateArea renames an area.
func (db *DB) UpdateArea(ctx context.Context, planID, areaID int64, title, actor string) error {
	title, err := forms.NormalizeAreaTitle(title)
	if err != nil {
		return err
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableAreaTx(ctx, tx, planID, areaID); err != nil {
			return err
		}
		if _, err := planAreas.uniqueTx(ctx, tx, planID, title, areaID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE areas SET title = ? WHERE id = ?`, title, areaID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.area.update", "plan", planID, title)
	})
}

// MoveArea moves an area one step up or down the plan by swapping it with
// its neighbour; at either end it changes nothing.
func (db *DB) MoveArea(ctx context.Context, planID, areaID int64, up bool, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableAreaTx(ctx, tx, planID, areaID); err != nil {
			return err
		}
		moved, err := planAreas.moveTx(ctx, tx, planID, areaID, up)
		if err != nil || !moved {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.area.move", "plan", planID, planDirection(up)+" area "+itoa(int(areaID)))
	})
}

// DeleteArea removes an area that holds no activities.
func (db *DB) DeleteArea(ctx context.Context, planID, areaID int64, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableAreaTx(ctx, tx, planID, areaID); err != nil {
			return err
		}
		acts, err := planActivities.itemsTx(ctx, tx, areaID)
		if err != nil {
			return err
		}
		if len(acts) > 0 {
			return forms.Errorf(forms.ECONFLICT, "area %d still holds activities", areaID)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM areas WHERE id = ?`, areaID); err != nil {
			return err
		}
		if err := planAreas.renumberTx(ctx, tx, planID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.area.delete", "plan", planID, "area "+itoa(int(areaID)))
	})
}

func planDirection(up bool) string {
	if up {
		return "up"
	}
	return "down"
}

// planCheckRespondentsTx refuses department ids that do not exist.
func planCheckRespondentsTx(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM departments WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return planFieldError(forms.EINVALID, "respondents", "plans.error.unknown_department", "unknown department "+itoa(int(id)))
		}
	}
	return nil
}

// AddActivity adds an activity at the end of an area and returns its id.
func (db *DB) AddActivity(ctx context.Context, planID, areaID int64, a forms.Activity, actor string) (int64, error) {
	if err := forms.ValidateActivity(&a); err != nil {
		return 0, err
	}
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableAreaTx(ctx, tx, planID, areaID); err != nil {
			return err
		}
		if err := planCheckRespondentsTx(ctx, tx, a.DepartmentIDs); err != nil {
			return err
		}
		acts, err := planActivities.uniqueTx(ctx, tx, areaID, a.Title, 0)
		if err != nil {
			return err
		}
		var inPlan int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM activities t JOIN areas a ON a.id = t.area_id WHERE a.plan_id = ?`, planID).Scan(&inPlan); err != nil {
			return err
		}
		if err := forms.CheckPlanSize(0, inPlan+1); err != nil {
			return err
		}
		a.AreaID = areaID
		if err := insertActivityTx(ctx, tx, len(acts), &a); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.activity.add", "plan", planID, a.Title)
	})
	return a.ID, err
}

// UpdateActivity changes an activity's title, description and respondents.
// Its answers stay: titles and descriptions are texts, and a department no
// longer asked keeps what it answered.
func (db *DB) UpdateActivity(ctx context.Context, planID, activityID int64, a forms.Activity, actor string) error {
	if err := forms.ValidateActivity(&a); err != nil {
		return err
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		areaID, err := planEditableActivityTx(ctx, tx, planID, activityID)
		if err != nil {
			return err
		}
		if err := planCheckRespondentsTx(ctx, tx, a.DepartmentIDs); err != nil {
			return err
		}
		if _, err := planActivities.uniqueTx(ctx, tx, areaID, a.Title, activityID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE activities SET title = ?, description = ?, all_departments = ? WHERE id = ?`,
			a.Title, a.Description, b2i(a.AllDepartments), activityID); err != nil {
			return err
		}
		a.ID = activityID
		if err := setRespondentsTx(ctx, tx, &a); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.activity.update", "plan", planID, a.Title)
	})
}

// MoveActivity moves an activity one step up or down within its area.
func (db *DB) MoveActivity(ctx context.Context, planID, activityID int64, up bool, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		areaID, err := planEditableActivityTx(ctx, tx, planID, activityID)
		if err != nil {
			return err
		}
		moved, err := planActivities.moveTx(ctx, tx, areaID, activityID, up)
		if err != nil || !moved {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.activity.move", "plan", planID, planDirection(up)+" activity "+itoa(int(activityID)))
	})
}

// ActivitiesInUse returns the plan's activities that answers,
// consolidations or activities carried from them refer to; they cannot be
// deleted.
func (db *DB) ActivitiesInUse(ctx context.Context, planID int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT t.id FROM activities t JOIN areas a ON a.id = t.area_id WHERE a.plan_id = ? AND (
			EXISTS (SELECT 1 FROM answers x WHERE x.activity_id = t.id) OR
			EXISTS (SELECT 1 FROM answer_history h WHERE h.activity_id = t.id) OR
			EXISTS (SELECT 1 FROM consolidations c WHERE c.activity_id = t.id) OR
			EXISTS (SELECT 1 FROM consolidation_history ch WHERE ch.activity_id = t.id) OR
			EXISTS (SELECT 1 FROM activities n WHERE n.origin_id = t.id))`, planID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			out[id] = true
		}
		return rows.Err()
	})
	return out, err
}

// DeleteActivity removes an activity that no answer or consolidation refers
// to; one that has answers, or that was carried into a later plan, is
// refused with ECONFLICT.
func (db *DB) DeleteActivity(ctx context.Context, planID, activityID int64, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		areaID, err := planEditableActivityTx(ctx, tx, planID, activityID)
		if err != nil {
			return err
		}
		var used int
		if err := tx.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM answers WHERE activity_id = ?1) + (SELECT COUNT(*) FROM answer_history WHERE activity_id = ?1) +
			(SELECT COUNT(*) FROM consolidations WHERE activity_id = ?1) + (SELECT COUNT(*) FROM consolidation_history WHERE activity_id = ?1)`,
			activityID).Scan(&used); err != nil {
			return err
		}
		if used > 0 {
			return forms.Errorf(forms.ECONFLICT, "activity %d has answers and cannot be deleted", activityID)
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM activities WHERE origin_id = ?`, activityID).Scan(&used); err != nil {
			return err
		}
		if used > 0 {
			return forms.Errorf(forms.ECONFLICT, "activity %d was carried into a later plan and cannot be deleted", activityID)
		}
		var title string
		if err := tx.QueryRowContext(ctx, `SELECT title FROM activities WHERE id = ?`, activityID).Scan(&title); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM activity_departments WHERE activity_id = ?`, activityID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM activities WHERE id = ?`, activityID); err != nil {
			return err
		}
		if err := planActivities.renumberTx(ctx, tx, areaID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.activity.delete", "plan", planID, title)
	})
}

// StatusesInUse returns the plan's statuses that answers, consolidations or
// their history refer to. Their names and flags give those answers their
// meaning, so they cannot be changed or removed; colour and order can.
func (db *DB) StatusesInUse(ctx context.Context, planID int64) (map[int64]bool, error) {
	var out map[int64]bool
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = statusesInUseTx(ctx, tx, planID)
		return err
	})
	return out, err
}

func statusesInUseTx(ctx context.Context, tx *sql.Tx, planID int64) (map[int64]bool, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id FROM statuses s WHERE s.plan_id = ? AND (
		EXISTS (SELECT 1 FROM answers x WHERE x.status_id = s.id) OR
		EXISTS (SELECT 1 FROM answer_history h WHERE h.status_id = s.id OR h.old_status_id = s.id) OR
		EXISTS (SELECT 1 FROM consolidations c WHERE c.status_id = s.id) OR
		EXISTS (SELECT 1 FROM consolidation_history ch WHERE ch.status_id = s.id))`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// ReplaceScale makes scale the plan's status scale, in the given order:
// statuses with an id are updated, those without are added, and the plan's
// other statuses are removed. The scale is validated with forms.Scale.Validate
// (fields statuses[i].name and so on). A status in use may change its colour
// and place but not its name or flags, and may not be removed: that is
// ECONFLICT with the field status:<id> marked "plans.error.status_in_use".
func (db *DB) ReplaceScale(ctx context.Context, planID int64, scale forms.Scale, actor string) error {
	for i := range scale {
		scale[i].Name = strings.Join(strings.Fields(scale[i].Name), " ")
		scale[i].Color = strings.ToLower(strings.TrimSpace(scale[i].Color))
	}
	var fe forms.FieldErrors
	scale.Validate(&fe)
	if err := fe.Err("invalid scale"); err != nil {
		return err
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := planEditableTx(ctx, tx, planID); err != nil {
			return err
		}
		plan, err := planTx(ctx, tx, planID)
		if err != nil {
			return err
		}
		used, err := statusesInUseTx(ctx, tx, planID)
		if err != nil {
			return err
		}
		var conflicts forms.FieldErrors
		kept := map[int64]bool{}
		for _, st := range scale {
			if st.ID == 0 {
				continue
			}
			old, ok := plan.Statuses.ByID(st.ID)
			if !ok || kept[st.ID] {
				return forms.Errorf(forms.EINVALID, "status %d is not one of plan %d's", st.ID, planID)
			}
			kept[st.ID] = true
			if used[st.ID] && (old.Name != st.Name || old.Done != st.Done || old.CarriesOver != st.CarriesOver ||
				old.NotApplicable != st.NotApplicable || old.CommentRequired != st.CommentRequired) {
				conflicts.Add("status:"+itoa(int(st.ID)), "plans.error.status_in_use")
			}
		}
		for _, old := range plan.Statuses {
			if !kept[old.ID] && used[old.ID] {
				conflicts.Add("status:"+itoa(int(old.ID)), "plans.error.status_in_use_removed")
			}
		}
		if err := conflicts.Err("statuses in use"); err != nil {
			e := err.(*forms.Error)
			e.Code = forms.ECONFLICT
			e.Message = "answers use a status that would change or disappear"
			return e
		}
		for _, old := range plan.Statuses {
			if !kept[old.ID] {
				if _, err := tx.ExecContext(ctx, `DELETE FROM statuses WHERE id = ?`, old.ID); err != nil {
					return err
				}
			}
		}
		for i := range scale {
			s := &scale[i]
			s.Position = i
			if s.ID == 0 {
				res, err := tx.ExecContext(ctx, `INSERT INTO statuses (plan_id, position, name, color, done, carries_over, not_applicable, comment_required)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, planID, i, s.Name, s.Color, b2i(s.Done), b2i(s.CarriesOver), b2i(s.NotApplicable), b2i(s.CommentRequired))
				if err != nil {
					return err
				}
				s.ID, _ = res.LastInsertId()
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE statuses SET position = ?, name = ?, color = ?, done = ?, carries_over = ?, not_applicable = ?, comment_required = ?
				WHERE id = ?`, i, s.Name, s.Color, b2i(s.Done), b2i(s.CarriesOver), b2i(s.NotApplicable), b2i(s.CommentRequired), s.ID); err != nil {
				return err
			}
		}
		names := make([]string, len(scale))
		for i, s := range scale {
			names[i] = s.Name
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.scale", "plan", planID, strings.Join(names, ", "))
	})
}
