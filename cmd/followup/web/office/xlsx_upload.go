package office

import (
	"bytes"

	"github.com/xuri/excelize/v2"

	"followup/forms"
)

// Reading uploaded spreadsheets. The domain takes cells as text; this file
// is the only place that opens an uploaded workbook.

// Limits on what an uploaded workbook may unpack to, so that a small zip
// cannot expand into gigabytes.
const (
	xlsxUnzipLimit    = 64 << 20
	xlsxUnzipXMLLimit = 16 << 20
)

// isXLSX reports whether data is a zip archive, as .xlsx files are.
func isXLSX(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// isLegacyXLS reports whether data is an old binary Excel file (.xls).
func isLegacyXLS(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
}

// openUploadedWorkbook opens an uploaded .xlsx file; a file that is not one
// is EINVALID.
func openUploadedWorkbook(data []byte) (*excelize.File, error) {
	if isLegacyXLS(data) {
		return nil, forms.Errorf(forms.EINVALID, "the file is an old Excel file (.xls); save it as .xlsx or CSV")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit})
	if err != nil {
		return nil, forms.Errorf(forms.EINVALID, "the file is not a readable Excel workbook (.xlsx)")
	}
	return f, nil
}

// sheetRows returns a sheet's cells as the spreadsheet shows them, one slice
// per row from row 1; blank rows in between are kept, so that index i is row
// i+1. Missing sheets give nil.
func sheetRows(f *excelize.File, sheet string) ([][]string, error) {
	if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
		return nil, nil
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, forms.Errorf(forms.EINVALID, "the sheet %q cannot be read", sheet)
	}
	if rows == nil {
		rows = [][]string{}
	}
	return rows, nil
}

// departmentTableXLSX reads the first sheet of a department workbook.
func departmentTableXLSX(data []byte) ([][]string, error) {
	f, err := openUploadedWorkbook(data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, forms.Errorf(forms.EINVALID, "the file is empty")
	}
	return sheetRows(f, sheets[0])
}

// planSheetsXLSX reads the sheets Plan (or, failing that, the first sheet)
// and Uppgifter of a plan workbook.
func planSheetsXLSX(data []byte) (forms.PlanSheets, error) {
	var ps forms.PlanSheets
	f, err := openUploadedWorkbook(data)
	if err != nil {
		return ps, err
	}
	defer f.Close()
	name := forms.PlanSheetPlan
	if idx, err := f.GetSheetIndex(name); err != nil || idx < 0 {
		if list := f.GetSheetList(); len(list) > 0 {
			name = list[0]
		}
	}
	if ps.Plan, err = sheetRows(f, name); err != nil {
		return ps, err
	}
	if ps.Details, err = sheetRows(f, forms.PlanSheetDetails); err != nil {
		return ps, err
	}
	return ps, nil
}
