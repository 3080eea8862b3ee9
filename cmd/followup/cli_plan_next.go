package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"followup/forms"
)

const planNextUsage = "usage: followup plan next ID --year YYYY [--title T] [--include-done] [--keep-inactive]"

// cmdPlanNext makes next year's plan from a plan with the proposal's
// defaults: activities not done and those that carry over are kept (every
// one with --include-done). Deactivated respondents are dropped, each named
// on standard error, unless --keep-inactive keeps them; an activity that
// would be left without respondents stops the command.
func cmdPlanNext(ctx context.Context, e env, args []string) error {
	var c config
	fs := newFlags("plan next", e, &c)
	year := fs.Int("year", 0, "the new plan's year")
	title := fs.String("title", "", "the new plan's title (default: the plan's title with the year changed)")
	includeDone := fs.Bool("include-done", false, "keep the done activities too")
	keepInactive := fs.Bool("keep-inactive", false, "keep deactivated departments as respondents")
	pos, err := parseAll(fs, args)
	if err != nil || len(pos) != 1 || *year == 0 {
		return usageError{planNextUsage}
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return usageError{"the plan id must be a number"}
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	prop, err := db.NextPlanProposal(ctx, id, *year)
	if err != nil {
		return notFoundOr(err, "no plan %d", id)
	}
	if prop.Existing != 0 {
		return fmt.Errorf("plan %d was already made from plan %d for %d", prop.Existing, id, *year)
	}
	printProposalWarnings(e.stderr, prop)
	in := prop.Input(*includeDone)
	if *title != "" {
		in.Title = *title
	}
	if err := handleFlagged(e.stderr, prop, &in, *keepInactive); err != nil {
		return err
	}
	newID, err := db.CreateNextPlan(ctx, in, cliActor)
	if err != nil {
		return planNextError(err)
	}
	carried := 0
	for _, ar := range in.Areas {
		carried += len(ar.Activities)
	}
	fmt.Fprintln(e.stdout, newID)
	fmt.Fprintf(e.stderr, "created %q with %d activities carried from plan %d\n", in.Title, carried, id)
	return nil
}

// printProposalWarnings says on standard error what the office should know
// about the statuses the proposal was made from.
func printProposalWarnings(w io.Writer, p *forms.NextPlanProposal) {
	round := ""
	if p.Round != nil {
		round = p.Round.Title
	}
	unconsolidated := 0
	for _, ar := range p.Areas {
		for _, a := range ar.Activities {
			if !a.HasStatus {
				unconsolidated++
			}
		}
	}
	texts := map[forms.ProposalWarning]string{
		forms.WarnNoRound:         fmt.Sprintf("plan %d has no follow-up round: nothing is known to be done, every activity is kept", p.Source.ID),
		forms.WarnNoAnnualRound:   fmt.Sprintf("plan %d has no annual round: the statuses come from %q", p.Source.ID, round),
		forms.WarnRoundNotClosed:  fmt.Sprintf("the round %q is not closed: its statuses may still change", round),
		forms.WarnNotConsolidated: fmt.Sprintf("%d activities have no consolidated status in %q and are kept", unconsolidated, round),
		forms.WarnYearTaken:       fmt.Sprintf("other plans for %d exist: %s", p.Year, joinIDs(p.SameYear)),
	}
	for _, warn := range p.Warnings {
		if t, ok := texts[warn]; ok {
			fmt.Fprintln(w, "warning: "+t)
		}
	}
}

// handleFlagged drops deactivated and missing respondents from the input,
// naming each, or with keep names those kept; an activity left without
// respondents is refused.
func handleFlagged(w io.Writer, p *forms.NextPlanProposal, in *forms.NextPlanInput, keep bool) error {
	flagged := map[int64]string{}
	for _, ar := range p.Areas {
		for _, a := range ar.Activities {
			for _, r := range a.Flagged() {
				flagged[r.DepartmentID] = respondentName(r)
			}
		}
	}
	if len(flagged) == 0 {
		return nil
	}
	if keep {
		for _, ar := range in.Areas {
			for _, a := range ar.Activities {
				var ids []int64
				for _, id := range a.DepartmentIDs {
					if _, ok := flagged[id]; ok {
						ids = append(ids, id)
					}
				}
				if len(ids) > 0 {
					fmt.Fprintf(w, "warning: %q keeps deactivated respondents: %s\n", a.Title, names(ids, flagged))
				}
			}
		}
		return nil
	}
	drop := map[int64]bool{}
	for id := range flagged {
		drop[id] = true
	}
	var emptied []string
	for _, d := range in.DropDepartments(drop) {
		fmt.Fprintf(w, "warning: %q: dropped deactivated respondents: %s\n", d.Activity, names(d.DepartmentIDs, flagged))
		if d.Emptied {
			emptied = append(emptied, strconv.Quote(d.Activity))
		}
	}
	if len(emptied) > 0 {
		return fmt.Errorf("no respondent would be left for %s: reactivate a department, run again with --keep-inactive, or make the plan on the plan's page", strings.Join(emptied, ", "))
	}
	return nil
}

func respondentName(r forms.RespondentCheck) string {
	if r.Name == "" {
		return "department " + strconv.FormatInt(r.DepartmentID, 10) + " (removed)"
	}
	return r.Name
}

func names(ids []int64, byID map[int64]string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = byID[id]
	}
	return strings.Join(parts, ", ")
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = "plan " + strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ", ")
}

// planNextError names the fields a refused plan got wrong.
func planNextError(err error) error {
	fe, ok := err.(*forms.Error)
	if !ok || len(fe.Order) == 0 {
		return cliError(err)
	}
	parts := make([]string, len(fe.Order))
	for i, f := range fe.Order {
		parts[i] = f + ": " + fe.Fields[f]
	}
	return fmt.Errorf("the plan was refused: %s", strings.Join(parts, "; "))
}
