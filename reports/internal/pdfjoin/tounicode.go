package pdfjoin

import (
	"bytes"
	"fmt"
)

// fpdfToUnicode is the character map fpdf writes for every UTF-8 font: its
// character codes are the Unicode code points of the Basic Multilingual
// Plane, mapped with one range <0000> <FFFF> <0000>. A range of
// beginbfrange may only vary in its last byte (ISO 32000-1, 9.10.3), so
// the joiner writes toUnicode in its place, once, for every font.
const fpdfToUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n" +
	"<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n" +
	"/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n" +
	"<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

// toUnicode is the same map in ranges of 256 codes, at most 100 to a
// block, leaving out the surrogates (D800–DFFF), which are no characters.
var toUnicode = func() []byte {
	var rows []int
	for hi := range 256 {
		if hi < 0xd8 || hi > 0xdf {
			rows = append(rows, hi)
		}
	}
	var b bytes.Buffer
	head, _, _ := bytes.Cut([]byte(fpdfToUnicode), []byte("1 beginbfrange"))
	b.Write(head)
	for len(rows) > 0 {
		block := rows[:min(100, len(rows))]
		rows = rows[len(block):]
		fmt.Fprintf(&b, "%d beginbfrange\n", len(block))
		for _, hi := range block {
			fmt.Fprintf(&b, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi)
		}
		b.WriteString("endbfrange\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.Bytes()
}()
