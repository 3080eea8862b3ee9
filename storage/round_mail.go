package storage

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"followup/forms"
)

// RoundMail returns a round's invitation and reminder texts and its
// reminder schedule, or the defaults when the office has saved none.
func (db *DB) RoundMail(ctx context.Context, roundID int64) (forms.RoundMail, error) {
	var out forms.RoundMail
	err := db.read(ctx, func(tx *sql.Tx) error {
		if _, err := roundTx(ctx, tx, roundID); err != nil {
			return err
		}
		var err error
		out, err = roundMailTx(ctx, tx, roundID)
		return err
	})
	return out, err
}

func roundMailTx(ctx context.Context, tx *sql.Tx, roundID int64) (forms.RoundMail, error) {
	var m forms.RoundMail
	var schedule string
	err := tx.QueryRowContext(ctx, `SELECT invitation_subject, invitation_body, reminder_subject, reminder_body, schedule, version
		FROM round_mail WHERE round_id = ?`, roundID).Scan(&m.Invitation.Subject, &m.Invitation.Body, &m.Reminder.Subject,
		&m.Reminder.Body, &schedule, &m.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return forms.DefaultRoundMail(), nil
	}
	if err != nil {
		return m, err
	}
	for _, part := range strings.Split(schedule, ",") {
		if n, err := strconv.Atoi(part); err == nil {
			m.Schedule = append(m.Schedule, n)
		}
	}
	return m, nil
}

// SaveRoundMail stores a round's texts and schedule; a save based on an
// older version than the stored one is ECONFLICT. The change is audited.
func (db *DB) SaveRoundMail(ctx context.Context, roundID int64, in forms.RoundMail, actor string) (forms.RoundMail, error) {
	if err := in.Validate(); err != nil {
		return in, err
	}
	var out forms.RoundMail
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := roundTx(ctx, tx, roundID); err != nil {
			return err
		}
		cur, err := roundMailTx(ctx, tx, roundID)
		if err != nil {
			return err
		}
		if in.Version != cur.Version {
			return forms.Errorf(forms.ECONFLICT, "the round's mail texts were changed by someone else")
		}
		out = in
		out.Version = cur.Version + 1
		days := make([]string, len(out.Schedule))
		for i, n := range out.Schedule {
			days[i] = strconv.Itoa(n)
		}
		now := db.Now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO round_mail (round_id, invitation_subject, invitation_body, reminder_subject,
			reminder_body, schedule, saved_by, saved_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (round_id) DO UPDATE SET invitation_subject = excluded.invitation_subject, invitation_body = excluded.invitation_body,
			reminder_subject = excluded.reminder_subject, reminder_body = excluded.reminder_body, schedule = excluded.schedule,
			saved_by = excluded.saved_by, saved_at = excluded.saved_at, version = excluded.version`,
			roundID, out.Invitation.Subject, out.Invitation.Body, out.Reminder.Subject, out.Reminder.Body,
			strings.Join(days, ","), actor, ts(now), out.Version); err != nil {
			return err
		}
		return auditTx(ctx, tx, now, actor, "round.mail_texts", "round", roundID, "schedule "+out.Schedule.String())
	})
	return out, err
}
