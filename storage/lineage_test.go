package storage

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"followup/forms"
)

// importDoc stores a plan document as the import does.
func importDoc(t *testing.T, db *DB, doc *forms.PlanDocument) (*forms.Plan, error) {
	t.Helper()
	ctx := t.Context()
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(doc); err != nil {
		t.Fatal(err)
	}
	decoded, err := forms.DecodePlanDocument(&buf)
	if err != nil {
		t.Fatal(err)
	}
	deps, err := db.Departments(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	p, err := decoded.ToPlan(deps)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreatePlan(ctx, p, "test"); err != nil {
		return nil, err
	}
	return db.Plan(ctx, p.ID)
}

func carriedDoc(origin *forms.OriginDocument) *forms.PlanDocument {
	return &forms.PlanDocument{Organisation: "Annan kommun", Year: 2025, Title: "Handlingsplan 2025",
		Areas: []forms.AreaDocument{{Title: "Styrning", Activities: []forms.ActivityDocument{
			{Title: "Informationsklassning", Respondents: forms.Respondents{All: true}, Origin: origin},
			{Title: "Ny aktivitet", Respondents: forms.Respondents{All: true}},
		}}}}
}

func TestImportOrigin(t *testing.T) {
	t.Run("UnknownKeptAsText", func(t *testing.T) {
		f := newLineFixture(t)
		f.firstPlan(t)
		p, err := importDoc(t, f.db, carriedDoc(&forms.OriginDocument{Year: 2024, Plan: "Handlingsplan 2024", Activity: "Klassning av allt", TimesCarried: 3}))
		if err != nil {
			t.Fatal(err)
		}
		a := p.Activities()[0]
		want := forms.Origin{Year: 2024, PlanTitle: "Handlingsplan 2024", ActivityTitle: "Klassning av allt"}
		if a.Origin != want || a.TimesCarried != 3 || a.Origin.Linked() {
			t.Errorf("origin %+v times %d, want %+v kept as text, 3 times", a.Origin, a.TimesCarried, want)
		}
		if p.Activities()[1].Carried() {
			t.Error("an activity without origin got one")
		}
		h, err := f.db.ActivityHistory(f.ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Years) != 1 || h.Before != want {
			t.Errorf("history: %d years, before %+v", len(h.Years), h.Before)
		}
	})
	t.Run("KnownLinked", func(t *testing.T) {
		f := newLineFixture(t)
		first := f.firstPlan(t)
		// Letter case aside, and the file's times carried raised to 1 + the origin's.
		p, err := importDoc(t, f.db, carriedDoc(&forms.OriginDocument{Year: 2024, Plan: "HANDLINGSPLAN 2024", Activity: "informationsklassning"}))
		if err != nil {
			t.Fatal(err)
		}
		a := p.Activities()[0]
		if a.Origin.ActivityID != lineAct(t, first, "Informationsklassning") || a.Origin.ActivityTitle != "Informationsklassning" || a.TimesCarried != 1 {
			t.Errorf("origin %+v times %d, want linked to 2024's Informationsklassning", a.Origin, a.TimesCarried)
		}
		if p.PredecessorID != 0 {
			t.Errorf("an imported plan got predecessor %d", p.PredecessorID)
		}
	})
	t.Run("KnownLinkedCountsOrigin", func(t *testing.T) {
		f := newLineFixture(t)
		p2025 := f.next(t, f.firstPlan(t), 2025)
		doc := carriedDoc(&forms.OriginDocument{Year: 2025, Plan: "Handlingsplan 2025", Activity: "Informationsklassning", TimesCarried: 1})
		doc.Year = 2026
		p, err := importDoc(t, f.db, doc)
		if err != nil {
			t.Fatal(err)
		}
		if a := p.Activities()[0]; a.Origin.ActivityID != lineAct(t, p2025, "Informationsklassning") || a.TimesCarried != 2 {
			t.Errorf("origin %+v times %d, want linked to 2025 and carried twice", a.Origin, a.TimesCarried)
		}
	})
	t.Run("SameYearNotLinked", func(t *testing.T) {
		f := newLineFixture(t)
		f.firstPlan(t)
		doc := carriedDoc(&forms.OriginDocument{Year: 2024, Plan: "Handlingsplan 2024", Activity: "Informationsklassning"})
		doc.Year = 2026
		doc.Areas[0].Activities[0].Origin.Year = 2025 // names a year that has no such plan here
		p, err := importDoc(t, f.db, doc)
		if err != nil {
			t.Fatal(err)
		}
		if a := p.Activities()[0]; a.Origin.Linked() {
			t.Errorf("linked to %+v", a.Origin)
		}
	})
}

func TestExportImportKeepsTimesCarried(t *testing.T) {
	f := newLineFixture(t)
	y := newThreeYears(t, f)
	deps, err := f.db.Departments(f.ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	doc := forms.NewPlanDocument(y.p2026, deps)
	if o := doc.Areas[0].Activities[0].Origin; o == nil || *o != (forms.OriginDocument{Year: 2025, Plan: "Handlingsplan 2025", Activity: "Informationsklassning", TimesCarried: 2}) {
		t.Fatalf("exported origin = %+v", o)
	}
	fresh := newLineFixture(t)
	p, err := importDoc(t, fresh.db, doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range p.Activities() {
		if a.TimesCarried != 2 || a.Origin.Year != 2025 || a.Origin.Linked() {
			t.Errorf("%s: times %d origin %+v, want 2 from 2025 as text", a.Title, a.TimesCarried, a.Origin)
		}
	}
	again := forms.NewPlanDocument(p, deps)
	if !jsonEqual(t, again.Areas, doc.Areas) {
		t.Errorf("re-export differs:\n%+v\n%+v", again.Areas, doc.Areas)
	}
}

func jsonEqual(t *testing.T, a, b any) bool {
	t.Helper()
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return bytes.Equal(x, y)
}

func TestNoCycleInLineage(t *testing.T) {
	f := newLineFixture(t)
	y := newThreeYears(t, f)
	first, last := lineAct(t, y.p2024, "Informationsklassning"), lineAct(t, y.p2026, "Informationsklassning")
	t.Run("ErrOriginChanged", func(t *testing.T) {
		_, err := f.db.w.Exec(`UPDATE activities SET origin_id = ? WHERE id = ?`, last, first)
		if err == nil || !strings.Contains(err.Error(), "origin cannot change") {
			t.Fatalf("an origin pointing forward: %v, want it refused", err)
		}
	})
	t.Run("ErrOriginNewer", func(t *testing.T) {
		area := y.p2024.Areas[0].ID
		if _, err := f.db.w.Exec(`INSERT INTO activities (id, area_id, position, title) VALUES (100000, ?, 8, 'Senare')`, area); err != nil {
			t.Fatal(err)
		}
		_, err := f.db.w.Exec(`INSERT INTO activities (id, area_id, position, title, origin_id) VALUES (50000, ?, 9, 'Loop', 100000)`, area)
		if err == nil || !strings.Contains(err.Error(), "CHECK constraint failed") {
			t.Fatalf("an activity carried from a newer one: %v, want a CHECK failure", err)
		}
	})
	t.Run("ErrPredecessorNewer", func(t *testing.T) {
		_, err := f.db.w.Exec(`UPDATE plans SET predecessor_id = ? WHERE id = ?`, y.p2026.ID, y.p2024.ID)
		if err == nil || !strings.Contains(err.Error(), "CHECK constraint failed") {
			t.Fatalf("a plan made from a newer plan: %v, want a CHECK failure", err)
		}
	})
	t.Run("ErrOriginOfLaterYear", func(t *testing.T) {
		p := &forms.Plan{Organisation: "X", Title: "Bakåt", Year: 2025, Statuses: forms.DefaultScale(), Areas: []forms.Area{{Title: "A",
			Activities: []forms.Activity{{Title: "B", AllDepartments: true, Origin: forms.Origin{ActivityID: last}, TimesCarried: 3}}}}}
		_, err := f.db.CreatePlan(f.ctx, p, "test")
		wantCode(t, err, forms.EINVALID)
	})
	t.Run("ErrNextPlanOfEarlierYear", func(t *testing.T) {
		prop, err := f.db.NextPlanProposal(f.ctx, y.p2026.ID, 2024)
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.db.CreateNextPlan(f.ctx, prop.Input(true), "test")
		wantCode(t, err, forms.EINVALID)
	})
	h, err := f.db.ActivityHistory(f.ctx, first)
	if err != nil || len(h.Years) != 3 {
		t.Fatalf("history after the refusals: %v, %+v", err, h)
	}
}

func TestCarriedActivityCannotBeDeleted(t *testing.T) {
	f := newLineFixture(t)
	p := f.firstPlan(t)
	next := f.next(t, p, 2025) // no rounds: nothing else holds the activities
	id := lineAct(t, p, "Riskanalys")
	inUse, err := f.db.ActivitiesInUse(f.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !inUse[id] {
		t.Error("a carried activity is not in use")
	}
	wantCode(t, f.db.DeleteActivity(f.ctx, p.ID, id, "test"), forms.ECONFLICT)
	// The copy in the new plan may go; then the original may too.
	if err := f.db.DeleteActivity(f.ctx, next.ID, lineAct(t, next, "Riskanalys"), "test"); err != nil {
		t.Fatal(err)
	}
	if err := f.db.DeleteActivity(f.ctx, p.ID, id, "test"); err != nil {
		t.Errorf("delete after the copy went: %v", err)
	}
}

func TestRenamedOriginShowsInLaterPlan(t *testing.T) {
	f := newLineFixture(t)
	p := f.firstPlan(t)
	next := f.next(t, p, 2025) // read once, so the plan is cached
	id := lineAct(t, p, "Loggning")
	orig, _ := p.Activity(id)
	orig.Title = "Loggning och spårbarhet"
	if err := f.db.UpdateActivity(f.ctx, p.ID, id, orig, "test"); err != nil {
		t.Fatal(err)
	}
	if err := f.db.UpdatePlanMeta(f.ctx, p.ID, forms.PlanMeta{Organisation: p.Organisation, Title: "Plan 2024", Year: 2024}, "test"); err != nil {
		t.Fatal(err)
	}
	again := f.plan(t, next.ID)
	a, _ := again.Activity(lineAct(t, again, "Loggning"))
	if a.Origin.ActivityTitle != "Loggning och spårbarhet" || a.Origin.PlanTitle != "Plan 2024" {
		t.Errorf("origin = %+v, want the renamed titles", a.Origin)
	}
}
