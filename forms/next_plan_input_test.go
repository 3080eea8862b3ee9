package forms_test

import (
	"testing"

	"followup/forms"
	"followup/forms/formstest"
)

func TestNextPlanInputBuild(t *testing.T) {
	rep := formstest.Small()
	source := rep.Plan
	source.Areas[0].Activities[1].TimesCarried = 2
	in := forms.NextPlanInput{SourcePlanID: 1, Year: 2025, Title: " Handlingsplan  2025 ", Areas: []forms.NextAreaInput{
		{Title: "Styrning och samordning", Activities: []forms.NextActivityInput{
			{OriginID: 12, Title: "Revidera registerförteckningen", AllDepartments: true},
			{Title: "Ny aktivitet", Description: "Helt ny.", DepartmentIDs: []int64{2}},
		}},
		{Title: "Dataskydd", Activities: []forms.NextActivityInput{
			{OriginID: 21, Title: "Tvåfaktor i fler system", DepartmentIDs: []int64{2}},
		}},
	}}
	p, err := in.Build(&source, rep.Departments)
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Handlingsplan 2025" || p.Year != 2025 || p.Organisation != "Exempelby kommun" || p.PredecessorID != 1 {
		t.Errorf("head = %q %d %q predecessor %d", p.Title, p.Year, p.Organisation, p.PredecessorID)
	}
	for i, st := range p.Statuses {
		if st.ID != 0 || st.Position != i || st.Name != source.Statuses[i].Name || st.CarriesOver != source.Statuses[i].CarriesOver {
			t.Errorf("status %d = %+v, want a copy without id", i, st)
		}
	}
	acts := p.Activities()
	want := []struct {
		title  string
		origin int64
		times  int
	}{{"Revidera registerförteckningen", 12, 3}, {"Ny aktivitet", 0, 0}, {"Tvåfaktor i fler system", 21, 1}}
	if len(acts) != len(want) {
		t.Fatalf("%d activities", len(acts))
	}
	for i, w := range want {
		a := acts[i]
		if a.Title != w.title || a.Origin.ActivityID != w.origin || a.TimesCarried != w.times {
			t.Errorf("activity %d = %q origin %d times %d, want %+v", i, a.Title, a.Origin.ActivityID, a.TimesCarried, w)
		}
	}
	if o := acts[2].Origin; o.Year != 2024 || o.PlanTitle != "Handlingsplan 2024" || o.ActivityTitle != "Tvåfaktorsautentisering" {
		t.Errorf("origin = %+v, want the source's year and titles", o)
	}
}

