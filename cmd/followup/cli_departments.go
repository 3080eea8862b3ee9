package main

import (
	"context"
	"fmt"

	"followup/forms"
)

// cmdDepartmentsImport adds and updates the departments from a CSV file and
// counts what changed.
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
