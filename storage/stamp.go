package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"followup/forms"
)

// PageStamp identifies everything a department's questionnaire page shows:
// when the stamp is the same, so is the page (for a given language and
// time). It lets the server reuse a rendered page without reading the whole
// questionnaire.
type PageStamp struct {
	Key   string
	Round forms.Round // State and Deadline, to tell at request time whether it is closed
}

// QuestionnaireStamp reads a questionnaire's stamp in one query.
func (db *DB) QuestionnaireStamp(ctx context.Context, roundID, departmentID int64) (PageStamp, error) {
	var st PageStamp
	err := db.read(ctx, func(tx *sql.Tx) error {
		var state, deadline, title, kind, depName, respState string
		var planID, planRev, respVersion, interimVersions, interimRounds int64
		err := tx.QueryRowContext(ctx, `SELECT r.state, r.deadline, r.title, r.kind, r.plan_id, p.revision, d.name,
			COALESCE(s.version, 0), COALESCE(s.state, 'not_started'),
			(SELECT COALESCE(SUM(s2.version), 0) FROM responses s2 JOIN rounds r2 ON r2.id = s2.round_id
			  WHERE r2.plan_id = r.plan_id AND r2.kind = 'interim' AND s2.department_id = d.id),
			(SELECT COALESCE(SUM(r3.id * (r3.state != 'draft')), 0) FROM rounds r3 WHERE r3.plan_id = r.plan_id AND r3.kind = 'interim')
			FROM rounds r JOIN plans p ON p.id = r.plan_id JOIN departments d ON d.id = ?
			LEFT JOIN responses s ON s.round_id = r.id AND s.department_id = d.id
			WHERE r.id = ?`, departmentID, roundID).
			Scan(&state, &deadline, &title, &kind, &planID, &planRev, &depName, &respVersion, &respState, &interimVersions, &interimRounds)
		if err != nil {
			return err
		}
		st.Round = forms.Round{ID: roundID, PlanID: planID, State: forms.RoundState(state), Deadline: parseDate(deadline), Title: title, Kind: forms.RoundKind(kind)}
		st.Key = fmt.Sprintf("r%d|%s|%s|%q|%s|p%d.%d|d%d|%q|v%d.%s|i%d.%d", roundID, state, deadline, title, kind, planID, planRev,
			departmentID, depName, respVersion, respState, interimVersions, interimRounds)
		return nil
	})
	return st, err
}

// Closed reports whether the stamped round takes no answers at now.
func (s PageStamp) Closed(now time.Time, loc *time.Location) bool {
	return s.Round.AcceptsAnswers(now, loc) != nil
}
