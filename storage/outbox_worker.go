package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"time"

	"followup/forms"
)

// MailData is what one mail needs to be written: the mail, and for a mail
// to a department its round, the department, its link token, its response
// and the round's texts.
type MailData struct {
	Mail       forms.Mail
	Round      forms.Round
	Department forms.Department
	// Token is the department's link token; "" when the stored link was
	// made with another secret and must be replaced first.
	Token    string
	Response *forms.Response
	Plan     *forms.Plan
	Texts    forms.RoundMail
}

const mailColumns = `id, COALESCE(round_id, 0), COALESCE(department_id, 0), kind, trigger_, state, recipients, subject, message_id,
	attempts, next_attempt, last_error, queued_at, queued_by, sent_at`

func scanMail(row rowScanner) (forms.Mail, error) {
	var m forms.Mail
	var kind, state, next, queued, sent string
	err := row.Scan(&m.ID, &m.RoundID, &m.DepartmentID, &kind, &m.Trigger, &state, &m.To, &m.Subject, &m.MessageID,
		&m.Attempts, &next, &m.LastError, &queued, &m.QueuedBy, &sent)
	m.Kind, m.State = forms.MailKind(kind), forms.MailState(state)
	m.NextAttempt, m.QueuedAt, m.SentAt = parseTS(next), parseTS(queued), parseTS(sent)
	return m, err
}

// ClaimMail takes the next mail that is due, marks it as being sent and
// returns what it needs; ok is false when none is due. The mail keeps a
// Message-ID from its first attempt on (made here with domain), so that a
// mail sent again after a crash is the same message to the receiving
// systems.
func (db *DB) ClaimMail(ctx context.Context, secret []byte, domain string) (data *MailData, ok bool, err error) {
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		data, ok = nil, false
		for {
			m, err := scanMail(tx.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM outbox WHERE state = 'queued' AND next_attempt <= ?
				ORDER BY next_attempt, id LIMIT 1`, ts(db.Now())))
			if errors.Is(err, sql.ErrNoRows) {
				return nil
			}
			if err != nil {
				return err
			}
			if m.MessageID == "" {
				m.MessageID = newMessageID(domain)
			}
			m.State, m.Attempts = forms.MailSending, m.Attempts+1
			if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'sending', attempts = ?, message_id = ? WHERE id = ?`,
				m.Attempts, m.MessageID, m.ID); err != nil {
				return err
			}
			data = &MailData{Mail: m}
			if m.RoundID == 0 {
				ok = true
				return nil
			}
			err = db.mailDataTx(ctx, tx, secret, data)
			if err == nil {
				ok = true
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) && forms.ErrorCode(err) != forms.ENOTFOUND {
				return err
			}
			// The department no longer takes part in the round.
			if err := skipTx(ctx, tx, db.Now(), m.ID, "the department no longer takes part in the round"); err != nil {
				return err
			}
		}
	})
	return data, ok, err
}

// skipTx leaves out a mail being sent, with the reason.
func skipTx(ctx context.Context, tx *sql.Tx, now time.Time, id int64, reason string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'skipped', last_error = ? WHERE id = ?`, reason, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO mail_attempts (mail_id, at, state, detail) VALUES (?, ?, 'skipped', ?)`, id, ts(now), reason)
	return err
}

// mailDataTx reads what a mail to a department needs.
func (db *DB) mailDataTx(ctx context.Context, tx *sql.Tx, secret []byte, data *MailData) error {
	m := data.Mail
	var err error
	if data.Round, err = roundTx(ctx, tx, m.RoundID); err != nil {
		return err
	}
	if data.Department, err = departmentTx(ctx, tx, m.DepartmentID); err != nil {
		return err
	}
	if data.Plan, err = db.planAt(ctx, tx, data.Round.PlanID, true); err != nil {
		return err
	}
	if data.Response, err = responseTx(ctx, tx, m.RoundID, m.DepartmentID); err != nil && forms.ErrorCode(err) != forms.ENOTFOUND {
		return err
	}
	if data.Texts, err = roundMailTx(ctx, tx, m.RoundID); err != nil {
		return err
	}
	data.Token, err = linkTx(ctx, tx, secret, m.RoundID, m.DepartmentID, db.Now())
	return err
}

// newMessageID makes a Message-ID that no other mail has.
func newMessageID(domain string) string {
	b := make([]byte, 16)
	rand.Read(b)
	if domain == "" {
		domain = "followup.invalid"
	}
	return "<" + hex.EncodeToString(b) + "@" + domain + ">"
}

