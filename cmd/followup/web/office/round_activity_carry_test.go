package office_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"followup/cmd/followup/web/webtest"
	"followup/forms"
)

// TestOfficeConsolidationContinues saves an activity as continuing next
// year with a short reason, shows it on the page and in the history, and
// refuses a done activity marked as continuing with the typed text kept.
func TestOfficeConsolidationContinues(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	r := consNewRound(t, f, 2)
	form := func(status string, base int, continues bool, reason string) url.Values {
		v := url.Values{"status": {strconv.FormatInt(r.status[status], 10)}, "narrative": {"Arbetet fortsätter."},
			"include_comments": {"1"}, "v": {strconv.Itoa(base)}, "carry_reason": {reason}}
		if continues {
			v.Set("continues", "1")
		}
		return v
	}

	t.Run("FormOffersItWithTheStatuses", func(t *testing.T) {
		_, body := f.Get(t, f.Admin, r.path(0)).StatusBody()
		doc := webtest.Parse(t, body)
		box := webtest.ByID(t, doc, "continues")
		if typ, _ := webtest.LookupAttr(box, "type"); typ != "checkbox" {
			t.Errorf("#continues is a %q, want a checkbox", typ)
		}
		if got := webtest.Text(webtest.ByID(t, doc, "continues-hint")); !strings.Contains(got, "Flyttas till nästa år") {
			t.Errorf("hint %q should name the status that always carries over", got)
		}
		if n := len(webtest.FindAll(doc, "textarea", "name=carry_reason")); n != 1 {
			t.Errorf("%d reason fields, want 1", n)
		}
	})
	t.Run("SavedWithReason", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, r.path(0), form("Pågår", 0, true, "Upphandlingen av nytt system blev försenad."))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", res.StatusCode)
		}
		rep, err := f.DB.RoundReport(ctx, r.id)
		if err != nil {
			t.Fatal(err)
		}
		c := rep.Consolidations[r.acts[0].ID]
		if !c.Continues || c.CarryReason != "Upphandlingen av nytt system blev försenad." {
			t.Errorf("stored %+v", c)
		}
		carried := rep.CarriedOver()
		if len(carried) != 1 || carried[0].Activity.ID != r.acts[0].ID {
			t.Errorf("carried over %+v, want the activity", carried)
		}
		_, body := f.Get(t, f.Admin, res.Header.Get("Location")).StatusBody()
		doc := webtest.Parse(t, body)
		if _, on := webtest.LookupAttr(webtest.ByID(t, doc, "continues"), "checked"); !on {
			t.Error("the form does not show the saved choice")
		}
		if got := webtest.Text(webtest.ByID(t, doc, "carry_reason")); got != "Upphandlingen av nytt system blev försenad." {
			t.Errorf("reason field %q", got)
		}
		hist := webtest.Text(webtest.FindAll(doc, "table", "class=cons-history")[0])
		if !strings.Contains(hist, "Fortsätter nästa år") || !strings.Contains(hist, "Ja: Upphandlingen av nytt system blev försenad.") {
			t.Errorf("history %q lacks the choice and its reason", hist)
		}
		_, rbody := f.Get(t, f.Reader, r.path(0)).StatusBody()
		if got := webtest.Text(webtest.ByID(t, webtest.Parse(t, rbody), "saved-continues")); got != "Ja: Upphandlingen av nytt system blev försenad." {
			t.Errorf("a reader sees %q", got)
		}
	})
	t.Run("ErrDoneCannotContinue", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, r.path(0), form("Genomfört", 1, true, "Skrivet men ogiltigt"))
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		links := webtest.FindAll(webtest.ByID(t, doc, "error-summary"), "a", "href=#continues")
		if len(links) != 1 || !strings.Contains(webtest.Text(links[0]), "En genomförd aktivitet kan inte fortsätta nästa år") {
			t.Errorf("the error summary should link to the checkbox with the reason")
		}
		if got := webtest.Text(webtest.ByID(t, doc, "carry_reason")); got != "Skrivet men ogiltigt" {
			t.Errorf("the typed reason is %q", got)
		}
		if v, _ := webtest.LookupAttr(webtest.ByID(t, doc, "continues"), "aria-invalid"); v != "true" {
			t.Error("the checkbox is not marked invalid")
		}
		hist, _ := f.DB.ConsolidationHistory(ctx, r.id, r.acts[0].ID)
		if len(hist) != 1 {
			t.Errorf("a refused save stored something: %d versions", len(hist))
		}
	})
	t.Run("ErrReasonTooLongNamesTheLimit", func(t *testing.T) {
		long := strings.Repeat("x", forms.MaxReasonRunes+1)
		res := f.PostForm(t, f.Admin, r.path(0), form("Pågår", 1, true, long))
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		if got := webtest.Text(webtest.ByID(t, webtest.Parse(t, body), "carry_reason-error")); got != "Texten är för lång (högst 500 tecken)." {
			t.Errorf("message %q", got)
		}
	})
}
