// Package demo fills an empty database with a fictional municipality, so a
// newcomer can click through a whole follow-up year at once.
package demo

import (
	"context"
	"fmt"
	"io"
	"time"

	"followup/forms"
	"followup/storage"
)

// Info says what the demo created and where to click.
type Info struct {
	Created     bool
	InterimID   int64
	AnnualID    int64
	Links       []storage.Link
	AdminEmail  string
	AdminPass   string
	ReaderEmail string
	ReaderPass  string
}

// Demo accounts; the password is printed on every start, so it is no secret.
const (
	AdminEmail    = "samordnare@exempelby.se"
	AdminPassword = "demo-samordnare"
	ReaderEmail   = "revisor@exempelby.se"
	ReaderPass    = "demo-revisor"
)

// Seed creates the demo municipality when the database has no departments;
// otherwise it leaves the data alone and only finds the demo's rounds again.
func Seed(ctx context.Context, db *storage.DB, secret []byte) (Info, error) {
	info := Info{AdminEmail: AdminEmail, AdminPass: AdminPassword, ReaderEmail: ReaderEmail, ReaderPass: ReaderPass}
	deps, err := db.Departments(ctx, true)
	if err != nil {
		return info, err
	}
	if len(deps) == 0 {
		if err := create(ctx, db, &info); err != nil {
			return info, err
		}
		info.Created = true
	} else if err := find(ctx, db, &info); err != nil {
		return info, err
	}
	if err := ensureAccounts(ctx, db); err != nil {
		return info, err
	}
	if info.AnnualID != 0 {
		info.Links, err = db.Links(ctx, secret, info.AnnualID)
	}
	return info, err
}

func find(ctx context.Context, db *storage.DB, info *Info) error {
	rounds, err := db.Rounds(ctx)
	if err != nil {
		return err
	}
	for _, r := range rounds {
		if r.Kind == forms.RoundAnnual && r.State == forms.RoundOpen && info.AnnualID == 0 {
			info.AnnualID = r.ID
		}
		if r.Kind == forms.RoundInterim && info.InterimID == 0 {
			info.InterimID = r.ID
		}
	}
	return nil
}

// Print tells the newcomer where to click.
func Print(w io.Writer, info Info, link func(token string) string, base string) {
	if info.Created {
		fmt.Fprintln(w, "Demo data created: Exempelby kommun, 8 departments, a plan of 15 activities, a closed interim round and an open annual round.")
	} else {
		fmt.Fprintln(w, "The database already has data; the demo left it as it was.")
	}
	fmt.Fprintf(w, "\nOffice workspace: %s/logga-in\n", base)
	fmt.Fprintf(w, "  coordinator (admin): %s / %s\n", info.AdminEmail, info.AdminPass)
	fmt.Fprintf(w, "  reader:              %s / %s\n", info.ReaderEmail, info.ReaderPass)
	if len(info.Links) > 0 {
		fmt.Fprintln(w, "\nQuestionnaires of the open annual round, one link per department:")
		for _, l := range info.Links {
			fmt.Fprintf(w, "  %-42s %s\n", l.Department.Name, link(l.Token))
		}
	}
	fmt.Fprintln(w)
}

func create(ctx context.Context, db *storage.DB, info *Info) error {
	const actor = "demo"
	ids := map[string]int64{}
	for _, d := range departments {
		dep, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: d.name, Kind: string(d.kind), Email: d.email}, actor)
		if err != nil {
			return err
		}
		ids[d.name] = dep.ID
	}
	deps, err := db.Departments(ctx, true)
	if err != nil {
		return err
	}
	now := db.Now()
	year := now.Year()
	doc := planDocument(year)
	plan, err := doc.ToPlan(deps)
	if err != nil {
		return err
	}
	planID, err := db.CreatePlan(ctx, plan, actor)
	if err != nil {
		return err
	}
	interimID, err := db.CreateRound(ctx, forms.RoundInput{PlanID: planID, Kind: "interim", Title: fmt.Sprintf("Delårsrapport %d", year),
		ReportDate: fmt.Sprintf("%d-08-31", year), Deadline: now.AddDate(0, 0, 30).Format(forms.DateLayout)}, actor)
	if err != nil {
		return err
	}
	if err := db.SetRoundState(ctx, interimID, forms.RoundOpen, actor); err != nil {
		return err
	}
	loc := time.UTC
	for i, d := range departments {
		in, name := answersFor(plan, ids[d.name], i, d.interim, true)
		if _, err := db.SubmitResponse(ctx, loc, interimID, ids[d.name], in, storage.Actor(name)); err != nil {
			return fmt.Errorf("interim answers of %s: %w", d.name, err)
		}
	}
	if err := db.SetRoundState(ctx, interimID, forms.RoundClosed, actor); err != nil {
		return err
	}
	annualID, err := db.CreateRound(ctx, forms.RoundInput{PlanID: planID, Kind: "annual", Title: fmt.Sprintf("Årsredovisning %d", year),
		ReportDate: fmt.Sprintf("%d-12-31", year), Deadline: now.AddDate(0, 0, 45).Format(forms.DateLayout)}, actor)
	if err != nil {
		return err
	}
	if err := db.SetRoundState(ctx, annualID, forms.RoundOpen, actor); err != nil {
		return err
	}
	for i, d := range departments {
		if d.annual == nil {
			continue
		}
		in, name := answersFor(plan, ids[d.name], i, d.annual, d.submitAnnual)
		var err error
		if d.submitAnnual {
			_, err = db.SubmitResponse(ctx, loc, annualID, ids[d.name], in, storage.Actor(name))
		} else {
			_, err = db.SaveResponse(ctx, loc, annualID, ids[d.name], in, storage.Actor(name))
		}
		if err != nil {
			return fmt.Errorf("annual answers of %s: %w", d.name, err)
		}
	}
	if err := consolidate(ctx, db, plan, annualID); err != nil {
		return err
	}
	if err := writeTexts(ctx, db, annualID); err != nil {
		return err
	}
	info.InterimID, info.AnnualID = interimID, annualID
	return nil
}

// answersFor turns a department's status pattern into a save: pattern[i]
// is the status position for the i-th activity it answers (-1: no answer);
// dep is the department's position in departments.
func answersFor(plan *forms.Plan, depID int64, dep int, pattern []int, complete bool) (forms.SaveInput, string) {
	var in forms.SaveInput
	i := 0
	for n, a := range plan.Activities() {
		if !a.AssignedTo(depID) {
			continue
		}
		pos := pattern[i%len(pattern)]
		i++
		if pos < 0 && !complete {
			continue
		}
		if pos < 0 {
			pos = 2
		}
		st := plan.Statuses[pos]
		in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ID, StatusID: st.ID,
			Comment: commentFor(n, dep, pos), NeedsSupport: (int(a.ID)+int(depID))%5 == 0})
	}
	name := names[dep%len(names)]
	general := generalComments[dep%len(generalComments)]
	in.GeneralComment, in.FilledInBy = &general, &name
	return in, name
}
