package pdfjoin

import (
	"bytes"
	"errors"
	"fmt"
)

// Finish writes the page tree, the outline of marks, the catalog, the
// document information and the cross-reference table, once every page
// has been added.
func (j *Joiner) Finish(marks []Mark) error {
	if j.done != j.pages {
		return fmt.Errorf("pdfjoin: %d pages written of the %d planned", j.done, j.pages)
	}
	if j.catalog == nil {
		return errors.New("pdfjoin: a document without pages")
	}
	var kids bytes.Buffer
	for p := range j.pages {
		if p > 0 {
			kids.WriteByte(' ')
		}
		fmt.Fprintf(&kids, "%d 0 R", FirstPageObject+p)
	}
	j.object(objPages, fmt.Appendf(nil, "<</Type /Pages\n/Kids [%s]\n/Count %d\n%s\n>>", kids.Bytes(), j.pages, j.mediaBox), nil)
	catalog := j.catalog
	if len(marks) > 0 {
		j.outline(marks)
		i := bytes.LastIndex(catalog, []byte(">>"))
		catalog = append(catalog[:i:i], fmt.Appendf(nil, "/Outlines %d 0 R\n/PageMode /UseOutlines\n>>", objOutlines)...)
	} else {
		j.object(objOutlines, []byte("<</Type /Outlines /Count 0>>"), nil)
	}
	j.object(objCatalog, catalog, nil)
	j.object(objInfo, j.info, nil)

	xref := j.written + int64(j.w.Buffered())
	fmt.Fprintf(j.w, "xref\n0 %d\n0000000000 65535 f \n", len(j.offsets))
	for n := 1; n < len(j.offsets); n++ {
		if j.offsets[n] == 0 {
			return fmt.Errorf("pdfjoin: object %d of the joined document was never written", n)
		}
		fmt.Fprintf(j.w, "%010d 00000 n \n", j.offsets[n])
	}
	fmt.Fprintf(j.w, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n",
		len(j.offsets), objCatalog, objInfo, xref)
	return j.w.Flush()
}
