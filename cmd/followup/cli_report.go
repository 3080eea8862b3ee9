package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"text/tabwriter"

	"followup/forms"
)

// reportFlags are the report settings a command line can choose. Only the
// flags given change anything: the rest keep the round's stored choices.
type reportFlags struct {
	fs                                                   *flag.FlagSet
	appendix, tables, comments, drafts, chart, emptyBars *bool
	compiledBy                                           *string
}

// addReportFlags registers the report settings' flags on fs.
func addReportFlags(fs *flag.FlagSet) *reportFlags {
	return &reportFlags{
		fs:         fs,
		appendix:   fs.Bool("appendix", true, "pdf: each answering department's answers as an appendix"),
		tables:     fs.Bool("department-tables", true, "pdf: a table of the departments' statuses under each activity"),
		comments:   fs.Bool("comments", true, "pdf: the departments' comments under each activity"),
		drafts:     fs.Bool("drafts", false, "show answers that are not submitted, marked as drafts (they never count)"),
		chart:      fs.Bool("chart", true, "pdf: the chart of activities per consolidated status"),
		emptyBars:  fs.Bool("empty-statuses", false, "pdf: keep statuses no activity has in the chart"),
		compiledBy: fs.String("compiled-by", "", "the name shown as the report's compiler"),
	}
}

// apply returns s changed by the flags that were given.
func (r *reportFlags) apply(s forms.ReportSettings) forms.ReportSettings {
	r.fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "appendix":
			s.Appendix = *r.appendix
		case "department-tables":
			s.DepartmentTables = *r.tables
		case "comments":
			s.Comments = *r.comments
		case "drafts":
			s.Drafts = *r.drafts
		case "chart":
			s.Chart = *r.chart
		case "empty-statuses":
			s.EmptyStatuses = *r.emptyBars
		case "compiled-by":
			s.CompiledBy = *r.compiledBy
		}
	})
	return s
}

// given reports whether any report flag was given.
func (r *reportFlags) given() bool {
	n := 0
	r.fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "appendix", "department-tables", "comments", "drafts", "chart", "empty-statuses", "compiled-by":
			n++
		}
	})
	return n > 0
}

// cmdRoundReport prints a round's report settings and, when flags are
// given, saves them changed first.
func cmdRoundReport(ctx context.Context, e env, args []string) error {
	var c config
	fs := newFlags("round report", e, &c)
	rf := addReportFlags(fs)
	pos, err := parseAll(fs, args)
	if err != nil || len(pos) != 1 {
		return usageError{"usage: followup round report ID [--drafts] [--appendix=false] [--compiled-by NAME] …"}
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return usageError{"the round id must be a number"}
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	set, err := db.ReportSettings(ctx, id)
	if err != nil {
		return notFoundOr(err, "no round %d", id)
	}
	if rf.given() {
		if set, err = db.SaveReportSettings(ctx, id, rf.apply(set), cliActor); err != nil {
			return cliError(err)
		}
	}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, row := range []struct {
		name  string
		value any
	}{
		{"appendix", set.Appendix}, {"department-tables", set.DepartmentTables}, {"comments", set.Comments},
		{"drafts", set.Drafts}, {"chart", set.Chart}, {"empty-statuses", set.EmptyStatuses},
		{"paper", set.Paper}, {"compiled-by", set.CompiledBy}, {"version", set.Version},
	} {
		fmt.Fprintf(w, "%s\t%v\n", row.name, row.value)
	}
	return w.Flush()
}
