package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"followup/forms"
	"followup/reports"
	"followup/storage"
)

// cliActor names the command line in history and audit rows.
const cliActor = "kommandorad"

// newFlags returns a flag set with the shared flags, reporting to stderr.
func newFlags(name string, e env, c *config) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	c.flags(fs, e)
	return fs
}

// cliError turns a domain error into a message for the terminal.
func cliError(err error) error {
	if fe, ok := err.(*forms.Error); ok {
		return fmt.Errorf("%s", fe.Message)
	}
	return err
}

// oneArg parses the shared flags of a command that takes exactly one
// argument, and returns them with the argument.
func oneArg(e env, name, usage string, args []string) (config, string, error) {
	var c config
	fs := newFlags(name, e, &c)
	pos, err := parseAll(fs, args)
	if err != nil || len(pos) != 1 {
		return c, "", usageError{usage}
	}
	return c, pos[0], nil
}

// fileError names the file whose content the domain refused.
func fileError(path string, err error) error {
	return fmt.Errorf("%s: %w", path, cliError(err))
}

// parseFile opens the file at path and parses it; a refusal names the file.
func parseFile[T any](path string, parse func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return v, fileError(path, err)
	}
	return v, nil
}

func cmdDepartmentsImport(ctx context.Context, e env, args []string) error {
	c, path, err := oneArg(e, "departments import", "usage: followup departments import FILE", args)
	if err != nil {
		return err
	}
	rows, err := parseFile(path, forms.ParseDepartmentsCSV)
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	changes, err := db.ImportDepartments(ctx, rows, cliActor)
	if err != nil {
		return cliError(err)
	}
	n := map[string]int{}
	for _, ch := range changes {
		n[ch.Action]++
	}
	fmt.Fprintf(e.stderr, "%d added, %d changed, %d unchanged\n", n["add"], n["change"], n["same"])
	return nil
}

func cmdPlanImport(ctx context.Context, e env, args []string) error {
	c, path, err := oneArg(e, "plan import", "usage: followup plan import FILE", args)
	if err != nil {
		return err
	}
	doc, err := parseFile(path, forms.DecodePlanDocument)
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	deps, err := db.Departments(ctx, true)
	if err != nil {
		return err
	}
	plan, err := doc.ToPlan(deps)
	if err != nil {
		return fileError(path, err)
	}
	id, err := db.CreatePlan(ctx, plan, cliActor)
	if err != nil {
		return cliError(err)
	}
	fmt.Fprintln(e.stdout, id)
	fmt.Fprintf(e.stderr, "imported %q with %d activities\n", plan.Title, len(plan.Activities()))
	return nil
}

