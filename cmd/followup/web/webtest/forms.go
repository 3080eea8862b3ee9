package webtest

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"followup/forms"
)

// FormValues collects what a browser would send for a form without changing
// it, leaving out its buttons: text inputs, checked boxes and radios
// ("on" when they have no value), textareas and selected options.
func FormValues(form *html.Node) url.Values {
	v := url.Values{}
	for _, in := range FindFunc(form, func(n *html.Node) bool { return n.Data == "input" || n.Data == "textarea" || n.Data == "select" }) {
		name := Attr(in, "name")
		typ := Attr(in, "type")
		switch {
		case name == "", typ == "submit", typ == "button":
		case in.Data == "textarea":
			v.Add(name, RawText(in))
		case in.Data == "select":
			for _, o := range FindAll(in, "option", "selected") {
				v.Add(name, Attr(o, "value"))
			}
		case typ == "radio" || typ == "checkbox":
			if HasAttr(in, "checked") {
				val, ok := LookupAttr(in, "value")
				if !ok {
					val = "on"
				}
				v.Add(name, val)
			}
		default:
			v.Add(name, Attr(in, "value"))
		}
	}
	return v
}

// FormByID returns the values of the form with the id.
func FormByID(t testing.TB, doc *html.Node, id string) url.Values {
	t.Helper()
	return FormValues(FindOne(t, doc, "form", "id="+id))
}

// FormByAction returns the values of the first form posting to action that
// has a field named field ("" for any).
func FormByAction(t testing.TB, doc *html.Node, action, field string) url.Values {
	t.Helper()
	for _, f := range FindAll(doc, "form", "action="+action) {
		if field == "" || len(FindAll(f, "", "name="+field)) > 0 {
			return FormValues(f)
		}
	}
	t.Fatalf("no form posting to %q with a field %q", action, field)
	return nil
}

// PostActions lists the actions of a page's forms that post.
func PostActions(doc *html.Node) []string {
	var out []string
	for _, f := range FindAll(doc, "form") {
		if strings.EqualFold(Attr(f, "method"), "post") {
			out = append(out, Attr(f, "action"))
		}
	}
	return out
}

// CheckedStatus returns the value of the checked radio of a questionnaire's
// status group, "" when none is checked.
func CheckedStatus(t testing.TB, doc *html.Node, activityID int64) string {
	t.Helper()
	checked := FindAll(doc, "input", "type=radio", "name="+forms.StatusField(activityID), "checked")
	if len(checked) > 1 {
		t.Fatalf("%d radios checked for activity %d", len(checked), activityID)
	}
	if len(checked) == 0 {
		return ""
	}
	return Attr(checked[0], "value")
}

// TextareaValue returns the text of the textarea with the name.
func TextareaValue(t testing.TB, doc *html.Node, name string) string {
	t.Helper()
	return RawText(FindOne(t, doc, "textarea", "name="+name))
}

// InputValue returns the value of the input with the name.
func InputValue(t testing.TB, doc *html.Node, name string) string {
	t.Helper()
	return Attr(FindOne(t, doc, "input", "name="+name), "value")
}

// ErrorSummaryLinks returns the targets of the error summary's links.
func ErrorSummaryLinks(t testing.TB, doc *html.Node) []string {
	t.Helper()
	var out []string
	for _, a := range FindAll(FindOne(t, doc, "div", "role=alert"), "a") {
		out = append(out, Attr(a, "href"))
	}
	return out
}

// NoticeText returns the text of the notice on top of the questionnaire.
func NoticeText(t testing.TB, doc *html.Node) string {
	t.Helper()
	return Text(FindOne(t, doc, "div", "class~=notice", "id=status"))
}
