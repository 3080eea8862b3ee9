package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/forms"
	"followup/storage"
)

// pageTemplate is one page's template set: the layout and its partials with
// the page's own blocks.
type pageTemplate struct {
	t *template.Template
}

// parsePages builds one template set per page file (every templates/*.html
// that is not a layout or partial, whose names start with "_").
func parsePages(fsys fs.FS) (map[string]*pageTemplate, error) {
	shared, err := fs.Glob(fsys, "templates/_*.html")
	if err != nil {
		return nil, err
	}
	pages, err := fs.Glob(fsys, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*pageTemplate{}
	for _, p := range pages {
		name := strings.TrimSuffix(path.Base(p), ".html")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t, err := template.New(name).Funcs(funcs()).ParseFS(fsys, append(append([]string{}, shared...), p)...)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		if t.Lookup("layout") == nil {
			return nil, fmt.Errorf("template %s: no layout", name)
		}
		out[name] = &pageTemplate{t: t}
	}
	return out, nil
}

func funcs() template.FuncMap {
	return template.FuncMap{
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format(forms.DateLayout)
		},
		"datetime": func(t time.Time, loc *time.Location) string {
			if t.IsZero() {
				return ""
			}
			return t.In(loc).Format("2006-01-02 15:04")
		},
		"field":     func(prefix string, id int64) string { return fmt.Sprintf("%s-%d", prefix, id) },
		"add":       func(a, b int) int { return a + b },
		"hasPrefix": strings.HasPrefix,
		// contentLang marks the plan's own texts, written in Swedish by the
		// office, as Swedish on a page in another language (WCAG 3.1.2).
		"contentLang": func(l *i18n.Localizer) template.HTMLAttr {
			if l == nil || l.Lang == i18n.Swedish {
				return ""
			}
			return `lang="sv"`
		},
		"pct": func(f float64) string { return fmt.Sprintf("%.0f %%", f*100) },
		// responseCount states a round's progress counts with the counting
		// rule, in the page's language.
		"responseCount": func(l *i18n.Localizer, n storage.ProgressCounts) string {
			return i18n.ResponseCount(l, progressCount(n))
		},
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m
		},
	}
}

// page is what every page's template receives: the page's own data and the
// request's language, title and flash message.
type page struct {
	L         *i18n.Localizer
	Title     string // already translated
	Data      any
	Flash     string // a catalog key
	RequestID string
	Account   *Account
	Path      string
	// Next is where choosing a language returns to: the page itself, with
	// its query on office pages (a filtered matrix stays filtered).
	Next string
	// Offer offers English on a Swedish page to a browser that asks for
	// it; nil otherwise.
	Offer *langOffer
}

// langOffer is the visible choice of English, in English, with the choice
// to keep Swedish, in Swedish.
type langOffer struct {
	Text, English, Swedish string
}

// render executes a page into a buffer and only then writes it, so a
// template error becomes an error page rather than half a page.
func (s *Server) render(c *gin.Context, status int, name string, p page) {
	b, err := s.renderBytes(c, name, p)
	if err != nil {
		s.fail(c, err)
		return
	}
	writeHTML(c, status, b)
}

// renderBytes executes a page with the request's language and account.
func (s *Server) renderBytes(c *gin.Context, name string, p page) ([]byte, error) {
	pt, ok := s.pages[name]
	if !ok {
		return nil, fmt.Errorf("no page template %q", name)
	}
	if p.L == nil {
		p.L = s.localizer(c)
	}
	p.RequestID = c.GetString(requestIDKey)
	p.Path = c.Request.URL.Path
	p.Next = p.Path
	if c.Request.Method == http.MethodGet && strings.HasPrefix(p.Path, "/kontor") && c.Request.URL.RawQuery != "" {
		p.Next = c.Request.URL.RequestURI()
	}
	if p.L.OfferEnglish {
		en := s.catalog.For(i18n.English)
		p.Offer = &langOffer{Text: en.T("lang.offer_text"), English: en.T("lang.offer_english"), Swedish: p.L.T("lang.offer_swedish")}
	}
	if a, ok := c.Get(accountKey); ok {
		p.Account = a.(*Account)
	}
	var buf bytes.Buffer
	if err := pt.t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

func writeHTML(c *gin.Context, status int, b []byte) {
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Header("Cache-Control", "no-store")
	c.Status(status)
	c.Writer.Write(b)
}

// localizer returns the request's localizer: for pages the person's chosen
// language or Swedish, offering English to a browser that asks for it; for
// the JSON API the language the client asks for.
func (s *Server) localizer(c *gin.Context) *i18n.Localizer {
	if wantsJSON(c) {
		return s.catalog.For(i18n.ForAPI(c.Request))
	}
	l := s.catalog.For(i18n.Choose(c.Request))
	if _, chosen := i18n.Chosen(c.Request); !chosen && i18n.PrefersEnglish(c.Request) {
		l.OfferEnglish = true
	}
	return l
}

// fail logs an internal error with the request id and shows the error page.
func (s *Server) fail(c *gin.Context, err error) {
	s.Logger.Error("request failed", "request_id", c.GetString(requestIDKey), "route", c.FullPath(), "err", err)
	s.errorPage(c, &forms.Error{Code: forms.EINTERNAL})
}

// errorPage shows the plain page for an error of the domain's vocabulary.
// Internal errors never show their details.
func (s *Server) errorPage(c *gin.Context, err error) {
	status, key := statusOf(err)
	if status == http.StatusInternalServerError {
		if e, ok := err.(*forms.Error); !ok || e.Code != forms.EINTERNAL {
			s.Logger.Error("request failed", "request_id", c.GetString(requestIDKey), "route", c.FullPath(), "err", err)
		}
	}
	if wantsJSON(c) {
		s.writeJSONError(c, err)
		return
	}
	l := s.localizer(c)
	pt := s.pages["error"]
	var buf bytes.Buffer
	p := page{L: l, Title: l.T("error.page_title"), Data: map[string]any{"Message": l.T(key), "Status": status}, RequestID: c.GetString(requestIDKey)}
	if pt == nil || pt.t.ExecuteTemplate(&buf, "layout", p) != nil {
		c.Data(status, "text/plain; charset=utf-8", []byte(l.T(key)))
		c.Abort()
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
	c.Abort()
}

func wantsJSON(c *gin.Context) bool {
	return strings.HasPrefix(c.Request.URL.Path, "/api/")
}

// progressCount is a round's progress counts as the domain's response count.
func progressCount(n storage.ProgressCounts) forms.ResponseCount {
	return forms.ResponseCount{Participants: n.Participants, Submitted: n.Submitted, Draft: n.Draft, Returned: n.Returned, NotStarted: n.NotStarted}
}
