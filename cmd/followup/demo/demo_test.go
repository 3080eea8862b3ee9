package demo

import (
	"testing"

	"followup/forms"
)

// TestComments checks that every comment the demo can write is a valid
// text, and that departments answering the same activity write differently.
func TestComments(t *testing.T) {
	for a := range activityComments {
		seen := map[string]int{}
		for d := range departments {
			for _, s := range []int{0, 1, 2, 3, 4, 5} {
				c := commentFor(a, d, s)
				if k := forms.CheckText(c, forms.MaxCommentRunes); k != "" || c == "" {
					t.Errorf("activity %d, department %d, status %d: %q: %s", a, d, s, c, k)
				}
			}
			seen[commentFor(a, d, 3)]++
		}
		if a < 10 && len(seen) < len(departments)/2 {
			t.Errorf("activity %d: only %d different comments on done among %d departments", a, len(seen), len(departments))
		}
	}
}
