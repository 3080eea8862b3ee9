package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"followup/forms"
)

const roundColumns = `id, plan_id, kind, title, report_date, deadline, state, archived, created_at, opened_at, closed_at`

func scanRound(row rowScanner) (forms.Round, error) {
	var r forms.Round
	var kind, state, date, deadline, created, opened, closed string
	err := row.Scan(&r.ID, &r.PlanID, &kind, &r.Title, &date, &deadline, &state, &r.Archived, &created, &opened, &closed)
	r.Kind, r.State = forms.RoundKind(kind), forms.RoundState(state)
	r.ReportDate, r.Deadline = parseDate(date), parseDate(deadline)
	r.CreatedAt, r.OpenedAt, r.ClosedAt = parseTS(created), parseTS(opened), parseTS(closed)
	return r, err
}

// CreateRound stores a round in the draft state with the departments taking
// part (every active department when none are named).
func (db *DB) CreateRound(ctx context.Context, in forms.RoundInput, actor string) (int64, error) {
	kind, date, deadline, err := in.Validate()
	if err != nil {
		return 0, err
	}
	var id int64
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := planTx(ctx, tx, in.PlanID); err != nil {
			return forms.Errorf(forms.ENOTFOUND, "no plan %d", in.PlanID)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO rounds (plan_id, kind, title, report_date, deadline, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			in.PlanID, kind, in.Title, dateText(date), dateText(deadline), ts(db.Now()))
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		if err := setParticipantsTx(ctx, tx, id, in.DepartmentIDs); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "round.create", "round", id, in.Title)
	})
	return id, err
}

// setParticipantsTx makes the given departments (or every active one) the
// round's participants. Departments that already have a response stay.
func setParticipantsTx(ctx context.Context, tx *sql.Tx, roundID int64, ids []int64) error {
	if len(ids) == 0 {
		deps, err := departmentsTx(ctx, tx, false)
		if err != nil {
			return err
		}
		for _, d := range deps {
			ids = append(ids, d.ID)
		}
	}
	keep := map[int64]bool{}
	for _, id := range ids {
		keep[id] = true
		var active bool
		if err := tx.QueryRowContext(ctx, `SELECT active FROM departments WHERE id = ?`, id).Scan(&active); err != nil {
			return forms.Errorf(forms.EINVALID, "no department %d", id)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO round_departments (round_id, department_id, link_nonce) VALUES (?, ?, abs(random() % 9007199254740991))`, roundID, id); err != nil {
			return err
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT rd.department_id FROM round_departments rd
		WHERE rd.round_id = ? AND NOT EXISTS (SELECT 1 FROM responses s WHERE s.round_id = rd.round_id AND s.department_id = rd.department_id AND s.version > 0)`, roundID)
	if err != nil {
		return err
	}
	var drop []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		if !keep[id] {
			drop = append(drop, id)
		}
	}
	rows.Close()
	for _, id := range drop {
		if _, err := tx.ExecContext(ctx, `DELETE FROM responses WHERE round_id = ? AND department_id = ?`, roundID, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM round_departments WHERE round_id = ? AND department_id = ?`, roundID, id); err != nil {
			return err
		}
	}
	return nil
}

// roundTx reads one round.
func roundTx(ctx context.Context, tx *sql.Tx, id int64) (forms.Round, error) {
	return scanRound(tx.QueryRowContext(ctx, `SELECT `+roundColumns+` FROM rounds WHERE id = ?`, id))
}

// interimRoundTx reads the interim round that the plan's annual rounds are
// compared with: its latest interim round that is not a draft. It returns
// sql.ErrNoRows when there is none.
func interimRoundTx(ctx context.Context, tx *sql.Tx, planID int64) (forms.Round, error) {
	return scanRound(tx.QueryRowContext(ctx, `SELECT `+roundColumns+` FROM rounds
		WHERE plan_id = ? AND kind = 'interim' AND state != 'draft' ORDER BY report_date DESC, id DESC LIMIT 1`, planID))
}

// Round returns one round.
func (db *DB) Round(ctx context.Context, id int64) (forms.Round, error) {
	var r forms.Round
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = roundTx(ctx, tx, id)
		return err
	})
	return r, err
}

// Rounds lists the rounds of every plan, newest first.
func (db *DB) Rounds(ctx context.Context) ([]forms.Round, error) {
	var out []forms.Round
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryAllTx(ctx, tx, scanRound, `SELECT `+roundColumns+` FROM rounds ORDER BY report_date DESC, id DESC`)
		return err
	})
	return out, err
}

// SetRoundState opens, closes or reopens a round. Opening gives every
// participant without a link one, and a response to fill in.
func (db *DB) SetRoundState(ctx context.Context, id int64, state forms.RoundState, actor string) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return db.setRoundStateTx(ctx, tx, id, state, actor)
	})
}

// setRoundStateTx is SetRoundState inside a transaction.
func (db *DB) setRoundStateTx(ctx context.Context, tx *sql.Tx, id int64, state forms.RoundState, actor string) error {
	r, err := roundTx(ctx, tx, id)
	if err != nil {
		return err
	}
	now := ts(db.Now())
	switch state {
	case forms.RoundOpen:
		if _, err := tx.ExecContext(ctx, `UPDATE rounds SET state = 'open', opened_at = CASE opened_at WHEN '' THEN ? ELSE opened_at END, closed_at = '' WHERE id = ?`, now, id); err != nil {
			return err
		}
		if err := ensureResponsesTx(ctx, tx, id); err != nil {
			return err
		}
	case forms.RoundClosed:
		if r.State == forms.RoundDraft {
			return forms.Errorf(forms.EINVALID, "round %d was never opened", id)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE rounds SET state = 'closed', closed_at = ? WHERE id = ?`, now, id); err != nil {
			return err
		}
	default:
		return forms.Errorf(forms.EINVALID, "unknown round state %q", state)
	}
	return auditTx(ctx, tx, db.Now(), actor, "round."+string(state), "round", id, r.Title)
}

