package forms_test

import (
	"slices"
	"testing"

	"followup/forms"
	"followup/forms/formstest"
)

func TestRoundReportSmall(t *testing.T) {
	rep := formstest.Small()
	activity := func(id int64) forms.Activity {
		a, ok := rep.Plan.Activity(id)
		if !ok {
			t.Fatalf("no activity %d", id)
		}
		return a
	}
	t.Run("Suggestions", func(t *testing.T) {
		tests := []struct {
			name     string
			activity int64
			rule     forms.Rule
			status   int64
			counts   string
		}{
			{"MixedInProgress", 11, forms.RuleInProgress, formstest.InProgress, "2 av 4 Genomfört, 1 Pågår, 1 har inte svarat"},
			{"OnlyITCarriesOver", 21, forms.RuleInProgress, formstest.InProgress, "1 av 1 Flyttas till nästa år"},
			{"NALeftOut", 22, forms.RuleInProgress, formstest.InProgress, "1 av 4 Påbörjat, 1 Ej aktuellt, 2 har inte svarat"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				a := activity(tt.activity)
				s := rep.Suggestion(a)
				if s.Rule != tt.rule || s.Status.ID != tt.status {
					t.Errorf("suggestion = %s/%d, want %s/%d", s.Rule, s.Status.ID, tt.rule, tt.status)
				}
				if got := forms.CountsText(rep.Plan.Statuses, rep.Tally(a)); got != tt.counts {
					t.Errorf("CountsText = %q, want %q", got, tt.counts)
				}
			})
		}
	})
	t.Run("AnsweredOf", func(t *testing.T) {
		tests := []struct {
			dept               int64
			answered, assigned int
		}{{1, 4, 4}, {2, 3, 5}, {3, 3, 4}, {4, 0, 4}}
		for _, tt := range tests {
			if a, n := rep.AnsweredOf(tt.dept); a != tt.answered || n != tt.assigned {
				t.Errorf("AnsweredOf(%d) = %d of %d, want %d of %d", tt.dept, a, n, tt.answered, tt.assigned)
			}
		}
	})
	t.Run("Consolidated", func(t *testing.T) {
		var carried []int64
		for _, a := range rep.CarriedOver() {
			carried = append(carried, a.ID)
		}
		if !slices.Equal(carried, []int64{21}) {
			t.Errorf("CarriedOver = %v, want [21]", carried)
		}
		if got, want := rep.StatusTotals(), []int{0, 0, 1, 0, 1, 0, 3}; !slices.Equal(got, want) {
			t.Errorf("StatusTotals = %v, want %v", got, want)
		}
		if !rep.IncludeComments(11) || rep.IncludeComments(21) || !rep.IncludeComments(12) {
			t.Errorf("IncludeComments = %v %v %v, want true false true", rep.IncludeComments(11), rep.IncludeComments(21), rep.IncludeComments(12))
		}
	})
	t.Run("States", func(t *testing.T) {
		if s := rep.ResponseState(4); s != forms.ResponseNotStarted {
			t.Errorf("state of department 4 = %q", s)
		}
		if sub := rep.Submitted(); len(sub) != 1 || sub[0].ID != 1 {
			t.Errorf("Submitted = %+v", sub)
		}
		if st, ok := rep.InterimStatus(2, 21); !ok || st.ID != formstest.InProgress {
			t.Errorf("InterimStatus(2, 21) = %+v, %v", st, ok)
		}
	})
}
