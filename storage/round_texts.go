package storage

import (
	"context"
	"database/sql"
	"errors"

	"followup/forms"
)

func roundTextsTx(ctx context.Context, tx *sql.Tx, roundID int64) (map[forms.TextKind]forms.RoundText, error) {
	rows, err := tx.QueryContext(ctx, `SELECT kind, body, author, saved_at, version FROM round_texts WHERE round_id = ?`, roundID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[forms.TextKind]forms.RoundText{}
	for rows.Next() {
		t := forms.RoundText{RoundID: roundID}
		var kind, saved string
		if err := rows.Scan(&kind, &t.Body, &t.Author, &saved, &t.Version); err != nil {
			return nil, err
		}
		t.Kind, t.SavedAt = forms.TextKind(kind), parseTS(saved)
		out[t.Kind] = t
	}
	return out, rows.Err()
}

// SaveRoundText stores one of the office's texts for a round's report,
// keeping every earlier version. A save based on an older version than the
// stored one is ECONFLICT, as for consolidations.
func (db *DB) SaveRoundText(ctx context.Context, roundID int64, kind forms.TextKind, in forms.RoundTextInput, author string) (forms.RoundText, error) {
	if _, ok := forms.ParseTextKind(string(kind)); !ok {
		return forms.RoundText{}, forms.Errorf(forms.ENOTFOUND, "no text kind %q", kind)
	}
	if err := in.Validate(); err != nil {
		return forms.RoundText{}, err
	}
	var out forms.RoundText
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := roundTx(ctx, tx, roundID); err != nil {
			return err
		}
		var version int
		err := tx.QueryRowContext(ctx, `SELECT version FROM round_texts WHERE round_id = ? AND kind = ?`, roundID, string(kind)).Scan(&version)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if in.BaseVersion != version {
			return forms.Errorf(forms.ECONFLICT, "the text was changed by someone else")
		}
		now := db.Now()
		out = forms.RoundText{RoundID: roundID, Kind: kind, Body: in.Body, Author: author, SavedAt: now, Version: version + 1}
		if _, err := tx.ExecContext(ctx, `INSERT INTO round_texts (round_id, kind, body, author, saved_at, version) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (round_id, kind) DO UPDATE SET body = excluded.body, author = excluded.author, saved_at = excluded.saved_at,
			version = excluded.version`, roundID, string(kind), out.Body, author, ts(now), out.Version); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO round_text_history (round_id, kind, version, body, author, saved_at) VALUES (?, ?, ?, ?, ?, ?)`,
			roundID, string(kind), out.Version, out.Body, author, ts(now)); err != nil {
			return err
		}
		return auditTx(ctx, tx, now, author, "round.text_save", "round", roundID, string(kind))
	})
	return out, err
}

// RoundTexts returns the office's saved texts for a round, by kind.
func (db *DB) RoundTexts(ctx context.Context, roundID int64) (map[forms.TextKind]forms.RoundText, error) {
	var out map[forms.TextKind]forms.RoundText
	err := db.read(ctx, func(tx *sql.Tx) error {
		if _, err := roundTx(ctx, tx, roundID); err != nil {
			return err
		}
		var err error
		out, err = roundTextsTx(ctx, tx, roundID)
		return err
	})
	return out, err
}

// RoundTextHistory lists every saved version of one of a round's texts,
// newest first.
func (db *DB) RoundTextHistory(ctx context.Context, roundID int64, kind forms.TextKind) ([]forms.RoundText, error) {
	var out []forms.RoundText
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT version, body, author, saved_at FROM round_text_history
			WHERE round_id = ? AND kind = ? ORDER BY version DESC`, roundID, string(kind))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t := forms.RoundText{RoundID: roundID, Kind: kind}
			var saved string
			if err := rows.Scan(&t.Version, &t.Body, &t.Author, &saved); err != nil {
				return err
			}
			t.SavedAt = parseTS(saved)
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}
