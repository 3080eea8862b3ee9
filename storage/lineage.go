package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"followup/forms"
)

// Lineage: a plan's predecessor and its activities' origins are checked
// when the plan is stored, so that every origin is an older activity of an
// earlier year and no plan is made twice from the same plan for one year.
// The schema backs both: an origin's and a predecessor's id is smaller than
// the row's own, so no line can loop.

// checkPredecessorTx refuses a plan whose predecessor does not exist, is not
// of an earlier year, or already has a plan made from it for the same year
// (ECONFLICT naming that plan's id).
func checkPredecessorTx(ctx context.Context, tx *sql.Tx, p *forms.Plan) error {
	if p.PredecessorID == 0 {
		return nil
	}
	var year int
	err := tx.QueryRowContext(ctx, `SELECT year FROM plans WHERE id = ?`, p.PredecessorID).Scan(&year)
	if errors.Is(err, sql.ErrNoRows) {
		return forms.Errorf(forms.ENOTFOUND, "no plan %d", p.PredecessorID)
	}
	if err != nil {
		return err
	}
	if p.Year <= year {
		return planFieldError(forms.EINVALID, "year", "plans.error.next_year", fmt.Sprintf("next year's plan must be of a year after %d", year))
	}
	existing, err := successorTx(ctx, tx, p.PredecessorID, p.Year)
	if err != nil || existing.ID == 0 {
		return err
	}
	return forms.Errorf(forms.ECONFLICT, "plan %d (%q) was already made from plan %d for %d", existing.ID, existing.Title, p.PredecessorID, p.Year)
}

// successorTx returns the plan made from the given plan for the year; a zero
// summary when there is none.
func successorTx(ctx context.Context, tx *sql.Tx, planID int64, year int) (PlanSummary, error) {
	s := PlanSummary{PredecessorID: planID, Year: year}
	err := tx.QueryRowContext(ctx, `SELECT id, organisation, title, archived FROM plans WHERE predecessor_id = ? AND year = ?`, planID, year).
		Scan(&s.ID, &s.Organisation, &s.Title, &s.Archived)
	if errors.Is(err, sql.ErrNoRows) {
		return PlanSummary{}, nil
	}
	return s, err
}

// linkOriginsTx checks every origin of the plan's activities. A linked
// origin must exist in a plan of an earlier year; an origin given as text
// is linked when exactly one activity of this installation has its year,
// plan title and activity title (letter case aside), and otherwise stays
// text. A linked activity's times carried is 1 + its origin's, or what the
// file says when that is more.
func linkOriginsTx(ctx context.Context, tx *sql.Tx, p *forms.Plan) error {
	for i := range p.Areas {
		for j := range p.Areas[i].Activities {
			a := &p.Areas[i].Activities[j]
			switch {
			case a.Origin.Linked():
				found, err := originTx(ctx, tx, a, p.Year)
				if err != nil {
					return err
				}
				if !found {
					return forms.Errorf(forms.EINVALID, "the origin of %q is no activity of a plan before %d", a.Title, p.Year)
				}
			case a.Origin.Known():
				if err := matchOriginTx(ctx, tx, a, p.Year); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// originTx fills in a linked origin from the activity it names and sets the
// times carried; found is false when that activity is not in a plan before
// the year.
func originTx(ctx context.Context, tx *sql.Tx, a *forms.Activity, year int) (found bool, err error) {
	var o forms.Origin
	var times int
	err = tx.QueryRowContext(ctx, `SELECT t.id, p.id, p.year, p.title, t.title, t.times_carried
		FROM activities t JOIN areas a ON a.id = t.area_id JOIN plans p ON p.id = a.plan_id WHERE t.id = ? AND p.year < ?`,
		a.Origin.ActivityID, year).Scan(&o.ActivityID, &o.PlanID, &o.Year, &o.PlanTitle, &o.ActivityTitle, &times)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	a.Origin = o
	a.TimesCarried = max(a.TimesCarried, times+1)
	return true, nil
}

// matchOriginTx links an origin given as text when exactly one activity of
// this installation matches it; titles are compared as strings.EqualFold
// does, so that Swedish letters match in any case.
func matchOriginTx(ctx context.Context, tx *sql.Tx, a *forms.Activity, year int) error {
	if a.Origin.Year >= year {
		return nil
	}
	type candidate struct {
		id          int64
		plan, title string
	}
	cands, err := queryAllTx(ctx, tx, func(row rowScanner) (candidate, error) {
		var c candidate
		err := row.Scan(&c.id, &c.plan, &c.title)
		return c, err
	}, `SELECT t.id, p.title, t.title FROM activities t JOIN areas a ON a.id = t.area_id JOIN plans p ON p.id = a.plan_id
		WHERE p.year = ?`, a.Origin.Year)
	if err != nil {
		return err
	}
	var match []int64
	for _, c := range cands {
		if strings.EqualFold(c.plan, a.Origin.PlanTitle) && strings.EqualFold(c.title, a.Origin.ActivityTitle) {
			match = append(match, c.id)
		}
	}
	if len(match) != 1 {
		return nil
	}
	a.Origin.ActivityID = match[0]
	_, err = originTx(ctx, tx, a, year)
	return err
}

func scanID(row rowScanner) (int64, error) {
	var id int64
	err := row.Scan(&id)
	return id, err
}
