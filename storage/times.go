package storage

import (
	"time"

	"followup/forms"
)

const timeLayout = "2006-01-02T15:04:05.000Z"

// ts writes a time as UTC text that sorts as it reads; the zero time is "".
func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// parseTS reads a time written by ts; "" or garbage is the zero time.
func parseTS(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func dateText(t time.Time) string { return t.Format(forms.DateLayout) }

func parseDate(s string) time.Time {
	t, _ := time.Parse(forms.DateLayout, s)
	return t
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
