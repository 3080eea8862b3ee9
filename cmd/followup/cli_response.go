package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// cmdResponseReturn sends a department's submitted response back for
// completion, with a message saying what is missing.
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
