package pdfjoin

import (
	"testing"
	"time"
)

// TestInfoDate writes dates with their offset from UTC, as PDF readers
// expect them.
func TestInfoDate(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[time.Time]string{
		time.Date(2024, 12, 18, 9, 30, 0, 0, time.UTC):                        "D:20241218093000Z",
		time.Date(2024, 7, 1, 8, 0, 0, 0, loc):                                "D:20240701080000+02'00'",
		time.Date(2024, 7, 1, 8, 0, 0, 0, time.FixedZone("", -(3*3600+1800))): "D:20240701080000-03'30'",
	} {
		if got := infoDate(in); got != want {
			t.Errorf("infoDate(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestWithDates replaces both of fpdf's dates, and nothing else.
func TestWithDates(t *testing.T) {
	in := "<<\n/Title (x)\n/CreationDate (D:20241218093000)\n/ModDate (D:20241218093000)\n>>"
	want := "<<\n/Title (x)\n/CreationDate (D:20241218103000+01'00')\n/ModDate (D:20241218103000+01'00')\n>>"
	at := time.Date(2024, 12, 18, 10, 30, 0, 0, time.FixedZone("", 3600))
	if got := string(withDates([]byte(in), at)); got != want {
		t.Errorf("withDates = %q, want %q", got, want)
	}
}
