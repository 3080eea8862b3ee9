package reports

// How the report and the receipt draw one department's answer about one
// activity (see answerView): a status with its colour; an answer that
// does not count in italic with a hatched swatch; a muted word where there
// is no answer to show.

// pdfWhite fills the empty box beside a word that is not a status.
var pdfWhite = pdfRGB{255, 255, 255}

// pdfAnswerCell is the table cell of an answer.
func pdfAnswerCell(v answerView) pdfTableCell {
	if !v.hasStatus {
		st := pdfStSmallM
		if v.marked {
			st = pdfStSmallIM
		}
		return pdfTableCell{text: v.text, swatch: &pdfWhite, st: st}
	}
	c := pdfParseColor(v.status.Color)
	cell := pdfTableCell{text: v.text, swatch: &c}
	if v.marked {
		cell.marked, cell.st = true, pdfStSmallI
	}
	return cell
}

// pdfAnswerSegments shows an answer within a line of text.
func pdfAnswerSegments(v answerView) []pdfSegment {
	if !v.hasStatus {
		st := pdfStMuted
		if v.marked {
			st = pdfStItalicM
		}
		return []pdfSegment{{text: v.text, st: st}}
	}
	c := pdfParseColor(v.status.Color)
	st := pdfStBody
	if v.marked {
		st = pdfStItalic
	}
	return []pdfSegment{{swatch: &c, marked: v.marked, st: st}, {text: v.text, st: st}}
}
