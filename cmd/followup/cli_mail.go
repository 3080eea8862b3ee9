package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"followup/cmd/followup/internal/mail"
	"followup/forms"
)

// cmdRoundRemind queues a reminder to every department of a round that has
// not submitted; with --dry-run it only prints who would get what.
func cmdRoundRemind(ctx context.Context, e env, args []string) error {
	var mf mailFlags
	var dryRun *bool
	db, c, id, _, err := roundArgWith(ctx, e, "round remind", args, func(fs *flag.FlagSet) {
		mf.flags(fs, e)
		dryRun = fs.Bool("dry-run", false, "print who would get which reminder, and send nothing")
	})
	if err != nil {
		return err
	}
	defer db.Close()
	mailCfg, err := mf.config(e)
	if err != nil {
		return err
	}
	if !*dryRun {
		if !mailCfg.Enabled() {
			return fmt.Errorf("mail is off: set FOLLOWUP_SMTP_HOST (and the other FOLLOWUP_SMTP_* settings) first; --dry-run shows who would get a reminder")
		}
		n, err := db.QueueReminders(ctx, id, nil, cliActor)
		if err != nil {
			return cliError(err)
		}
		fmt.Fprintf(e.stderr, "queued %d reminders; the server sends them through %s\n", n, mailCfg.Host)
		return nil
	}
	secret, err := c.secret(e)
	if err != nil {
		return err
	}
	base, err := c.base()
	if err != nil {
		return err
	}
	loc, err := c.location()
	if err != nil {
		return err
	}
	rep, err := db.RoundReport(ctx, id)
	if err != nil {
		return cliError(err)
	}
	comp := mail.Composer{Config: mailCfg, Loc: loc, Link: func(tok string) string { return base.String() + "/r/" + tok }}
	w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "DEPARTMENT\tSTATE\tTO\tSUBJECT\tUNANSWERED")
	for _, d := range rep.Departments {
		state := rep.ResponseState(d.ID)
		if state == forms.ResponseSubmitted {
			continue
		}
		data, err := db.MailPreview(ctx, secret, id, d.ID, forms.MailReminder)
		if err != nil {
			return cliError(err)
		}
		msg, _, why := comp.Compose(data)
		to := strings.Join(msg.To, ", ")
		if why != "" {
			to = "(" + why + ")"
		}
		answered, assigned := rep.AnsweredOf(d.ID)
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\n", d.Name, state, to, msg.Subject, assigned-answered)
	}
	return w.Flush()
}
