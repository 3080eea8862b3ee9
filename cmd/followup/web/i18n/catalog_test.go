package i18n_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"followup/cmd/followup/web/i18n"
	"followup/forms"
)

// The catalog must hold every key that a template or the Go code asks for,
// in both languages: a missing key shows itself on the page ("nav.rounds")
// instead of a text.

// TestCatalogTextsInBothLanguages checks that no text is empty in either
// language, and that both take the same arguments.
func TestCatalogTextsInBothLanguages(t *testing.T) {
	c := i18n.NewCatalog()
	for _, k := range c.Keys() {
		sv, en, _ := c.Text(k)
		if strings.TrimSpace(sv) == "" {
			t.Errorf("catalog key %q has no Swedish text", k)
		}
		if strings.TrimSpace(en) == "" {
			t.Errorf("catalog key %q has no English text", k)
		}
		if strings.Count(sv, "%") != strings.Count(en, "%") {
			t.Errorf("catalog key %q: the Swedish and English texts take different arguments: %q, %q", k, sv, en)
		}
	}
}

// Keys built at run time from a prefix and one of the domain's values.
func enumeratedKeys() map[string][]string {
	m := map[string][]string{
		"round.kind.":  {string(forms.RoundInterim), string(forms.RoundAnnual)},
		"round.state.": {string(forms.RoundDraft), string(forms.RoundOpen), string(forms.RoundClosed)},
		"error.code.":  forms.ErrorCodes(),
	}
	for _, k := range forms.TextKinds() {
		m["report.text."] = append(m["report.text."], string(k))
	}
	for _, s := range forms.ResponseStates() {
		m["response.state."] = append(m["response.state."], string(s))
	}
	for _, k := range forms.DepartmentKinds() {
		m["dept.kind."] = append(m["dept.kind."], string(k))
	}
	return m
}

