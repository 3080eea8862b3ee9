package questionnaire_test

import (
	"context"
	"strings"
	"testing"

	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

// TestQuestionnairePageNeverStale reads a department's page (filling the
// rendered-page cache), changes something the page shows by every path the
// office has, and expects the next read to show the change.
func TestQuestionnairePageNeverStale(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	link, act := f.EditableLink(t)
	plan := f.Plan
	page := func() string {
		t.Helper()
		status, body := f.Get(t, f.Anon, "/r/"+link.Token).StatusBody()
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
			return f.DB.UpdateDepartment(ctx, link.Department.ID, forms.DepartmentInput{Name: "Omdöpt förvaltning", Kind: "förvaltning"}, "test")
		}},
		{"ActivityRetitled", "Ny rubrik för aktiviteten", func() error {
			act.Title = "Ny rubrik för aktiviteten"
			return f.DB.UpdateActivity(ctx, plan.ID, act.ID, act, "test")
		}},
		{"AnswerSaved", "Sparat av en kollega", func() error {
			cur, _ := f.DB.Response(ctx, f.Demo.AnnualID, link.Department.ID)
			_, err := f.DB.SaveResponse(ctx, f.Loc, f.Demo.AnnualID, link.Department.ID, forms.SaveInput{Answers: []forms.AnswerInput{
				{ActivityID: act.ID, StatusID: plan.Statuses[2].ID, Comment: "Sparat av en kollega", BaseVersion: cur.Answers[act.ID].Version}}}, "test")
			return err
		}},
		{"RoundClosed", "Omgången är stängd", func() error {
			return f.DB.SetRoundState(ctx, f.Demo.AnnualID, forms.RoundClosed, "test")
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
