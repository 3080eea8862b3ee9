package i18n

import (
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

// Cookie remembers the person's choice of language.
const Cookie = "followup_lang"

// Choose picks the language of a page: the person's remembered choice,
// else Swedish. A browser's Accept-Language does not switch the interface
// unasked (see PrefersEnglish).
func Choose(r *http.Request) Lang {
	if lang, ok := Chosen(r); ok {
		return lang
	}
	return Swedish
}

// Chosen returns the language the person chose, remembered in a cookie.
func Chosen(r *http.Request) (Lang, bool) {
	if c, err := r.Cookie(Cookie); err == nil {
		switch Lang(c.Value) {
		case Swedish, English:
			return Lang(c.Value), true
		}
	}
	return "", false
}

// PrefersEnglish reports whether the browser's Accept-Language names English
// before any Scandinavian language.
func PrefersEnglish(r *http.Request) bool {
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

// ForAPI picks the language of the JSON API's messages: a program says
// which it wants in Accept-Language, a browser session may have chosen one.
func ForAPI(r *http.Request) Lang {
	if lang, ok := Chosen(r); ok {
		return lang
	}
	if PrefersEnglish(r) {
		return English
	}
	return Swedish
}

// Parse reads a language a form posted; anything unknown is Swedish.
func Parse(s string) Lang {
	if Lang(s) == English {
		return English
	}
	return Swedish
}

// Remember keeps the person's choice of language for a year.
func Remember(w http.ResponseWriter, lang Lang, secure bool) {
	http.SetCookie(w, &http.Cookie{Name: Cookie, Value: string(lang), Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: secure})
}
