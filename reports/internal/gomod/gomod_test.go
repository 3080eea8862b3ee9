package gomod

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRequired reads versions from both forms of require, and refuses a
// module that is missing or replaced.
func TestRequired(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "go.mod")
	mod := `module example

go 1.26

require example.org/single v1.2.3

require (
	example.org/a v0.12.0
	example.org/b/v2 v2.11.1 // indirect
	example.org/replaced v1.0.0
)

replace example.org/replaced => ../fork
`
	if err := os.WriteFile(path, []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	for module, want := range map[string]string{
		"example.org/single": "v1.2.3",
		"example.org/a":      "v0.12.0",
		"example.org/b/v2":   "v2.11.1",
	} {
		if got, err := Required(path, module); got != want || err != nil {
			t.Errorf("Required(%s) = %q, %v, want %q", module, got, err, want)
		}
	}
	for _, module := range []string{"example.org/replaced", "example.org/b", "example.org/none"} {
		if got, err := Required(path, module); err == nil {
			t.Errorf("Required(%s) = %q, want an error", module, got)
		}
	}
	sub := filepath.Join(dir, "x", "y")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(sub); got != path || err != nil {
		t.Errorf("Find(%s) = %q, %v, want %q", strings.TrimPrefix(sub, dir), got, err, path)
	}
}
