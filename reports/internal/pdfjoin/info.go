package pdfjoin

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"time"
)

var infoDateRE = regexp.MustCompile(`/(CreationDate|ModDate) \([^)]*\)`)

// withDates returns a copy of the document information dictionary info
// with its creation and modification dates set to t. fpdf writes them
// without a time zone; the joined document's carry theirs.
func withDates(info []byte, t time.Time) []byte {
	date := []byte(infoDate(t))
	return infoDateRE.ReplaceAllFunc(info, func(m []byte) []byte {
		key, _, _ := bytes.Cut(m, []byte(" "))
		return slices.Concat(key, []byte(" ("), date, []byte(")"))
	})
}

// infoDate writes t as a date of the document information, with its
// offset from UTC: D:20241218093000+01'00', or D:20241218093000Z in UTC.
func infoDate(t time.Time) string {
	s := "D:" + t.Format("20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s%c%02d'%02d'", s, sign, off/3600, off/60%60)
}
