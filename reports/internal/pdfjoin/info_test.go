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

// TestInfoDict writes every text that is set, as fpdf writes text
// strings, and both dates with their offset.
func TestInfoDict(t *testing.T) {
	in := Info{Title: "Å (1)", Creator: "followup", Created: created}
	want := "<<\n/Title " + textString("Å (1)") + "\n/Creator " + textString("followup") +
		"\n/CreationDate (D:20241218103000+01'00')\n/ModDate (D:20241218103000+01'00')\n>>"
	if got := string(in.dict()); got != want {
		t.Errorf("dict = %q, want %q", got, want)
	}
}
