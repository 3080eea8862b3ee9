package web

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"followup/forms"
)

// The catalog must hold every key that a template or the Go code asks for,
// in both languages: a missing key shows itself on the page ("nav.rounds")
// instead of a text.

// TestCatalogTextsInBothLanguages checks that no text is empty in either
// language.
func TestCatalogTextsInBothLanguages(t *testing.T) {
	c := NewCatalog()
	for k, v := range c.texts {
		if strings.TrimSpace(v.sv) == "" {
			t.Errorf("catalog key %q has no Swedish text", k)
		}
		if strings.TrimSpace(v.en) == "" {
			t.Errorf("catalog key %q has no English text", k)
		}
		if strings.Count(v.sv, "%") != strings.Count(v.en, "%") {
			t.Errorf("catalog key %q: the Swedish and English texts take different arguments: %q, %q", k, v.sv, v.en)
		}
	}
}

// Keys built at run time from a prefix and one of the domain's values.
func enumeratedKeys() map[string][]string {
	m := map[string][]string{
		"round.kind.":  {string(forms.RoundInterim), string(forms.RoundAnnual)},
		"round.state.": {string(forms.RoundDraft), string(forms.RoundOpen), string(forms.RoundClosed)},
		"error.code.":  nil,
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
	for code := range errorStatus {
		m["error.code."] = append(m["error.code."], code)
	}
	return m
}

var (
	// {{.L.T "key"}}, {{$L.T "key" …}}, {{$.L.T "key"}}, (.L.T "key")
	templateKey = regexp.MustCompile(`\bL\.T\s+"([^"]+)"`)
	// {{$L.T (printf "round.kind.%s" …)}}
	templatePrintf = regexp.MustCompile(`\bL\.T\s+\(printf\s+"([^"%]*)%[sdv]"`)
	// A string shaped like a catalog key.
	keyShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_äöå]+)+\.?$`)
)

// keyFields are the fields of the views that hold a catalog key for the
// template to translate.
var keyFields = map[string]bool{"Notice": true, "Flash": true, "Label": true, "FormError": true, "Error": true, "Key": true, "Hint": true}

// TestCatalogHasEveryKeyInUse reads the templates and the Go code and checks
// that each key they use is in the catalog: in templates every L.T "key" and
// printf-built key; in Go every T("key"), every T("prefix." + value), every
// literal given to a view's key field (Notice, Flash, Label, …), and every
// "error.…" literal, here and in the domain package forms.
func TestCatalogHasEveryKeyInUse(t *testing.T) {
	c := NewCatalog()
	enums := enumeratedKeys()
	missing := map[string][]string{} // key → where
	need := func(key, where string) {
		if !c.Has(key) {
			missing[key] = append(missing[key], where)
		}
	}
	needPrefix := func(prefix, where string) {
		values, ok := enums[prefix]
		if !ok {
			t.Errorf("%s builds catalog keys from the prefix %q; add its values to enumeratedKeys in catalog_test.go", where, prefix)
			return
		}
		for _, v := range values {
			need(prefix+v, where+" ("+prefix+"…)")
		}
	}

	templates, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil || len(templates) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	for _, name := range templates {
		b, err := fs.ReadFile(templateFiles, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			need(m[1], name)
		}
		for _, m := range templatePrintf.FindAllStringSubmatch(string(b), -1) {
			needPrefix(m[1], name)
		}
	}

	lit := func(e ast.Expr) (string, bool) {
		bl, ok := e.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(bl.Value)
		return s, err == nil
	}
	check := func(fset *token.FileSet, file *ast.File, domain bool) {
		name := filepath.Base(fset.Position(file.Pos()).Filename)
		where := func(n ast.Node) string {
			p := fset.Position(n.Pos())
			return fmt.Sprintf("%s:%d", name, p.Line)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if s, ok := lit(n); ok && strings.HasPrefix(s, "error.") && keyShape.MatchString(s) {
					if strings.HasSuffix(s, ".") {
						needPrefix(s, where(n))
					} else {
						need(s, where(n))
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if domain || !ok || sel.Sel.Name != "T" || len(n.Args) == 0 {
					return true
				}
				if s, ok := lit(n.Args[0]); ok {
					need(s, where(n))
				} else if be, ok := n.Args[0].(*ast.BinaryExpr); ok && be.Op == token.ADD {
					if s, ok := lit(be.X); ok {
						needPrefix(s, where(n))
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && keyFields[id.Name] && !domain {
					if s, ok := lit(n.Value); ok && keyShape.MatchString(s) {
						need(s, where(n))
					}
				}
			case *ast.AssignStmt:
				if domain || len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, l := range n.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && keyFields[sel.Sel.Name] {
						if s, ok := lit(n.Rhs[i]); ok && keyShape.MatchString(s) {
							need(s, where(n))
						}
					}
				}
			}
			return true
		})
	}
	for _, dir := range []struct {
		path   string
		domain bool
	}{{".", false}, {"../../../forms", true}} {
		names, err := filepath.Glob(filepath.Join(dir.path, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") || (!dir.domain && strings.HasPrefix(filepath.Base(name), "catalog")) {
				continue
			}
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			check(fset, file, dir.domain)
		}
	}

	keys := make([]string, 0, len(missing))
	for k := range missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Errorf("catalog key %q is used in %s but missing from the catalog", k, strings.Join(uniq(missing[k]), ", "))
	}
}

func uniq(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
