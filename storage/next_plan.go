package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"followup/forms"
)

// NextPlanProposal reads what the proposal for next year's plan from a plan
// needs and builds it: the plan, the round whose consolidations decide what
// is done (see forms.ChooseProposalRound), every department (deactivated
// ones are flagged) and the plans that already exist for the year. Year 0
// means the year after the plan's.
func (db *DB) NextPlanProposal(ctx context.Context, planID int64, year int) (*forms.NextPlanProposal, error) {
	var out *forms.NextPlanProposal
	err := db.read(ctx, func(tx *sql.Tx) error {
		plan, err := db.planAt(ctx, tx, planID, true)
		if err != nil {
			return err
		}
		if year == 0 {
			year = plan.Year + 1
		}
		src := forms.ProposalSource{Plan: plan}
		rounds, err := queryAllTx(ctx, tx, scanRound, `SELECT `+roundColumns+` FROM rounds WHERE plan_id = ?`, planID)
		if err != nil {
			return err
		}
		if r, ok := forms.ChooseProposalRound(rounds); ok {
			src.Round = &r
			if src.Consolidations, err = consolidationsTx(ctx, tx, r.ID); err != nil {
				return err
			}
		}
		if src.Departments, err = departmentsTx(ctx, tx, true); err != nil {
			return err
		}
		existing, err := successorTx(ctx, tx, planID, year)
		if err != nil {
			return err
		}
		src.Existing = existing.ID
		if src.SameYear, err = queryAllTx(ctx, tx, scanID, `SELECT id FROM plans WHERE year = ? AND id != ? AND archived = 0 ORDER BY id`,
			year, existing.ID); err != nil {
			return err
		}
		out = forms.ProposeNextPlan(src, year)
		return nil
	})
	return out, err
}

// PreviewNextPlan builds next year's plan from the office's choices without
// storing anything, so the office can see it first. It refuses what
// CreateNextPlan would refuse.
func (db *DB) PreviewNextPlan(ctx context.Context, in forms.NextPlanInput) (*forms.Plan, error) {
	var out *forms.Plan
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = buildNextPlanTx(ctx, tx, in)
		return err
	})
	return out, err
}

// CreateNextPlan stores next year's plan from the office's choices in one
// transaction and returns its id: the source plan's scale, the kept
// activities with their origins and times carried, the new areas and
// activities. A second plan from the same plan for the same year is
// refused with ECONFLICT naming the existing plan's id (NextPlanOf finds
// it).
func (db *DB) CreateNextPlan(ctx context.Context, in forms.NextPlanInput, actor string) (int64, error) {
	var id int64
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		p, err := buildNextPlanTx(ctx, tx, in)
		if err != nil {
			return err
		}
		if err := db.insertPlanTx(ctx, tx, p); err != nil {
			return err
		}
		id = p.ID
		carried := 0
		for _, a := range p.Activities() {
			if a.Carried() {
				carried++
			}
		}
		return auditTx(ctx, tx, p.CreatedAt, actor, "plan.next", "plan", p.ID,
			fmt.Sprintf("%s: from plan %d, %d of %d activities carried", p.Title, in.SourcePlanID, carried, len(p.Activities())))
	})
	return id, err
}

// buildNextPlanTx checks that the source exists and has no plan for the
// year yet, and builds the plan.
func buildNextPlanTx(ctx context.Context, tx *sql.Tx, in forms.NextPlanInput) (*forms.Plan, error) {
	source, err := planTx(ctx, tx, in.SourcePlanID)
	if err != nil {
		return nil, notFound(err, "no plan %d", in.SourcePlanID)
	}
	if in.Year > source.Year {
		stub := &forms.Plan{PredecessorID: source.ID, Year: in.Year}
		if err := checkPredecessorTx(ctx, tx, stub); err != nil {
			return nil, err
		}
	}
	deps, err := departmentsTx(ctx, tx, true)
	if err != nil {
		return nil, err
	}
	return in.Build(source, deps)
}

// NextPlanOf returns the plan made from a plan for a year, so that a page
// refused with ECONFLICT can link to it; ENOTFOUND when there is none.
func (db *DB) NextPlanOf(ctx context.Context, planID int64, year int) (PlanSummary, error) {
	var out PlanSummary
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		if out, err = successorTx(ctx, tx, planID, year); err == nil && out.ID == 0 {
			return forms.Errorf(forms.ENOTFOUND, "no plan was made from plan %d for %d", planID, year)
		}
		return err
	})
	return out, err
}

// notFound turns a missing row into an ENOTFOUND error with its own message.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return forms.Errorf(forms.ENOTFOUND, format, args...)
	}
	return err
}
