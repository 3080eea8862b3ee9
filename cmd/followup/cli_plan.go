package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"followup/forms"
)

// cmdPlanImport creates a plan from a plan document and prints its id.
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

// cmdPlanExport prints a plan as a plan document, the format plan import reads.
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
