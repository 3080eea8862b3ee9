package web

import (
	"fmt"
	"net/http"
	"strings"
)

// Lang is a language the interface speaks.
type Lang string

// Swedish is the default; English is offered to everyone.
const (
	Swedish Lang = "sv"
	English Lang = "en"
)

// text is one message in both languages.
type text struct{ sv, en string }

// Catalog is the one message catalog of the interface: every text a page or
// message shows, in Swedish and English, by key. Plan content (activities,
// narratives) is not in it; it stays as the office wrote it.
type Catalog struct {
	texts map[string]text
}

// NewCatalog gathers the messages of every part of the interface.
func NewCatalog() *Catalog {
	c := &Catalog{texts: map[string]text{}}
	for _, part := range []map[string]text{commonTexts(), errorTexts(), questionnaireTexts(), officeTexts(),
		officeDepartmentTexts(), officePlanTexts(), officeRoundTexts(), officeConsolidationTexts(), officeReportTexts(), apiTexts()} {
		for k, v := range part {
			if _, dup := c.texts[k]; dup {
				panic("catalog: duplicate key " + k)
			}
			c.texts[k] = v
		}
	}
	return c
}

// Localizer translates for one request's language; templates call T.
type Localizer struct {
	Lang    Lang
	catalog *Catalog
	// OfferEnglish is true on a Swedish page for a browser that asks for
	// English and a person who has not chosen a language yet: the page
	// offers English visibly instead of switching unasked.
	OfferEnglish bool
}

// For returns a localizer for the language.
func (c *Catalog) For(lang Lang) *Localizer { return &Localizer{Lang: lang, catalog: c} }

// Has reports whether the key exists.
func (c *Catalog) Has(key string) bool { _, ok := c.texts[key]; return ok }

// T returns the message for key, formatted with args (fmt verbs). A missing
// key shows itself, so it is seen and fixed; a test keeps it from shipping.
func (l *Localizer) T(key string, args ...any) string {
	t, ok := l.catalog.texts[key]
	if !ok {
		return key
	}
	s := t.sv
	if l.Lang == English {
		s = t.en
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// langCookie remembers the person's choice of language.
const langCookie = "followup_lang"

// chooseLang picks the language of a page: the person's remembered choice,
// else Swedish. A browser's Accept-Language does not switch the interface
// unasked (see prefersEnglish).
func chooseLang(r *http.Request) Lang {
	if lang, ok := chosenLang(r); ok {
		return lang
	}
	return Swedish
}

// chosenLang returns the language the person chose, remembered in a cookie.
func chosenLang(r *http.Request) (Lang, bool) {
	if c, err := r.Cookie(langCookie); err == nil {
		switch Lang(c.Value) {
		case Swedish, English:
			return Lang(c.Value), true
		}
	}
	return "", false
}

// prefersEnglish reports whether the browser's Accept-Language names English
// before any Scandinavian language.
func prefersEnglish(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "sv"), strings.HasPrefix(tag, "nb"), strings.HasPrefix(tag, "nn"), strings.HasPrefix(tag, "da"):
			return false
		case strings.HasPrefix(tag, "en"):
			return true
		}
	}
	return false
}

// apiLang picks the language of the JSON API's messages: a program says
// which it wants in Accept-Language, a browser session may have chosen one.
func apiLang(r *http.Request) Lang {
	if lang, ok := chosenLang(r); ok {
		return lang
	}
	if prefersEnglish(r) {
		return English
	}
	return Swedish
}
