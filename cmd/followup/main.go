// Command followup runs the follow-up web application and the commands IT
// staff use to script it: importing departments and plans, opening rounds,
// exporting reports and backing up the database.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "followup:", err)
		os.Exit(exitCode(err))
	}
}
