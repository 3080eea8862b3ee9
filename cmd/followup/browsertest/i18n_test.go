package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
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

// TestEnglishOffered opens the service in a browser that asks for English
// and has not chosen a language: the page is Swedish, with a visible choice
// "In English" that passes axe, is reached by keyboard and, once chosen, is
// remembered.
func TestEnglishOffered(t *testing.T) {
	e := newEnv(t)
	tb := e.newTab(t)
	if _, err := chromedp.Call(tb.ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{
		Headers: network.Headers{"Accept-Language": "en-GB,en;q=0.9"}}); err != nil {
		t.Fatalf("ask for English: %v", err)
	}
	tb.open("/logga-in")
	if got := evalJS[string](tb, `document.documentElement.lang`); got != "sv" {
		t.Fatalf("html[lang] is %q, want sv until English is chosen", got)
	}
	if !evalJS[bool](tb, `(() => { const b = document.querySelector('.lang-offer button[value=en]'); if (!b) return false;
		const r = b.getBoundingClientRect(); return r.width > 10 && r.height > 10 && r.top >= 0 && r.top < innerHeight && b.textContent.trim() === "In English"; })()`) {
		t.Fatal("no visible button “In English” at the top of the page")
	}
	if got := evalJS[string](tb, `document.querySelector('.lang-offer').lang`); got != "en" {
		t.Errorf("the offer's lang is %q, want en", got)
	}
	for _, v := range tb.axe() {
		t.Errorf("axe: %s", v)
	}
	tb.screenshot(t.TempDir(), "english-offered-1280")
	tb.focusTop()
	tb.tabUntil(`.lang-offer button[value=en]`, 12)
	tb.navigating("choose English", enterKey())
	if got := evalJS[string](tb, `document.documentElement.lang`); got != "en" {
		t.Fatalf("after choosing, html[lang] is %q, want en", got)
	}
	if !strings.HasSuffix(strings.SplitN(tb.location(), "?", 2)[0], "/logga-in") {
		t.Errorf("after choosing, the page is %s", tb.location())
	}
	tb.open("/")
	if got := evalJS[string](tb, `document.documentElement.lang`); got != "en" || tb.exists(".lang-offer") {
		t.Errorf("on the next page html[lang] is %q and the offer shown %t: the choice is not remembered", got, tb.exists(".lang-offer"))
	}
}
