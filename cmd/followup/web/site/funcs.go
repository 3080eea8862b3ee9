package site

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"followup/cmd/followup/web/i18n"
	"followup/forms"
	"followup/storage"
)

// funcs are the functions every template may call.
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
			return i18n.ResponseCount(l, ResponseCount(n))
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

// ResponseCount is a round's progress counts as the domain's response
// count.
func ResponseCount(n storage.ProgressCounts) forms.ResponseCount {
	return forms.ResponseCount{Participants: n.Participants, Submitted: n.Submitted, Draft: n.Draft, Returned: n.Returned, NotStarted: n.NotStarted}
}
