package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// xlNeedLibreOffice returns LibreOffice's command, or skips the test when
// it is not installed (apt-get install libreoffice-calc-nogui), except in
// CI, which installs it: there a missing LibreOffice fails the test.
func xlNeedLibreOffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("LibreOffice is required in CI (apt-get install libreoffice-calc-nogui)")
	}
	t.Skip("LibreOffice not installed (apt-get install libreoffice-calc-nogui); skipping")
	return ""
}

// xlLibreOfficeContent has LibreOffice open a workbook and save it as an
// OpenDocument spreadsheet, and returns the spreadsheet's content.xml: what
// LibreOffice made of the workbook.
func xlLibreOfficeContent(t *testing.T, soffice string, workbook []byte) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "svar.xlsx")
	if err := os.WriteFile(in, workbook, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "ods", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", soffice, err, out)
	}
	zr, err := zip.OpenReader(filepath.Join(dir, "svar.ods"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no spreadsheet: %v", err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "content.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		var b bytes.Buffer
		if _, err := io.Copy(&b, rc); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	t.Fatal("the spreadsheet has no content.xml")
	return ""
}
