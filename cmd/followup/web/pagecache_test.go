package web

import (
	"context"
	"strings"
	"testing"

	"followup/forms"
	"followup/storage"
)

// TestQuestionnairePageNeverStale reads a department's page (filling the
// rendered-page cache), changes something the page shows by every path the
// office has, and expects the next read to show the change.
func TestQuestionnairePageNeverStale(t *testing.T) {
	e := newOfficeEnv(t)
	ctx := context.Background()
	var link storage.Link
	for _, l := range e.info.Links {
		resp, _ := e.db.Response(ctx, e.info.AnnualID, l.Department.ID)
		if resp.State != forms.ResponseSubmitted {
			link = l
			break
		}
	}
	round, _ := e.db.Round(ctx, e.info.AnnualID)
	plan, _ := e.db.Plan(ctx, round.PlanID)
	act := plan.AssignedAreas(link.Department.ID)[0].Activities[0]
	page := func() string {
		t.Helper()
		status, body := e.get(e.anon, "/r/"+link.Token)
		if status != 200 {
			t.Fatalf("status %d", status)
		}
		return body
	}
	changes := []struct {
		name string
		want string
		do   func() error
	}{
		{"DepartmentRenamed", "Omdöpt förvaltning", func() error {
			return e.db.UpdateDepartment(ctx, link.Department.ID, forms.DepartmentInput{Name: "Omdöpt förvaltning", Kind: "förvaltning"}, "test")
		}},
		{"ActivityRetitled", "Ny rubrik för aktiviteten", func() error {
			act.Title = "Ny rubrik för aktiviteten"
			return e.db.UpdateActivity(ctx, plan.ID, act.ID, act, "test")
		}},
		{"AnswerSaved", "Sparat av en kollega", func() error {
			cur, _ := e.db.Response(ctx, e.info.AnnualID, link.Department.ID)
			_, err := e.db.SaveResponse(ctx, e.server.Loc, e.info.AnnualID, link.Department.ID, forms.SaveInput{Answers: []forms.AnswerInput{
				{ActivityID: act.ID, StatusID: plan.Statuses[2].ID, Comment: "Sparat av en kollega", BaseVersion: cur.Answers[act.ID].Version}}}, "test")
			return err
		}},
		{"RoundClosed", "Omgången är stängd", func() error {
			return e.db.SetRoundState(ctx, e.info.AnnualID, forms.RoundClosed, "test")
		}},
	}
	for _, ch := range changes {
		t.Run(ch.name, func(t *testing.T) {
			if strings.Contains(page(), ch.want) {
				t.Fatalf("%q is on the page before the change", ch.want)
			}
			page() // served from the cache now
			if err := ch.do(); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(page(), ch.want) {
				t.Fatalf("%q is not on the page after the change: a stale page was served", ch.want)
			}
		})
	}
}
