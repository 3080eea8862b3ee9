package pdfjoin

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"

	"codeberg.org/go-pdf/fpdf"
)

// Object numbers of the joined file: the catalog, the page tree, the
// document information and the outline root come first, then one number
// per page, fixed in advance so that any part can link to any page, then
// everything else in the order written (see alloc).
const (
	objCatalog  = 1
	objPages    = 2
	objInfo     = 3
	objOutlines = 4
	// FirstPageObject is the object number of the joined document's first
	// page; page p is object FirstPageObject+p-1. Tests use it to find the
	// page a bookmark or link leads to.
	FirstPageObject = 5
)

// Joiner writes documents drawn by fpdf, the parts, as one PDF: their
// pages go into one page tree in the order added, their fonts and
// resources stay their own, and the outline is written at the end. It
// exists because fpdf keeps every page of a document in memory until it
// writes the file; a long report is drawn in parts that are written out
// as each is finished.
type Joiner struct {
	w       *bufio.Writer
	written int64
	sum     hash.Hash // of every byte written, for the document's identifier
	offsets []int64   // by object number; 0 while not written, < 0 in an object stream
	pages   int       // pages of the whole document
	done    int       // pages written so far
	// From the first part: the catalog (renumbered) and the page size.
	catalog  []byte
	mediaBox []byte
	zw       *zlib.Writer
	zbuf     bytes.Buffer
	info     Info
	tags     Structure // nil for a document without structure
	// toUnicode is the object number of the one character map every
	// font of every part shares (see tounicode.go); 0 until written.
	toUnicode int
	// The object stream being filled with the structure's objects, and
	// whether any was written (see objstm.go).
	stm       objStm
	compacted bool
}

// New starts a document of the given number of pages, written to w,
// described by info and, when tags is not nil, tagged with the logical
// structure it holds. The number of pages must be known in advance,
// because the parts link to pages of parts not yet drawn.
func New(w io.Writer, pages int, info Info, tags Structure) *Joiner {
	j := &Joiner{pages: pages, offsets: make([]int64, FirstPageObject+pages), info: info, tags: tags, sum: sha256.New()}
	j.w = bufio.NewWriterSize(writerFunc(func(p []byte) (int, error) {
		n, err := w.Write(p)
		j.sum.Write(p[:n])
		j.written += int64(n)
		return n, err
	}), 64<<10)
	return j
}

// writerFunc adapts a function to io.Writer.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// Add writes a finished part, whose pages follow the pages written so
// far; the part can be dropped once Add returns. Parts are best drawn
// without compression: the joiner compresses their pages with one
// compressor, where fpdf would allocate one a page.
func (j *Joiner) Add(part *fpdf.Fpdf) error {
	var buf bytes.Buffer
	if err := part.Output(&buf); err != nil {
		return err
	}
	data := buf.Bytes()
	objs, root, info, err := parse(data)
	if err != nil {
		return err
	}
	if j.written == 0 && j.w.Buffered() == 0 {
		// PDF 1.7, which PDF/A-2 builds on, whatever version fpdf wrote;
		// then a comment of four bytes above 127 that marks the file as
		// binary.
		j.w.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	}

	renum, catalog, err := j.number(objs, root, info)
	if err != nil {
		return err
	}
	for _, o := range objs {
		n, ok := renum[o.num]
		if !ok || n == objPages || n == j.toUnicode {
			continue
		}
		dict, err := j.renumber(o.dict, renum)
		if err != nil {
			return err
		}
		stream := o.stream
		if n >= FirstPageObject && n < FirstPageObject+j.pages && j.tags != nil {
			if dict, err = j.pageEntries(dict, n-FirstPageObject+1); err != nil {
				return err
			}
		}
		if err := j.object(n, dict, stream); err != nil {
			return err
		}
	}
	if j.catalog == nil && catalog != nil {
		if j.catalog, err = j.renumber(catalog.dict, renum); err != nil {
			return err
		}
	}
	if j.tags != nil {
		if err := j.tags.Flush(structWriter{j}); err != nil {
			return err
		}
	}
	return j.w.Flush()
}

// pageEntries adds the structure's entries for page p to the page's
// dictionary, which fpdf ends with ">>".
func (j *Joiner) pageEntries(dict []byte, p int) ([]byte, error) {
	entries, err := j.tags.Page(structWriter{j}, p)
	if err != nil || len(entries) == 0 {
		return dict, err
	}
	i := bytes.LastIndex(dict, []byte(">>"))
	out := append(dict[:i:i], '\n')
	out = append(out, bytes.TrimSuffix(entries, []byte("\n"))...)
	return append(out, ">>"...), nil
}

// deflate compresses p with the document's one compressor. The result is
// valid until the next call.
func (j *Joiner) deflate(p []byte) ([]byte, error) {
	j.zbuf.Reset()
	if j.zw == nil {
		j.zw, _ = zlib.NewWriterLevel(&j.zbuf, zlib.BestSpeed)
	} else {
		j.zw.Reset(&j.zbuf)
	}
	if _, err := j.zw.Write(p); err != nil {
		return nil, err
	}
	if err := j.zw.Close(); err != nil {
		return nil, err
	}
	return j.zbuf.Bytes(), nil
}

// object writes an indirect object. A stream fpdf left uncompressed (the
// parts are drawn without compression) is compressed here, with one
// compressor for the whole document.
func (j *Joiner) object(n int, dict, stream []byte) error {
	if stream != nil && bytes.Equal(dict, fmt.Appendf(nil, "<</Length %d>>", len(stream))) {
		var err error
		if stream, err = j.deflate(stream); err != nil {
			return err
		}
		dict = fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>", len(stream))
	}
	j.offsets[n] = j.written + int64(j.w.Buffered())
	fmt.Fprintf(j.w, "%d 0 obj\n", n)
	j.w.Write(dict)
	if stream != nil {
		j.w.WriteString("\nstream\n")
		j.w.Write(stream)
		j.w.WriteString("\nendstream")
	}
	_, err := j.w.WriteString("\nendobj\n")
	return err
}
