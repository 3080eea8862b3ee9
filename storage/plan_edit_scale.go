package storage

import (
	"context"
	"database/sql"
	"strings"

	"followup/forms"
)

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

// statusesInUseTx is StatusesInUse inside a transaction, so that
// ReplaceScale checks the statuses in use in the transaction that changes
// them.
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
		kept, err := keptStatuses(planID, plan.Statuses, scale, used)
		if err != nil {
			return err
		}
		if err := storeScaleTx(ctx, tx, planID, plan.Statuses, kept, scale); err != nil {
			return err
		}
		names := make([]string, len(scale))
		for i, s := range scale {
			names[i] = s.Name
		}
		return auditTx(ctx, tx, db.Now(), actor, "plan.scale", "plan", planID, strings.Join(names, ", "))
	})
}

// keptStatuses returns the ids of the plan's statuses, old, that the new
// scale keeps. It refuses an id that is not the plan's or comes twice, and
// with ECONFLICT a status in use whose name or flags would change or that
// would be removed, since the answers that use it take their meaning from
// them.
func keptStatuses(planID int64, old, scale forms.Scale, used map[int64]bool) (map[int64]bool, error) {
	var conflicts forms.FieldErrors
	kept := map[int64]bool{}
	for _, st := range scale {
		if st.ID == 0 {
			continue
		}
		was, ok := old.ByID(st.ID)
		if !ok || kept[st.ID] {
			return nil, forms.Errorf(forms.EINVALID, "status %d is not one of plan %d's", st.ID, planID)
		}
		kept[st.ID] = true
		if used[st.ID] && (was.Name != st.Name || was.Done != st.Done || was.CarriesOver != st.CarriesOver ||
			was.NotApplicable != st.NotApplicable || was.CommentRequired != st.CommentRequired) {
			conflicts.Add("status:"+itoa(int(st.ID)), "plans.error.status_in_use")
		}
	}
	for _, was := range old {
		if !kept[was.ID] && used[was.ID] {
			conflicts.Add("status:"+itoa(int(was.ID)), "plans.error.status_in_use_removed")
		}
	}
	if err := conflicts.Err("statuses in use"); err != nil {
		e := err.(*forms.Error)
		e.Code = forms.ECONFLICT
		e.Message = "answers use a status that would change or disappear"
		return nil, e
	}
	return kept, nil
}

// storeScaleTx writes the new scale over the plan's statuses, old: it
// deletes those not kept, inserts the new ones, giving them their ids, and
// updates the rest, each at its place in the scale.
func storeScaleTx(ctx context.Context, tx *sql.Tx, planID int64, old forms.Scale, kept map[int64]bool, scale forms.Scale) error {
	for _, was := range old {
		if !kept[was.ID] {
			if _, err := tx.ExecContext(ctx, `DELETE FROM statuses WHERE id = ?`, was.ID); err != nil {
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
	return nil
}
