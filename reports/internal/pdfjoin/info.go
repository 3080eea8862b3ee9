package pdfjoin

import (
	"bytes"
	"fmt"
	"time"
)

// Info describes the joined document. It is written twice, as the
// document information dictionary and as XMP metadata, from the same
// values, as PDF/A requires; empty texts are left out of both.
type Info struct {
	Title    string
	Subject  string
	Author   string
	Creator  string // the application that made the content
	Producer string // the software that wrote the PDF
	// Lang is the document's natural language, such as sv-SE, as the
	// catalog's /Lang and the metadata's dc:language.
	Lang string
	// Created is the creation and modification date, written with its
	// offset from UTC.
	Created time.Time
}

// dict writes the document information dictionary, with its texts as fpdf
// writes text strings.
func (in Info) dict() []byte {
	var b bytes.Buffer
	b.WriteString("<<\n")
	for _, f := range []struct{ key, value string }{
		{"Producer", in.Producer}, {"Title", in.Title}, {"Subject", in.Subject},
		{"Author", in.Author}, {"Creator", in.Creator},
	} {
		if f.value != "" {
			fmt.Fprintf(&b, "/%s %s\n", f.key, textString(f.value))
		}
	}
	date := infoDate(in.Created)
	fmt.Fprintf(&b, "/CreationDate (%s)\n/ModDate (%s)\n>>", date, date)
	return b.Bytes()
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