func cmdPlanExport(ctx context.Context, e env, args []string) error {
	c, arg, err := oneArg(e, "plan export", "usage: followup plan export ID", args)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil {
		return usageError{"the plan id must be a number"}
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	plan, err := db.Plan(ctx, id)
	if err != nil {
		return notFoundOr(err, "no plan %d", id)
	}
	deps, err := db.Departments(ctx, true)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(forms.NewPlanDocument(plan, deps))
}

func notFoundOr(err error, format string, args ...any) error {
	if forms.ErrorCode(err) == forms.ENOTFOUND {
		return fmt.Errorf(format, args...)
	}
	return err
}

func cmdRoundCreate(ctx context.Context, e env, args []string) error {
	var c config
	fs := newFlags("round create", e, &c)
	plan := fs.Int64("plan", 0, "the plan's id")
	kind := fs.String("kind", "", "interim or annual")
	title := fs.String("title", "", "the round's title")
	date := fs.String("date", "", "the reporting date, YYYY-MM-DD")
	deadline := fs.String("deadline", "", "the last day to answer, YYYY-MM-DD")
	deps := fs.String("departments", "", "comma-separated department names or ids (default: every active department)")
	if _, err := parseAll(fs, args); err != nil {
		return usageError{err.Error()}
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	in := forms.RoundInput{PlanID: *plan, Kind: *kind, Title: *title, ReportDate: *date, Deadline: *deadline}
	if *deps != "" {
		for _, d := range strings.Split(*deps, ",") {
			dep, err := findDepartment(ctx, db, strings.TrimSpace(d))
			if err != nil {
				return err
			}
			in.DepartmentIDs = append(in.DepartmentIDs, dep.ID)
		}
	}
	id, err := db.CreateRound(ctx, in, cliActor)
	if err != nil {
		if fe, ok := err.(*forms.Error); ok && len(fe.Fields) > 0 {
			var parts []string
			for _, f := range fe.Order {
				parts = append(parts, "--"+strings.ReplaceAll(f, "report_", "")+" is missing or invalid")
			}
			return usageError{strings.Join(parts, "; ")}
		}
		return cliError(err)
	}
	fmt.Fprintln(e.stdout, id)
	return nil
}

// findDepartment accepts a department's id or its name in any case.
func findDepartment(ctx context.Context, db *storage.DB, ref string) (forms.Department, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		d, err := db.Department(ctx, id)
		return d, notFoundOr(err, "no department %d", id)
	}
	deps, err := db.Departments(ctx, true)
	if err != nil {
		return forms.Department{}, err
	}
	for _, d := range deps {
		if strings.EqualFold(d.Name, ref) {
			return d, nil
		}
	}
	return forms.Department{}, fmt.Errorf("no department named %q", ref)
}

func roundArg(ctx context.Context, e env, name string, args []string) (*storage.DB, config, int64, []string, error) {
	return roundArgWith(ctx, e, name, args, nil)
}

// roundArgWith is roundArg for a command with flags of its own, which
// register adds.
func roundArgWith(ctx context.Context, e env, name string, args []string, register func(*flag.FlagSet)) (*storage.DB, config, int64, []string, error) {
	var c config
	fs := newFlags(name, e, &c)
	if register != nil {
		register(fs)
	}
	pos, err := parseAll(fs, args)
	if err != nil || len(pos) < 1 {
		return nil, c, 0, nil, usageError{"usage: followup " + name + " ID"}
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return nil, c, 0, nil, usageError{"the round id must be a number"}
	}
	db, err := c.open(ctx)
	if err != nil {
		return nil, c, 0, nil, err
	}
	if _, err := db.Round(ctx, id); err != nil {
		db.Close()
		return nil, c, 0, nil, notFoundOr(err, "no round %d", id)
	}
	return db, c, id, pos[1:], nil
}

func cmdRoundOpen(ctx context.Context, e env, args []string) error {
	var mf mailFlags
	db, c, id, _, err := roundArgWith(ctx, e, "round open", args, func(fs *flag.FlagSet) { mf.flags(fs, e) })
	if err != nil {
		return err
	}
	defer db.Close()
	mailCfg, err := mf.config(e)
	if err != nil {
		return err
	}
	secret, err := c.secret(e)
	if err != nil {
		return err
	}
	base, err := c.base()
	if err != nil {
		return err
	}
	invited, err := db.OpenRound(ctx, id, cliActor, mailCfg.Enabled())
	if err != nil {
		return cliError(err)
	}
	if mailCfg.Enabled() {
		fmt.Fprintf(e.stderr, "queued %d invitations; the server sends them through %s\n", invited, mailCfg.Host)
	}
	links, err := db.Links(ctx, secret, id)
	if err != nil {
		return cliError(err)
	}
	w := bufio.NewWriter(e.stdout)
	for _, l := range links {
		fmt.Fprintf(w, "%s\t%s/r/%s\n", l.Department.Name, base.String(), l.Token)
	}
	return w.Flush()
}

func cmdRoundClose(ctx context.Context, e env, args []string) error {
	db, _, id, _, err := roundArg(ctx, e, "round close", args)
	if err != nil {
		return err
	}
	defer db.Close()
	return cliError(db.SetRoundState(ctx, id, forms.RoundClosed, cliActor))
}

func cmdResponseReturn(ctx context.Context, e env, args []string) error {
	var c config
	fs := newFlags("response return", e, &c)
	msg := fs.String("message", "", "what the department should complete")
	pos, err := parseAll(fs, args)
	if err != nil || len(pos) != 2 || strings.TrimSpace(*msg) == "" {
		return usageError{`usage: followup response return ROUND DEPARTMENT --message "TEXT"`}
	}
	roundID, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return usageError{"the round id must be a number"}
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	dep, err := findDepartment(ctx, db, pos[1])
	if err != nil {
		return err
	}
	loc, err := c.location()
	if err != nil {
		return err
	}
	if err := db.ReturnResponse(ctx, loc, roundID, dep.ID, *msg, cliActor); err != nil {
		return notFoundOr(cliError(err), "department %q does not take part in round %d", dep.Name, roundID)
	}
	fmt.Fprintf(e.stderr, "returned the response of %s for completion\n", dep.Name)
	return nil
}

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

func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[:i+1]
	}
	return "."
}
