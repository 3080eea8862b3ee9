package forms_test

import (
	"errors"
	"testing"

	"followup/forms"
)

// Status ids of the default scale as numberedScale gives them.
const (
	notStarted  int64 = 1
	started     int64 = 2
	inProgress  int64 = 3
	done        int64 = 4
	carriesOver int64 = 5
	notRelevant int64 = 6
)

// numberedScale returns the default scale with ids 1..6 and positions set.
func numberedScale() forms.Scale {
	s := forms.DefaultScale()
	for i := range s {
		s[i].ID = int64(i + 1)
		s[i].Position = i
	}
	return s
}

// errorOf returns the *forms.Error in err's chain, failing the test if there
// is none.
func errorOf(tb testing.TB, err error) *forms.Error {
	tb.Helper()
	var fe *forms.Error
	if !errors.As(err, &fe) {
		tb.Fatalf("error %v (%T) is not a *forms.Error", err, err)
	}
	return fe
}

// wantCode fails the test unless err carries the given code ("" for nil).
func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := forms.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q (err %v), want %q", got, err, code)
	}
}
