package reports

import (
	"testing"

	"followup/forms/formstest"
)

// TestXlsxKeepsEscapeLikeText reads back, through excelize, texts that
// look like Excel's _xHHHH_ escapes, including the two kinds excelize's own
// writer loses, from a department sheet and from Svar, whose rows package
// xlsxrows writes.
func TestXlsxKeepsEscapeLikeText(t *testing.T) {
	texts := []string{"_xD800_abc", "_xd83d__xde00_", "_x0041_x0042_", "_x005F_x0041_", "a_x00e5_b", "_x0041_"}
	rep := formstest.Synthetic(1, len(texts))
	d := rep.Departments[0]
	for i, a := range rep.Plan.Activities() {
		ans := rep.Responses[d.ID].Answers[a.ID]
		ans.Comment = texts[i]
		rep.Responses[d.ID].Answers[a.ID] = ans
	}
	f, _ := writeAndOpen(t, rep, WorkbookOptions{PerDepartment: true})
	sheet := f.GetSheetList()[4]
	for i, want := range texts {
		if got := cell(t, f, sheet, xlCellRef(4, departmentTitleRows+1+i)); got != want {
			t.Errorf("comment %d on the department sheet reads back as %q, want %q", i+1, got, want)
		}
		if got := cell(t, f, sheetAnswers, xlCellRef(answersCommentCol, 2+i)); got != want {
			t.Errorf("comment %d on Svar reads back as %q, want %q", i+1, got, want)
		}
	}
}
