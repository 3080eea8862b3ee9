package forms_test

import (
	"errors"
	"fmt"
	"testing"

	"followup/forms"
)

func TestMerge(t *testing.T) {
	v := func(status int64, comment string, version int) forms.Answer {
		return forms.Answer{ActivityID: 7, StatusID: status, Comment: comment, Version: version}
	}
	in := func(status int64, comment string, base int) forms.AnswerInput {
		return forms.AnswerInput{ActivityID: 7, StatusID: status, Comment: comment, BaseVersion: base}
	}
	tests := []struct {
		name    string
		current forms.Answer
		base    forms.Answer
		in      forms.AnswerInput
		want    forms.MergeOutcome
	}{
		{"WriteBaseIsCurrent", v(notStarted, "", 1), v(notStarted, "", 1), in(inProgress, "igång", 1), forms.MergeWrite},
		{"WriteFirstAnswer", v(0, "", 0), v(0, "", 0), in(done, "", 0), forms.MergeWrite},
		{"WriteNeedsSupportOnly", v(done, "x", 2), v(done, "x", 2), forms.AnswerInput{ActivityID: 7, StatusID: done, Comment: "x", NeedsSupport: true, BaseVersion: 2}, forms.MergeWrite},
		{"KeepEqual", v(done, "klart", 3), v(done, "klart", 3), in(done, "klart", 3), forms.MergeKeep},
		{"KeepEqualAlthoughStale", v(done, "klart", 3), v(notStarted, "", 1), in(done, "klart", 1), forms.MergeKeep},
		{"KeepUntouchedOnStalePage", v(done, "klart", 2), v(inProgress, "", 1), in(inProgress, "", 1), forms.MergeKeep},
		{"ConflictBothChanged", v(done, "klart", 2), v(inProgress, "", 1), in(notStarted, "inte än", 1), forms.MergeConflict},
		{"ConflictCommentOnly", v(inProgress, "A skrev", 2), v(inProgress, "", 1), in(inProgress, "B skrev", 1), forms.MergeConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := forms.Merge(tt.current, tt.base, tt.in); got != tt.want {
				t.Errorf("Merge = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestSaveErr(t *testing.T) {
	saved := &forms.Response{ID: 7}
	invalid := &forms.Error{Code: forms.EINVALID, Fields: map[string]string{"comment-3": "error.text_control"}, Order: []string{"comment-3"}}
	t.Run("ConflictCarriesConflictsFieldsAndSaved", func(t *testing.T) {
		err := error(fmt.Errorf("save: %w", forms.SaveErr([]forms.Conflict{{ActivityID: 1}, {ActivityID: 2}}, invalid, saved)))
		wantCode(t, err, forms.ECONFLICT)
		var fe *forms.Error
		if !errors.As(err, &fe) || len(fe.Conflicts) != 2 || fe.Saved != saved || fe.Fields["comment-3"] == "" {
			t.Fatalf("errors.As did not find the *Error with its conflicts, fields and saved response: %+v", fe)
		}
		if got, want := fe.Error(), "conflict: 2 answers were changed by someone else"; got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
	})
	t.Run("InvalidCarriesSaved", func(t *testing.T) {
		var fe *forms.Error
		if !errors.As(forms.SaveErr(nil, invalid, saved), &fe) || fe.Code != forms.EINVALID || fe.Saved != saved || invalid.Saved != nil {
			t.Fatalf("got %+v, want a copy of the EINVALID error with the saved response", fe)
		}
	})
	t.Run("AllSaved", func(t *testing.T) {
		if err := forms.SaveErr(nil, nil, saved); err != nil {
			t.Fatal(err)
		}
	})
}

func TestAnswerSameValue(t *testing.T) {
	a := forms.Answer{StatusID: done, Comment: "x", Version: 1, UpdatedBy: "a"}
	tests := []struct {
		name string
		b    forms.Answer
		want bool
	}{
		{"SameIgnoringVersion", forms.Answer{StatusID: done, Comment: "x", Version: 9, UpdatedBy: "b"}, true},
		{"OtherStatus", forms.Answer{StatusID: inProgress, Comment: "x"}, false},
		{"OtherComment", forms.Answer{StatusID: done, Comment: "y"}, false},
		{"OtherSupport", forms.Answer{StatusID: done, Comment: "x", NeedsSupport: true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.SameValue(tt.b); got != tt.want {
				t.Errorf("SameValue = %v, want %v", got, tt.want)
			}
		})
	}
}
