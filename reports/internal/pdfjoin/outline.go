package pdfjoin

import (
	"bytes"
	"fmt"
	"unicode/utf16"
)

// Mark is an outline entry (bookmark) of the joined document. The report
// keeps its own outline instead of fpdf's, which could only lead to pages
// of the part being drawn.
type Mark struct {
	Level int    // 0 for the top level
	Title string // as the reader shows it
	Page  int    // in the whole document, from 1
	// Top is the height on the page the bookmark leads to, in points from
	// the bottom edge, computed as fpdf computes a link's, so that a
	// bookmark and a link to the same place name the same point.
	Top float64
}

// outline writes the bookmarks as fpdf would: each entry under the last
// entry of the level above, all closed.
func (j *Joiner) outline(marks []Mark) {
	first := len(j.offsets)
	num := func(i int) int { return first + i }
	parent := make([]int, len(marks))
	prev, next := make([]int, len(marks)), make([]int, len(marks))
	firstKid, lastKid := make([]int, len(marks)), make([]int, len(marks))
	for i := range marks {
		prev[i], next[i], firstKid[i], lastKid[i] = -1, -1, -1, -1
		j.alloc()
	}
	lastAt := map[int]int{} // level → the last entry seen at that level
	level, top := 0, -1
	for i, m := range marks {
		if m.Level > 0 {
			p := lastAt[m.Level-1]
			parent[i] = num(p)
			lastKid[p] = i
			if m.Level > level {
				firstKid[p] = i
			}
		} else {
			parent[i] = objOutlines
			top = i
		}
		if m.Level <= level && i > 0 {
			if p, ok := lastAt[m.Level]; ok {
				next[p], prev[i] = i, p
			}
		}
		lastAt[m.Level] = i
		level = m.Level
	}
	for i, m := range marks {
		var b bytes.Buffer
		fmt.Fprintf(&b, "<</Title %s\n/Parent %d 0 R", textString(m.Title), parent[i])
		for _, ref := range []struct {
			key string
			i   int
		}{{"Prev", prev[i]}, {"Next", next[i]}, {"First", firstKid[i]}, {"Last", lastKid[i]}} {
			if ref.i >= 0 {
				fmt.Fprintf(&b, "\n/%s %d 0 R", ref.key, num(ref.i))
			}
		}
		fmt.Fprintf(&b, "\n/Dest [%d 0 R /XYZ 0 %.2f null]\n/Count 0>>", FirstPageObject+m.Page-1, m.Top)
		j.object(num(i), b.Bytes(), nil)
	}
	j.object(objOutlines, fmt.Appendf(nil, "<</Type /Outlines /First %d 0 R\n/Last %d 0 R>>", num(0), num(top)), nil)
}

// textString writes s as a PDF text string in UTF-16BE with a byte order
// mark, the way fpdf writes bookmarks.
func textString(s string) string {
	b := []byte{'(', 0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		for _, c := range []byte{byte(u >> 8), byte(u)} {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\', c)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, c)
			}
		}
	}
	return string(append(b, ')'))
}
