package storage

import (
	"testing"

	"followup/forms"
)

// threeYears is a line of three plans: 2024 (interim and annual, closed),
// 2025 made from it (interim with a draft of the energy company, annual),
// and 2026 made from 2025 (one interim round).
type threeYears struct {
	p2024, p2025, p2026 *forms.Plan
}

func newThreeYears(t *testing.T, f *lineFixture) threeYears {
	t.Helper()
	var y threeYears
	y.p2024 = f.firstPlan(t)
	f.finishedYear(t, y.p2024)
	y.p2025 = f.next(t, y.p2024, 2025)
	interim := f.openRound(t, y.p2025, "interim", "Delårsrapport 2025", "2025-08-31")
	f.submit(t, y.p2025, interim, f.bou.ID, answers{"Informationsklassning": "Påbörjat"})
	f.submit(t, y.p2025, interim, f.it.ID, answers{"Informationsklassning": "Påbörjat"})
	f.draft(t, y.p2025, interim, f.energi.ID, answers{"Informationsklassning": "Genomfört"})
	f.close(t, interim)
	annual := f.openRound(t, y.p2025, "annual", "Årsredovisning 2025", "2025-12-31")
	f.submit(t, y.p2025, annual, f.bou.ID, answers{"Informationsklassning": "Genomfört"})
	f.submit(t, y.p2025, annual, f.it.ID, answers{"Informationsklassning": "Påbörjat"})
	f.submit(t, y.p2025, annual, f.energi.ID, answers{"Informationsklassning": "Påbörjat"})
	f.consolidate(t, y.p2025, annual, map[string]string{"Informationsklassning": "Påbörjat",
		"Tvåfaktorsautentisering": "Genomfört", "Loggning": "Pågår"})
	f.close(t, annual)
	y.p2026 = f.next(t, y.p2025, 2026)
	r2026 := f.openRound(t, y.p2026, "interim", "Delårsrapport 2026", "2026-08-31")
	f.submit(t, y.p2026, r2026, f.bou.ID, answers{"Informationsklassning": "Genomfört"})
	f.consolidate(t, y.p2026, r2026, map[string]string{"Informationsklassning": "Genomfört"})
	return y
}

func TestTimesCarriedAcrossThreeYears(t *testing.T) {
	f := newLineFixture(t)
	y := newThreeYears(t, f)
	want := map[string]int{"Informationsklassning": 2, "Loggning": 2}
	got := map[string]int{}
	for _, a := range y.p2026.Activities() {
		got[a.Title] = a.TimesCarried
		if a.Origin.Year != 2025 || a.Origin.PlanID != y.p2025.ID {
			t.Errorf("%s: origin %+v, want the 2025 plan", a.Title, a.Origin)
		}
	}
	if len(got) != len(want) || got["Informationsklassning"] != 2 || got["Loggning"] != 2 {
		t.Errorf("2026 times carried = %v, want %v", got, want)
	}
}

func TestActivityHistoryAcrossThreeYears(t *testing.T) {
	f := newLineFixture(t)
	y := newThreeYears(t, f)
	last := lineAct(t, y.p2026, "Informationsklassning")
	h, err := f.db.ActivityHistory(f.ctx, last)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Years) != 3 || h.Years[0].Plan.Year != 2024 || h.Years[1].Plan.Year != 2025 || h.Years[2].Plan.Year != 2026 {
		t.Fatalf("years = %+v", h.Years)
	}
	if n := []int{len(h.Years[0].Rounds), len(h.Years[1].Rounds), len(h.Years[2].Rounds)}; n[0] != 2 || n[1] != 2 || n[2] != 1 {
		t.Errorf("rounds per year = %v, want [2 2 1]", n)
	}
	if h.TimesCarried() != 2 || h.Before.Known() {
		t.Errorf("times carried %d, before %+v", h.TimesCarried(), h.Before)
	}
	t.Run("ConsolidatedTrail", func(t *testing.T) {
		want := "2024 helår Ej påbörjat → 2025 helår Påbörjat → 2026 Genomfört"
		if got := forms.TrailText(h.ConsolidatedTrail()); got != want {
			t.Errorf("trail = %q, want %q", got, want)
		}
		if got := h.Years[1].Rounds[1].Narrative; got != "Informationsklassning: Påbörjat." {
			t.Errorf("2025 annual narrative = %q", got)
		}
	})
	t.Run("DepartmentTrail", func(t *testing.T) {
		want := "2024 delår Ej påbörjat → 2024 helår Ej påbörjat → 2025 delår Påbörjat → 2025 helår Genomfört → 2026 Genomfört"
		if got := forms.TrailText(h.Trail(f.bou.ID)); got != want {
			t.Errorf("trail = %q, want %q", got, want)
		}
	})
	t.Run("DraftsNotCounted", func(t *testing.T) {
		want := "2024 delår Ej påbörjat → 2024 helår Ej påbörjat → 2025 helår Påbörjat"
		if got := forms.TrailText(h.Trail(f.energi.ID)); got != want {
			t.Errorf("trail = %q, want %q (the 2025 interim draft left out)", got, want)
		}
		var step forms.DepartmentStep
		for _, s := range h.Years[1].Rounds[0].Departments {
			if s.Department.ID == f.energi.ID {
				step = s
			}
		}
		if step.HasStatus || !step.Uncounted {
			t.Errorf("energi in the 2025 interim round = %+v, want an uncounted draft", step)
		}
		if tl := h.Years[1].Rounds[0].Tally; tl.Answered != 2 || tl.Drafts != 1 {
			t.Errorf("2025 interim tally = %+v, want 2 answered and 1 draft", tl)
		}
	})
	t.Run("FromTheFirstYear", func(t *testing.T) {
		first := lineAct(t, y.p2024, "Informationsklassning")
		h2, err := f.db.ActivityHistory(f.ctx, first)
		if err != nil {
			t.Fatal(err)
		}
		if len(h2.Years) != 3 || h2.TimesCarried() != 0 || h2.Years[2].Activity.ID != last {
			t.Errorf("history from 2024: %d years, times %d", len(h2.Years), h2.TimesCarried())
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := f.db.ActivityHistory(f.ctx, 9999)
		wantCode(t, err, forms.ENOTFOUND)
	})
}

