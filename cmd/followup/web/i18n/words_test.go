package i18n_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"followup/cmd/followup/web/i18n"
	"followup/forms"
	"followup/reports"
)

// The pages, the workbook and the PDF report name each thing with one word:
// the domain's vocabulary (forms.Words) is in the catalog under its keys,
// the reports write their words from it, and neither the catalog nor the
// reports use another word for the same thing.

// TestVocabularyIsInTheCatalog finds every word of the vocabulary in the
// catalog, with the same texts.
func TestVocabularyIsInTheCatalog(t *testing.T) {
	c := i18n.NewCatalog()
	for _, w := range forms.Words() {
		sv, en, ok := c.Text(w.Key)
		if !ok || sv != w.SV || en != w.EN {
			t.Errorf("the catalog has %q as %q/%q, the vocabulary %q/%q", w.Key, sv, en, w.SV, w.EN)
		}
	}
}

// TestReportsWordsAreTheCatalogs lists every word the reports write from the
// vocabulary and finds it in the catalog with the same Swedish text.
func TestReportsWordsAreTheCatalogs(t *testing.T) {
	c := i18n.NewCatalog()
	words := reports.Vocabulary()
	if len(words) == 0 {
		t.Fatal("the reports name no words of the vocabulary")
	}
	for _, w := range words {
		if sv, _, ok := c.Text(w.Key); !ok || sv != w.SV {
			t.Errorf("the reports write %q for %q, the catalog %q", w.SV, w.Key, sv)
		}
	}
}

// synonyms are words for a thing the vocabulary already names, which
// neither the catalog nor the reports may use: a response is "inlämnad",
// not "inskickad"; the office's status is "sammanställd", not "samlad".
var synonyms = []struct {
	avoid *regexp.Regexp
	use   forms.Word
}{
	{regexp.MustCompile(`(?i)\binskick(ad|ade|at|ning|ningar)\b`), forms.ResponseSubmitted.Word()},
	{regexp.MustCompile(`(?i)\bsamlade? status`), forms.WordConsolidatedStatus},
}

// TestOneWordPerThing reads every Swedish text of the catalog and every
// string of the reports' code for a second word for a thing the
// vocabulary names.
func TestOneWordPerThing(t *testing.T) {
	c := i18n.NewCatalog()
	check := func(where, text string) {
		for _, s := range synonyms {
			if m := s.avoid.FindString(text); m != "" {
				t.Errorf("%s says %q where the vocabulary says %q (%s)", where, m, s.use.SV, s.use.Key)
			}
		}
	}
	for _, k := range c.Keys() {
		sv, _, _ := c.Text(k)
		check("catalog key "+k, sv)
	}
	files, err := filepath.Glob("../../../../reports/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no report files: %v", err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if bl, ok := n.(*ast.BasicLit); ok && bl.Kind == token.STRING {
				if s, err := strconv.Unquote(bl.Value); err == nil {
					check(fset.Position(bl.Pos()).String(), s)
				}
			}
			return true
		})
	}
}
