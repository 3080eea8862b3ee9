package browsertest

import (
	"context"
	"fmt"
	"time"

	"followup/forms"
	"followup/storage"
)

// bigRoundNames are the departments added to the demo's eight for a round
// of 40: as many as a large municipality follows up, with long names, a
// comma in one, and every kind.
var bigRoundNames = []struct{ name, kind string }{
	{"Miljöförvaltningen", "förvaltning"}, {"Stadsbyggnadskontoret, bygglovsenheten", "förvaltning"},
	{"Tekniska förvaltningen", "förvaltning"}, {"Arbetsmarknads- och vuxenutbildningsförvaltningen", "förvaltning"},
	{"Överförmyndarförvaltningen", "förvaltning"}, {"Vård- och omsorgsförvaltningen", "förvaltning"},
	{"Gymnasieförvaltningen", "förvaltning"}, {"Förskoleförvaltningen", "förvaltning"},
	{"Individ- och familjeomsorgen", "förvaltning"}, {"Servicekontoret", "förvaltning"},
	{"Lönecentrum", "förvaltning"}, {"Kontaktcenter", "förvaltning"},
	{"Upphandlingsenheten", "förvaltning"}, {"Kommunarkivet", "förvaltning"},
	{"Måltidsservice", "förvaltning"}, {"Fastighetsförvaltningen", "förvaltning"},
	{"Exempelby Hamn AB", "bolag"}, {"Exempelby Parkering AB", "bolag"},
	{"Exempelby Fjärrvärme AB", "bolag"}, {"Exempelby Lokaler AB", "bolag"},
	{"Exempelby Näringslivsutveckling AB", "bolag"}, {"Exempelby Stadsnät AB", "bolag"},
	{"Exempelby Turism och Evenemang AB", "bolag"}, {"Exempelby Flygplats AB", "bolag"},
	{"Räddningstjänstförbundet Norra", "förbund"}, {"Gymnasieförbundet Södra", "förbund"},
	{"Miljö- och hälsoskyddsförbundet Västra", "förbund"}, {"Samordningsförbundet Östra", "förbund"},
	{"Kommunalförbundet för IT-drift", "förbund"}, {"Vatten- och avloppsförbundet", "förbund"},
	{"Överförmyndarnämnden i samverkan", "förbund"}, {"Familjerättsförbundet", "förbund"},
}

// bigRound opens an annual round of the demo's plan for 40 departments,
// the demo's eight and bigRoundNames, compared with the demo's interim
// round. Most have submitted, every fifth
// has a draft, one was returned and a few have not started.
func (e *env) bigRound() int64 {
	e.t.Helper()
	ctx := context.Background()
	annual, err := e.DB.Round(ctx, e.Demo.AnnualID)
	if err != nil {
		e.t.Fatal(err)
	}
	plan, err := e.DB.Plan(ctx, annual.PlanID)
	if err != nil {
		e.t.Fatal(err)
	}
	var ids []int64
	for _, l := range e.Demo.Links {
		ids = append(ids, l.Department.ID)
	}
	for _, d := range bigRoundNames {
		dep, err := e.DB.CreateDepartment(ctx, forms.DepartmentInput{Name: d.name, Kind: d.kind}, "test")
		if err != nil {
			e.t.Fatal(err)
		}
		ids = append(ids, dep.ID)
	}
	id, err := e.DB.CreateRound(ctx, forms.RoundInput{PlanID: plan.ID, Kind: "annual", Title: "Stor omgång",
		ReportDate: time.Now().Format(forms.DateLayout), Deadline: time.Now().AddDate(0, 0, 20).Format(forms.DateLayout), DepartmentIDs: ids}, "test")
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.DB.SetRoundState(ctx, id, forms.RoundOpen, "test"); err != nil {
		e.t.Fatal(err)
	}
	var comments = map[bool]string{false: "Arbetet pågår enligt plan.", true: "Vi saknar resurser och behöver hjälp av samordnarna."}
	for i, dep := range ids {
		if i%13 == 3 {
			continue // not started
		}
		var in forms.SaveInput
		for j, a := range plan.Activities() {
			if !a.AssignedTo(dep) {
				continue
			}
			st := plan.Statuses[(i+j)%len(plan.Statuses)]
			support := (i+j)%11 == 0
			in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ID, StatusID: st.ID, Comment: comments[support], NeedsSupport: support})
		}
		name := "Testperson"
		in.FilledInBy = &name
		if i%5 == 1 {
			_, err = e.DB.SaveResponse(ctx, time.UTC, id, dep, in, storage.Actor(name))
		} else {
			_, err = e.DB.SubmitResponse(ctx, time.UTC, id, dep, in, storage.Actor(name))
		}
		if err != nil {
			e.t.Fatalf("answers of department %d: %v", dep, err)
		}
		if i == 10 {
			if err := e.DB.ReturnResponse(ctx, time.UTC, id, dep, "Komplettera gärna kommentarerna.", "test"); err != nil {
				e.t.Fatal(err)
			}
		}
	}
	return id
}

// bigRoundPath is the address of a page of the big round.
func bigRoundPath(id int64, rest string) string {
	return fmt.Sprintf("/kontor/omgangar/%d%s", id, rest)
}
