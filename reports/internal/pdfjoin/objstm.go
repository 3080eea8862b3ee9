package pdfjoin

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"
)

// Object streams. A tagged document has an element for every paragraph,
// cell and heading: the largest report has about 280,000, each a small
// dictionary. Written one by one they would double the file. The joiner
// puts them, and the structure's other objects, into compressed object
// streams (ISO 32000-1, 7.5.7) of up to objStmSize objects, and then
// writes a cross-reference stream (7.5.8) in place of the table, as PDF
// 1.5 and later, and PDF/A-2, allow.

// objStmSize is how many objects an object stream holds.
const objStmSize = 200

// objStm collects the objects of the next object stream.
type objStm struct {
	nums []int
	head []byte // "n offset" pairs
	body []byte
}

// compact adds object n, whose value is value, to the object stream being
// filled, and writes the stream when it is full. The object's offset
// records where it is: -(stream << 16 | index), once its stream is
// written.
func (j *Joiner) compact(n int, value []byte) error {
	s := &j.stm
	if len(s.nums) > 0 {
		s.head = append(s.head, ' ')
	}
	s.head = strconv.AppendInt(s.head, int64(n), 10)
	s.head = append(s.head, ' ')
	s.head = strconv.AppendInt(s.head, int64(len(s.body)), 10)
	s.nums = append(s.nums, n)
	s.body = append(append(s.body, value...), '\n')
	j.offsets[n] = -1 // taken; its place is set when its stream is written
	if len(s.nums) == objStmSize {
		return j.flushObjStm()
	}
	return nil
}

// flushObjStm writes the object stream being filled, if it has objects.
func (j *Joiner) flushObjStm() error {
	s := &j.stm
	if len(s.nums) == 0 {
		return nil
	}
	m := j.alloc()
	first := len(s.head) + 1
	data, err := j.deflate(append(append(s.head, '\n'), s.body...))
	if err != nil {
		return err
	}
	if err := j.object(m, fmt.Appendf(nil, "<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>", len(s.nums), first, len(data)), data); err != nil {
		return err
	}
	for i, n := range s.nums {
		j.offsets[n] = -(int64(m)<<16 | int64(i))
	}
	j.compacted = true
	s.nums, s.head, s.body = s.nums[:0], s.head[:0], s.body[:0]
	return nil
}

// xrefStream writes the cross-reference stream of a file with object
// streams, whose trailer entries are trailer, and returns its offset.
func (j *Joiner) xrefStream(trailer []byte) (int64, error) {
	x := j.alloc()
	at := j.written + int64(j.w.Buffered())
	j.offsets[x] = at
	// Each row: type (1 byte), offset or object stream (4), generation or
	// index (2), big-endian.
	rows := make([]byte, 0, 7*len(j.offsets))
	rows = append(rows, 0, 0, 0, 0, 0, 0xff, 0xff) // object 0, free
	for n := 1; n < len(j.offsets); n++ {
		off := j.offsets[n]
		switch {
		case off > 0 && off < 1<<32:
			rows = append(rows, 1)
			rows = binary.BigEndian.AppendUint32(rows, uint32(off))
			rows = append(rows, 0, 0)
		case off < -1:
			rows = append(rows, 2)
			rows = binary.BigEndian.AppendUint32(rows, uint32(-off>>16))
			rows = binary.BigEndian.AppendUint16(rows, uint16(-off&0xffff))
		default:
			return 0, fmt.Errorf("pdfjoin: object %d of the joined document was never written", n)
		}
	}
	data, err := j.deflate(rows)
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(j.w, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2]\n%s\n/Filter /FlateDecode /Length %d>>\nstream\n",
		x, len(j.offsets), bytes.TrimSpace(trailer), len(data))
	j.w.Write(data)
	_, err = j.w.WriteString("\nendstream\nendobj\n")
	return at, err
}
