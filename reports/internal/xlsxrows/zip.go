package xlsxrows

import (
	"archive/zip"
	"errors"
	"io"
	"maps"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// WriteZipTo makes f write its zip package straight to w, and the rows of
// the sheets in fill, by sheet name, into their parts as the package is
// written (see splice). excelize otherwise builds the whole package in a
// bytes.Buffer before copying it out, which for a large round costs as
// much memory as the file is long; with this the buffer it passes stays
// empty. Call it once every sheet of fill exists, then f.WriteTo(w).
func WriteZipTo(f *excelize.File, w io.Writer, fill map[string]Filler) error {
	parts, err := sheetParts(f, fill)
	if err != nil {
		return err
	}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, newFlate)
		return &zipWriter{Writer: zw, fill: parts, spliced: map[string]bool{}}
	})
	return nil
}

// sheetParts names the parts of the sheets in fill. excelize stores the
// sheet with id N as xl/worksheets/sheetN.xml; should it store one
// elsewhere, the zip writer fails rather than leave the sheet empty.
func sheetParts(f *excelize.File, fill map[string]Filler) (map[string]Filler, error) {
	parts := make(map[string]Filler, len(fill))
	rest := maps.Clone(fill)
	for id, name := range f.GetSheetMap() {
		if fl, ok := rest[name]; ok {
			parts["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = fl
			delete(rest, name)
		}
	}
	for name := range rest {
		return nil, errors.New("xlsxrows: the workbook has no sheet " + strconv.Quote(name) + " for its rows")
	}
	return parts, nil
}

// zipWriter is the workbook's zip writer. It hands the parts named in
// fill to a splice and, when closed, checks that each of them got its
// rows.
type zipWriter struct {
	*zip.Writer
	fill    map[string]Filler // by part name
	spliced map[string]bool
	open    *splice
	err     error
}

// Create starts the next part of the package.
func (z *zipWriter) Create(name string) (io.Writer, error) {
	z.finishPart()
	fw, err := z.Writer.Create(name)
	if err != nil {
		return nil, err
	}
	fill, ok := z.fill[name]
	if !ok {
		return fw, nil
	}
	z.open = &splice{dst: fw, fill: fill, name: name}
	return z.open, nil
}

// Close finishes the package; a sheet whose rows had no place to go is an
// error rather than an empty sheet.
func (z *zipWriter) Close() error {
	z.finishPart()
	if z.err == nil {
		for name := range z.fill {
			if !z.spliced[name] {
				z.err = errors.New("xlsxrows: the workbook has no part " + name + " for its rows")
				break
			}
		}
	}
	if err := z.Writer.Close(); z.err == nil {
		z.err = err
	}
	return z.err
}

// finishPart ends the part being written, which excelize does by starting
// the next one or closing the package.
func (z *zipWriter) finishPart() {
	if z.open == nil {
		return
	}
	if !z.open.done && z.err == nil {
		z.err = errors.New("xlsxrows: the sheet " + z.open.name + " has no sheetData for its rows")
	}
	z.spliced[z.open.name] = z.open.done
	z.open = nil
}
