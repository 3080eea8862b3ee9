package forms_test

import (
	"strings"
	"testing"

	"followup/forms"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name string
		s    string
		max  int
		want string
	}{
		{"OK", "Åsa skrev: <b>klart</b> 'ok'", 100, ""},
		{"OKTabAndNewlines", "rad 1\r\nrad 2\n\tindrag", 100, ""},
		{"OKExactlyMax", strings.Repeat("ö", 10), 10, ""},
		{"ErrTooLong", strings.Repeat("ö", 11), 10, "error.text_too_long"},
		{"ErrEncoding", "abc\xff", 100, "error.text_encoding"},
		{"ErrNUL", "a\x00b", 100, "error.text_control"},
		{"ErrBell", "a\x07b", 100, "error.text_control"},
		{"ErrDEL", "a\x7fb", 100, "error.text_control"},
		{"ErrC1", "a\u0085b", 100, "error.text_control"},
		{"ErrNonCharacter", "a\uFFFEb", 100, "error.text_control"},
		{"ErrRightToLeftOverride", "faktura\u202Efdp.exe", 100, "error.text_bidi"},
		{"ErrLeftToRightEmbedding", "a\u202Ab", 100, "error.text_bidi"},
		{"ErrFirstStrongIsolate", "a\u2068b", 100, "error.text_bidi"},
		{"ErrPopDirectionalIsolate", "a\u2069b", 100, "error.text_bidi"},
		{"OKRightToLeftText", "مرحبا och hej", 100, ""},
		{"OKLeftToRightMark", "a\u200Eb", 100, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := forms.CheckText(tt.s, tt.max); got != tt.want {
				t.Errorf("CheckText(%q) = %q, want %q", tt.s, got, tt.want)
			}
		})
	}
}

// TestBidiRefusedInEveryTextField checks that the one rule reaches the
// fields of every kind of input: a name, a title, a comment, a narrative.
func TestBidiRefusedInEveryTextField(t *testing.T) {
	const spoof = "Genomfört\u202E ej"
	dep := forms.DepartmentInput{Name: spoof, Kind: "förvaltning"}
	if err := dep.Validate(); err == nil {
		t.Error("a department name with U+202E was accepted")
	}
	round := forms.RoundInput{PlanID: 1, Kind: "annual", Title: spoof, ReportDate: "2026-12-31", Deadline: "2027-01-20"}
	if _, _, _, err := round.Validate(); err == nil {
		t.Error("a round title with U+202E was accepted")
	}
	cons := forms.ConsolidationInput{Narrative: spoof}
	if err := cons.Validate(forms.DefaultScale()); err == nil {
		t.Error("a narrative with U+202E was accepted")
	}
	text := forms.RoundTextInput{Body: spoof}
	if err := text.Validate(); err == nil {
		t.Error("an introduction with U+202E was accepted")
	}
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"CRLF", "a\r\nb", "a\nb"},
		{"CR", "a\rb", "a\nb"},
		{"Trim", "  \n a b \t\n", "a b"},
		{"Unchanged", "a\n\nb", "a\n\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := forms.NormalizeText(tt.in); got != tt.want {
				t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStripControl(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Clean", "a\tb\nc ö", "a\tb\nc ö"},
		{"Controls", "a\x00b\x07c\rd", "abcd"},
		{"NonCharacters", "a\uFFFEb\uFFFF", "ab"},
		{"InvalidUTF8", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := forms.StripControl(tt.in); got != tt.want {
				t.Errorf("StripControl(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
