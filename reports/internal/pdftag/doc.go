// Package pdftag records the logical structure of a document drawn with
// fpdf and writes it as the structure tree of a tagged PDF (ISO 32000-1,
// 14.7 and 14.8), as PDF/UA-1 (ISO 14289-1) asks of an accessible file.
//
// fpdf has no tagging of its own. While a document is drawn, its code
// opens and closes structure elements in reading order ([Tree.Open],
// [Tree.Close]). Before it draws anything on a page it asks the tree for
// the marked-content operators that tie what follows to the current
// element ([Tree.Begin]) or mark it as an artifact, such as a running
// header or a rule ([Tree.BeginArtifact]), and writes them into the page
// with fpdf's RawWriteStr; [Tree.End] closes the open sequence, and must
// be called before the drawing moves to another page. Each sequence of an
// element gets the next marked-content identifier (MCID) of its page, so
// an element whose content runs over several pages, such as a table or a
// long paragraph, stays one element with content on each.
//
// A [Tree] is the pdfjoin.Structure of the joined file. As the joiner
// writes each page, the tree writes the page's entry of the parent tree
// (which element each MCID belongs to), the page's link annotations and
// the page's /StructParents and /Tabs /S; after each part it writes the
// elements that are closed, whose pages are then all written; at the end
// it writes the rest, the structure tree root and the parent tree. A long
// document therefore holds in memory only its open elements and those of
// the part being drawn. Object numbers are given to elements when first
// needed, by the joiner, so the tree needs no numbering of its own.
//
// Elements use only the standard structure types of PDF 1.7 ([Role]), so
// no role map is needed.
package pdftag
