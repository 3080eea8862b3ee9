// Package gomod reads which version of a module the repository's go.mod
// requires. The packages that depend on the exact output of a library
// (pdfjoin on fpdf, xlsxrows on excelize) test with it that the library
// is still the version they were checked against.
package gomod

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Find returns the path of the go.mod that governs dir: the first found
// in dir or a directory above it.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		path := filepath.Join(dir, "go.mod")
		if _, err := os.Stat(path); err == nil {
			return path, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("gomod: no go.mod in or above " + dir)
		}
		dir = parent
	}
}

// Required returns the version of module that the go.mod at path
// requires. A replace directive for the module is an error: the code
// it builds is then no longer that version's.
func Required(path, module string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	version := ""
	inBlock := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "//")
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			continue
		case inBlock != "" && f[0] == ")":
			inBlock = ""
			continue
		case inBlock == "" && len(f) == 2 && f[1] == "(":
			inBlock = f[0]
			continue
		}
		directive := inBlock
		if directive == "" {
			directive, f = f[0], f[1:]
		}
		if len(f) < 2 || f[0] != module {
			continue
		}
		switch directive {
		case "require":
			version = f[1]
		case "replace":
			return "", fmt.Errorf("gomod: %s replaces %s", path, module)
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	if version == "" {
		return "", fmt.Errorf("gomod: %s does not require %s", path, module)
	}
	return version, nil
}
