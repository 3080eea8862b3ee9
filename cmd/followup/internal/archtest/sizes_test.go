package archtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Limits on the size of the code, so that a reader takes in a file and a
// function at once.
const (
	maxFileLines = 300
	maxFuncLines = 80
)

// dataTables may be longer: they are data, read a line at a time. The
// catalog's tables of texts (every function of i18n's texts_*.go) and the
// route table, which reads top to bottom in one place.
var dataTables = []string{
	"cmd/followup/web/i18n/texts_*.go:*",
	"cmd/followup/web/routes.go:(*Server).engine",
}

// pending are files and functions over the limits that belong to work
// under way in their packages (the server's start-up), to be split there.
// The list only shrinks: an entry that no longer exceeds its limit fails
// the test.
var pending = []string{
	"cmd/followup/serve.go:cmdServe",
}

// TestSizes reads every Go file of the module but the tests and fails for a
// file over maxFileLines lines or a function over maxFuncLines, naming it,
// unless it is a data table or pending.
func TestSizes(t *testing.T) {
	over := map[string]int{} // "file" or "file:func" → lines
	root := "../../../.."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && path != root) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		for k, n := range sizes(t, path) {
			over[filepath.ToSlash(rel)+k] = n
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pending {
		if _, ok := over[p]; !ok {
			t.Errorf("%s is no longer over its limit: take it off the pending list in sizes_test.go", p)
		}
	}
	var names []string
	for name := range over {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if excepted(name) {
			continue
		}
		limit, what := maxFileLines, "file"
		if strings.Contains(name, ":") {
			limit, what = maxFuncLines, "function"
		}
		t.Errorf("the %s %s has %d lines, more than %d: split it", what, name, over[name], limit)
	}
}

// sizes returns the lengths of a file and its functions that are over the
// limits, keyed "" for the file and ":Func" or ":(*Recv).Func" for a
// function.
func sizes(t *testing.T, path string) map[string]int {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	if n := fset.Position(f.End()).Line; n > maxFileLines {
		out[""] = n
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		if n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1; n > maxFuncLines {
			out[":"+funcName(fd)] = n
		}
	}
	return out
}

// funcName names a function as the lists do: "Name" or "(*Recv).Name".
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	var recv string
	switch x := fd.Recv.List[0].Type.(type) {
	case *ast.StarExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			recv = "*" + id.Name
		}
	case *ast.Ident:
		recv = x.Name
	}
	return fmt.Sprintf("(%s).%s", recv, fd.Name.Name)
}

// excepted reports whether a name is a data table or pending.
func excepted(name string) bool {
	for _, p := range pending {
		if p == name {
			return true
		}
	}
	file, fn, _ := strings.Cut(name, ":")
	for _, d := range dataTables {
		dfile, dfn, _ := strings.Cut(d, ":")
		if ok, _ := filepath.Match(dfile, file); ok && (dfn == "*" || dfn == fn) && fn != "" {
			return true
		}
	}
	return false
}
