package forms_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"followup/forms"
)

// ids repeats a status id n times.
func ids(id int64, n int) []int64 { return slices.Repeat([]int64{id}, n) }

func TestCount(t *testing.T) {
	s := numberedScale()
	got := forms.Count(s, []int64{done, done, notRelevant, 0, inProgress, 99})
	want := forms.Tally{Assigned: 6, Answered: 4, NotApplicable: 1, Done: 2, PerStatus: []int{0, 0, 1, 2, 0, 1}}
	if got.Assigned != want.Assigned || got.Answered != want.Answered || got.NotApplicable != want.NotApplicable ||
		got.Done != want.Done || !slices.Equal(got.PerStatus, want.PerStatus) {
		t.Errorf("Count = %+v, want %+v", got, want)
	}
	if u := got.Unanswered(); u != 2 {
		t.Errorf("Unanswered = %d, want 2 (no answer and an unknown status)", u)
	}
	if a := got.Applicable(); a != 5 {
		t.Errorf("Applicable = %d, want 5", a)
	}
}

func TestSuggest(t *testing.T) {
	s := numberedScale()
	tests := []struct {
		name       string
		answers    []int64
		rule       forms.Rule
		wantStatus int64 // 0: no suggestion
	}{
		{"NoAnswers", []int64{0, 0, 0}, forms.RuleNoAnswers, 0},
		{"NoAssigned", nil, forms.RuleNoAnswers, 0},
		{"AllNA", []int64{notRelevant, notRelevant, 0}, forms.RuleAllNA, 0},
		{"AllDone", []int64{done, done}, forms.RuleAllDone, done},
		{"AllDoneNALeftOut", []int64{done, notRelevant, done}, forms.RuleAllDone, done},
		{"AllDoneUnansweredIgnored", []int64{done, 0, 0, 0}, forms.RuleAllDone, done},
		{"NoneStarted", []int64{notStarted, notStarted}, forms.RuleNoneStarted, notStarted},
		{"NoneStartedNALeftOut", []int64{notStarted, notRelevant, 0}, forms.RuleNoneStarted, notStarted},
		{"InProgressMixed", []int64{notStarted, done}, forms.RuleInProgress, inProgress},
		{"InProgressStarted", []int64{started, started}, forms.RuleInProgress, inProgress},
		{"InProgressCarriesOver", []int64{carriesOver, done}, forms.RuleInProgress, inProgress},
		{"InProgressNAAndUnansweredIgnored", []int64{inProgress, notRelevant, 0, done}, forms.RuleInProgress, inProgress},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := forms.Suggest(s, forms.Count(s, tt.answers))
			if got.Rule != tt.rule {
				t.Errorf("Rule = %q, want %q", got.Rule, tt.rule)
			}
			if got.HasStatus != (tt.wantStatus != 0) {
				t.Fatalf("HasStatus = %v, want %v", got.HasStatus, tt.wantStatus != 0)
			}
			if got.Status.ID != tt.wantStatus {
				t.Errorf("Status = %d (%s), want %d", got.Status.ID, got.Status.Name, tt.wantStatus)
			}
		})
	}
}

func TestSuggestUnansweredDoNotMoveSuggestion(t *testing.T) {
	s := numberedScale()
	for _, answers := range [][]int64{{done}, {notStarted}, {inProgress, done}, {notRelevant}} {
		with := append(slices.Clone(answers), 0, 0, 0)
		a := forms.Suggest(s, forms.Count(s, answers))
		b := forms.Suggest(s, forms.Count(s, with))
		if a.Rule != b.Rule || a.Status.ID != b.Status.ID {
			t.Errorf("answers %v: %s/%d, with three unanswered: %s/%d", answers, a.Rule, a.Status.ID, b.Rule, b.Status.ID)
		}
	}
}

func TestCountsText(t *testing.T) {
	s := numberedScale()
	tests := []struct {
		name    string
		answers []int64
		want    string
	}{
		{"DoneInProgressUnanswered", slices.Concat(ids(done, 7), ids(inProgress, 3), ids(0, 2)), "7 av 12 Genomfört, 3 Pågår, 2 utan inlämnat svar"},
		{"AllDone", ids(done, 4), "4 av 4 Genomfört"},
		{"NobodyAnswered", ids(0, 5), "5 av 5 utan inlämnat svar"},
		{"WithNA", []int64{notStarted, notRelevant, notRelevant}, "2 av 3 Ej aktuellt, 1 Ej påbörjat"},
		{"TwoDigitCounts", slices.Concat(ids(done, 10), ids(0, 11)), "10 av 21 Genomfört, 11 utan inlämnat svar"},
		{"TiesInScaleOrder", []int64{inProgress, notStarted}, "1 av 2 Ej påbörjat, 1 Pågår"},
		{"NoneAssigned", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := forms.CountsText(s, forms.Count(s, tt.answers)); got != tt.want {
				t.Errorf("CountsText = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTallyResponseRate(t *testing.T) {
	s := numberedScale()
	tests := []struct {
		name    string
		answers []int64
		want    float64
	}{
		{"AllAnswered", []int64{done, inProgress}, 1},
		{"HalfAnswered", []int64{done, 0}, 0.5},
		{"NALeftOut", []int64{done, notRelevant, 0, notStarted}, 2.0 / 3},
		{"AllNA", []int64{notRelevant, notRelevant}, 0},
		{"NoneAnswered", []int64{0, 0}, 0},
		{"NoneAssigned", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := forms.Count(s, tt.answers).ResponseRate()
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("ResponseRate = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestConsolidationInputValidate(t *testing.T) {
	s := numberedScale()
	tests := []struct {
		name  string
		in    forms.ConsolidationInput
		field string // "" for no error
	}{
		{"OK", forms.ConsolidationInput{StatusID: done, Narrative: " Klart.\r\n"}, ""},
		{"OKNoStatus", forms.ConsolidationInput{Narrative: "Utkast"}, ""},
		{"ErrUnknownStatus", forms.ConsolidationInput{StatusID: 42}, "status"},
		{"ErrControlCharacter", forms.ConsolidationInput{Narrative: "a\x07b"}, "narrative"},
		{"OKContinues", forms.ConsolidationInput{StatusID: inProgress, Continues: true, CarryReason: "Leverantören är sen."}, ""},
		{"ErrDoneContinues", forms.ConsolidationInput{StatusID: done, Continues: true}, "continues"},
		{"ErrReasonTooLong", forms.ConsolidationInput{Continues: true, CarryReason: strings.Repeat("x", forms.MaxReasonRunes+1)}, "carry_reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			err := in.Validate(s)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				if in.Narrative != forms.NormalizeText(tt.in.Narrative) {
					t.Errorf("Narrative = %q, want it normalised", in.Narrative)
				}
				return
			}
			if _, ok := errorOf(t, err).Fields[tt.field]; !ok {
				t.Errorf("no error for field %q: %v", tt.field, err)
			}
		})
	}
}
