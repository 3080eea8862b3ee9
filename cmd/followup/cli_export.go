package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"followup/reports"
)

// cmdExport writes a round's report as a workbook or a PDF. It writes a
// temporary file beside the target and renames it, so a failed export
// never leaves half a file under the target's name.
func cmdExport(ctx context.Context, e env, args []string) error {
	var c config
	fs := newFlags("export", e, &c)
	round := fs.Int64("round", 0, "the round's id")
	format := fs.String("format", "xlsx", "xlsx or pdf")
	out := fs.String("o", "", "the file to write (default: a name built from the round)")
	noSheets := fs.Bool("no-department-sheets", false, "xlsx: leave out the sheet per department")
	noAppendix := fs.Bool("no-appendix", false, "pdf: leave out the appendix per department (the same as --appendix=false)")
	rf := addReportFlags(fs)
	if _, err := parseAll(fs, args); err != nil || *round == 0 {
		return usageError{"usage: followup export --round ID --format xlsx|pdf -o FILE"}
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := db.RoundReport(ctx, *round)
	if err != nil {
		return notFoundOr(err, "no round %d", *round)
	}
	rep.Settings = rf.apply(rep.Settings) // for this file only; `round report` saves them
	if *noAppendix {
		rep.Settings.Appendix = false
	}
	if err := rep.Settings.Validate(); err != nil {
		return usageError{"--compiled-by must be one line of at most 200 characters"}
	}
	rep.CompiledBy = rep.Settings.CompiledBy
	if rep.CompiledBy == "" {
		rep.CompiledBy = rep.Plan.Organisation
	}
	loc, err := c.location()
	if err != nil {
		return err
	}
	var name string
	var write func(*os.File) error
	switch *format {
	case "xlsx":
		name = reports.WorkbookFileName(rep)
		write = func(f *os.File) error {
			return reports.WriteWorkbook(f, rep, reports.WorkbookOptions{PerDepartment: !*noSheets, Location: loc})
		}
	case "pdf":
		name = reports.ReportFileName(rep)
		write = func(f *os.File) error {
			return reports.WriteReport(f, rep, reports.ReportOptions{Location: loc})
		}
	default:
		return usageError{"--format must be xlsx or pdf"}
	}
	if *out != "" {
		name = *out
	}
	f, err := os.CreateTemp(dirOf(name), ".followup-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s\n", name)
	return nil
}

// dirOf returns the directory of path with its separator, or "." for a bare
// name, so the temporary file lands beside the target and the rename that
// replaces it stays on one file system.
func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[:i+1]
	}
	return "."
}
