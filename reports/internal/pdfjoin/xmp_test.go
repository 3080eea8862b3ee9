package pdfjoin

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// TestXMP writes metadata that is well-formed XML in an XMP packet and
// says what the document information says, with the PDF/A and, for a
// tagged file, the PDF/UA identification.
func TestXMP(t *testing.T) {
	id := bytes.Repeat([]byte{0xab}, 16)
	for _, tagged := range []bool{false, true} {
		data := xmpPacket(testInfo, id, tagged)
		if !bytes.HasPrefix(data, []byte("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>")) ||
			!bytes.HasSuffix(data, []byte("<?xpacket end=\"w\"?>")) {
			t.Errorf("not an XMP packet:\n%s", data)
		}
		values := map[string][]string{}
		dec := xml.NewDecoder(bytes.NewReader(data))
		var path []string
		for {
			tok, err := dec.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("tagged %v: %v\n%s", tagged, err, data)
				}
				break
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				path = append(path, tok.Name.Space+" "+tok.Name.Local)
			case xml.EndElement:
				path = path[:len(path)-1]
			case xml.CharData:
				if s := strings.TrimSpace(string(tok)); s != "" {
					// The property: the innermost element outside RDF's own.
					for i := len(path) - 1; i >= 0; i-- {
						if !strings.HasPrefix(path[i], "http://www.w3.org/1999/02/22-rdf-syntax-ns# ") {
							values[path[i]] = append(values[path[i]], s)
							break
						}
					}
				}
			}
		}
		const dc, xmp, pdf = "http://purl.org/dc/elements/1.1/ ", "http://ns.adobe.com/xap/1.0/ ", "http://ns.adobe.com/pdf/1.3/ "
		for key, want := range map[string]string{
			dc + "title": testInfo.Title, dc + "description": testInfo.Subject, dc + "creator": testInfo.Author,
			dc + "language": "sv-SE", xmp + "CreatorTool": testInfo.Creator, pdf + "Producer": testInfo.Producer,
			xmp + "CreateDate": "2024-12-18T10:30:00+01:00", xmp + "ModifyDate": "2024-12-18T10:30:00+01:00",
			"http://www.aiim.org/pdfa/ns/id/ part": "2", "http://www.aiim.org/pdfa/ns/id/ conformance": "U",
			"http://ns.adobe.com/xap/1.0/mm/ DocumentID": "uuid:abababab-abab-5bab-abab-abababababab",
		} {
			if got := values[key]; len(got) != 1 || got[0] != want {
				t.Errorf("tagged %v: %s = %q, want %q", tagged, key, got, want)
			}
		}
		ua := values["http://www.aiim.org/pdfua/ns/id/ part"]
		if tagged && (len(ua) != 1 || ua[0] != "1") || !tagged && ua != nil {
			t.Errorf("tagged %v: pdfuaid:part = %q", tagged, ua)
		}
		if got := values["http://www.aiim.org/pdfa/ns/schema# namespaceURI"]; tagged && (len(got) != 1 || got[0] != "http://www.aiim.org/pdfua/ns/id/") {
			t.Errorf("tagged: the PDF/UA schema is not described as an extension schema: %q", got)
		}
	}
}
