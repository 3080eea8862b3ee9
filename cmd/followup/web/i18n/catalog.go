// Package i18n is the interface's one message catalog and the choice of its
// language. Every text a page, an API error or a form message shows is here,
// in Swedish and English, by key; the words the pages share with the
// workbook and the PDF come from the domain's vocabulary (forms.Words), so
// one thing has one name everywhere. A message that counts something has a
// singular form, which N picks.
//
// Plan content (activities, narratives) is not in the catalog: it stays as
// the office wrote it. The package knows nothing of Gin; the language of a
// request is read from its *http.Request.
package i18n

import (
	"fmt"
	"slices"
	"strings"

	"followup/forms"
)

// text is one message in both languages.
type text struct{ sv, en string }

// singular is the suffix of the key of a message's singular form: the
// catalog holds "count.drafts" ("%d utkast", "%d drafts") and
// "count.drafts_one" ("%d utkast", "%d draft"). Swedish and English both
// use the singular for exactly one.
const singular = "_one"

// Catalog holds every text of the interface by key.
type Catalog struct {
	texts map[string]text
}

// NewCatalog gathers the messages of every part of the interface and the
// domain's shared words. A key defined twice is a programming error.
func NewCatalog() *Catalog {
	c := &Catalog{texts: map[string]text{}}
	add := func(k string, v text) {
		if _, dup := c.texts[k]; dup {
			panic("i18n: duplicate key " + k)
		}
		c.texts[k] = v
	}
	for _, part := range []map[string]text{commonTexts(), errorTexts(), questionnaireTexts(), officeTexts(),
		officeDepartmentTexts(), officePlanTexts(), officeRoundTexts(), officeConsolidationTexts(), officeAuditTexts(), officeAccountTexts(), officeReportTexts(), apiTexts()} {
		for k, v := range part {
			add(k, v)
		}
	}
	for _, w := range forms.Words() {
		add(w.Key, text{sv: w.SV, en: w.EN})
	}
	return c
}

// For returns a localizer for the language.
func (c *Catalog) For(lang Lang) *Localizer { return &Localizer{Lang: lang, catalog: c} }

// Has reports whether the key exists.
func (c *Catalog) Has(key string) bool { _, ok := c.texts[key]; return ok }

// Keys lists every key in order, for the tests that read the whole catalog.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.texts))
	for k := range c.texts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Text returns a key's Swedish and English texts.
func (c *Catalog) Text(key string) (sv, en string, ok bool) {
	t, ok := c.texts[key]
	return t.sv, t.en, ok
}

// Plural reports whether a key has a singular form, so that it must be
// asked for with N.
func (c *Catalog) Plural(key string) bool { return c.Has(key + singular) }

// Localizer translates for one request's language; templates call T and N.
type Localizer struct {
	Lang    Lang
	catalog *Catalog
	// OfferEnglish is true on a Swedish page for a browser that asks for
	// English and a person who has not chosen a language yet: the page
	// offers English visibly instead of switching unasked.
	OfferEnglish bool
}

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

// N returns the message for key in the form that agrees with n: its
// singular form when n is 1 and it has one. It is formatted with args, or
// with n alone when no args are given and the message takes one:
// N("count.drafts", 1) is "1 draft", N("count.not_counted", 1) "does not
// count".
func (l *Localizer) N(key string, n int, args ...any) string {
	if n == 1 && l.catalog.Has(key+singular) {
		key += singular
	}
	if len(args) == 0 && strings.Contains(l.T(key), "%") {
		args = []any{n}
	}
	return l.T(key, args...)
}

// Has reports whether the key exists, for texts built from data (an audit
// action the catalog may not know).
func (l *Localizer) Has(key string) bool { return l.catalog.Has(key) }

// Digits writes a number with its thousands grouped as the language does:
// "20 000" in Swedish (with a no-break space), "20,000" in English.
func (l *Localizer) Digits(n int) string {
	if l.Lang == English {
		return thousands(n, ",")
	}
	return thousands(n, "\u00a0")
}

// thousands groups a number's digits by three with sep.
func thousands(n int, sep string) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && r != '-' && s[i-1] != '-' {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}
