package web_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"followup/cmd/followup/web/webtest"

	"golang.org/x/net/html"
)

// TestLanguageRule: the interface is Swedish unless the person chooses
// English, and the choice is remembered; a browser that asks for English
// gets a Swedish page with a visible choice of English, in English.
func TestLanguageRule(t *testing.T) {
	f := webtest.New(t)
	open := func(t *testing.T, c *http.Client, path, accept string) *html.Node {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, f.URL+path, nil)
		if accept != "" {
			req.Header.Set("Accept-Language", accept)
		}
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return webtest.Parse(t, string(b))
	}
	lang := func(doc *html.Node) string {
		v, _ := webtest.LookupAttr(webtest.FindAll(doc, "html")[0], "lang")
		return v
	}
	offer := func(doc *html.Node) *html.Node {
		o := webtest.FindAll(doc, "div", "class=lang-offer")
		if len(o) == 0 {
			return nil
		}
		return o[0]
	}
	path := "/kontor/omgangar?sida=1"

	t.Run("EnglishBrowserGetsSwedishWithAVisibleChoice", func(t *testing.T) {
		doc := open(t, f.Admin, path, "en-GB,en;q=0.9,sv;q=0.5")
		if got := lang(doc); got != "sv" {
			t.Fatalf("html lang %q, want sv", got)
		}
		o := offer(doc)
		if o == nil {
			t.Fatal("no choice of English offered")
		}
		if l, _ := webtest.LookupAttr(o, "lang"); l != "en" {
			t.Errorf("the offer's lang is %q, want en", l)
		}
		buttons := webtest.FindAll(o, "button", "name=lang", "value=en")
		if len(buttons) != 1 || webtest.Text(buttons[0]) != "In English" {
			t.Fatalf("the offer has no button “In English”")
		}
		if next := webtest.FindAll(o, "input", "name=next"); len(next) != 1 {
			t.Error("the offer does not return to the page")
		} else if v, _ := webtest.LookupAttr(next[0], "value"); v != path {
			t.Errorf("the offer returns to %q, want %q", v, path)
		}
	})
	t.Run("SwedishBrowserIsNotOffered", func(t *testing.T) {
		if o := offer(open(t, f.Admin, path, "sv-SE,sv;q=0.9,en;q=0.8")); o != nil {
			t.Error("a Swedish browser is offered English")
		}
		if o := offer(open(t, f.Admin, path, "")); o != nil {
			t.Error("a browser without Accept-Language is offered English")
		}
	})
	t.Run("ChoosingEnglishIsRemembered", func(t *testing.T) {
		c := f.NewClient()
		jarFrom(f, f.Admin, c)
		res, err := c.PostForm(f.URL+"/sprak", url.Values{"lang": {"en"}, "next": {path}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path {
			t.Fatalf("got %d %q, want 303 back to the page", res.StatusCode, res.Header.Get("Location"))
		}
		for _, accept := range []string{"en", "sv", ""} {
			doc := open(t, c, path, accept)
			if got := lang(doc); got != "en" {
				t.Errorf("Accept-Language %q: html lang %q, want the chosen en", accept, got)
			}
			if offer(doc) != nil {
				t.Errorf("Accept-Language %q: English is offered again after it was chosen", accept)
			}
		}
	})
	t.Run("KeepingSwedishIsRemembered", func(t *testing.T) {
		c := f.NewClient()
		jarFrom(f, f.Admin, c)
		res, err := c.PostForm(f.URL+"/sprak", url.Values{"lang": {"sv"}, "next": {path}})
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		doc := open(t, c, path, "en")
		if got := lang(doc); got != "sv" || offer(doc) != nil {
			t.Errorf("html lang %q, offer %v: want Swedish without the offer once Swedish is chosen", got, offer(doc) != nil)
		}
	})
	t.Run("APIStillFollowsAcceptLanguage", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, f.URL+"/api/v1/rounds/999999", nil)
		req.Header.Set("Accept-Language", "en")
		res, err := f.Admin.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if !strings.Contains(string(b), "does not exist") {
			t.Errorf("the API did not answer in English to a client asking for it: %s", b)
		}
	})
}

// jarFrom copies a client's cookies (its session) into another client.
func jarFrom(f *webtest.Fixture, from, to *http.Client) {
	u, _ := url.Parse(f.URL)
	to.Jar.SetCookies(u, from.Jar.Cookies(u))
}
