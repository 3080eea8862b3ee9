package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
)

// Pages are one handler package's page templates: one template set per
// page, each made of the shared layout and partials (this package's
// templates/_*.html), the package's own partials and the page.
type Pages struct {
	site *Site
	sets map[string]*template.Template
}

// ParsePages builds a set for each named page from fsys's templates/*.html
// (files starting with "_" are the package's partials). It fails when a
// page is missing or broken, or when fsys holds a page not named, so that
// a handler cannot ask for a page that is not there.
func (s *Site) ParsePages(fsys fs.FS, names ...string) (*Pages, error) {
	shared, err := fs.Glob(templateFiles, "templates/_*.html")
	if err != nil {
		return nil, err
	}
	all, err := fs.Glob(fsys, "templates/*.html")
	if err != nil {
		return nil, err
	}
	var own []string
	found := map[string]string{}
	for _, p := range all {
		name := strings.TrimSuffix(path.Base(p), ".html")
		if strings.HasPrefix(name, "_") {
			own = append(own, p)
		} else {
			found[name] = p
		}
	}
	for name := range found {
		if !slices.Contains(names, name) {
			return nil, fmt.Errorf("template %s: a page no handler names", name)
		}
	}
	ps := &Pages{site: s, sets: map[string]*template.Template{}}
	for _, name := range names {
		p, ok := found[name]
		if !ok {
			return nil, fmt.Errorf("template %s: no such page", name)
		}
		t, err := template.New(name).Funcs(funcs()).ParseFS(templateFiles, shared...)
		if err == nil && len(own) > 0 {
			t, err = t.ParseFS(fsys, own...)
		}
		if err == nil {
			t, err = t.ParseFS(fsys, p)
		}
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		if t.Lookup("layout") == nil {
			return nil, fmt.Errorf("template %s: no layout", name)
		}
		ps.sets[name] = t
	}
	return ps, nil
}

// Page is what every page's template receives: the page's own data and the
// request's language, title and flash message. Render fills in the rest.
type Page struct {
	L     *i18n.Localizer
	Title string // already translated
	Data  any
	Flash string // a catalog key

	RequestID string
	Account   *Account
	Path      string
	// Next is where choosing a language returns to: the page itself, with
	// its query on office pages (a filtered matrix stays filtered).
	Next string
	// Offer offers English on a Swedish page to a browser that asks for
	// it; nil otherwise.
	Offer *LangOffer
}

// LangOffer is the visible choice of English, in English, with the choice
// to keep Swedish, in Swedish.
type LangOffer struct {
	Text, English, Swedish string
}

// Render executes a page into a buffer and only then writes it with the
// status, so that a template error becomes the error page (the returned
// error) rather than half a page.
func (ps *Pages) Render(c *gin.Context, status int, name string, p Page) error {
	b, err := ps.Bytes(c, name, p)
	if err != nil {
		return err
	}
	WriteHTML(c, status, b)
	return nil
}

// Bytes executes a page with the request's language and account.
func (ps *Pages) Bytes(c *gin.Context, name string, p Page) ([]byte, error) {
	if p.L == nil {
		p.L = ps.site.Localizer(c)
	}
	p.RequestID = RequestID(c)
	p.Path = c.Request.URL.Path
	p.Next = p.Path
	if c.Request.Method == http.MethodGet && strings.HasPrefix(p.Path, "/kontor") && c.Request.URL.RawQuery != "" {
		p.Next = c.Request.URL.RequestURI()
	}
	if p.L.OfferEnglish {
		en := ps.site.Catalog.For(i18n.English)
		p.Offer = &LangOffer{Text: en.T("lang.offer_text"), English: en.T("lang.offer_english"), Swedish: p.L.T("lang.offer_swedish")}
	}
	p.Account = AccountOf(c)
	return ps.execute(name, p)
}

// execute runs a page's template with p as it is.
func (ps *Pages) execute(name string, p Page) ([]byte, error) {
	t, ok := ps.sets[name]
	if !ok {
		return nil, fmt.Errorf("no page template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// WriteHTML writes a rendered page, kept out of caches.
func WriteHTML(c *gin.Context, status int, b []byte) {
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Header("Cache-Control", "no-store")
	c.Status(status)
	c.Writer.Write(b)
}

// Localizer returns the request's localizer: for pages the person's chosen
// language or Swedish, offering English to a browser that asks for it; for
// the JSON API the language the client asks for.
func (s *Site) Localizer(c *gin.Context) *i18n.Localizer {
	if isAPI(c) {
		return s.Catalog.For(i18n.ForAPI(c.Request))
	}
	l := s.Catalog.For(i18n.Choose(c.Request))
	if _, chosen := i18n.Chosen(c.Request); !chosen && i18n.PrefersEnglish(c.Request) {
		l.OfferEnglish = true
	}
	return l
}
