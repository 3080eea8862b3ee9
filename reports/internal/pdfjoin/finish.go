package pdfjoin

import (
	"bytes"
	"errors"
	"fmt"
)

// Finish writes the page tree, the outline of marks, the rest of the
// structure, the output intent, the metadata, the catalog, the document
// information and the cross-reference table, once every page has been
// added.
func (j *Joiner) Finish(marks []Mark) error {
	if j.done != j.pages {
		return fmt.Errorf("pdfjoin: %d pages written of the %d planned", j.done, j.pages)
	}
	if j.catalog == nil {
		return errors.New("pdfjoin: a document without pages")
	}
	j.pageTree()
	entries, err := j.catalogEntries(marks)
	if err != nil {
		return err
	}

	// The document's identifier, in the trailer and the metadata, is a
	// digest of everything written so far and of its information: the
	// same content and date give the same file.
	info := j.info.dict()
	if err := j.w.Flush(); err != nil {
		return err
	}
	j.sum.Write(info)
	id := j.sum.Sum(nil)[:16]
	xmp := xmpPacket(j.info, id, j.tags != nil)
	meta := j.alloc()
	j.object(meta, fmt.Appendf(nil, "<</Type /Metadata /Subtype /XML /Length %d>>", len(xmp)), xmp)
	entries = fmt.Appendf(entries, "/Metadata %d 0 R\n", meta)

	catalog := j.catalog
	i := bytes.LastIndex(catalog, []byte(">>"))
	catalog = append(catalog[:i:i], entries...)
	j.object(objCatalog, append(catalog, ">>"...), nil)
	j.object(objInfo, info, nil)

	if err := j.flushObjStm(); err != nil {
		return err
	}
	return j.crossReference(fmt.Appendf(nil, "/Root %d 0 R\n/Info %d 0 R\n/ID [<%X> <%X>]\n", objCatalog, objInfo, id, id))
}

// pageTree writes the page tree, whose object number every page already
// names as its parent, listing the pages in order.
func (j *Joiner) pageTree() {
	var kids bytes.Buffer
	for p := range j.pages {
		if p > 0 {
			kids.WriteByte(' ')
		}
		fmt.Fprintf(&kids, "%d 0 R", FirstPageObject+p)
	}
	j.object(objPages, fmt.Appendf(nil, "<</Type /Pages\n/Kids [%s]\n/Count %d\n%s\n>>", kids.Bytes(), j.pages, j.mediaBox), nil)
}

// catalogEntries writes the outline of marks, the rest of the structure
// and the output intent, and returns what the joiner adds to the first
// part's catalog for them, the language and the viewer's preferences.
func (j *Joiner) catalogEntries(marks []Mark) ([]byte, error) {
	var entries []byte
	if len(marks) > 0 {
		j.outline(marks)
		entries = fmt.Appendf(entries, "/Outlines %d 0 R\n/PageMode /UseOutlines\n", objOutlines)
	} else {
		j.object(objOutlines, []byte("<</Type /Outlines /Count 0>>"), nil)
	}
	if j.info.Lang != "" {
		entries = fmt.Appendf(entries, "/Lang %s\n", langString(j.info.Lang))
	}
	if j.tags != nil {
		tagged, err := j.tags.Finish(structWriter{j})
		if err != nil {
			return nil, err
		}
		entries = append(entries, tagged...)
	}
	entries = append(entries, "/ViewerPreferences <</DisplayDocTitle true>>\n"...)
	intent, err := j.outputIntent()
	if err != nil {
		return nil, err
	}
	return append(entries, intent...), nil
}

// crossReference ends the file with the trailer entries given and where
// each object is: a cross-reference stream when some objects went into
// object streams, which a table cannot point into, and a table otherwise.
func (j *Joiner) crossReference(trailer []byte) error {
	if j.compacted {
		xref, err := j.xrefStream(trailer)
		if err != nil {
			return err
		}
		fmt.Fprintf(j.w, "startxref\n%d\n%%%%EOF\n", xref)
		return j.w.Flush()
	}
	xref := j.written + int64(j.w.Buffered())
	fmt.Fprintf(j.w, "xref\n0 %d\n0000000000 65535 f \n", len(j.offsets))
	for n := 1; n < len(j.offsets); n++ {
		if j.offsets[n] <= 0 {
			return fmt.Errorf("pdfjoin: object %d of the joined document was never written", n)
		}
		fmt.Fprintf(j.w, "%010d 00000 n \n", j.offsets[n])
	}
	fmt.Fprintf(j.w, "trailer\n<<\n/Size %d\n%s>>\nstartxref\n%d\n%%%%EOF\n", len(j.offsets), trailer, xref)
	return j.w.Flush()
}

// langString writes a language tag, such as sv-SE, as a PDF string: as it
// is when it is letters, digits and hyphens, as every tag is.
func langString(tag string) string {
	for _, r := range tag {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return textString(tag)
		}
	}
	return "(" + tag + ")"
}
