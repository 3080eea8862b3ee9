package reports

import (
	"archive/zip"
	"compress/flate"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"
)

// zipLevel is the deflate level of the workbook's parts. For the large
// benchmark round BestSpeed compresses in 0.3 s instead of 1.1 s at the
// default level, for a file a quarter larger (11.6 MB instead of 9.2 MB;
// docs/performance.md).
const zipLevel = flate.BestSpeed

var flatePool sync.Pool

// pooledFlate returns its deflate writer to the pool when the zip entry is
// closed; a workbook with hundreds of sheets would otherwise allocate a
// compressor per sheet.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

func newFlate(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, zipLevel)
	if err != nil {
		return nil, err
	}
	return pooledFlate{fw}, nil
}

// writeZipTo makes f write its zip package straight to w. excelize otherwise
// builds the whole package in a bytes.Buffer before copying it out, which
// for a large round costs as much memory as the file is long; with this the
// buffer it passes stays empty.
func writeZipTo(f *excelize.File, w io.Writer) {
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, newFlate)
		return zw
	})
}
