package reports

import (
	"strconv"
	"strings"

	"followup/forms"
)

// Swedish words that the report, the receipt and the workbook share: the
// kinds of rounds, the states of responses and the kinds of departments.

// roundKindWord names the report a round feeds.
func roundKindWord(k forms.RoundKind) string {
	if k == forms.RoundInterim {
		return "Delårsrapport"
	}
	return "Årsredovisning"
}

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

// stateWords names the states of a response: at some length in the report
// and the receipt (doc), shorter in the workbook's cells (cell), where a
// column of them is filtered.
var stateWords = map[forms.ResponseState]struct{ doc, cell string }{
	forms.ResponseSubmitted: {doc: "Inlämnad", cell: "Inlämnad"},
	forms.ResponseDraft:     {doc: "Utkast, ej inlämnad", cell: "Utkast"},
	forms.ResponseReturned:  {doc: "Återsänd för komplettering", cell: "Återsänd"},
}

// notStartedWord names a response not started, and any state not in
// stateWords.
const notStartedWord = "Ej påbörjad"

// pdfStateWord names a response state in the report and the receipt.
func pdfStateWord(s forms.ResponseState) string {
	if w, ok := stateWords[s]; ok {
		return w.doc
	}
	return notStartedWord
}

// xlStateLabel names where a department's response stands in the workbook.
func xlStateLabel(s forms.ResponseState) string {
	if w, ok := stateWords[s]; ok {
		return w.cell
	}
	return notStartedWord
}

// kindWords names the kinds of departments with a capital letter.
var kindWords = map[forms.DepartmentKind]string{
	forms.KindAdministration: "Förvaltning",
	forms.KindCompany:        "Bolag",
	forms.KindFederation:     "Förbund",
}

// pdfKindWord names a department kind in the report and the receipt; an
// unknown kind is a "Verksamhet".
func pdfKindWord(k forms.DepartmentKind) string {
	if w, ok := kindWords[k]; ok {
		return w
	}
	return "Verksamhet"
}

// xlKindLabel names a department kind in the workbook; an unknown kind is
// written as it is stored.
func xlKindLabel(k forms.DepartmentKind) string {
	if w, ok := kindWords[k]; ok {
		return w
	}
	return cellText(string(k))
}
