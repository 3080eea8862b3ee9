package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"time"

	"followup/forms"
	"followup/storage"
)

// cmdUserAdd creates an office account, reading the password from standard
// input so it never shows in the process list or the shell's history.
func cmdUserAdd(ctx context.Context, e env, args []string) error {
	var c config
	fs := newFlags("user add", e, &c)
	email := fs.String("email", "", "the account's e-mail address")
	role := fs.String("role", "", "admin (the central office) or reader (management, auditors)")
	name := fs.String("name", "", "the person's name")
	provider := fs.Bool("oidc", false, "pre-create an account that signs in through the identity provider: no password; the provider's claims give the role")
	if _, err := parseAll(fs, args); err != nil || *email == "" || (*provider && *role != "") ||
		(!*provider && *role != storage.RoleAdmin && *role != storage.RoleReader) {
		return usageError{"usage: followup user add --email E --role admin|reader [--name N] < password\n       followup user add --email E --oidc [--name N]"}
	}
	if *provider {
		return precreateUser(ctx, c, e, *email, *name)
	}
	fmt.Fprintln(e.stderr, "Password (at least 10 characters), then Enter:")
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && line == "" {
		return fmt.Errorf("no password on standard input")
	}
	password := strings.TrimRight(line, "\r\n")
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.CreateUser(ctx, *email, *name, *role, password, cliActor)
	if err != nil {
		if forms.ErrorCode(err) == forms.ECONFLICT {
			return fmt.Errorf("an account with the e-mail %s already exists", *email)
		}
		return cliError(err)
	}
	fmt.Fprintf(e.stderr, "created %s account %s\n", u.Role, u.Email)
	return nil
}

// precreateUser adds an account that waits for its owner's first sign-in
// through the identity provider, for FOLLOWUP_OIDC_PRECREATED_ONLY.
func precreateUser(ctx context.Context, c config, e env, email, name string) error {
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.PrecreateUser(ctx, email, name, cliActor)
	if err != nil {
		if forms.ErrorCode(err) == forms.ECONFLICT {
			return fmt.Errorf("an account for %s already waits for its first sign-in", email)
		}
		return cliError(err)
	}
	fmt.Fprintf(e.stderr, "created account %s; it is bound at the first sign-in through the identity provider with this e-mail, vouched for by the provider\n", u.Email)
	return nil
}

// cmdBackup writes a consistent copy of the database, also while the server
// is running; the README says how to restore it.
func cmdBackup(ctx context.Context, e env, args []string) error {
	c, path, err := oneArg(e, "backup", "usage: followup backup FILE", args)
	if err != nil {
		return err
	}
	// Not c.open: a backup must not migrate the database it copies.
	if err := storage.BackupFile(ctx, c.db, path, 30*time.Second); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote a checked copy of %s to %s\n", c.db, path)
	return nil
}
