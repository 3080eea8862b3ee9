package webtest

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Elements are found by a tag name ("" for any) and attribute conditions:
// "name=value" (equal), "name~=word" (one of the space-separated words),
// "name^=prefix", or "name" (present).

// Parse parses a page.
func Parse(t testing.TB, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	return doc
}

type cond struct {
	name, op, value string
}

func parseConds(conds []string) []cond {
	var out []cond
	for _, c := range conds {
		switch {
		case strings.Contains(c, "~="):
			k, v, _ := strings.Cut(c, "~=")
			out = append(out, cond{k, "~=", v})
		case strings.Contains(c, "^="):
			k, v, _ := strings.Cut(c, "^=")
			out = append(out, cond{k, "^=", v})
		case strings.Contains(c, "="):
			k, v, _ := strings.Cut(c, "=")
			out = append(out, cond{k, "=", v})
		default:
			out = append(out, cond{c, "", ""})
		}
	}
	return out
}

// Matches reports whether an element has the tag ("" for any) and meets
// the conditions.
func Matches(n *html.Node, tag string, conds ...string) bool {
	return matches(n, tag, parseConds(conds))
}

func matches(n *html.Node, tag string, conds []cond) bool {
	if n.Type != html.ElementNode || (tag != "" && n.Data != tag) {
		return false
	}
	for _, c := range conds {
		v, ok := LookupAttr(n, c.name)
		switch {
		case !ok:
			return false
		case c.op == "=" && v != c.value:
			return false
		case c.op == "~=" && !containsWord(v, c.value):
			return false
		case c.op == "^=" && !strings.HasPrefix(v, c.value):
			return false
		}
	}
	return true
}

func containsWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if w == word {
			return true
		}
	}
	return false
}

// FindAll returns the elements under n (n included) that match, in
// document order.
func FindAll(n *html.Node, tag string, conds ...string) []*html.Node {
	cs := parseConds(conds)
	return FindFunc(n, func(n *html.Node) bool { return matches(n, tag, cs) })
}

// FindFunc returns the elements under n (n included) for which match is
// true, in document order.
func FindFunc(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// FindOne returns the only element that matches, failing the test when
// there is none or more than one.
func FindOne(t testing.TB, n *html.Node, tag string, conds ...string) *html.Node {
	t.Helper()
	all := FindAll(n, tag, conds...)
	if len(all) != 1 {
		t.Fatalf("found %d elements <%s %s>, want 1", len(all), tag, strings.Join(conds, " "))
	}
	return all[0]
}

// First returns the first element that matches, failing the test when
// there is none.
func First(t testing.TB, n *html.Node, tag string, conds ...string) *html.Node {
	t.Helper()
	all := FindAll(n, tag, conds...)
	if len(all) == 0 {
		t.Fatalf("found no element <%s %s>", tag, strings.Join(conds, " "))
	}
	return all[0]
}

// FindNone fails the test if an element matches.
func FindNone(t testing.TB, n *html.Node, tag string, conds ...string) {
	t.Helper()
	if all := FindAll(n, tag, conds...); len(all) != 0 {
		t.Errorf("found %d elements <%s %s>, want none", len(all), tag, strings.Join(conds, " "))
	}
}

// ByID returns the element with the id, failing the test unless there is
// exactly one.
func ByID(t testing.TB, n *html.Node, id string) *html.Node {
	t.Helper()
	return FindOne(t, n, "", "id="+id)
}

// LookupAttr returns an element's attribute and whether it has it.
func LookupAttr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// Attr returns an element's attribute, "" when it has none.
func Attr(n *html.Node, name string) string {
	v, _ := LookupAttr(n, name)
	return v
}

// HasAttr reports whether an element has the attribute.
func HasAttr(n *html.Node, name string) bool {
	_, ok := LookupAttr(n, name)
	return ok
}

// textNodes lists the text under n, node by node, as the parser decoded it.
func textNodes(n *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			out = append(out, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// RawText is the concatenated text under n, as the parser decoded it.
func RawText(n *html.Node) string { return strings.Join(textNodes(n), "") }

// Text is the text under n with white space collapsed.
func Text(n *html.Node) string {
	return strings.Join(strings.Fields(RawText(n)), " ")
}

// Words is the text under n with a space between its text nodes, as a
// screen reader reads separate elements, white space collapsed.
func Words(n *html.Node) string {
	return strings.Join(strings.Fields(strings.Join(textNodes(n), " ")), " ")
}

// Texts is the Text of each element.
func Texts(ns []*html.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, Text(n))
	}
	return out
}

// Ancestor returns the closest ancestor of n with the tag, or nil.
func Ancestor(n *html.Node, tag string) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == tag {
			return p
		}
	}
	return nil
}

// Before reports whether a comes before b in document order.
func Before(root, a, b *html.Node) bool {
	pos := map[*html.Node]int{}
	i := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		pos[n] = i
		i++
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return pos[a] < pos[b]
}

// Title is the text of the page's <title>.
func Title(t testing.TB, doc *html.Node) string {
	t.Helper()
	return Text(FindOne(t, doc, "title"))
}

var requestIDPattern = regexp.MustCompile(`[0-9a-f]{16}`)

// WithoutRequestID blanks the request ids in a page.
func WithoutRequestID(s string) string {
	return requestIDPattern.ReplaceAllString(s, "REQUEST-ID")
}
