// Package pdfjoin writes several documents drawn by fpdf as one PDF.
//
// fpdf keeps every page of a document in memory until it writes the file,
// which for the largest round is about 200 MB. The report is therefore
// drawn in parts, each its own fpdf document, and a [Joiner] writes them
// out as each is finished: their pages go into one page tree, their
// fonts and resources stay their own, page contents are compressed with
// one reused compressor, and the outline of the whole document is written
// at the end. Page objects are numbered in advance, so a link can name a
// page of a part not yet drawn.
//
// The joined file is PDF 1.7 and identifies itself as PDF/A-2u (ISO
// 19005-2, level U) and, when it is tagged, as PDF/UA-1 (ISO 14289-1).
// The joiner writes what those ask of the file as a whole: the document
// information and XMP metadata from the same [Info] (xmp.go), an sRGB
// output intent with the ICC's profile embedded (intent.go, icc/), /Lang
// and /ViewerPreferences /DisplayDocTitle in the catalog, a trailer /ID
// that is a digest of the content, so that the same content and date give
// the same bytes, and a header comment of four bytes above 127. A tagged
// document's logical structure is a [Structure] (package pdftag builds
// it), which writes its objects through the joiner: entries for each page
// as the page is written, the elements complete after each part, and the
// structure tree root at the end. Those objects, hundreds of thousands of
// small dictionaries in the largest report, go into compressed object
// streams, and a file that has them ends with a cross-reference stream
// instead of a table (objstm.go).
//
// The joiner does not read PDF in general: it reads and rewrites exactly
// what fpdf writes, and was checked against the fpdf version named in
// version_test.go, whose test fails when go.mod moves to another. It
// relies on these properties of fpdf's output (Fpdf.Output), read in
// parse.go and rewritten or imitated in join.go, renumber.go, finish.go,
// outline.go and tounicode.go, and checked by TestFpdfOutput:
//
//   - The file starts with a header line such as "%PDF-1.3"; the joined
//     file is PDF 1.7 whatever it says, which is safe because fpdf writes
//     nothing that PDF 1.7 reads otherwise.
//   - Every object is written as "N 0 obj\n", its value and "\nendobj",
//     one after another with nothing in between, so that an object ends
//     where the next one in the file starts.
//   - The cross-reference table follows the last object as "\nxref\n"
//     with a single subsection from object 0, one entry per object in
//     order of number, every object in use; then "\ntrailer\n" with a
//     dictionary naming the catalog and the document information as
//     "/Root N 0 R" and "/Info N 0 R". The joiner drops the document
//     information and writes its own from [Info].
//   - A stream object is its dictionary, ">>\nstream\n", exactly /Length
//     bytes and "endstream". The report draws without compression
//     (SetCompression(false)), so each page's contents is a stream whose
//     dictionary is exactly "<</Length N>>"; the joiner compresses those
//     and copies other streams, such as fonts, as they are.
//   - Every UTF-8 font's /ToUnicode is a stream of exactly the character
//     map fpdfToUnicode, one range over the whole Basic Multilingual
//     Plane, which is not a valid range; the joiner writes a valid map of
//     the same codes once and points every font at it.
//   - The page tree is the object whose value starts with
//     "<</Type /Pages", with the default page size as "/MediaBox [...]",
//     which the joined page tree takes from the first part. Each page is
//     an object whose value starts with "<</Type /Page\n" and ends with
//     ">>", before which a Structure's entries for the page go, and pages
//     come in the file in page order. A tagged document draws no links
//     with fpdf, so that its pages have no /Annots but the structure's.
//   - Outside streams, "N 0 R" is always a reference to an object of the
//     same part. The joiner renumbers every one, including the catalog's
//     /OpenAction to the first page.
//   - A link to a page of the document is written "/Dest [N 0 R" with N =
//     1 + 2 × page, the number fpdf would give that page's object, for
//     whatever page the link was set to, even one the part does not have.
//     The joiner points such links at those pages' objects in the joined
//     file.
//   - The catalog is a dictionary ending in ">>" with no /Outlines,
//     /Lang, /Metadata, /OutputIntents, /MarkInfo, /StructTreeRoot or
//     /ViewerPreferences of its own (the report adds no bookmarks to fpdf
//     and sets no language in it); the joiner adds those. It writes the
//     outline as fpdf would ("/Outlines N 0 R\n/PageMode /UseOutlines"),
//     with the entries in fpdf's form: UTF-16BE titles with a byte order
//     mark and fpdf's escapes, "/Dest [N 0 R /XYZ 0 top null]" with top to
//     two decimals, all entries closed.
//
// The joined file's objects are the catalog, the page tree, the document
// information and the outline root, then the pages ([FirstPageObject]
// on), then every other object numbered in the order it is written.
package pdfjoin
