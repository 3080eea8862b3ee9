// Package xlsxrows writes the rows of a workbook's largest sheets while
// excelize zips the workbook, so that they never wait in memory.
//
// excelize holds every sheet in memory until the workbook is written;
// even its stream writer keeps a sheet below 16 MB in a buffer, and the
// largest round's 300 department sheets and 30,000 answer rows came to
// about 80 MB of XML. With [WriteZipTo] excelize writes such a sheet
// without its rows (widths, panes, merged cells, a header, a table), and
// the zip writer adds the rows, from a [Filler] given for the sheet, as
// the sheet's part passes through. [RowWriter] writes them in the same
// SpreadsheetML as excelize's stream writer, so that the sheet reads as if
// excelize had written it.
//
// The package was checked against the excelize version named in
// version_test.go, whose test fails when go.mod moves to another. It
// relies on these properties of excelize, used in zip.go, splice.go,
// rows.go, text.go and date.go:
//
//   - File.WriteTo calls the function given to File.SetZipWriter once,
//     then Create once per part, writes each part's whole content through
//     the writer Create returned before the next Create, and ends with
//     Close. The buffer it passes to the function is not used; WriteTo
//     copies it, empty, to w after the package. excelize post-processes
//     that buffer only for a password (encryption, which the reports do
//     not set) or a part over 4 GB (a zip64 header fix, which no sheet
//     comes near).
//   - The sheet with id N, as File.GetSheetMap gives it, is the part
//     xl/worksheets/sheetN.xml.
//   - A sheet written through excelize's stream writer holds its rows in
//     one <sheetData>…</sheetData> element, written even when the stream
//     has no rows, and "</sheetData>" occurs once in the part, after the
//     rows excelize wrote. The part may arrive in writes of any size (it
//     is copied from a buffer or a temporary file), so the end tag may be
//     split between two writes.
//   - The stream writer writes a row as <row r="N">, with
//     ht="H" customHeight="1" when a height is set (H as the shortest
//     decimal), and each cell, in column order, skipping nil values, as
//     <c r="A1" s="S" t="inlineStr"><is><t>text</t></is></c>: s only for
//     a style other than 0, xml:space="preserve" on the t element when the
//     text starts or ends with a tab, line feed, carriage return or space,
//     and <c r="A1" s="S"></c> for a cell with a style and no value.
//   - Texts are escaped as encoding/xml's EscapeText escapes them, except
//     that a line feed stays as it is, and an underscore that starts an
//     escape such as _x000D_ is written _x005F_. Excel reads the escapes
//     back; excelize truncates texts over 32,767 characters, which the
//     callers do themselves.
//   - A time in a cell with a style is written as its wall-clock time in
//     the 1900 date system, as a <v> of the serial date excelize's
//     timeToExcelTime computes (with Excel's 29 February 1900), printed
//     as the shortest decimal; a time before 1900 as text in RFC 3339
//     with nanoseconds. The workbook keeps excelize's default 1900 date
//     system.
//
// The row writer differs from excelize on purpose in two rare cases where
// excelize loses text when the workbook is read back: escape-like
// sequences in the UTF-16 surrogate range ("_xD800_") and escapes that
// share an underscore ("_x0041_x0042_"). escapeText keeps both
// (TestXlsxKeepsEscapeLikeText in reports reads them back through
// excelize).
package xlsxrows
