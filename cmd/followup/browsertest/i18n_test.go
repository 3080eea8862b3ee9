package browsertest

import (
	"strings"
	"testing"
)

// TestLanguageSwitch chooses the language with the keyboard through the
// header's form and checks that the page comes back in that language, on the
// same path, with html[lang] and the button's own lang set.
func TestLanguageSwitch(t *testing.T) {
	e := newEnv(t)
	tb := e.newTab(t)
	tb.setLang("sv")
	path := e.link(deptSocial)
	tb.open(path)
	for _, c := range []struct{ from, to, button, buttonLang, title string }{
		{"sv", "en", "English", "en", "Follow-up"},
		{"en", "sv", "Svenska", "sv", "Uppföljning"},
	} {
		if got := evalJS[string](tb, `document.documentElement.lang`); got != c.from {
			t.Fatalf("before switching, html[lang] is %q, want %q", got, c.from)
		}
		tb.focusTop()
		tb.tabUntil(`form[action="/sprak"] button`, 6)
		if a := tb.active(); a.Text != c.button {
			t.Fatalf("the language button says %q, want %q", a.Text, c.button)
		}
		if l := evalJS[string](tb, `document.activeElement.lang`); l != c.buttonLang {
			t.Errorf("the button %q has lang %q, want %q", c.button, l, c.buttonLang)
		}
		tb.navigating("switch the language", enterKey())
		if got := evalJS[string](tb, `document.documentElement.lang`); got != c.to {
			t.Fatalf("after switching, html[lang] is %q, want %q", got, c.to)
		}
		if loc := tb.location(); !strings.HasSuffix(strings.SplitN(loc, "?", 2)[0], path) {
			t.Errorf("after switching the page is %s, want %s", loc, path)
		}
		if title := evalJS[string](tb, `document.title`); !strings.HasSuffix(title, c.title) {
			t.Errorf("after switching the title is %q, want it to end with %q", title, c.title)
		}
	}
}
