package forms_test

import (
	"encoding/json"
	"strings"
	"testing"

	"followup/forms"
)

const originHead = `{"organisation": "Exempelby kommun", "year": 2026, "title": "Handlingsplan 2026", "areas": [{"title": "A", "activities": [`

func TestPlanDocumentOrigin(t *testing.T) {
	p, err := decodePlan(t, originHead+`
		{"title": "Riskanalys", "respondents": "all", "origin": {"year": 2025, "plan": " Handlingsplan  2025", "activity": "Riskanalys", "times_carried": 2}},
		{"title": "Loggning", "respondents": "all", "origin": {"year": 2024, "plan": "Plan", "activity": "Loggning"}},
		{"title": "Ny", "respondents": "all"}]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	acts := p.Activities()
	want := []struct {
		origin forms.Origin
		times  int
	}{
		{forms.Origin{Year: 2025, PlanTitle: "Handlingsplan 2025", ActivityTitle: "Riskanalys"}, 2},
		{forms.Origin{Year: 2024, PlanTitle: "Plan", ActivityTitle: "Loggning"}, 1},
		{forms.Origin{}, 0},
	}
	for i, w := range want {
		if acts[i].Origin != w.origin || acts[i].TimesCarried != w.times {
			t.Errorf("%s: origin %+v times %d, want %+v %d", acts[i].Title, acts[i].Origin, acts[i].TimesCarried, w.origin, w.times)
		}
	}
	t.Run("Export", func(t *testing.T) {
		doc := forms.NewPlanDocument(p, planDepartments)
		b, err := json.Marshal(doc.Areas[0].Activities)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.Contains(s, `"origin":{"year":2025,"plan":"Handlingsplan 2025","activity":"Riskanalys","times_carried":2}`) {
			t.Errorf("export = %s", s)
		}
		if strings.Count(s, `"origin"`) != 2 {
			t.Errorf("export writes an origin for a new activity: %s", s)
		}
	})
}

func TestPlanDocumentOriginInvalid(t *testing.T) {
	tests := []struct {
		name, origin string
		want         string
	}{
		{"ErrSameYear", `{"year": 2026, "plan": "P", "activity": "A"}`, "areas[0].activities[0].origin.year: must be a year before the plan's 2026"},
		{"ErrNoPlan", `{"year": 2025, "plan": " ", "activity": "A"}`, "areas[0].activities[0].origin.plan: is empty"},
		{"ErrNoActivity", `{"year": 2025, "plan": "P"}`, "areas[0].activities[0].origin.activity: is empty"},
		{"ErrTimesNegative", `{"year": 2025, "plan": "P", "activity": "A", "times_carried": -1}`, "origin.times_carried: must be from 1 to 200"},
		{"ErrUnknownField", `{"year": 2025, "plan": "P", "activity": "A",
			"times": 2}`, `line 2, column 4: unknown field "times"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodePlan(t, originHead+`{"title": "X", "respondents": "all", "origin": `+tc.origin+`}]}]}`)
			if err == nil || !strings.Contains(forms.ErrorMessage(err), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