func TestNextPlanInputInvalid(t *testing.T) {
	rep := formstest.Small()
	source := rep.Plan
	valid := func() forms.NextPlanInput {
		return forms.NextPlanInput{SourcePlanID: 1, Year: 2025, Title: "Plan 2025", Areas: []forms.NextAreaInput{
			{Title: "A", Activities: []forms.NextActivityInput{{OriginID: 11, Title: "Riskanalys", AllDepartments: true}}}}}
	}
	tests := []struct {
		name   string
		change func(in *forms.NextPlanInput)
		field  string
		key    string
	}{
		{"ErrSameYear", func(in *forms.NextPlanInput) { in.Year = 2024 }, "year", "plans.error.next_year"},
		{"ErrYearOutOfRange", func(in *forms.NextPlanInput) { in.Year = 3000 }, "year", "plans.error.year"},
		{"ErrNoTitle", func(in *forms.NextPlanInput) { in.Title = " " }, "title", "error.required"},
		{"ErrNoAreas", func(in *forms.NextPlanInput) { in.Areas = nil }, "areas", "error.required"},
		{"ErrOtherSource", func(in *forms.NextPlanInput) { in.SourcePlanID = 7 }, "source", "plans.error.next_source"},
		{"ErrUnknownOrigin", func(in *forms.NextPlanInput) { in.Areas[0].Activities[0].OriginID = 99 }, "areas[0].activities[0].origin", "plans.error.next_origin"},
		{"ErrOriginTwice", func(in *forms.NextPlanInput) {
			in.Areas[0].Activities = append(in.Areas[0].Activities, forms.NextActivityInput{OriginID: 11, Title: "Riskanalys igen", AllDepartments: true})
		}, "areas[0].activities[1].origin", "plans.error.next_origin_twice"},
		{"ErrDuplicateArea", func(in *forms.NextPlanInput) {
			in.Areas = append(in.Areas, forms.NextAreaInput{Title: "a"})
		}, "areas[1].title", "plans.error.duplicate_area"},
		{"ErrDuplicateActivity", func(in *forms.NextPlanInput) {
			in.Areas[0].Activities = append(in.Areas[0].Activities, forms.NextActivityInput{Title: "riskanalys", AllDepartments: true})
		}, "areas[0].activities[1].title", "plans.error.duplicate_activity"},
		{"ErrNoRespondents", func(in *forms.NextPlanInput) { in.Areas[0].Activities[0].AllDepartments = false },
			"areas[0].activities[0].respondents", "plans.error.respondents"},
		{"ErrUnknownDepartment", func(in *forms.NextPlanInput) {
			in.Areas[0].Activities[0].AllDepartments, in.Areas[0].Activities[0].DepartmentIDs = false, []int64{42}
		}, "areas[0].activities[0].respondents", "plans.error.unknown_department"},
		{"ErrEmptyAreaTitle", func(in *forms.NextPlanInput) { in.Areas[0].Title = "" }, "areas[0].title", "error.required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := valid()
			tc.change(&in)
			p, err := in.Build(&source, rep.Departments)
			fe, ok := err.(*forms.Error)
			if !ok || fe.Code != forms.EINVALID || p != nil {
				t.Fatalf("Build = %v, %v; want EINVALID", p, err)
			}
			if got := fe.Fields[tc.field]; got != tc.key {
				t.Errorf("field %s = %q, want %q (all %v)", tc.field, got, tc.key, fe.Fields)
			}
		})
	}
	t.Run("OK", func(t *testing.T) {
		in := valid()
		if _, err := in.Build(&source, rep.Departments); err != nil {
			t.Errorf("Build: %v", err)
		}
	})
}

func TestPlanStandings(t *testing.T) {
	rep := formstest.Small()
	p := rep.Plan
	p.Areas[0].Activities[0].Origin = forms.Origin{ActivityID: 3, Year: 2023, PlanTitle: "Handlingsplan 2023", ActivityTitle: "Riskanalys"}
	p.Areas[0].Activities[0].TimesCarried = 1
	p.Areas[0].Activities[1].Origin = forms.Origin{Year: 2022, PlanTitle: "Plan 2022", ActivityTitle: "Register"}
	p.Areas[0].Activities[1].TimesCarried = 2
	got := forms.PlanStandings(&p, map[int64]forms.Consolidation{11: {StatusID: formstest.Done}, 12: {StatusID: formstest.InProgress}})
	want := map[int64]forms.ActivityStanding{
		11: {Standing: forms.StandingFinished, OriginYear: 2023, TimesCarried: 1},
		12: {Standing: forms.StandingCarried, OriginYear: 2022, TimesCarried: 2},
		13: {Standing: forms.StandingNew},
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("activity %d = %+v, want %+v", id, got[id], w)
		}
	}
	if len(got) != 5 {
		t.Errorf("%d standings, want one per activity", len(got))
	}
}

func TestTrailText(t *testing.T) {
	st := func(name string) forms.Status { return forms.Status{Name: name} }
	steps := []forms.TrailStep{{Year: 2022, Status: st("Ej påbörjat")}, {Year: 2023, Kind: forms.RoundInterim, Status: st("Påbörjat")},
		{Year: 2023, Kind: forms.RoundAnnual, Status: st("Genomfört")}}
	if got, want := forms.TrailText(steps), "2022 Ej påbörjat → 2023 delår Påbörjat → 2023 helår Genomfört"; got != want {
		t.Errorf("TrailText = %q, want %q", got, want)
	}
	if got := forms.TrailText(nil); got != "" {
		t.Errorf("empty trail = %q", got)
	}
}
