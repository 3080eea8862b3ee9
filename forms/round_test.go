package forms_test

import (
	"testing"
	"time"
	_ "time/tzdata" // Europe/Stockholm on machines without a zone database

	"followup/forms"
)

func stockholm(tb testing.TB) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

func TestRoundAcceptsAnswers(t *testing.T) {
	loc := stockholm(t)
	deadline := time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC) // as parsed from "2025-01-20"
	summer := time.Date(2025, 9, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		state    forms.RoundState
		deadline time.Time
		now      time.Time
		want     string
	}{
		{"OKOpen", forms.RoundOpen, deadline, time.Date(2025, 1, 10, 12, 0, 0, 0, loc), ""},
		{"OKLastMinuteOfDeadlineDay", forms.RoundOpen, deadline, time.Date(2025, 1, 20, 23, 59, 59, 0, loc), ""},
		// 23:30 UTC on the 20th is already the 21st in Stockholm (UTC+1).
		{"ErrClosedDeadlinePassedStockholm", forms.RoundOpen, deadline, time.Date(2025, 1, 20, 23, 30, 0, 0, time.UTC), forms.ECLOSED},
		{"OKDeadlineDayStockholmEveningUTC", forms.RoundOpen, deadline, time.Date(2025, 1, 20, 22, 59, 0, 0, time.UTC), ""},
		{"ErrClosedMidnightAfterDeadline", forms.RoundOpen, deadline, time.Date(2025, 1, 21, 0, 0, 0, 0, loc), forms.ECLOSED},
		// Summer time: UTC+2.
		{"OKSummerDeadlineDay", forms.RoundOpen, summer, time.Date(2025, 9, 15, 21, 59, 0, 0, time.UTC), ""},
		{"ErrClosedSummerAfterDeadline", forms.RoundOpen, summer, time.Date(2025, 9, 15, 22, 0, 0, 0, time.UTC), forms.ECLOSED},
		{"OKNoDeadline", forms.RoundOpen, time.Time{}, time.Date(2030, 1, 1, 0, 0, 0, 0, loc), ""},
		{"ErrClosedDraft", forms.RoundDraft, deadline, time.Date(2025, 1, 10, 12, 0, 0, 0, loc), forms.ECLOSED},
		{"ErrClosedRound", forms.RoundClosed, deadline, time.Date(2025, 1, 10, 12, 0, 0, 0, loc), forms.ECLOSED},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &forms.Round{ID: 3, State: tt.state, Deadline: tt.deadline}
			wantCode(t, r.AcceptsAnswers(tt.now, loc), tt.want)
		})
	}
}

func TestParseRoundKind(t *testing.T) {
	tests := []struct {
		in   string
		want forms.RoundKind
		ok   bool
	}{
		{"interim", forms.RoundInterim, true},
		{" Delårsrapport ", forms.RoundInterim, true},
		{"delår", forms.RoundInterim, true},
		{"ANNUAL", forms.RoundAnnual, true},
		{"årsredovisning", forms.RoundAnnual, true},
		{"kvartal", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := forms.ParseRoundKind(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseRoundKind(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestRoundInputValidate(t *testing.T) {
	valid := forms.RoundInput{PlanID: 1, Kind: "delår", Title: " Delårsrapport 2025 ", ReportDate: "2025-08-31", Deadline: "2025-09-15"}
	t.Run("OK", func(t *testing.T) {
		in := valid
		kind, date, deadline, err := in.Validate()
		if err != nil {
			t.Fatal(err)
		}
		if kind != forms.RoundInterim || in.Title != "Delårsrapport 2025" {
			t.Errorf("kind %q title %q", kind, in.Title)
		}
		if want := time.Date(2025, 8, 31, 0, 0, 0, 0, time.UTC); !date.Equal(want) {
			t.Errorf("report date %v, want %v", date, want)
		}
		if want := time.Date(2025, 9, 15, 0, 0, 0, 0, time.UTC); !deadline.Equal(want) {
			t.Errorf("deadline %v, want %v", deadline, want)
		}
	})
	tests := []struct {
		name  string
		mod   func(*forms.RoundInput)
		field string
	}{
		{"ErrKind", func(in *forms.RoundInput) { in.Kind = "x" }, "kind"},
		{"ErrTitle", func(in *forms.RoundInput) { in.Title = "  " }, "title"},
		{"ErrReportDate", func(in *forms.RoundInput) { in.ReportDate = "31/8/2025" }, "report_date"},
		{"ErrDeadline", func(in *forms.RoundInput) { in.Deadline = "2025-02-30" }, "deadline"},
		{"ErrPlan", func(in *forms.RoundInput) { in.PlanID = 0 }, "plan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid
			tt.mod(&in)
			_, _, _, err := in.Validate()
			if _, ok := errorOf(t, err).Fields[tt.field]; !ok {
				t.Errorf("no error for %q: %v", tt.field, err)
			}
		})
	}
}

func TestRoundTitleIsOneLine(t *testing.T) {
	in := forms.RoundInput{PlanID: 1, Kind: "annual", Title: "Årsredovisning\r\nBcc: x@evil.se", ReportDate: "2026-12-31", Deadline: "2027-01-20"}
	if _, _, _, err := in.Validate(); err == nil {
		t.Error("a round title with a line break was accepted; it goes into mail subjects")
	}
}
