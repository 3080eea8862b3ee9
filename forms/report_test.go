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
			{"DraftsAndReturnedLeftOut", 11, forms.RuleAllDone, formstest.Done, "2 av 5 Genomfört, 3 utan inlämnat svar; 1 utkast och 1 återsänt svar räknas inte"},
			{"OnlyADraft", 21, forms.RuleNoAnswers, 0, "1 av 1 utan inlämnat svar; 1 utkast räknas inte"},
			{"NALeftOut", 12, forms.RuleInProgress, formstest.InProgress, "1 av 5 Pågår, 1 Ej aktuellt, 3 utan inlämnat svar; 1 återsänt svar räknas inte"},
			{"Mixed", 22, forms.RuleInProgress, formstest.InProgress, "1 av 5 Påbörjat, 1 Genomfört, 3 utan inlämnat svar; 1 utkast räknas inte"},
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
		}{{1, 4, 4}, {2, 3, 5}, {3, 3, 4}, {4, 0, 4}, {5, 4, 4}}
		for _, tt := range tests {
			if a, n := rep.AnsweredOf(tt.dept); a != tt.answered || n != tt.assigned {
				t.Errorf("AnsweredOf(%d) = %d of %d, want %d of %d", tt.dept, a, n, tt.answered, tt.assigned)
			}
		}
	})
	t.Run("Consolidated", func(t *testing.T) {
		var carried []int64
		for _, c := range rep.CarriedOver() {
			carried = append(carried, c.Activity.ID)
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
		var sub []int64
		for _, d := range rep.Submitted() {
			sub = append(sub, d.ID)
		}
		if !slices.Equal(sub, []int64{1, 5}) {
			t.Errorf("Submitted = %v, want [1 5]", sub)
		}
		if st, ok := rep.InterimStatus(2, 21); !ok || st.ID != formstest.InProgress {
			t.Errorf("InterimStatus(2, 21) = %+v, %v", st, ok)
		}
		if _, ok := rep.InterimStatus(5, 11); ok {
			t.Error("an interim draft counts as an interim answer")
		}
		want := forms.ResponseCount{Participants: 5, Submitted: 2, Draft: 1, Returned: 1, NotStarted: 1}
		if got := rep.ResponseCount(); got != want {
			t.Errorf("ResponseCount = %+v, want %+v", got, want)
		}
		if got, want := want.Text(), "2 av 5 har lämnat in; 1 utkast och 1 återsänt svar räknas inte; 1 har inte börjat"; got != want {
			t.Errorf("Text = %q, want %q", got, want)
		}
	})
}

// TestCountingRule shows, for each state a department's response can be in,
// what the domain gives the outputs: whether the answer counts, how a cell
// shows it with and without drafts, and whether it moves the suggestion.
func TestCountingRule(t *testing.T) {
	rep := formstest.Small()
	a11, _ := rep.Plan.Activity(11)
	a12, _ := rep.Plan.Activity(12)
	tests := []struct {
		name        string
		dept        int64
		activity    forms.Activity
		counts      bool
		mark        forms.Mark // without drafts
		markDrafts  forms.Mark // with drafts shown
		status      int64      // the status a shown cell carries
		inSuggested bool       // the answer is in the suggestion's tally
	}{
		{"NotStarted", 4, a11, false, forms.MarkNone, forms.MarkNone, 0, false},
		{"Draft", 2, a11, false, forms.MarkNone, forms.MarkDraft, formstest.Done, false},
		{"Submitted", 1, a11, true, forms.MarkCounted, forms.MarkCounted, formstest.Done, true},
		{"Returned", 3, a11, false, forms.MarkNone, forms.MarkDraft, formstest.InProgress, false},
		{"SubmittedNotApplicable", 5, a12, true, forms.MarkCounted, forms.MarkCounted, formstest.NotRelevant, true},
		{"NotAssigned", 1, mustActivity(t, rep, 21), false, forms.MarkNotAssigned, forms.MarkNotAssigned, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, counted := rep.Answer(tt.dept, tt.activity.ID)
			if counted != tt.counts {
				t.Errorf("counted = %v, want %v", counted, tt.counts)
			}
			if c := rep.Cell(tt.dept, tt.activity, false); c.Mark != tt.mark {
				t.Errorf("cell without drafts = %v, want %v", c.Mark, tt.mark)
			}
			c := rep.Cell(tt.dept, tt.activity, true)
			if c.Mark != tt.markDrafts {
				t.Errorf("cell with drafts = %v, want %v", c.Mark, tt.markDrafts)
			}
			if c.Shown() && c.Status.ID != tt.status {
				t.Errorf("cell status = %d, want %d", c.Status.ID, tt.status)
			}
			// Take the department's answer out: the tally moves only if it counted.
			before := rep.Tally(tt.activity).Answered
			saved := rep.Responses[tt.dept]
			rep.Responses[tt.dept] = nil
			after := rep.Tally(tt.activity).Answered
			rep.Responses[tt.dept] = saved
			if got := before != after; got != tt.inSuggested {
				t.Errorf("answer moves the tally = %v, want %v", got, tt.inSuggested)
			}
		})
	}
}

func mustActivity(t *testing.T, rep *forms.RoundReport, id int64) forms.Activity {
	t.Helper()
	a, ok := rep.Plan.Activity(id)
	if !ok {
		t.Fatalf("no activity %d", id)
	}
	return a
}

func TestBlocks(t *testing.T) {
	text := "Året har präglats av ett nytt nätverk.\nArbetet har gått bra.\n\nVi vill lyfta:\n- riskanalyserna\n* övningen i oktober\n•  den nya rutinen\n\n\nSlutord."
	got := forms.Blocks(text)
	want := []forms.Block{
		{Kind: forms.BlockParagraph, Lines: []string{"Året har präglats av ett nytt nätverk. Arbetet har gått bra."}},
		{Kind: forms.BlockParagraph, Lines: []string{"Vi vill lyfta:"}},
		{Kind: forms.BlockList, Lines: []string{"riskanalyserna", "övningen i oktober", "den nya rutinen"}},
		{Kind: forms.BlockParagraph, Lines: []string{"Slutord."}},
	}
	if len(got) != len(want) {
		t.Fatalf("Blocks = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Kind != want[i].Kind || !slices.Equal(got[i].Lines, want[i].Lines) {
			t.Errorf("block %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if b := forms.Blocks("  \n\n "); len(b) != 0 {
		t.Errorf("Blocks of white space = %+v", b)
	}
	if b := forms.Blocks("-2 tillgångar kvar"); len(b) != 1 || b[0].Kind != forms.BlockParagraph {
		t.Errorf("a leading minus without a space is a paragraph: %+v", b)
	}
}
