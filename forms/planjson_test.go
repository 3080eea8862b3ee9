package forms_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"followup/forms"
)

var planDepartments = []forms.Department{
	{ID: 1, Name: "Barn- och utbildningsförvaltningen", Kind: forms.KindAdministration, Active: true},
	{ID: 2, Name: "IT-avdelningen", Kind: forms.KindAdministration, Active: true},
}

func decodePlan(tb testing.TB, doc string) (*forms.Plan, error) {
	tb.Helper()
	d, err := forms.DecodePlanDocument(strings.NewReader(doc))
	if err != nil {
		return nil, err
	}
	return d.ToPlan(planDepartments)
}

func TestDecodePlanDocumentValid(t *testing.T) {
	data, err := os.ReadFile("testdata/plan_valid.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := decodePlan(t, string(data))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if p.Organisation != "Exempelby kommun" || p.Year != 2025 || p.Title != "Handlingsplan för informationssäkerhet 2025" {
		t.Errorf("plan head = %q %d %q", p.Organisation, p.Year, p.Title)
	}
	t.Run("DefaultScaleWhenStatusesOmitted", func(t *testing.T) {
		want := forms.DefaultScale()
		for i := range want {
			want[i].Position = i
		}
		if !reflect.DeepEqual(p.Statuses, want) {
			t.Errorf("Statuses = %+v\nwant %+v", p.Statuses, want)
		}
	})
	t.Run("AreasAndActivities", func(t *testing.T) {
		want := []forms.Area{
			{Position: 0, Title: "Styrning och samordning", Activities: []forms.Activity{
				{Position: 0, Title: "Riskanalys av kritisk information", Description: "Tre tillgångar.", AllDepartments: true},
				{Position: 1, Title: "Kontinuitetsplan", AllDepartments: true},
			}},
			{Position: 1, Title: "IT-säkerhet", Activities: []forms.Activity{
				{Position: 0, Title: "Tvåfaktorsautentisering", Description: "Utvalda system.", DepartmentIDs: []int64{2, 1}},
			}},
		}
		if !reflect.DeepEqual(p.Areas, want) {
			t.Errorf("Areas = %+v\nwant %+v", p.Areas, want)
		}
	})
}

func TestDecodePlanDocumentInvalid(t *testing.T) {
	const head = `{"organisation": "Exempelby kommun", "year": 2025, "title": "Plan", `
	tests := []struct {
		name string
		doc  string
		want []string // all must appear in the message
	}{
		{"ErrUnknownDepartment", head + `"areas": [{"title": "A", "activities": [{"title": "X", "respondents": ["IT-avdelningen", "Okänd nämnd"]}]}]}`,
			[]string{`areas[0].activities[0].respondents: unknown department "Okänd nämnd"`}},
		{"ErrNoRespondents", head + `"areas": [{"title": "A", "activities": [{"title": "X", "respondents": []}]}]}`,
			[]string{`areas[0].activities[0].respondents:`}},
		{"ErrBadRespondentsWord", head + `"areas": [{"title": "A", "activities": [{"title": "X", "respondents": "några"}]}]}`,
			[]string{`respondents must be "all"`}},
		{"ErrDuplicateActivityTitle", head + `"areas": [{"title": "A", "activities": [{"title": "Riskanalys", "respondents": "all"}, {"title": "riskanalys ", "respondents": "all"}]}]}`,
			[]string{`areas[0].activities[1].title: the activity "riskanalys" appears twice in area "A"`}},
		{"ErrDuplicateArea", head + `"areas": [{"title": "A", "activities": [{"title": "X", "respondents": "all"}]}, {"title": "a", "activities": [{"title": "X", "respondents": "all"}]}]}`,
			[]string{`areas[1].title: the area "a" appears twice`}},
		{"ErrEmptyActivityTitle", head + `"areas": [{"title": "A", "activities": [{"title": "  ", "respondents": "all"}]}]}`,
			[]string{`areas[0].activities[0].title: is empty`}},
		{"ErrEmptyPlanTitle", `{"organisation": "Exempelby kommun", "year": 2025, "title": "", "areas": [{"title": "A", "activities": []}]}`,
			[]string{"title: is empty"}},
		{"ErrNoAreas", head + `"areas": []}`, []string{"areas: the plan has no areas"}},
		{"ErrYear", `{"organisation": "K", "year": 25, "title": "P", "areas": [{"title": "A", "activities": []}]}`, []string{"year: must be a year"}},
		{"ErrColour", head + `"statuses": [{"name": "Nej", "color": "#12345"}, {"name": "Ja", "color": "green", "done": true}], "areas": [{"title": "A", "activities": []}]}`,
			[]string{"statuses[0].color: must be a colour", "statuses[1].color: must be a colour"}},
		{"ErrScaleWithoutDone", head + `"statuses": [{"name": "Nej", "color": "#123456"}], "areas": [{"title": "A", "activities": []}]}`,
			[]string{"statuses: no status counts as done"}},
		{"ErrControlInTitle", head + `"areas": [{"title": "A\u0007", "activities": []}]}`, []string{"areas[0].title: holds control characters"}},
		{"ErrTrailingData", head + `"areas": []} {}`, []string{"unexpected data after the plan"}},
		{"ErrTruncated", head + `"areas": [`, []string{"ends before the plan is complete"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := decodePlan(t, tt.doc)
			if p != nil {
				t.Errorf("got a plan despite the error")
			}
			e := errorOf(t, err)
			if e.Code != forms.EINVALID {
				t.Errorf("code = %q, want %q", e.Code, forms.EINVALID)
			}
			for _, w := range tt.want {
				if !strings.Contains(e.Message, w) {
					t.Errorf("message %q lacks %q", e.Message, w)
				}
			}
		})
	}
}

