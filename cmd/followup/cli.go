package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"followup/forms"
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

// notFoundOr replaces a not-found error with a message naming what was not
// found, and passes any other error on.
func notFoundOr(err error, format string, args ...any) error {
	if forms.ErrorCode(err) == forms.ENOTFOUND {
		return fmt.Errorf(format, args...)
	}
	return err
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

// roundArg parses the command line of a command whose first argument is a
// round's id, opens the database and checks that the round exists. It
// returns the open database, which the caller closes, and the arguments
// after the id.
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
