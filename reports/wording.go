package reports

import (
	"strconv"
	"strings"

	"followup/forms"
)

// Swedish words that the report, the receipt and the workbook share: the
// kinds of rounds, the states of responses and the kinds of departments.
// They come from the domain's vocabulary (forms.Words), which the
// interface's pages use too, so that one thing has one name everywhere.

// Vocabulary lists the words of the domain's vocabulary that the reports
// write, so that a test of the interface can find each in its catalog.
func Vocabulary() []forms.Word {
	out := []forms.Word{forms.WordNotAnswered, forms.WordNotSubmitted, forms.WordNotConsolidated, forms.WordDepartment}
	for _, s := range forms.ResponseStates() {
		out = append(out, s.LongWord(), s.ShortWord(), s.MarkWord(), s.UncountedWord())
	}
	for _, k := range forms.DepartmentKinds() {
		w, _ := k.Word()
		out = append(out, w)
	}
	return append(out, forms.RoundInterim.Word(), forms.RoundAnnual.Word())
}

// roundKindWord names the report a round feeds.
func roundKindWord(k forms.RoundKind) string { return k.Word().SV }

// planTitle is the plan's title as the office wrote it, or
// "Handlingsplan 2024" when it has none.
func planTitle(rep *forms.RoundReport) string {
	if title := strings.TrimSpace(rep.Plan.Title); title != "" {
		return title
	}
	return "Handlingsplan " + strconv.Itoa(rep.Plan.Year)
}

// reportTitle is the document's title, "Uppföljning: Handlingsplan
// 2024": the plan's title stands after a colon as the office wrote it,
// which reads the same whether it starts with a capital or not.
func reportTitle(rep *forms.RoundReport) string {
	return "Uppföljning: " + planTitle(rep)
}

// notStartedWord names a response not started, and any unknown state.
var notStartedWord = forms.ResponseNotStarted.Word().SV

// pdfStateWord names a response state at some length in the report and the
// receipt: "Utkast, ej inlämnad".
func pdfStateWord(s forms.ResponseState) string { return s.LongWord().SV }

// xlStateLabel names where a department's response stands in the
// workbook's cells, shorter, since a column of them is filtered.
func xlStateLabel(s forms.ResponseState) string { return s.ShortWord().SV }

// pdfKindWord names a department kind in the report and the receipt; an
// unknown kind is a "Verksamhet".
func pdfKindWord(k forms.DepartmentKind) string {
	if w, ok := k.Word(); ok {
		return w.SV
	}
	return forms.WordDepartment.SV
}

// xlKindLabel names a department kind in the workbook; an unknown kind is
// written as it is stored.
func xlKindLabel(k forms.DepartmentKind) string {
	if w, ok := k.Word(); ok {
		return w.SV
	}
	return cellText(string(k))
}
