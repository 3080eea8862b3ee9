package archtest

import (
	"bytes"
	"encoding/json"
	"io"
	"os/exec"
	"slices"
	"testing"
)

// pkg is what the go command lists of one package.
type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// list returns the packages matching pattern as the go command lists them.
func list(t *testing.T, pattern string) []pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", pattern).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pattern, err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("go list %s: %v", pattern, err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		t.Fatalf("go list found no packages for %s", pattern)
	}
	return pkgs
}

// TestLayers checks that the domain and the report writers know nothing of
// HTTP, and that only storage speaks SQL: the web layer translates between
// requests and domain calls, storage between domain values and rows. Gin
// and database/sql are refused anywhere below a package (a library must not
// bring them in either); the other packages only as direct imports, since
// libraries such as excelize use net/http for their own ends.
func TestLayers(t *testing.T) {
	tests := []struct {
		pattern  string
		anywhere []string // not among the dependencies at all
		direct   []string // not imported by the package itself
	}{
		{"followup/forms/...", []string{"github.com/gin-gonic/gin", "database/sql"}, []string{"net/http", "followup/storage", "followup/reports"}},
		{"followup/reports/...", []string{"github.com/gin-gonic/gin", "database/sql"}, []string{"net/http", "followup/storage"}},
		{"followup/storage/...", []string{"github.com/gin-gonic/gin"}, []string{"net/http", "followup/reports"}},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			for _, p := range list(t, tt.pattern) {
				for _, f := range tt.anywhere {
					if slices.Contains(p.Deps, f) {
						t.Errorf("%s depends on %s", p.ImportPath, f)
					}
				}
				for _, f := range tt.direct {
					if slices.Contains(p.Imports, f) {
						t.Errorf("%s imports %s", p.ImportPath, f)
					}
				}
			}
		})
	}
}
