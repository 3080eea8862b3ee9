package forms_test

import (
	"strings"
	"testing"

	"followup/forms"
)

// TestWords checks the vocabulary: every key once, both languages, a word
// for every state, kind of department and kind of round, and the forms a
// state takes in a cell, a document and a mark.
func TestWords(t *testing.T) {
	seen := map[string]bool{}
	for _, w := range forms.Words() {
		if seen[w.Key] {
			t.Errorf("the key %q is in the vocabulary twice", w.Key)
		}
		seen[w.Key] = true
		if strings.TrimSpace(w.SV) == "" || strings.TrimSpace(w.EN) == "" {
			t.Errorf("%q lacks a language: %q/%q", w.Key, w.SV, w.EN)
		}
	}
	for _, s := range forms.ResponseStates() {
		if !seen[s.Word().Key] || !seen[s.ShortWord().Key] || !seen[s.LongWord().Key] {
			t.Errorf("the state %q has a word outside the vocabulary", s)
		}
	}
	for _, k := range forms.DepartmentKinds() {
		if w, ok := k.Word(); !ok || !seen[w.Key] {
			t.Errorf("the kind %q has no word", k)
		}
	}
	if _, ok := forms.DepartmentKind("aktiebolag").Word(); ok {
		t.Error("an unknown kind of department has a word")
	}
	for _, tc := range []struct {
		got, want string
	}{
		{forms.ResponseSubmitted.Word().SV, "Inlämnad"},
		{forms.ResponseDraft.LongWord().SV, "Utkast, ej inlämnad"},
		{forms.ResponseReturned.ShortWord().SV, "Återsänd"},
		{forms.ResponseState("unknown").Word().SV, "Ej påbörjad"},
		{forms.ResponseReturned.MarkWord().SV, "återsänd"},
		{forms.ResponseNotStarted.MarkWord().SV, "utkast"},
		{forms.ResponseDraft.UncountedWord().SV, "utkast, ej inlämnat"},
		{forms.RoundInterim.Word().SV, "Delårsrapport"},
		{forms.RoundKind("").Word().SV, "Årsredovisning"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
