package pdfjoin

import (
	"bytes"
	"encoding/hex"
	"encoding/xml"
	"time"
)

// The identification the joined file claims, written in its XMP metadata:
// PDF/A-2 level U (ISO 19005-2: archivable, every character mapped to
// Unicode) always, and PDF/UA-1 (ISO 14289-1) when it is tagged.
const (
	pdfaPart        = "2"
	pdfaConformance = "U"
	pdfuaPart       = "1"
)

// xmpPacket writes the document's XMP metadata from the same values as its
// information dictionary (see Info.dict), with dates in the form
// 2024-12-18T10:30:00+01:00 for D:20241218103000+01'00'. id names the
// document in xmpMM:DocumentID and xmpMM:InstanceID. The PDF/UA
// identification schema is not one of PDF/A-2's predefined schemas, so a
// tagged document also describes it in a PDF/A extension schema.
func xmpPacket(in Info, id []byte, tagged bool) []byte {
	var b bytes.Buffer
	esc := func(s string) string {
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	date := in.Created.Format(time.RFC3339)
	uuid := xmpUUID(id)
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
	b.WriteString("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\"\n" +
		"  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n" +
		"  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n" +
		"  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n" +
		"  xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n" +
		"  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
	if tagged {
		b.WriteString("\n  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"")
	}
	b.WriteString(">\n<dc:format>application/pdf</dc:format>\n")
	if in.Title != "" {
		b.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(in.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if in.Subject != "" {
		b.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(in.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if in.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(in.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if in.Lang != "" {
		b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(in.Lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	}
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n")
	b.WriteString("<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	b.WriteString("<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	if in.Creator != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(in.Creator) + "</xmp:CreatorTool>\n")
	}
	if in.Producer != "" {
		b.WriteString("<pdf:Producer>" + esc(in.Producer) + "</pdf:Producer>\n")
	}
	b.WriteString("<xmpMM:DocumentID>" + uuid + "</xmpMM:DocumentID>\n")
	b.WriteString("<xmpMM:InstanceID>" + uuid + "</xmpMM:InstanceID>\n")
	b.WriteString("<pdfaid:part>" + pdfaPart + "</pdfaid:part>\n")
	b.WriteString("<pdfaid:conformance>" + pdfaConformance + "</pdfaid:conformance>\n")
	if tagged {
		b.WriteString("<pdfuaid:part>" + pdfuaPart + "</pdfuaid:part>\n")
	}
	b.WriteString("</rdf:Description>\n")
	if tagged {
		b.WriteString(pdfuaExtension)
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n")
	// Room to edit the metadata in place, as XMP writers leave it.
	for range 8 {
		b.WriteString("                                                                                \n")
	}
	b.WriteString("<?xpacket end=\"w\"?>")
	return b.Bytes()
}

// pdfuaExtension describes the PDF/UA identification schema as a PDF/A
// extension schema (ISO 19005-2, 6.6.2.3.3).
const pdfuaExtension = `<rdf:Description rdf:about=""
  xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
  xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
  xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`

// xmpUUID writes the first 16 bytes of id as a name-based UUID URN,
// uuid:xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx.
func xmpUUID(id []byte) string {
	u := make([]byte, 16)
	copy(u, id)
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	h := hex.EncodeToString(u)
	return "uuid:" + h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
