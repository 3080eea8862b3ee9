package site

import (
	"strconv"
	"strings"
	"unicode"

	"followup/forms"
)

// A plan's statuses are told apart by more than their colour (WCAG 1.4.1):
// each has a short abbreviation for compact cells and a fill pattern, both
// derived from the scale, so that the matrix reads in black and white and
// for people who do not see the colours.

// StatusAbbrevs returns a short, unique abbreviation of each status of the
// scale, by id: the initials of a name of several words ("Ej påbörjat" →
// "EP"), the first three letters of a one-word name ("Genomfört" → "Gen"),
// lengthened until no two statuses share one.
func StatusAbbrevs(scale forms.Scale) map[int64]string {
	out := make(map[int64]string, len(scale))
	used := map[string]bool{}
	for _, st := range scale {
		a := ""
		for _, c := range abbrevCandidates(st.Name) {
			if !used[strings.ToLower(c)] {
				a = c
				break
			}
		}
		if a == "" {
			a = abbrevCandidates(st.Name)[0] + strconv.Itoa(st.Position+1)
		}
		used[strings.ToLower(a)] = true
		out[st.ID] = a
	}
	return out
}

// abbrevCandidates lists a name's abbreviations, shortest first: the
// initials of its first three words when it has several, then ever longer
// beginnings of the name.
func abbrevCandidates(name string) []string {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	if len(words) == 0 {
		return []string{"?"}
	}
	var out []string
	if len(words) > 1 {
		var b strings.Builder
		for _, w := range words[:min(len(words), 3)] {
			b.WriteString(strings.ToUpper(string([]rune(w)[:1])))
		}
		out = append(out, b.String())
	}
	letters := []rune(strings.Join(words, ""))
	first := strings.ToUpper(string(letters[:1]))
	for n := min(3, len(letters)); n <= len(letters); n++ {
		out = append(out, first+string(letters[1:n]))
	}
	return out
}

// statusPatterns are the fills that tell statuses apart without colour, as
// CSS backgrounds drawn over the status's colour. A done status is solid; a
// not-applicable one is cross-hatched; the others take the rest in turn.
var statusPatterns = []string{
	"repeating-linear-gradient(45deg,rgba(255,255,255,.6) 0 2px,transparent 2px 6px)",
	"radial-gradient(circle,rgba(255,255,255,.75) 1.2px,transparent 1.6px) 0 0/5px 5px",
	"repeating-linear-gradient(90deg,rgba(255,255,255,.6) 0 2px,transparent 2px 6px)",
	"repeating-linear-gradient(-45deg,rgba(255,255,255,.6) 0 2px,transparent 2px 6px)",
	"repeating-linear-gradient(0deg,rgba(255,255,255,.6) 0 2px,transparent 2px 5px)",
}

const (
	patternSolid = "none"
	patternCross = "repeating-linear-gradient(45deg,rgba(255,255,255,.6) 0 1.5px,transparent 1.5px 6px),repeating-linear-gradient(-45deg,rgba(255,255,255,.6) 0 1.5px,transparent 1.5px 6px)"
)

// StatusPatterns returns each status's fill pattern, by id.
func StatusPatterns(scale forms.Scale) map[int64]string {
	out := make(map[int64]string, len(scale))
	next := 0
	for _, st := range scale {
		switch {
		case st.Done:
			out[st.ID] = patternSolid
		case st.NotApplicable:
			out[st.ID] = patternCross
		default:
			out[st.ID] = statusPatterns[next%len(statusPatterns)]
			next++
		}
	}
	return out
}
