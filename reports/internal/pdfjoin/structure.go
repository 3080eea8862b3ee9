package pdfjoin

import "fmt"

// Structure is the logical structure of a tagged document, which the
// joiner writes along with the parts (package pdftag records one while
// the parts are drawn). The joiner calls Page for each page as it writes
// the page's dictionary, Flush after each part, and Finish once, before
// it writes the catalog.
type Structure interface {
	// Page writes the objects that hang on page p (from 1) of the whole
	// document, such as its link annotations, and returns the entries the
	// page's dictionary gains, each followed by a line feed.
	Page(w Writer, p int) ([]byte, error)
	// Flush writes what of the structure is complete.
	Flush(w Writer) error
	// Finish writes the rest of the structure and returns the entries the
	// catalog gains, each followed by a line feed.
	Finish(w Writer) ([]byte, error)
}

// Writer is how a Structure writes its objects into the joined file. The
// objects go into compressed object streams (see objstm.go).
type Writer interface {
	// Alloc gives out the number of an object to be written later.
	Alloc() int
	// Object writes object n, whose value is value.
	Object(n int, value []byte) error
	// Page returns the object number of page p (from 1) of the document,
	// or an error if the document has no such page.
	Page(p int) (int, error)
}

// structWriter lets a Structure write into the joined file without
// making the joiner's own methods part of its API.
type structWriter struct{ j *Joiner }

func (w structWriter) Alloc() int { return w.j.alloc() }

func (w structWriter) Object(n int, value []byte) error {
	if n < FirstPageObject+w.j.pages || n >= len(w.j.offsets) || w.j.offsets[n] != 0 {
		return fmt.Errorf("pdfjoin: object %d is not one the structure may write", n)
	}
	return w.j.compact(n, value)
}

func (w structWriter) Page(p int) (int, error) {
	if p < 1 || p > w.j.pages {
		return 0, fmt.Errorf("pdfjoin: a reference to page %d of %d", p, w.j.pages)
	}
	return FirstPageObject + p - 1, nil
}
