package forms

import (
	"strings"
	"time"
)

// TextKind names one of the office's own texts of a round's report.
type TextKind string

// The office's texts, printed before the generated summary in this order.
const (
	TextIntroduction TextKind = "introduction" // Inledning
	TextAssessment   TextKind = "assessment"   // Samlad bedömning
)

// TextKinds lists the kinds in the order the report prints them.
func TextKinds() []TextKind { return []TextKind{TextIntroduction, TextAssessment} }

// ParseTextKind accepts a kind's code.
func ParseTextKind(s string) (TextKind, bool) {
	for _, k := range TextKinds() {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// RoundText is one of the office's own texts for a round's report, such as
// the introduction, with the version that every save raises; its earlier
// versions are kept like those of a consolidation.
type RoundText struct {
	RoundID int64
	Kind    TextKind
	Body    string
	Author  string
	SavedAt time.Time
	Version int
}

// RoundTextInput is what the office sends to save a text.
type RoundTextInput struct {
	Body        string
	BaseVersion int
}

// Validate checks the text and normalises its line breaks.
func (in *RoundTextInput) Validate() error {
	var fe FieldErrors
	if k := CheckText(in.Body, MaxTextRunes); k != "" {
		fe.Add("body", k)
	}
	in.Body = NormalizeText(in.Body)
	return fe.Err("invalid text")
}

// BlockKind says what a block of the office's text is.
type BlockKind int

// The blocks a text is made of.
const (
	BlockParagraph BlockKind = iota
	BlockList
)

// Block is a paragraph, or a bulleted list with one entry per line.
type Block struct {
	Kind  BlockKind
	Lines []string // one line for a paragraph; the entries of a list
}

// Blocks splits a text into paragraphs and bulleted lists, the little
// structure a coordinator writes in a plain text box: a blank line ends a
// paragraph; lines that start with "-", "*" or "•" and a space are the
// entries of a list; the other lines of a paragraph are joined with spaces.
// A line that continues a list entry, indented or not, is joined to it.
func Blocks(text string) []Block {
	var out []Block
	var cur *Block
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for _, raw := range strings.Split(NormalizeText(text), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			flush()
			continue
		}
		if item, ok := listItem(line); ok {
			if cur == nil || cur.Kind != BlockList {
				flush()
				cur = &Block{Kind: BlockList}
			}
			cur.Lines = append(cur.Lines, item)
			continue
		}
		if cur == nil {
			cur = &Block{Kind: BlockParagraph, Lines: []string{line}}
			continue
		}
		cur.Lines[len(cur.Lines)-1] += " " + line
	}
	flush()
	return out
}

// listItem returns the text of a list entry when line is one.
func listItem(line string) (string, bool) {
	for _, bullet := range []string{"- ", "* ", "• ", "– "} {
		if rest, ok := strings.CutPrefix(line, bullet); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}
