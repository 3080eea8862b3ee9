package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The web layer's packages, as docs/architecture.md lists them.
const (
	webTop        = "followup/cmd/followup/web"
	site          = webTop + "/site"
	i18n          = webTop + "/i18n"
	questionnaire = webTop + "/questionnaire"
	office        = webTop + "/office"
	officeAPI     = webTop + "/officeapi"
	responseView  = webTop + "/responseview"
	webtest       = webTop + "/webtest"
)

// TestWebLayers checks that the web layer's packages depend on each other
// only downwards: the shared core and the catalog know no handler package;
// a handler package (the questionnaire, the office's pages, the office's
// API) knows neither another nor the server that routes to it; the small
// internal helpers know nothing of HTTP; and only tests use the test kit.
func TestWebLayers(t *testing.T) {
	handlers := []string{questionnaire, office, officeAPI}
	tests := []struct {
		pattern string
		refused []string // not imported by the package itself
	}{
		{i18n, []string{"github.com/gin-gonic/gin", site, webTop, questionnaire, office, officeAPI, responseView}},
		{site, []string{webTop, questionnaire, office, officeAPI, responseView}},
		{responseView, []string{webTop, questionnaire, office, officeAPI}},
		{questionnaire, []string{webTop, office, officeAPI}},
		{office, []string{webTop, questionnaire, officeAPI}},
		{officeAPI, []string{webTop, questionnaire, office}},
		{"followup/cmd/followup/internal/ratelimit", []string{"github.com/gin-gonic/gin", "net/http"}},
		{"followup/cmd/followup/internal/stash", []string{"github.com/gin-gonic/gin", "net/http"}},
		{"followup/cmd/followup/internal/localpath", []string{"github.com/gin-gonic/gin", "net/http"}},
	}
	for _, tt := range tests {
		for _, p := range list(t, tt.pattern) {
			for _, f := range tt.refused {
				if slices.Contains(p.Imports, f) {
					t.Errorf("%s imports %s", p.ImportPath, f)
				}
			}
		}
	}
	for _, p := range list(t, "followup/...") {
		if slices.Contains(p.Imports, webtest) {
			t.Errorf("%s imports the test kit %s; only tests may", p.ImportPath, webtest)
		}
	}
	for _, h := range handlers {
		if p := list(t, h)[0]; !slices.Contains(p.Imports, site) {
			t.Errorf("%s does not build on %s", h, site)
		}
	}
}

// answersErrors are the Gin calls that write an error's answer; only the
// shared core's Error may make them, so that every error reaches the person
// as the right page or JSON.
var answersErrors = []string{"AbortWithStatus", "AbortWithStatusJSON", "AbortWithStatusPureJSON", "AbortWithError", "Error"}

// TestErrorsGoThroughSite reads the web layer's code: outside the shared
// core no handler answers an error itself (c.AbortWithStatus…, c.Error);
// it returns the error, and site.Error answers it.
func TestErrorsGoThroughSite(t *testing.T) {
	files, err := filepath.Glob("../../web/*/*.go")
	if err != nil {
		t.Fatal(err)
	}
	top, _ := filepath.Glob("../../web/*.go")
	files = append(files, top...)
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.Contains(name, "/site/") || strings.Contains(name, "/webtest/") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "c" && slices.Contains(answersErrors, sel.Sel.Name) {
				t.Errorf("%s: c.%s answers an error outside site.Error; return the error instead", fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
