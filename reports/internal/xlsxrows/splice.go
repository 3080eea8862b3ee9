package xlsxrows

import (
	"bytes"
	"io"
)

// sheetDataEnd closes the rows of a sheet part; splice writes the rows it
// adds just before it, after any rows excelize wrote (a header).
const sheetDataEnd = "</sheetData>"

// splice passes a sheet part through to the zip, writing the sheet's rows
// at the end of its sheetData element when that comes by. Until then it
// holds back the few bytes that could be the start of the element's end.
type splice struct {
	dst  io.Writer
	fill Filler
	name string
	held []byte
	done bool
}

func (s *splice) Write(p []byte) (int, error) {
	if s.done {
		return s.dst.Write(p)
	}
	buf := append(s.held, p...)
	i := bytes.Index(buf, []byte(sheetDataEnd))
	if i < 0 {
		keep := min(len(buf), len(sheetDataEnd)-1)
		if _, err := s.dst.Write(buf[:len(buf)-keep]); err != nil {
			return 0, err
		}
		s.held = append(s.held[:0], buf[len(buf)-keep:]...)
		return len(p), nil
	}
	if _, err := s.dst.Write(buf[:i]); err != nil {
		return 0, err
	}
	if err := fill(s.dst, s.fill); err != nil {
		return 0, err
	}
	if _, err := s.dst.Write(buf[i:]); err != nil {
		return 0, err
	}
	s.done, s.held = true, nil
	return len(p), nil
}
