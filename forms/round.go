package forms

import (
	"strings"
	"time"
)

// RoundKind says which report a follow-up round feeds.
type RoundKind string

// The two follow-ups of a year.
const (
	RoundInterim RoundKind = "interim" // delårsrapport, as of 31 August
	RoundAnnual  RoundKind = "annual"  // årsredovisning
)

// ParseRoundKind accepts the English codes and the Swedish words.
func ParseRoundKind(s string) (RoundKind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "interim", "delår", "delårsrapport":
		return RoundInterim, true
	case "annual", "år", "årsredovisning":
		return RoundAnnual, true
	}
	return "", false
}

// RoundState is where a round is in its life.
type RoundState string

// A round is prepared as a draft, opened for answers, and closed.
const (
	RoundDraft  RoundState = "draft"
	RoundOpen   RoundState = "open"
	RoundClosed RoundState = "closed"
)

// DateLayout is how dates are written in forms, files and the CLI.
const DateLayout = "2006-01-02"

// Round is one follow-up of a plan (uppföljningsomgång).
type Round struct {
	ID         int64
	PlanID     int64
	Kind       RoundKind
	Title      string
	ReportDate time.Time // the date the report speaks of, e.g. 2024-08-31
	Deadline   time.Time // the last day answers are accepted (whole day)
	State      RoundState
	Archived   bool
	CreatedAt  time.Time
	OpenedAt   time.Time
	ClosedAt   time.Time
}

// DeadlinePassed reports whether now is after the end of the deadline day in
// loc, the municipality's time zone. Server time decides, never the browser.
func (r *Round) DeadlinePassed(now time.Time, loc *time.Location) bool {
	if r.Deadline.IsZero() {
		return false
	}
	y, m, d := r.Deadline.Date()
	end := time.Date(y, m, d+1, 0, 0, 0, 0, loc)
	return !now.Before(end)
}

// AcceptsAnswers returns an ECLOSED error unless departments may still save
// and submit answers in this round at time now.
func (r *Round) AcceptsAnswers(now time.Time, loc *time.Location) error {
	switch {
	case r.State == RoundDraft:
		return Errorf(ECLOSED, "round %d is not open yet", r.ID)
	case r.State == RoundClosed:
		return Errorf(ECLOSED, "round %d is closed", r.ID)
	case r.DeadlinePassed(now, loc):
		return Errorf(ECLOSED, "the deadline of round %d has passed", r.ID)
	}
	return nil
}

// RoundInput is what the office supplies to create or edit a round.
type RoundInput struct {
	PlanID     int64
	Kind       string
	Title      string
	ReportDate string
	Deadline   string
	// DepartmentIDs are the departments taking part; empty means every
	// active department.
	DepartmentIDs []int64
}

// Validate checks the input and returns the parsed kind and dates.
func (in *RoundInput) Validate() (RoundKind, time.Time, time.Time, error) {
	var fe FieldErrors
	in.Title = strings.TrimSpace(in.Title)
	kind, ok := ParseRoundKind(in.Kind)
	if !ok {
		fe.Add("kind", "error.round_kind")
	}
	if in.Title == "" {
		fe.Add("title", "error.required")
	} else if k := CheckLine(in.Title, MaxTitleRunes); k != "" {
		fe.Add("title", k)
	}
	date, err := time.Parse(DateLayout, strings.TrimSpace(in.ReportDate))
	if err != nil {
		fe.Add("report_date", "error.date")
	}
	deadline, err := time.Parse(DateLayout, strings.TrimSpace(in.Deadline))
	if err != nil {
		fe.Add("deadline", "error.date")
	}
	if in.PlanID <= 0 {
		fe.Add("plan", "error.required")
	}
	return kind, date, deadline, fe.Err("invalid round")
}