// MailSent records that the relay accepted a mail, to whom and with which
// subject.
func (db *DB) MailSent(ctx context.Context, id int64, to, subject string) error {
	return db.mailResult(ctx, id, forms.MailSent, to, subject, "", time.Time{})
}

// MailRetry records a temporary refusal: the mail waits until at.
func (db *DB) MailRetry(ctx context.Context, id int64, detail string, at time.Time) error {
	return db.mailResult(ctx, id, forms.MailQueued, "", "", detail, at)
}

// MailFailed records that a mail cannot be sent: the relay refused it for
// good, or the department has no valid address.
func (db *DB) MailFailed(ctx context.Context, id int64, to, detail string) error {
	return db.mailResult(ctx, id, forms.MailFailed, to, "", detail, time.Time{})
}

// MailSkipped records that a mail was no longer needed when its turn came.
func (db *DB) MailSkipped(ctx context.Context, id int64, detail string) error {
	return db.mailResult(ctx, id, forms.MailSkipped, "", "", detail, time.Time{})
}

func (db *DB) mailResult(ctx context.Context, id int64, state forms.MailState, to, subject, detail string, next time.Time) error {
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		now := db.Now()
		sent := ""
		if state == forms.MailSent {
			sent = ts(now)
		}
		res, err := tx.ExecContext(ctx, `UPDATE outbox SET state = ?, recipients = CASE ? WHEN '' THEN recipients ELSE ? END,
			subject = CASE ? WHEN '' THEN subject ELSE ? END, last_error = ?, sent_at = ?,
			next_attempt = CASE ? WHEN '' THEN next_attempt ELSE ? END WHERE id = ? AND state = 'sending'`,
			string(state), to, to, subject, subject, detail, sent, tsOrEmpty(next), tsOrEmpty(next), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return forms.Errorf(forms.ECONFLICT, "mail %d is not being sent", id)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO mail_attempts (mail_id, at, state, detail) VALUES (?, ?, ?, ?)`, id, ts(now), string(state), detail)
		return err
	})
}

func tsOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return ts(t)
}

// RequeueInterrupted puts back in the queue the mails that were being
// sent when the server stopped, keeping their Message-IDs. It returns how
// many there were.
func (db *DB) RequeueInterrupted(ctx context.Context) (int, error) {
	n := 0
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'queued' WHERE state = 'sending'`)
		if err != nil {
			return err
		}
		c, _ := res.RowsAffected()
		n = int(c)
		return nil
	})
	return n, err
}

// MailLog lists a round's mails, newest first, each with its attempts.
func (db *DB) MailLog(ctx context.Context, roundID int64) ([]forms.Mail, error) {
	var out []forms.Mail
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		if out, err = queryAllTx(ctx, tx, scanMail, `SELECT `+mailColumns+` FROM outbox WHERE round_id = ? ORDER BY id DESC`, roundID); err != nil {
			return err
		}
		at := map[int64]int{}
		for i, m := range out {
			at[m.ID] = i
		}
		rows, err := tx.QueryContext(ctx, `SELECT a.mail_id, a.at, a.state, a.detail FROM mail_attempts a JOIN outbox o ON o.id = a.mail_id
			WHERE o.round_id = ? ORDER BY a.id`, roundID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var when, state string
			var a forms.MailAttempt
			if err := rows.Scan(&id, &when, &state, &a.Detail); err != nil {
				return err
			}
			a.At, a.State = parseTS(when), forms.MailState(state)
			if i, ok := at[id]; ok {
				out[i].History = append(out[i].History, a)
			}
		}
		return rows.Err()
	})
	return out, err
}

// Mail returns one mail of the outbox with its attempts.
func (db *DB) Mail(ctx context.Context, id int64) (forms.Mail, error) {
	var m forms.Mail
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = scanMail(tx.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM outbox WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return forms.Errorf(forms.ENOTFOUND, "no mail %d", id)
		}
		return err
	})
	return m, err
}

// MailPreview reads what a mail of the given kind to a department of a
// round would say, without queueing anything, so that the office can see
// it before sending (the department's link is made if it has none).
func (db *DB) MailPreview(ctx context.Context, secret []byte, roundID, departmentID int64, kind forms.MailKind) (*MailData, error) {
	d := &MailData{Mail: forms.Mail{RoundID: roundID, DepartmentID: departmentID, Kind: kind}}
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		err := db.mailDataTx(ctx, tx, secret, d)
		if errors.Is(err, sql.ErrNoRows) {
			return forms.Errorf(forms.ENOTFOUND, "department %d does not take part in round %d", departmentID, roundID)
		}
		return err
	})
	return d, err
}
