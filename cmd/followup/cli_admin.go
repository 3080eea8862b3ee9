package main

import (
	"context"
	"flag"
	"fmt"
)

// cmdUserAdd and cmdBackup are completed by the account and durability work.
func cmdUserAdd(ctx context.Context, e env, args []string) error {
	return fmt.Errorf("user add: not available in this version")
}

func cmdBackup(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	_ = fs
	return fmt.Errorf("backup: not available in this version")
}
