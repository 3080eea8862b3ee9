package storage

import (
	"context"
	"database/sql"
	"errors"

	"followup/forms"
)

// ActivityHistory returns an activity's line across years: the activities
// it was carried from, back to the first, and those carried from it,
// forward to the last, each with its plan's rounds (drafts and archived
// rounds left out). Department statuses follow the counting rule.
func (db *DB) ActivityHistory(ctx context.Context, activityID int64) (*forms.ActivityHistory, error) {
	var out *forms.ActivityHistory
	err := db.read(ctx, func(tx *sql.Tx) error {
		type member struct{ activity, plan int64 }
		line, err := queryAllTx(ctx, tx, func(row rowScanner) (member, error) {
			var m member
			err := row.Scan(&m.activity, &m.plan)
			return m, err
		}, `WITH RECURSIVE up(id) AS (SELECT ?1 UNION SELECT t.origin_id FROM activities t JOIN up ON t.id = up.id WHERE t.origin_id IS NOT NULL),
			down(id) AS (SELECT ?1 UNION SELECT t.id FROM activities t JOIN down ON t.origin_id = down.id)
			SELECT t.id, a.plan_id FROM activities t JOIN areas a ON a.id = t.area_id JOIN plans p ON p.id = a.plan_id
			WHERE t.id IN (SELECT id FROM up UNION SELECT id FROM down) ORDER BY p.year, p.id, t.id`, activityID)
		if err != nil {
			return err
		}
		if len(line) == 0 {
			return forms.Errorf(forms.ENOTFOUND, "no activity %d", activityID)
		}
		sources := make([]forms.HistorySource, len(line))
		for i, m := range line {
			lp, err := db.linePlanTx(ctx, tx, m.plan)
			if err != nil {
				return err
			}
			sources[i] = forms.HistorySource{Plan: lp.Plan, ActivityID: m.activity, Reports: lp.Reports}
		}
		out = forms.BuildActivityHistory(activityID, sources)
		return nil
	})
	return out, err
}

// PlanLineHistory returns the history of the plan line that ends with a
// plan, one row per activity and round (see forms.LineHistory), for the
// workbook's Historik sheet. The line holds the plan, the plans it was made
// from year after year, and the plans its activities were carried from.
func (db *DB) PlanLineHistory(ctx context.Context, planID int64) (*forms.LineHistory, error) {
	var out *forms.LineHistory
	err := db.read(ctx, func(tx *sql.Tx) error {
		ids, err := queryAllTx(ctx, tx, scanID, `WITH RECURSIVE
			chain(id) AS (SELECT ?1 UNION SELECT p.predecessor_id FROM plans p JOIN chain ON p.id = chain.id WHERE p.predecessor_id IS NOT NULL),
			acts(id) AS (SELECT t.id FROM activities t JOIN areas a ON a.id = t.area_id WHERE a.plan_id = ?1
				UNION SELECT t.origin_id FROM activities t JOIN acts ON t.id = acts.id WHERE t.origin_id IS NOT NULL)
			SELECT p.id FROM plans p WHERE p.id IN (SELECT id FROM chain)
				OR p.id IN (SELECT a.plan_id FROM acts JOIN activities t ON t.id = acts.id JOIN areas a ON a.id = t.area_id)
			ORDER BY p.id = ?1, p.year, p.id`, planID)
		if err != nil {
			return err
		}
		if len(ids) == 0 || ids[len(ids)-1] != planID {
			return forms.Errorf(forms.ENOTFOUND, "no plan %d", planID)
		}
		plans := make([]forms.LinePlan, len(ids))
		for i, id := range ids {
			if plans[i], err = db.linePlanTx(ctx, tx, id); err != nil {
				return err
			}
		}
		out = forms.BuildLineHistory(planID, plans)
		return nil
	})
	return out, err
}

// linePlanTx reads a plan with the reports of its rounds that count for
// history: opened and not archived, in reporting order.
func (db *DB) linePlanTx(ctx context.Context, tx *sql.Tx, planID int64) (forms.LinePlan, error) {
	plan, err := db.planAt(ctx, tx, planID, true)
	if err != nil {
		return forms.LinePlan{}, err
	}
	lp := forms.LinePlan{Plan: plan}
	ids, err := queryAllTx(ctx, tx, scanID, `SELECT id FROM rounds WHERE plan_id = ? AND state != 'draft' AND archived = 0
		ORDER BY report_date, id`, planID)
	if err != nil {
		return lp, err
	}
	for _, id := range ids {
		rep, err := db.roundReportTx(ctx, tx, id)
		if err != nil {
			return lp, err
		}
		lp.Reports = append(lp.Reports, rep)
	}
	return lp, nil
}

// PlanStandings classifies every activity of a plan for the plan page, by
// id: new, carried (with its origin year and times carried) or finished
// (done in the plan's latest round with a consolidated status).
func (db *DB) PlanStandings(ctx context.Context, planID int64) (map[int64]forms.ActivityStanding, error) {
	var out map[int64]forms.ActivityStanding
	err := db.read(ctx, func(tx *sql.Tx) error {
		plan, err := db.planAt(ctx, tx, planID, true)
		if err != nil {
			return err
		}
		var roundID int64
		err = tx.QueryRowContext(ctx, `SELECT r.id FROM rounds r WHERE r.plan_id = ? AND r.archived = 0
			AND EXISTS (SELECT 1 FROM consolidations c WHERE c.round_id = r.id AND c.status_id IS NOT NULL)
			ORDER BY r.report_date DESC, r.id DESC LIMIT 1`, planID).Scan(&roundID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		cons, err := consolidationsTx(ctx, tx, roundID)
		if err != nil {
			return err
		}
		out = forms.PlanStandings(plan, cons)
		return nil
	})
	return out, err
}