func TestDecodePlanDocumentPosition(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"ErrMalformed", "{\n  \"organisation\": \"X\",\n  \"year\": 2025,,\n  \"title\": \"P\"\n}\n", "line 3, column 16: malformed JSON"},
		{"ErrMalformedFirstColumn", "{\n  \"organisation\": \"X\"\nx\n}\n", "line 3, column 1: malformed JSON"},
		{"ErrUnknownTopField", "{\n  \"organisation\": \"X\",\n  \"colour\": 1,\n  \"title\": \"P\"\n}\n", `line 3, column 3: unknown field "colour"`},
		{"ErrUnknownNestedField", "{\n  \"organisation\": \"X\",\n  \"areas\": [\n    {\"title\": \"A\", \"activities\": [\n      {\"title\": \"B\", \"owner\": \"C\"}\n    ]}\n  ],\n  \"year\": 2025\n}\n",
			`line 5, column 22: unknown field "owner"`},
		// "name" is a field of a status but not of an area.
		{"ErrKnownElsewhereUnknownHere", "{\"statuses\": [{\"name\": \"Ja\", \"color\": \"#000000\", \"done\": true}],\n \"areas\": [{\"name\": \"A\"}]}", `line 2, column 13: unknown field "name"`},
		{"ErrWrongType", "{\n  \"organisation\": \"X\",\n  \"year\": \"2025\"\n}\n", `line 3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := forms.DecodePlanDocument(strings.NewReader(tt.doc))
			e := errorOf(t, err)
			if e.Code != forms.EINVALID {
				t.Errorf("code = %q, want %q", e.Code, forms.EINVALID)
			}
			if !strings.Contains(e.Message, tt.want) {
				t.Errorf("message %q lacks %q", e.Message, tt.want)
			}
		})
	}
}

func TestPlanDocumentRoundTrip(t *testing.T) {
	scale := forms.Scale{
		{Position: 0, Name: "Nej", Color: "#aa0000", CommentRequired: true},
		{Position: 1, Name: "Delvis", Color: "#aaaa00"},
		{Position: 2, Name: "Ja", Color: "#00aa00", Done: true},
		{Position: 3, Name: "Senare", Color: "#0000aa", CarriesOver: true, CommentRequired: true},
		{Position: 4, Name: "Ej relevant", Color: "#777777", NotApplicable: true},
	}
	defaultScale := forms.DefaultScale()
	for i := range defaultScale {
		defaultScale[i].Position = i
	}
	areas := []forms.Area{
		{Position: 0, Title: "Styrning \"och\" <samordning>", Activities: []forms.Activity{
			{Position: 0, Title: "Riskanalys", Description: "Rad 1\nRad 2 – med “citat”", AllDepartments: true},
			{Position: 1, Title: "MFA", DepartmentIDs: []int64{1, 2}},
		}},
		{Position: 1, Title: "Utbildning", Activities: []forms.Activity{
			{Position: 0, Title: "Kurs", DepartmentIDs: []int64{2}},
		}},
	}
	tests := []struct {
		name  string
		scale forms.Scale
	}{
		{"CustomScale", scale},
		{"DefaultScale", defaultScale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := &forms.Plan{Organisation: "Exempelby kommun", Title: "Handlingsplan 2026", Year: 2026, Statuses: tt.scale, Areas: areas}
			data, err := json.MarshalIndent(forms.NewPlanDocument(want, planDepartments), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			doc, err := forms.DecodePlanDocument(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("decode: %v\n%s", err, data)
			}
			got, err := doc.ToPlan(planDepartments)
			if err != nil {
				t.Fatalf("ToPlan: %v\n%s", err, data)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip changed the plan:\n got %+v\nwant %+v\n%s", got, want, data)
			}
		})
	}
}

func TestRespondentsJSON(t *testing.T) {
	tests := []struct {
		name string
		r    forms.Respondents
		want string
	}{
		{"All", forms.Respondents{All: true}, `"all"`},
		{"Names", forms.Respondents{Names: []string{"IT", "Bolaget"}}, `["IT","Bolaget"]`},
		{"NoNames", forms.Respondents{}, `[]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.r)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("Marshal = %s, want %s", b, tt.want)
			}
		})
	}
}

func TestPlanDocumentLimits(t *testing.T) {
	doc := &forms.PlanDocument{Organisation: "Exempelby kommun", Title: "Stor plan", Year: 2027}
	for i := range forms.MaxAreas + 1 {
		doc.Areas = append(doc.Areas, forms.AreaDocument{Title: fmt.Sprintf("Område %d", i),
			Activities: []forms.ActivityDocument{{Title: "A", Respondents: forms.Respondents{All: true}}}})
	}
	_, err := doc.ToPlan(nil)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("at most %d", forms.MaxAreas)) {
		t.Errorf("too many areas: %v", err)
	}
	doc.Areas = doc.Areas[:1]
	for i := range forms.MaxActivities {
		doc.Areas[0].Activities = append(doc.Areas[0].Activities, forms.ActivityDocument{Title: fmt.Sprintf("B%d", i), Respondents: forms.Respondents{All: true}})
	}
	_, err = doc.ToPlan(nil)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("the plan has %d activities; a plan may have at most %d", forms.MaxActivities+1, forms.MaxActivities)) {
		t.Errorf("too many activities: %v", err)
	}
}

func TestDepartmentImportRowLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("name,kind\n")
	for i := range forms.MaxImportRows + 1 {
		fmt.Fprintf(&b, "Enhet %d,förvaltning\n", i)
	}
	_, err := forms.ParseDepartmentsCSV(strings.NewReader(b.String()))
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("at most %d", forms.MaxImportRows)) {
		t.Errorf("too many rows: %v", err)
	}
}