func ensureResponsesTx(ctx context.Context, tx *sql.Tx, roundID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO responses (round_id, department_id) SELECT round_id, department_id FROM round_departments WHERE round_id = ?`, roundID)
	return err
}

// Participants returns the departments taking part in a round, by name.
func (db *DB) Participants(ctx context.Context, roundID int64) ([]forms.Department, error) {
	var out []forms.Department
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = participantsTx(ctx, tx, roundID)
		return err
	})
	return out, err
}

func participantsTx(ctx context.Context, tx *sql.Tx, roundID int64) ([]forms.Department, error) {
	return queryAllTx(ctx, tx, scanDepartment, `SELECT d.id, d.name, d.kind, d.email, d.active, d.created_at FROM departments d
		JOIN round_departments rd ON rd.department_id = d.id WHERE rd.round_id = ? ORDER BY d.name_key`, roundID)
}

// SetRoundDates changes a round's reporting date and deadline, for example
// to give departments more time; the change is audited.
func (db *DB) SetRoundDates(ctx context.Context, roundID int64, reportDate, deadline, actor string) error {
	var fe forms.FieldErrors
	date, err := time.Parse(forms.DateLayout, strings.TrimSpace(reportDate))
	if err != nil {
		fe.Add("report_date", "error.date")
	}
	dl, err := time.Parse(forms.DateLayout, strings.TrimSpace(deadline))
	if err != nil {
		fe.Add("deadline", "error.date")
	}
	if err := fe.Err("invalid dates"); err != nil {
		return err
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		r, err := roundTx(ctx, tx, roundID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE rounds SET report_date = ?, deadline = ? WHERE id = ?`, dateText(date), dateText(dl), roundID); err != nil {
			return err
		}
		return auditTx(ctx, tx, db.Now(), actor, "round.dates", "round", roundID,
			fmt.Sprintf("%s: report date %s → %s, deadline %s → %s", r.Title, dateText(r.ReportDate), dateText(date), dateText(r.Deadline), dateText(dl)))
	})
}
