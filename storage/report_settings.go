package storage

import (
	"context"
	"database/sql"
	"errors"

	"followup/forms"
)

// ReportSettings returns the office's choices for a round's reports, or the
// defaults when none are saved.
func (db *DB) ReportSettings(ctx context.Context, roundID int64) (forms.ReportSettings, error) {
	var out forms.ReportSettings
	err := db.read(ctx, func(tx *sql.Tx) error {
		if _, err := roundTx(ctx, tx, roundID); err != nil {
			return err
		}
		var err error
		out, err = reportSettingsTx(ctx, tx, roundID)
		return err
	})
	return out, err
}

func reportSettingsTx(ctx context.Context, tx *sql.Tx, roundID int64) (forms.ReportSettings, error) {
	s := forms.ReportSettings{}
	var paper string
	err := tx.QueryRowContext(ctx, `SELECT appendix, department_tables, comments, drafts, chart, empty_statuses, paper, compiled_by, version
		FROM report_settings WHERE round_id = ?`, roundID).Scan(&s.Appendix, &s.DepartmentTables, &s.Comments, &s.Drafts,
		&s.Chart, &s.EmptyStatuses, &paper, &s.CompiledBy, &s.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return forms.DefaultReportSettings(), nil
	}
	s.Paper = forms.Paper(paper)
	return s, err
}

// SaveReportSettings stores the office's choices for a round's reports. A
// save based on an older version than the stored one is ECONFLICT.
func (db *DB) SaveReportSettings(ctx context.Context, roundID int64, in forms.ReportSettings, actor string) (forms.ReportSettings, error) {
	if err := in.Validate(); err != nil {
		return in, err
	}
	var out forms.ReportSettings
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := roundTx(ctx, tx, roundID); err != nil {
			return err
		}
		cur, err := reportSettingsTx(ctx, tx, roundID)
		if err != nil {
			return err
		}
		if in.Version != cur.Version {
			return forms.Errorf(forms.ECONFLICT, "the report settings were changed by someone else")
		}
		out = in
		out.Version = cur.Version + 1
		now := db.Now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO report_settings (round_id, appendix, department_tables, comments, drafts, chart,
			empty_statuses, paper, compiled_by, saved_by, saved_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (round_id) DO UPDATE SET appendix = excluded.appendix, department_tables = excluded.department_tables,
			comments = excluded.comments, drafts = excluded.drafts, chart = excluded.chart, empty_statuses = excluded.empty_statuses,
			paper = excluded.paper, compiled_by = excluded.compiled_by, saved_by = excluded.saved_by, saved_at = excluded.saved_at,
			version = excluded.version`,
			roundID, b2i(out.Appendix), b2i(out.DepartmentTables), b2i(out.Comments), b2i(out.Drafts), b2i(out.Chart),
			b2i(out.EmptyStatuses), string(out.Paper), out.CompiledBy, actor, ts(now), out.Version); err != nil {
			return err
		}
		return auditTx(ctx, tx, now, actor, "round.report_settings", "round", roundID, "")
	})
	return out, err
}
