package storage

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"followup/forms"
)

// The outbox: every mail is a row written in the same transaction as the
// action that causes it (opening a round, a coordinator's click, a due
// reminder), so that a mail is never lost between the action and the
// sending; a worker hands the rows to the relay one by one (see
// cmd/followup/internal/mail).

// queueTx adds one mail to the outbox. A once key already used (the same
// scheduled reminder to the same department) leaves it out: it reports
// whether the mail was added.
func queueTx(ctx context.Context, tx *sql.Tx, now time.Time, m forms.Mail, onceKey string) (bool, error) {
	var once any
	if onceKey != "" {
		once = onceKey
	}
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO outbox (round_id, department_id, kind, trigger_, once_key, recipients, next_attempt, queued_at, queued_by)
		VALUES (NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?)`,
		m.RoundID, m.DepartmentID, string(m.Kind), m.Trigger, once, m.To, ts(now), ts(now), m.QueuedBy)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// waitingTx returns the participants of a round whose answers the office
// still waits for (not started, draft or returned), limited to ids unless
// ids is empty.
func waitingTx(ctx context.Context, tx *sql.Tx, roundID int64, ids []int64) ([]int64, error) {
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT rd.department_id FROM round_departments rd
		LEFT JOIN responses r ON r.round_id = rd.round_id AND r.department_id = rd.department_id
		WHERE rd.round_id = ? AND COALESCE(r.state, 'not_started') != 'submitted' ORDER BY rd.department_id`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if len(want) == 0 || want[id] {
			out = append(out, id)
		}
	}
	return out, rows.Err()
}

// OpenRound opens a round as SetRoundState does and, when invite is true,
// queues an invitation to every participant in the same transaction. It
// returns the number of invitations queued.
func (db *DB) OpenRound(ctx context.Context, id int64, actor string, invite bool) (int, error) {
	n := 0
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		n = 0
		if err := db.setRoundStateTx(ctx, tx, id, forms.RoundOpen, actor); err != nil {
			return err
		}
		if !invite {
			return nil
		}
		var err error
		n, err = db.queueRoundTx(ctx, tx, id, nil, forms.MailInvitation, forms.TriggerOpen, actor)
		return err
	})
	return n, err
}

// QueueInvitations queues an invitation to the given participants of an
// open round, or to every one when ids is empty, leaving out those that
// have submitted. It returns the number queued.
func (db *DB) QueueInvitations(ctx context.Context, roundID int64, ids []int64, actor string) (int, error) {
	return db.queueByHand(ctx, roundID, ids, forms.MailInvitation, actor)
}

// QueueReminders queues a reminder to the given participants of an open
// round, or to every one that has not submitted when ids is empty;
// departments that have submitted get none. It returns the number queued.
func (db *DB) QueueReminders(ctx context.Context, roundID int64, ids []int64, actor string) (int, error) {
	return db.queueByHand(ctx, roundID, ids, forms.MailReminder, actor)
}

func (db *DB) queueByHand(ctx context.Context, roundID int64, ids []int64, kind forms.MailKind, actor string) (int, error) {
	n := 0
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		round, err := roundTx(ctx, tx, roundID)
		if err != nil {
			return err
		}
		if round.State != forms.RoundOpen {
			return forms.Errorf(forms.ECLOSED, "round %d is not open", roundID)
		}
		n, err = db.queueRoundTx(ctx, tx, roundID, ids, kind, forms.TriggerHand, actor)
		return err
	})
	return n, err
}

// queueRoundTx queues one mail of a kind to each participant the office
// waits for, and audits it.
func (db *DB) queueRoundTx(ctx context.Context, tx *sql.Tx, roundID int64, ids []int64, kind forms.MailKind, trigger, actor string) (int, error) {
	deps, err := waitingTx(ctx, tx, roundID, ids)
	if err != nil {
		return 0, err
	}
	now := db.Now()
	for _, d := range deps {
		if _, err := queueTx(ctx, tx, now, forms.Mail{RoundID: roundID, DepartmentID: d, Kind: kind, Trigger: trigger, QueuedBy: actor}, ""); err != nil {
			return 0, err
		}
	}
	if len(deps) > 0 {
		if err := auditTx(ctx, tx, now, actor, "mail."+string(kind), "round", roundID, strconv.Itoa(len(deps))+" queued"); err != nil {
			return 0, err
		}
	}
	return len(deps), nil
}

// QueueScheduledReminders queues, for every open round, the reminder of
// its schedule that is due at the database's now in loc, to each
// participant that has not submitted. A department gets each scheduled
// reminder at most once, however often this runs. It returns the number
// queued.
func (db *DB) QueueScheduledReminders(ctx context.Context, loc *time.Location, actor string) (int, error) {
	total := 0
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		total = 0
		rounds, err := queryAllTx(ctx, tx, scanRound, `SELECT `+roundColumns+` FROM rounds WHERE state = 'open' AND archived = 0`)
		if err != nil {
			return err
		}
		now := db.Now()
		for _, r := range rounds {
			m, err := roundMailTx(ctx, tx, r.ID)
			if err != nil {
				return err
			}
			day, ok := m.Schedule.Due(r.Deadline, loc, now)
			if !ok {
				continue
			}
			deps, err := waitingTx(ctx, tx, r.ID, nil)
			if err != nil {
				return err
			}
			trigger := forms.TriggerSchedule + strconv.Itoa(day)
			n := 0
			for _, d := range deps {
				key := "reminder:" + strconv.FormatInt(r.ID, 10) + ":" + strconv.FormatInt(d, 10) + ":" + strconv.Itoa(day)
				added, err := queueTx(ctx, tx, now, forms.Mail{RoundID: r.ID, DepartmentID: d, Kind: forms.MailReminder, Trigger: trigger, QueuedBy: actor}, key)
				if err != nil {
					return err
				}
				if added {
					n++
				}
			}
			if n > 0 {
				if err := auditTx(ctx, tx, now, actor, "mail.reminder", "round", r.ID, strconv.Itoa(n)+" queued by the schedule, day "+strconv.Itoa(day)); err != nil {
					return err
				}
			}
			total += n
		}
		return nil
	})
	return total, err
}

// QueueTestMail queues a test message to an account's own address.
func (db *DB) QueueTestMail(ctx context.Context, to, actor string) (int64, error) {
	var id int64
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		now := db.Now()
		if _, err := queueTx(ctx, tx, now, forms.Mail{Kind: forms.MailTest, Trigger: forms.TriggerTest, To: to, QueuedBy: actor}, ""); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT last_insert_rowid()`).Scan(&id); err != nil {
			return err
		}
		return auditTx(ctx, tx, now, actor, "mail.test", "mail", id, to)
	})
	return id, err
}
