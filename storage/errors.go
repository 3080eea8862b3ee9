package storage

import (
	"database/sql"
	"errors"

	"github.com/mattn/go-sqlite3"

	"followup/forms"
)

// classify turns driver errors into the domain's vocabulary: no row is
// ENOTFOUND, a lock that outlasted the busy timeout is EBUSY, a broken
// uniqueness rule is ECONFLICT. Other errors pass unchanged.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var fe *forms.Error
	if errors.As(err, &fe) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &forms.Error{Code: forms.ENOTFOUND, Message: "not found"}
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return &forms.Error{Code: forms.EBUSY, Message: "the database is busy"}
		case sqlite3.ErrConstraint:
			if se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey {
				return &forms.Error{Code: forms.ECONFLICT, Message: "already exists"}
			}
		}
	}
	return err
}
