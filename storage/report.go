package storage

import (
	"context"
	"database/sql"
	"errors"

	"followup/forms"
)

// RoundReport loads everything about a round in one read transaction: the
// plan, the participants, every response with its answers, the interim
// round's answers (for an annual round) and the consolidations.
func (db *DB) RoundReport(ctx context.Context, roundID int64) (*forms.RoundReport, error) {
	var rep *forms.RoundReport
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		rep, err = db.roundReportTx(ctx, tx, roundID)
		return err
	})
	if rep != nil {
		rep.GeneratedAt = db.Now()
	}
	return rep, err
}

func (db *DB) roundReportTx(ctx context.Context, tx *sql.Tx, roundID int64) (*forms.RoundReport, error) {
	round, err := roundTx(ctx, tx, roundID)
	if err != nil {
		return nil, err
	}
	plan, err := db.planAt(ctx, tx, round.PlanID, true)
	if err != nil {
		return nil, err
	}
	deps, err := participantsTx(ctx, tx, roundID)
	if err != nil {
		return nil, err
	}
	rep := &forms.RoundReport{Plan: *plan, Round: round, Departments: deps}
	if rep.Responses, err = responsesTx(ctx, tx, roundID); err != nil {
		return nil, err
	}
	if round.Kind == forms.RoundAnnual {
		interim, err := interimRoundTx(ctx, tx, round.PlanID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return nil, err
		default:
			rep.InterimRound = &interim
			resps, err := responsesTx(ctx, tx, interim.ID)
			if err != nil {
				return nil, err
			}
			rep.Interim = resps
		}
	}
	if rep.Settings, err = reportSettingsTx(ctx, tx, roundID); err != nil {
		return nil, err
	}
	if rep.Texts, err = roundTextsTx(ctx, tx, roundID); err != nil {
		return nil, err
	}
	if rep.Consolidations, err = consolidationsTx(ctx, tx, roundID); err != nil {
		return nil, err
	}
	if rep.CarriedTo, err = carriedToTx(ctx, tx, round.PlanID); err != nil {
		return nil, err
	}
	return rep, nil
}

// consolidationsTx reads the consolidations of a round, by activity.
func consolidationsTx(ctx context.Context, tx *sql.Tx, roundID int64) (map[int64]forms.Consolidation, error) {
	out := map[int64]forms.Consolidation{}
	rows, err := tx.QueryContext(ctx, `SELECT activity_id, COALESCE(status_id, 0), narrative, include_comments, continues, carry_reason, author, saved_at, version
		FROM consolidations WHERE round_id = ?`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c := forms.Consolidation{RoundID: roundID}
		var saved string
		if err := rows.Scan(&c.ActivityID, &c.StatusID, &c.Narrative, &c.IncludeComments, &c.Continues, &c.CarryReason, &c.Author, &saved, &c.Version); err != nil {
			return nil, err
		}
		c.SavedAt = parseTS(saved)
		out[c.ActivityID] = c
	}
	return out, rows.Err()
}

// responsesTx loads every response of a round with its answers, by
// department, in two queries whatever the round's size.
func responsesTx(ctx context.Context, tx *sql.Tx, roundID int64) (map[int64]*forms.Response, error) {
	out := map[int64]*forms.Response{}
	byID := map[int64]*forms.Response{}
	rows, err := tx.QueryContext(ctx, `SELECT `+responseColumns+` FROM responses WHERE round_id = ?`, roundID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		r, err := scanResponse(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out[r.DepartmentID] = r
		byID[r.ID] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT a.response_id, a.activity_id, COALESCE(a.status_id, 0), a.comment, a.needs_support, a.version, a.updated_at, a.updated_by
		FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.round_id = ?`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var resp int64
		var a forms.Answer
		var upd string
		if err := rows.Scan(&resp, &a.ActivityID, &a.StatusID, &a.Comment, &a.NeedsSupport, &a.Version, &upd, &a.UpdatedBy); err != nil {
			return nil, err
		}
		a.UpdatedAt = parseTS(upd)
		if r := byID[resp]; r != nil {
			r.Answers[a.ActivityID] = a
		}
	}
	return out, rows.Err()
}

// interimAnswersTx reads the interim round that the plan's annual rounds are
// compared with and the department's response in it; nil when there is none
// or the department did not take part in it.
func interimAnswersTx(ctx context.Context, tx *sql.Tx, planID, departmentID int64) (*forms.Round, *forms.Response, error) {
	interim, err := interimRoundTx(ctx, tx, planID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	resp, err := responseTx(ctx, tx, interim.ID, departmentID)
	if forms.ErrorCode(err) == forms.ENOTFOUND {
		return nil, nil, nil // the department did not take part in the interim round
	}
	if err != nil {
		return nil, nil, err
	}
	return &interim, resp, nil
}
