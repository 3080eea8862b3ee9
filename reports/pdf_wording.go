package reports

import (
	"math"
	"strconv"
	"strings"
	"time"

	"followup/forms"
)

// Swedish wording shared by the report and the receipt.

// pdfDate writes a date the way Swedish municipal documents do: 2024-12-18.
func pdfDate(t time.Time) string { return t.Format(forms.DateLayout) }

// pdfDateTime writes a date and time, 2024-12-17 kl. 09:30, in the time's
// own location.
func pdfDateTime(t time.Time) string { return t.Format(forms.DateLayout) + " kl. " + t.Format("15:04") }

// pdfRoundYear is the year a round speaks of.
func pdfRoundYear(rep *forms.RoundReport) int {
	if !rep.Round.ReportDate.IsZero() {
		return rep.Round.ReportDate.Year()
	}
	return rep.Plan.Year
}

// pdfRoundLabel names the round as the report does: "Delårsrapport per
// 2024-08-31" or "Årsredovisning 2024".
func pdfRoundLabel(rep *forms.RoundReport) string {
	return pdfRoundLabelOf(rep.Round, rep.Plan.Year)
}

// pdfRoundLabelOf names any round of a plan of the given year.
func pdfRoundLabelOf(r forms.Round, planYear int) string {
	year := planYear
	if !r.ReportDate.IsZero() {
		year = r.ReportDate.Year()
	}
	if r.Kind == forms.RoundInterim && !r.ReportDate.IsZero() {
		return roundKindWord(r.Kind) + " per " + pdfDate(r.ReportDate)
	}
	return roundKindWord(r.Kind) + " " + strconv.Itoa(year)
}

// pdfRoundPhrase names the round within a sentence: "årsredovisningen
// 2024" or "delårsrapporten per 2024-08-31".
func pdfRoundPhrase(rep *forms.RoundReport) string {
	r := rep.Round
	if r.Kind == forms.RoundInterim {
		if r.ReportDate.IsZero() {
			return "delårsrapporten " + strconv.Itoa(rep.Plan.Year)
		}
		return "delårsrapporten per " + pdfDate(r.ReportDate)
	}
	return "årsredovisningen " + strconv.Itoa(pdfRoundYear(rep))
}

// pdfPercent writes part of whole as a rounded Swedish percentage, "25 %".
func pdfPercent(part, whole int) string {
	if whole == 0 {
		return "0 %"
	}
	return strconv.Itoa(int(math.Round(100*float64(part)/float64(whole)))) + " %"
}

// pdfCountWord writes a count with the singular or plural noun:
// "1 verksamhet", "3 verksamheter".
func pdfCountWord(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// pdfSentence ends s with a full stop unless it already ends with punctuation.
func pdfSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:") {
		return s
	}
	return s + "."
}