func TestPlanLineHistory(t *testing.T) {
	f := newLineFixture(t)
	y := newThreeYears(t, f)
	h, err := f.db.PlanLineHistory(f.ctx, y.p2026.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Plans) != 3 || h.Plan.ID != y.p2026.ID {
		t.Fatalf("plans = %+v, end %+v", h.Plans, h.Plan)
	}
	if len(h.Departments) != 3 {
		t.Errorf("departments = %+v", h.Departments)
	}
	rows := map[string]int{}
	for _, r := range h.Rows {
		rows[r.Key.Title]++
		if r.Key.Title == "Riskanalys" && r.KeyPlan.ID != y.p2024.ID {
			t.Errorf("Riskanalys keyed in plan %d", r.KeyPlan.ID)
		}
	}
	// 2024: two rounds, 2025: two, 2026: one.
	want := map[string]int{"Informationsklassning": 5, "Loggning": 5, "Tvåfaktorsautentisering": 4, "Riskanalys": 2}
	for k, n := range want {
		if rows[k] != n {
			t.Errorf("%s: %d rows, want %d (all %v)", k, rows[k], n, rows)
		}
	}
	if first := h.Rows[0]; first.Key.Title != "Informationsklassning" || first.Plan.Year != 2024 {
		t.Errorf("first row = %s %d, want the end plan's first activity from 2024", first.Key.Title, first.Plan.Year)
	}
	cells := h.Cells(h.Rows[0])
	if len(cells) != len(h.Departments) {
		t.Fatalf("%d cells", len(cells))
	}
	if n := len(h.Long()); n < len(h.Rows) {
		t.Errorf("long layout has %d rows, fewer than %d", n, len(h.Rows))
	}
}

func TestCarriedToAndStandings(t *testing.T) {
	f := newLineFixture(t)
	p := f.firstPlan(t)
	_, annual := f.finishedYear(t, p)
	next := f.next(t, p, 2025)
	rep, err := f.db.RoundReport(f.ctx, annual)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rep.CarriedOver() {
		d := rep.Destinations(c.Activity.ID)
		if len(d) != 1 || d[0].Plan.ID != next.ID || d[0].ActivityID != lineAct(t, next, c.Activity.Title) {
			t.Errorf("%s carried to %+v, want plan %d", c.Activity.Title, d, next.ID)
		}
	}
	if d := rep.Destinations(lineAct(t, p, "Riskanalys")); len(d) != 0 {
		t.Errorf("a done activity went to %+v", d)
	}
	st, err := f.db.PlanStandings(f.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s := st[lineAct(t, p, "Riskanalys")]; s.Standing != forms.StandingFinished {
		t.Errorf("2024 Riskanalys = %+v, want finished", s)
	}
	if s := st[lineAct(t, p, "Loggning")]; s.Standing != forms.StandingNew {
		t.Errorf("2024 Loggning = %+v, want new", s)
	}
	st, err = f.db.PlanStandings(f.ctx, next.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s := st[lineAct(t, next, "Loggning")]; s.Standing != forms.StandingCarried || s.OriginYear != 2024 || s.TimesCarried != 1 {
		t.Errorf("2025 Loggning = %+v, want carried from 2024 once", s)
	}
}
