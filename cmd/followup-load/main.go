// Command followup-load measures the follow-up server under the load of a
// deadline: two people per department autosaving, some submitting, the
// office returning some submissions and downloading the large workbook,
// against a running server on loopback. It keeps a ledger of every save the
// server acknowledged and checks it against the database at the end.
//
//	followup-load setup --db load.db --departments 300 --activities 100
//	followup serve --db load.db --addr 127.0.0.1:8090 &
//	followup-load run --db load.db --url http://127.0.0.1:8090 --saves 100 --submits 10 --duration 60s
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "followup-load:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  followup-load setup --db FILE [--departments 300] [--activities 100]
  followup-load run --db FILE --url URL [--saves 100] [--submits 10] [--pages 50] [--returns 2]
                    [--duration 60s] [--export-every 0] [--steps 250,500,1000] [--step-duration 20s]
  followup-load mail --db FILE --url URL [--relay 127.0.0.1:2525] [--pages 50] [--relay-delay 0]
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("no command")
	}
	switch args[0] {
	case "setup":
		return cmdSetup(ctx, args[1:], stdout, stderr)
	case "run":
		return cmdRun(ctx, args[1:], stdout, stderr)
	case "mail":
		return cmdMail(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
