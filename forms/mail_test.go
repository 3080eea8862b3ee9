package forms_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"followup/forms"
)

func TestMailTemplate(t *testing.T) {
	vars := forms.MailVars{"verksamhet": "Socialförvaltningen", "omgång": "Årsredovisning 2026", "sista_dag": "2027-01-20",
		"länk": "https://uppfoljning.exempelby.se/r/abc", "aktiviteter": "- Riskanalys\n- Klassning"}
	t.Run("RendersEveryDefault", func(t *testing.T) {
		for _, tmpl := range []forms.MailTemplate{forms.DefaultInvitation(), forms.DefaultReminder()} {
			if err := tmpl.Validate(); err != nil {
				t.Fatalf("default template invalid: %v", err)
			}
			subject, body := tmpl.Render(vars)
			if strings.ContainsAny(subject, "{}\n") || strings.Contains(body, "{") {
				t.Errorf("placeholders left: %q\n%s", subject, body)
			}
			if strings.Contains(body, "\n\n\n") {
				t.Errorf("an empty placeholder left a gap:\n%s", body)
			}
		}
	})
	t.Run("SubjectStaysOneLine", func(t *testing.T) {
		s, _ := forms.MailTemplate{Subject: "{verksamhet}", Body: "x"}.Render(forms.MailVars{"verksamhet": "A\r\nBcc: x@evil.se"})
		if strings.ContainsAny(s, "\r\n") {
			t.Errorf("subject %q has a line break", s)
		}
	})
	t.Run("OtherBracesStay", func(t *testing.T) {
		_, b := forms.MailTemplate{Subject: "x", Body: "Se {länk} {} { x } {a-b}"}.Render(forms.MailVars{"länk": "L"})
		if b != "Se L {} { x } {a-b}" {
			t.Errorf("body = %q", b)
		}
	})
	tests := []struct {
		name  string
		tmpl  forms.MailTemplate
		field string
	}{
		{"ErrUnknownPlaceholder", forms.MailTemplate{Subject: "Hej {namn}", Body: "x"}, "subject"},
		{"ErrUnknownInBody", forms.MailTemplate{Subject: "Hej", Body: "Svara {senast}"}, "body"},
		{"ErrSubjectLineBreak", forms.MailTemplate{Subject: "Hej\r\nBcc: x@evil.se", Body: "x"}, "subject"},
		{"ErrEmptyBody", forms.MailTemplate{Subject: "Hej", Body: " "}, "body"},
		{"ErrBidi", forms.MailTemplate{Subject: "Hej\u202e", Body: "x"}, "subject"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.tmpl.Validate()
			var fe *forms.Error
			if e, ok := err.(*forms.Error); ok {
				fe = e
			}
			if fe == nil || fe.Fields[tt.field] == "" {
				t.Errorf("Validate = %v, want an error on %s", err, tt.field)
			}
		})
	}
	if got := forms.UnknownPlaceholders("{namn} och {verksamhet} och {senast}"); !slices.Equal(got, []string{"{namn}", "{senast}"}) {
		t.Errorf("UnknownPlaceholders = %v", got)
	}
}

func TestReminderSchedule(t *testing.T) {
	s, err := forms.ParseReminderSchedule("+1, -7; -2 -7")
	if err != nil || s.String() != "-7, -2, +1" {
		t.Fatalf("parsed %v, %v", s, err)
	}
	for _, bad := range []string{"-7, sju", "0", "-61", "1,2,3,4,5,6,7"} {
		if _, err := forms.ParseReminderSchedule(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if s, err := forms.ParseReminderSchedule(" "); err != nil || len(s) != 0 {
		t.Errorf("empty schedule = %v, %v", s, err)
	}
	loc, _ := time.LoadLocation("Europe/Stockholm")
	deadline := time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC)
	sched := forms.DefaultReminderSchedule()
	tests := []struct {
		name string
		now  time.Time
		day  int
		ok   bool
	}{
		{"TooEarly", time.Date(2027, 1, 13, 7, 59, 0, 0, loc), 0, false},
		{"WeekBefore", time.Date(2027, 1, 13, 8, 0, 0, 0, loc), -7, true},
		{"WeekBeforeLaterThatDay", time.Date(2027, 1, 13, 17, 0, 0, 0, loc), -7, true},
		{"BetweenAfterADay", time.Date(2027, 1, 15, 9, 0, 0, 0, loc), 0, false},
		{"TwoDaysBefore", time.Date(2027, 1, 18, 8, 30, 0, 0, loc), -2, true},
		{"DayAfter", time.Date(2027, 1, 21, 8, 0, 0, 0, loc), 1, true},
		{"LongAfter", time.Date(2027, 2, 1, 8, 0, 0, 0, loc), 0, false},
		{"DownSinceBeforeBothOnlyTheLatest", time.Date(2027, 1, 18, 12, 0, 0, 0, loc), -2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day, ok := sched.Due(deadline, loc, tt.now)
			if ok != tt.ok || (ok && day != tt.day) {
				t.Errorf("Due = %d, %v; want %d, %v", day, ok, tt.day, tt.ok)
			}
		})
	}
}
