package i18n_test

import (
	"testing"

	"followup/cmd/followup/web/i18n"
	"followup/forms"
)

// TestResponseCount states the counting rule as forms.ResponseCount.Text
// does in Swedish, and in English with singular and plural.
func TestResponseCount(t *testing.T) {
	c := i18n.NewCatalog()
	for _, tc := range []struct {
		count  forms.ResponseCount
		sv, en string
	}{
		{forms.ResponseCount{Participants: 8, Submitted: 4, Draft: 2, NotStarted: 2},
			"4 av 8 har lämnat in; 2 utkast räknas inte; 2 har inte börjat",
			"4 of 8 have submitted; 2 drafts do not count; 2 have not started"},
		{forms.ResponseCount{Participants: 8, Submitted: 6, Draft: 1, Returned: 1},
			"6 av 8 har lämnat in; 1 utkast och 1 återsänt svar räknas inte",
			"6 of 8 have submitted; 1 draft and 1 returned response do not count"},
		{forms.ResponseCount{Participants: 3, Submitted: 1, Returned: 1, NotStarted: 1},
			"1 av 3 har lämnat in; 1 återsänt svar räknas inte; 1 har inte börjat",
			"1 of 3 has submitted; 1 returned response does not count; 1 has not started"},
		{forms.ResponseCount{Participants: 5, Submitted: 2, Returned: 3},
			"2 av 5 har lämnat in; 3 återsända svar räknas inte",
			"2 of 5 have submitted; 3 returned responses do not count"},
		{forms.ResponseCount{Participants: 2, Submitted: 2}, "2 av 2 har lämnat in", "2 of 2 have submitted"},
	} {
		if got := i18n.ResponseCount(c.For(i18n.Swedish), tc.count); got != tc.sv {
			t.Errorf("Swedish %q, want %q", got, tc.sv)
		}
		if got := tc.count.Text(); got != tc.sv {
			t.Errorf("the page says %q but the domain %q", tc.sv, got)
		}
		if got := i18n.ResponseCount(c.For(i18n.English), tc.count); got != tc.en {
			t.Errorf("English %q, want %q", got, tc.en)
		}
	}
}

// TestTallyMatchesTheDomain writes an activity's counts in the
// words of forms.CountsText, largest first, with what is not counted.
func TestTallyMatchesTheDomain(t *testing.T) {
	scale := forms.DefaultScale()
	for i := range scale {
		scale[i].ID = int64(i + 1)
	}
	for _, tc := range []struct {
		tally forms.Tally
		en    string
	}{
		{forms.Tally{Assigned: 40, Answered: 29, PerStatus: []int{5, 5, 6, 5, 4, 4}, NotApplicable: 4, Drafts: 7, Returned: 1},
			"6 of 40 Pågår, 5 Ej påbörjat, 5 Påbörjat, 5 Genomfört, 4 Flyttas till nästa år, 4 Ej aktuellt, 11 without a submitted answer; 7 drafts and 1 returned response do not count"},
		{forms.Tally{Assigned: 3, PerStatus: make([]int, 6), Drafts: 1},
			"3 of 3 without a submitted answer; 1 draft does not count"},
		{forms.Tally{Assigned: 2, Answered: 2, PerStatus: []int{0, 0, 0, 2, 0, 0}, Done: 2},
			"2 of 2 Genomfört"},
	} {
		c := i18n.NewCatalog()
		if got, want := i18n.Tally(c.For(i18n.Swedish), scale, tc.tally), forms.CountsText(scale, tc.tally); got != want {
			t.Errorf("Swedish %q, the domain says %q", got, want)
		}
		if got := i18n.Tally(c.For(i18n.English), scale, tc.tally); got != tc.en {
			t.Errorf("English %q, want %q", got, tc.en)
		}
	}
}
