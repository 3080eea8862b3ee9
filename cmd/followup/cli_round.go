package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"strings"

	"followup/forms"
)

// cmdRoundCreate creates a round of a plan and prints its id; a missing or
// invalid field is named by its flag.
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

// cmdRoundOpen opens a round, queues the invitations when mail is on, and
// prints each department's link.
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

// cmdRoundClose closes a round to answers.
func cmdRoundClose(ctx context.Context, e env, args []string) error {
	db, _, id, _, err := roundArg(ctx, e, "round close", args)
	if err != nil {
		return err
	}
	defer db.Close()
	return cliError(db.SetRoundState(ctx, id, forms.RoundClosed, cliActor))
}