var (
	// {{.L.T "key"}}, {{$L.T "key" …}}, {{$.L.T "key"}}, (.L.T "key"), and
	// the same with N.
	templateKey = regexp.MustCompile(`\bL\.([TN])\s+"([^"]+)"`)
	// {{$L.T (printf "round.kind.%s" …)}}
	templatePrintf = regexp.MustCompile(`\bL\.T\s+\(printf\s+"([^"%]*)%[sdv]"`)
	// A string shaped like a catalog key.
	keyShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_äöå]+)+\.?$`)
)

// keyFields are the fields of the views that hold a catalog key for the
// template to translate.
var keyFields = map[string]bool{"Notice": true, "Flash": true, "Label": true, "FormError": true, "Error": true, "Key": true, "Hint": true}

// source is one file the keys are read from.
type source struct {
	path   string
	domain bool // the domain package: only its "error.…" literals are keys
}

// sources lists the templates and the Go files (not tests, not the
// catalog's own tables) of the web layer and the domain.
func sources(t *testing.T) (templates, code []source) {
	t.Helper()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.IsDir() && (d.Name() == "static" || d.Name() == "webtest"):
			return filepath.SkipDir
		case strings.HasSuffix(path, ".html"):
			templates = append(templates, source{path: path})
		case strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") && !strings.HasPrefix(d.Name(), "texts_"):
			code = append(code, source{path: path})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	domain, err := filepath.Glob("../../../../forms/*.go")
	if err != nil || len(domain) == 0 {
		t.Fatalf("no domain files: %v", err)
	}
	for _, p := range domain {
		if !strings.HasSuffix(p, "_test.go") {
			code = append(code, source{path: p, domain: true})
		}
	}
	if len(templates) == 0 {
		t.Fatal("no templates found")
	}
	return templates, code
}

// use is one place a key is asked for.
type use struct {
	key, where string
	plural     bool // asked for with N, or with printf in a template
	prefix     bool // the key is a prefix completed at run time
}

// TestCatalogHasEveryKeyInUse reads the templates and the Go code and checks
// that each key they use is in the catalog: in templates every L.T "key",
// L.N "key" and printf-built key; in Go every T("key") and N("key"), every
// T("prefix." + value), every literal given to a view's key field (Notice,
// Flash, Label, …), and every "error.…" literal, here and in the domain
// package forms. A key with a singular form must be asked for with N, so
// that "1 aktiviteter" cannot be printed.
func TestCatalogHasEveryKeyInUse(t *testing.T) {
	c := i18n.NewCatalog()
	enums := enumeratedKeys()
	missing := map[string][]string{} // key → where
	templates, code := sources(t)
	var uses []use
	for _, s := range templates {
		b, err := os.ReadFile(s.path)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			uses = append(uses, use{key: m[2], where: s.path, plural: m[1] == "N"})
		}
		for _, m := range templatePrintf.FindAllStringSubmatch(string(b), -1) {
			uses = append(uses, use{key: m[1], where: s.path, prefix: true})
		}
	}
	for _, s := range code {
		uses = append(uses, goUses(t, s)...)
	}
	for _, u := range uses {
		keys := []string{u.key}
		if u.prefix {
			values, ok := enums[u.key]
			if !ok {
				t.Errorf("%s builds catalog keys from the prefix %q; add its values to enumeratedKeys in catalog_test.go", u.where, u.key)
				continue
			}
			keys = nil
			for _, v := range values {
				keys = append(keys, u.key+v)
			}
		}
		for _, k := range keys {
			if !c.Has(k) {
				missing[k] = append(missing[k], u.where)
			}
			if c.Plural(k) && !u.plural && !u.prefix {
				t.Errorf("%s asks for %q with T, but it has a singular form: use N", u.where, k)
			}
		}
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range missing {
			if !yield(k) {
				return
			}
		}
	}) {
		slices.Sort(missing[k])
		t.Errorf("catalog key %q is used in %s but missing from the catalog", k, strings.Join(slices.Compact(missing[k]), ", "))
	}
}

// goUses reads the keys a Go file asks for.
func goUses(t *testing.T, s source) []use {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, s.path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	where := func(n ast.Node) string {
		return fmt.Sprintf("%s:%d", s.path, fset.Position(n.Pos()).Line)
	}
	lit := func(e ast.Expr) (string, bool) {
		bl, ok := e.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return "", false
		}
		v, err := strconv.Unquote(bl.Value)
		return v, err == nil
	}
	var out []use
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if v, ok := lit(n); ok && strings.HasPrefix(v, "error.") && keyShape.MatchString(v) {
				out = append(out, use{key: v, where: where(n), prefix: strings.HasSuffix(v, "."), plural: true})
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if s.domain || !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "N") || len(n.Args) == 0 {
				return true
			}
			plural := sel.Sel.Name == "N"
			if v, ok := lit(n.Args[0]); ok {
				out = append(out, use{key: v, where: where(n), plural: plural})
			} else if be, ok := n.Args[0].(*ast.BinaryExpr); ok && be.Op == token.ADD {
				if v, ok := lit(be.X); ok {
					out = append(out, use{key: v, where: where(n), prefix: true})
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && keyFields[id.Name] && !s.domain {
				if v, ok := lit(n.Value); ok && keyShape.MatchString(v) {
					out = append(out, use{key: v, where: where(n), plural: true})
				}
			}
		case *ast.AssignStmt:
			if s.domain || len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && keyFields[sel.Sel.Name] {
					if v, ok := lit(n.Rhs[i]); ok && keyShape.MatchString(v) {
						out = append(out, use{key: v, where: where(n), plural: true})
					}
				}
			}
		}
		return true
	})
	return out
}

// countedNoun matches a count followed by a plural noun in English,
// "%d activities", which reads wrong for one.
var countedNoun = regexp.MustCompile(`%d [a-z]+s\b`)

// fixedCounts are messages whose count is a limit of the program, never
// one.
var fixedCounts = map[string]bool{"error.too_many_areas": true, "error.too_many_activities": true, "audit.lead": true}

// TestCatalogCountsHaveASingular checks that every message counting a
// plural noun has a singular form, and that the singular forms say 1 where
// the plural says more.
func TestCatalogCountsHaveASingular(t *testing.T) {
	c := i18n.NewCatalog()
	for _, k := range c.Keys() {
		_, en, _ := c.Text(k)
		if strings.HasSuffix(k, "_one") || fixedCounts[k] || !countedNoun.MatchString(en) {
			continue
		}
		if !c.Plural(k) {
			t.Errorf("catalog key %q counts %q but has no singular form %q", k, countedNoun.FindString(en), k+"_one")
		}
	}
	for _, k := range c.Keys() {
		base, ok := strings.CutSuffix(k, "_one")
		if ok && !c.Has(base) {
			t.Errorf("the singular %q has no plural %q", k, base)
		}
	}
}

// TestLocalizerN picks the form that agrees with the count, in both
// languages.
func TestLocalizerN(t *testing.T) {
	c := i18n.NewCatalog()
	for _, tc := range []struct {
		lang i18n.Lang
		key  string
		n    int
		args []any
		want string
	}{
		{i18n.Swedish, "dashboard.plan_activities", 1, nil, "1 aktivitet"},
		{i18n.Swedish, "dashboard.plan_activities", 15, nil, "15 aktiviteter"},
		{i18n.English, "dashboard.plan_rounds", 1, nil, "1 round"},
		{i18n.English, "dashboard.plan_rounds", 0, nil, "0 rounds"},
		{i18n.English, "count.not_counted", 1, nil, "does not count"},
		{i18n.English, "count.not_counted", 2, nil, "do not count"},
		{i18n.Swedish, "questionnaire.progress_value", 1, []any{0, 1}, "0 av 1 aktivitet"},
		{i18n.English, "questionnaire.progress_value", 4, []any{1, 4}, "1 of 4 activities"},
	} {
		if got := c.For(tc.lang).N(tc.key, tc.n, tc.args...); got != tc.want {
			t.Errorf("%s N(%q, %d) = %q, want %q", tc.lang, tc.key, tc.n, got, tc.want)
		}
	}
}

// TestDigits groups thousands as each language does.
func TestDigits(t *testing.T) {
	c := i18n.NewCatalog()
	if got := c.For(i18n.Swedish).Digits(20000); got != "20\u00a0000" {
		t.Errorf("Swedish %q", got)
	}
	if got := c.For(i18n.English).Digits(1234567); got != "1,234,567" {
		t.Errorf("English %q", got)
	}
	if got := c.For(i18n.English).Digits(999); got != "999" {
		t.Errorf("English %q", got)
	}
}
