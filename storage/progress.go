package storage

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"followup/forms"
)

// Progress is where one participant of a round stands: what the office's
// progress table shows.
type Progress struct {
	Department    forms.Department
	State         forms.ResponseState
	Answered      int // assigned activities with a status
	Assigned      int // activities the department answers
	UpdatedAt     time.Time
	FilledInBy    string
	SubmittedBy   string
	SubmittedAt   time.Time
	ReturnMessage string // the latest return's message, kept after resubmission
	ReturnedBy    string
	ReturnedAt    time.Time
}

// Returned reports whether the office has ever sent the response back.
func (p Progress) Returned() bool { return !p.ReturnedAt.IsZero() }

// ProgressCounts counts a round's participants by response state.
type ProgressCounts struct {
	Participants int
	NotStarted   int
	Draft        int
	Submitted    int
	Returned     int
}

func (n *ProgressCounts) add(state forms.ResponseState, k int) {
	n.Participants += k
	switch state {
	case forms.ResponseDraft:
		n.Draft += k
	case forms.ResponseSubmitted:
		n.Submitted += k
	case forms.ResponseReturned:
		n.Returned += k
	default:
		n.NotStarted += k
	}
}

// CountProgress counts the rows of a progress table by state.
func CountProgress(rows []Progress) ProgressCounts {
	var n ProgressCounts
	for _, p := range rows {
		n.add(p.State, 1)
	}
	return n
}

// progressQuery reads every participant of a round with its response and
// both counts in one statement. An activity counts for a department when it
// is for all departments or names the department; only such activities'
// answers count as answered.
const progressQuery = `
SELECT d.id, d.name, d.kind, d.email, d.active, d.created_at,
  COALESCE(r.state, 'not_started'), COALESCE(r.updated_at, ''), COALESCE(r.filled_in_by, ''),
  COALESCE(r.submitted_by, ''), COALESCE(r.submitted_at, ''),
  COALESCE(r.return_message, ''), COALESCE(r.returned_by, ''), COALESCE(r.returned_at, ''),
  (SELECT COUNT(*) FROM activities t JOIN areas a ON a.id = t.area_id
    WHERE a.plan_id = ro.plan_id AND (t.all_departments = 1 OR EXISTS
      (SELECT 1 FROM activity_departments ad WHERE ad.activity_id = t.id AND ad.department_id = d.id))),
  (SELECT COUNT(*) FROM answers x JOIN activities t ON t.id = x.activity_id JOIN areas a ON a.id = t.area_id
    WHERE x.response_id = r.id AND x.status_id IS NOT NULL AND a.plan_id = ro.plan_id AND (t.all_departments = 1 OR EXISTS
      (SELECT 1 FROM activity_departments ad WHERE ad.activity_id = t.id AND ad.department_id = d.id)))
FROM round_departments rd
JOIN rounds ro ON ro.id = rd.round_id
JOIN departments d ON d.id = rd.department_id
LEFT JOIN responses r ON r.round_id = rd.round_id AND r.department_id = rd.department_id
WHERE rd.round_id = ?
ORDER BY d.name_key`

// RoundProgress returns a round and where each of its participants stands,
// in name order, from one read snapshot and two queries whatever the size
// of the round.
func (db *DB) RoundProgress(ctx context.Context, roundID int64) (forms.Round, []Progress, error) {
	var round forms.Round
	var out []Progress
	err := db.read(ctx, func(tx *sql.Tx) error {
		var err error
		if round, err = roundTx(ctx, tx, roundID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, progressQuery, roundID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p Progress
			var kind, created, state, upd, subAt, retAt string
			if err := rows.Scan(&p.Department.ID, &p.Department.Name, &kind, &p.Department.Email, &p.Department.Active, &created,
				&state, &upd, &p.FilledInBy, &p.SubmittedBy, &subAt, &p.ReturnMessage, &p.ReturnedBy, &retAt,
				&p.Assigned, &p.Answered); err != nil {
				return err
			}
			p.Department.Kind, p.Department.CreatedAt = forms.DepartmentKind(kind), parseTS(created)
			p.State = forms.ResponseState(state)
			p.UpdatedAt, p.SubmittedAt, p.ReturnedAt = parseTS(upd), parseTS(subAt), parseTS(retAt)
			out = append(out, p)
		}
		return rows.Err()
	})
	return round, out, err
}

// RoundCounts counts the participants of every round by response state, in
// one query, for overviews of many rounds.
func (db *DB) RoundCounts(ctx context.Context) (map[int64]ProgressCounts, error) {
	out := map[int64]ProgressCounts{}
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT rd.round_id, COALESCE(r.state, 'not_started'), COUNT(*)
			FROM round_departments rd
			LEFT JOIN responses r ON r.round_id = rd.round_id AND r.department_id = rd.department_id
			GROUP BY rd.round_id, COALESCE(r.state, 'not_started')`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var state string
			var k int
			if err := rows.Scan(&id, &state, &k); err != nil {
				return err
			}
			n := out[id]
			n.add(forms.ResponseState(state), k)
			out[id] = n
		}
		return rows.Err()
	})
	return out, err
}

// SetParticipants makes the given departments the participants of a draft
// or open round. It refuses an empty list, an unknown department, a closed
// round, and dropping a department that has saved answers: those answers
// are records. Departments added to an open round get a response to fill
// in at once.
func (db *DB) SetParticipants(ctx context.Context, roundID int64, ids []int64, actor string) error {
	if len(ids) == 0 {
		return participantsError("error.round_participants_none", "choose at least one department")
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		r, err := roundTx(ctx, tx, roundID)
		if err != nil {
			return err
		}
		if r.State == forms.RoundClosed {
			return forms.Errorf(forms.ECLOSED, "round %d is closed", roundID)
		}
		rows, err := tx.QueryContext(ctx, `SELECT rd.department_id FROM round_departments rd
			JOIN responses s ON s.round_id = rd.round_id AND s.department_id = rd.department_id
			WHERE rd.round_id = ? AND s.version > 0`, roundID)
		if err != nil {
			return err
		}
		var answered []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			answered = append(answered, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range answered {
			if !slices.Contains(ids, id) {
				return participantsError("error.round_participants_answered", "a department with answers cannot leave the round")
			}
		}
		for _, id := range ids {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM departments WHERE id = ?`, id).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return participantsError("error.round_participants_unknown", "unknown department")
			}
		}
		if err := setParticipantsTx(ctx, tx, roundID, ids); err != nil {
			return err
		}
		if r.State == forms.RoundOpen {
			if err := ensureResponsesTx(ctx, tx, roundID); err != nil {
				return err
			}
		}
		return auditTx(ctx, tx, db.Now(), actor, "round.participants", "round", roundID, itoa(len(ids))+" departments")
	})
}

func participantsError(key, message string) error {
	return &forms.Error{Code: forms.EINVALID, Message: message, Fields: map[string]string{"departments": key}, Order: []string{"departments"}}
}
