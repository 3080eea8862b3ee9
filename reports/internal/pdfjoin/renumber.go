package pdfjoin

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// Numbering the parts' objects in the joined file, and rewriting their
// references to those numbers.

var (
	refRE      = regexp.MustCompile(`(/Dest \[)?\b(\d+) 0 R\b`)
	mediaBoxRE = regexp.MustCompile(`/MediaBox \[[^\]]*\]`)
)

// number gives each of a part's objects its number in the joined file: the
// part's page tree becomes the joined page tree, its pages take the next of
// the page numbers fixed in advance, every copy of fpdf's character map
// becomes the one shared map, and the other objects get new numbers in
// order. The document information gets none, since the joiner writes its
// own; the part's catalog is returned for Add to keep the first one.
func (j *Joiner) number(objs []*partObject, root, info int) (renum map[int]int, catalog *partObject, err error) {
	renum = map[int]int{}
	var pages, rest []*partObject
	for _, o := range objs {
		switch {
		case o.num == root:
			catalog = o
		case o.num == info:
			// The joiner writes the document information itself.
		case bytes.HasPrefix(o.dict, []byte("<</Type /Pages")):
			renum[o.num] = objPages
			if j.mediaBox == nil {
				j.mediaBox = bytes.Clone(mediaBoxRE.Find(o.dict))
			}
		case bytes.HasPrefix(o.dict, []byte("<</Type /Page\n")):
			pages = append(pages, o)
		default:
			rest = append(rest, o)
		}
	}
	if j.done+len(pages) > j.pages {
		return nil, nil, fmt.Errorf("pdfjoin: the parts have more pages than the %d planned", j.pages)
	}
	for i, o := range pages {
		renum[o.num] = FirstPageObject + j.done + i
	}
	for _, o := range rest {
		if string(o.stream) == fpdfToUnicode {
			if j.toUnicode == 0 {
				j.toUnicode = j.alloc()
				if err := j.object(j.toUnicode, fmt.Appendf(nil, "<</Length %d>>", len(toUnicode)), toUnicode); err != nil {
					return nil, nil, err
				}
			}
			renum[o.num] = j.toUnicode
			continue
		}
		renum[o.num] = j.alloc()
	}
	j.done += len(pages)
	return renum, catalog, nil
}

// alloc gives out the next object number after the pages; objects other
// than the pages are numbered in the order they are written.
func (j *Joiner) alloc() int {
	j.offsets = append(j.offsets, 0)
	return len(j.offsets) - 1
}

// renumber rewrites the references of a part's dictionary to the joined
// file's numbers. A link's destination names a page of the whole document
// by fpdf's number for it (1 + 2 × page), which becomes that page's object.
func (j *Joiner) renumber(dict []byte, renum map[int]int) ([]byte, error) {
	var out []byte
	last := 0
	for _, m := range refRE.FindAllSubmatchIndex(dict, -1) {
		out = append(out, dict[last:m[0]]...)
		last = m[1]
		n, _ := strconv.Atoi(string(dict[m[4]:m[5]]))
		if m[2] >= 0 { // a link's destination
			page := (n - 1) / 2
			if page < 1 || page > j.pages {
				return nil, fmt.Errorf("pdfjoin: a link to page %d of %d", page, j.pages)
			}
			out = fmt.Appendf(out, "/Dest [%d 0 R", FirstPageObject+page-1)
			continue
		}
		to, ok := renum[n]
		if !ok {
			return nil, fmt.Errorf("pdfjoin: a reference to object %d, which the part does not have", n)
		}
		out = fmt.Appendf(out, "%d 0 R", to)
	}
	return append(out, dict[last:]...), nil
}
