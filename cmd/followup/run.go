package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var ue usageError
	if errors.As(err, &ue) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

// env gives commands what they need from the outside world, so tests can run
// them in-process with their own arguments, environment and streams.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

const usage = `followup – uppföljning av handlingsplanen för informationssäkerhet och dataskydd

Usage:
  followup serve [--demo] [--addr A] [--db FILE] [--base-url URL]
  followup departments import FILE
  followup plan import FILE            prints the new plan's id
  followup plan export ID
  followup plan next ID --year YYYY [--title T] [--include-done] [--keep-inactive]
                                       makes next year's plan from a plan and prints its id
  followup round create --plan ID --kind interim|annual --title T --date YYYY-MM-DD --deadline YYYY-MM-DD
  followup round open ID               prints each department's name and link
  followup round close ID
  followup round remind ID [--dry-run]   queues a reminder to every department that has not submitted
  followup round report ID [--drafts] [--appendix=false] …   prints, and with flags saves, the report settings
  followup response return ROUND DEPARTMENT --message TEXT
  followup user add --email E --role admin|reader [--name N]   reads the password from stdin
  followup user add --email E --oidc [--name N]   pre-creates an account for the identity provider
  followup export --round ID --format xlsx|pdf -o FILE [report flags for this file only]
  followup backup FILE

Every command takes --db FILE (or FOLLOWUP_DB). Run 'followup COMMAND -h' for its flags.
`

// run is the whole program: it parses the command line and runs one command.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	sub := ""
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		sub = rest[0]
	}
	switch {
	case cmd == "serve":
		return cmdServe(ctx, e, rest)
	case cmd == "departments" && sub == "import":
		return cmdDepartmentsImport(ctx, e, rest[1:])
	case cmd == "plan" && sub == "import":
		return cmdPlanImport(ctx, e, rest[1:])
	case cmd == "plan" && sub == "export":
		return cmdPlanExport(ctx, e, rest[1:])
	case cmd == "plan" && sub == "next":
		return cmdPlanNext(ctx, e, rest[1:])
	case cmd == "round" && sub == "create":
		return cmdRoundCreate(ctx, e, rest[1:])
	case cmd == "round" && sub == "open":
		return cmdRoundOpen(ctx, e, rest[1:])
	case cmd == "round" && sub == "close":
		return cmdRoundClose(ctx, e, rest[1:])
	case cmd == "round" && sub == "remind":
		return cmdRoundRemind(ctx, e, rest[1:])
	case cmd == "round" && sub == "report":
		return cmdRoundReport(ctx, e, rest[1:])
	case cmd == "response" && sub == "return":
		return cmdResponseReturn(ctx, e, rest[1:])
	case cmd == "user" && sub == "add":
		return cmdUserAdd(ctx, e, rest[1:])
	case cmd == "export":
		return cmdExport(ctx, e, rest)
	case cmd == "backup":
		return cmdBackup(ctx, e, rest)
	case cmd == "help" || cmd == "-h" || cmd == "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", strings.TrimSpace(cmd+" "+sub))}
}

// parseAll parses flags wherever they stand among the positional arguments
// (followup response return 3 IT --message "…") and returns the positionals.
func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
