package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"followup/forms"
)

// Departments of the demo municipality that the flows use.
const (
	deptCulture = "Kultur- och fritidsförvaltningen"       // annual: a draft with unanswered activities
	deptSocial  = "Socialförvaltningen"                    // annual: a draft
	deptSchool  = "Barn- och utbildningsförvaltningen"     // annual: submitted
	deptPlan    = "Samhällsbyggnadsförvaltningen"          // annual: submitted
	deptIT      = "Kommunledningskontoret, IT-avdelningen" // annual: not started
	deptEnergy  = "Exempelby Energi och Vatten AB"         // annual: not started
	deptRescue  = "Räddningstjänsten Västra Dalen"         // annual: submitted
	deptHousing = "Exempelby Bostäder AB"                  // annual: submitted
)

// groupState is the state of one activity's status group, read from the page.
type groupState struct {
	Focused int      `json:"focused"` // index of the focused radio, -1 when none
	Checked int      `json:"checked"` // index of the checked radio, -1 when none
	Values  []string `json:"values"`
	Names   []string `json:"names"`
}

func (tb *tab) group(activity string) groupState {
	tb.t.Helper()
	return evalJS[groupState](tb, fmt.Sprintf(`(() => {
		const rs = [...document.querySelectorAll('input[type=radio][name="status-%s"]')];
		return {focused: rs.indexOf(document.activeElement), checked: rs.findIndex(r => r.checked),
			values: rs.map(r => r.value), names: rs.map(r => r.closest("label").textContent.trim())}; })()`, activity))
}

// chooseStatus picks the status at index want in the focused status group
// with the arrow keys (or Space when the focused choice is the one).
func (tb *tab) chooseStatus(activity string, want int) string {
	tb.t.Helper()
	g := tb.group(activity)
	if g.Focused < 0 {
		tb.t.Fatalf("activity %s: the focus is not in its status group but on %+v", activity, tb.active())
	}
	switch {
	case g.Focused == want && g.Checked != want:
		tb.press("Space on a status", key(" "))
	case want > g.Focused:
		for i := g.Focused; i < want; i++ {
			tb.press("ArrowDown in a status group", key(kb.ArrowDown))
		}
	case want < g.Focused:
		for i := g.Focused; i > want; i-- {
			tb.press("ArrowUp in a status group", key(kb.ArrowUp))
		}
	}
	g = tb.group(activity)
	if g.Checked != want || g.Focused != want {
		tb.t.Fatalf("activity %s: arrow keys left choice %d checked and %d focused, want %d", activity, g.Checked, g.Focused, want)
	}
	return g.Values[want]
}

// notObscured fails the test when the focused element is hidden behind a
// sticky part of the page (the questionnaire's bar of buttons).
func (tb *tab) notObscured() {
	tb.t.Helper()
	if p := evalJS[string](tb, `new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(ok))).then(() => {
		const a = document.activeElement; const r = a.getBoundingClientRect();
		const x = r.left + Math.min(r.width / 2, 10), y = r.bottom - 2;
		if (y > innerHeight || r.top < 0) return "out of view (top " + Math.round(r.top) + ", bottom " + Math.round(r.bottom) + ")";
		const hit = document.elementFromPoint(x, y);
		return !hit || a === hit || a.contains(hit) || (a.labels && [...a.labels].some(l => l.contains(hit))) ? "" : "covered by " + hit.tagName.toLowerCase() + "." + hit.className; })`); p != "" {
		tb.t.Errorf("the focused %+v is %s", tb.active(), p)
	}
}

// typeInto replaces the text of the focused field by typing.
func (tb *tab) typeText(text string) {
	tb.t.Helper()
	tb.press("type", selectAll(), chromedp.KeyEvent(text))
}

type expectedAnswer struct {
	Status  string
	Comment string
	Support bool
}

// activityIDs lists the page's activities in order.
func (tb *tab) activityIDs() []string {
	tb.t.Helper()
	return evalJS[[]string](tb, `[...document.querySelectorAll("fieldset[data-activity]")].map(f => f.dataset.activity)`)
}

// pageAnswers reads every activity's answer as the page shows it.
func (tb *tab) pageAnswers() map[string]expectedAnswer {
	tb.t.Helper()
	raw := evalJS[map[string]struct {
		Status  string `json:"status"`
		Comment string `json:"comment"`
		Support bool   `json:"support"`
	}](tb, `Object.fromEntries([...document.querySelectorAll("fieldset[data-activity]")].map(f => { const id = f.dataset.activity;
		const c = f.querySelector('input[type=radio]:checked');
		return [id, {status: c ? c.value : "", comment: document.getElementById("comment-" + id).value,
			support: document.getElementById("support-" + id).checked}]; }))`)
	out := map[string]expectedAnswer{}
	for id, a := range raw {
		out[id] = expectedAnswer{a.Status, a.Comment, a.Support}
	}
	return out
}

// TestQuestionnaireByKeyboard is flow 1: a department fills in its whole
// questionnaire with the keyboard only, sees it autosaved, finds it again
// after a reload, submits with a status missing, follows the error summary
// to the field, fixes it, submits and downloads the receipt.
func TestQuestionnaireByKeyboard(t *testing.T) {
	e := newEnv(t)
	resp, err := e.DB.Response(context.Background(), e.Demo.AnnualID, e.departmentID(deptCulture))
	if err != nil {
		t.Fatal(err)
	}
	if resp.State == forms.ResponseSubmitted {
		t.Fatalf("%s has already submitted in the demo; the flow needs an open response", deptCulture)
	}
	tb := e.newTab(t)
	tb.setLang("sv")
	path := e.link(deptCulture)
	tb.open(path)

	ids := tb.activityIDs()
	if len(ids) < 5 {
		t.Fatalf("the questionnaire shows %d activities", len(ids))
	}
	want := map[string]expectedAnswer{}

	// From the top of the page, Tab into the first status group.
	tb.tabUntil(`input[type=radio][name^="status-"]`, 15)
	for i, id := range ids {
		if a := tb.active(); a.Name != "status-"+id {
			t.Fatalf("activity %d (%s): Tab led to %+v, want its status group", i+1, id, a)
		}
		status := tb.chooseStatus(id, (i+1)%6)
		tb.press("Tab to the comment", tabKey())
		if a := tb.active(); a.ID != "comment-"+id {
			t.Fatalf("activity %s: Tab from the status led to %+v, want the comment", id, a)
		}
		tb.notObscured()
		comment := fmt.Sprintf("Åtgärd %d klar för år ö", i+1)
		tb.typeText(comment)
		tb.press("Tab to the support box", tabKey())
		if a := tb.active(); a.ID != "support-"+id {
			t.Fatalf("activity %s: Tab from the comment led to %+v, want the support box", id, a)
		}
		tb.notObscured()
		support := tb.active().Checked
		if i%3 == 0 {
			tb.press("Space on the support box", key(" "))
			support = !support
		}
		if got := tb.active().Checked; got != support {
			t.Fatalf("activity %s: Space left the support box checked=%v", id, got)
		}
		want[id] = expectedAnswer{status, comment, support}
		tb.press("Tab to the next field", tabKey())
	}
	if a := tb.active(); a.ID != "general_comment" {
		t.Fatalf("after the last activity Tab led to %+v, want the general comment", a)
	}
	tb.typeText("Allt enligt plan")
	tb.press("Tab to the name", tabKey())
	if a := tb.active(); a.ID != "filled_in_by" {
		t.Fatalf("Tab led to %+v, want the name field", a)
	}
	tb.typeText("Åsa Öberg")
	tb.press("Shift+Tab back to the general comment", shiftTab())
	if a := tb.active(); a.ID != "general_comment" || a.Value != "Allt enligt plan" {
		t.Fatalf("Shift+Tab led to %+v, want the general comment with its text", a)
	}
	tb.press("Tab to the name again", tabKey())

	// The autosave indicator is a polite live region and says when it saved.
	live := evalJS[[]string](tb, `(() => { const s = document.getElementById("autosave"); return [s.getAttribute("role") || "", s.getAttribute("aria-live") || ""]; })()`)
	if live[0] != "status" || live[1] != "polite" {
		t.Fatalf("#autosave has role=%q aria-live=%q, want status and polite", live[0], live[1])
	}
	tb.waitJS("the autosave indicator to say Sparat HH:MM", `/^Sparat \d\d:\d\d$/.test(document.getElementById("autosave").textContent.trim())`)

	// A reload shows everything as typed.
	tb.open(path)
	got := tb.pageAnswers()
	for id, w := range want {
		if got[id] != w {
			t.Errorf("after the reload activity %s shows %+v, want %+v", id, got[id], w)
		}
	}
	if v := evalJS[[]string](tb, `[document.getElementById("general_comment").value, document.getElementById("filled_in_by").value]`); v[0] != "Allt enligt plan" || v[1] != "Åsa Öberg" {
		t.Errorf("after the reload the closing fields show %q", v)
	}
	if t.Failed() {
		t.FailNow()
	}

	// Clear one status (a draft save without it), then submit by keyboard.
	cleared := ids[2]
	body, _ := json.Marshal(map[string]any{"answers": []map[string]any{{"activity_id": atoi(t, cleared), "status_id": 0,
		"comment": want[cleared].Comment, "needs_support": want[cleared].Support,
		"base_version": evalJS[int](tb, fmt.Sprintf(`+document.querySelector('input[name="v-%s"]').value`, cleared))}}})
	res := evalJS[int](tb, fmt.Sprintf(`fetch(document.getElementById("questionnaire").dataset.autosave, {method: "POST",
		headers: {"Content-Type": "application/json"}, body: %q}).then(r => r.status)`, body))
	if res != 200 {
		t.Fatalf("clearing a status through the draft API: %d", res)
	}
	tb.open(path)
	if g := tb.group(cleared); g.Checked != -1 {
		t.Fatalf("activity %s still has status %d after it was cleared", cleared, g.Checked)
	}
	tb.tabUntil(`button[value=submit]`, 80)
	tb.navigating("submit with Enter", enterKey())

	// The error summary has the focus, and its link leads to the field.
	if a := tb.active(); a.ID != "error-summary" {
		t.Fatalf("after the refused submit the focus is on %+v, want the error summary", a)
	}
	if r := evalJS[string](tb, `document.getElementById("error-summary").getAttribute("role")`); r != "alert" {
		t.Errorf("the error summary has role %q, want alert", r)
	}
	if !strings.HasPrefix(evalJS[string](tb, `document.title`), "Fel: ") {
		t.Errorf("the title of the page with errors is %q, want it to start with \"Fel: \"", evalJS[string](tb, `document.title`))
	}
	tb.press("Tab into the summary", tabKey())
	if a := tb.active(); a.Tag != "a" || !strings.Contains(a.Text, "Välj en status") {
		t.Fatalf("Tab from the summary led to %+v, want its link to the missing status", a)
	}
	tb.press("Enter on the summary link", enterOnLink())
	tb.waitJS("the focus to move to the field", fmt.Sprintf(`!!document.activeElement && document.activeElement.name === "status-%s"`, cleared))
	inView := evalJS[bool](tb, fmt.Sprintf(`(() => { const r = document.querySelector("#activity-%s legend").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`, cleared))
	if !inView {
		t.Errorf("the summary link did not bring the activity's legend into view")
	}
	tb.chooseStatus(cleared, 3) // Genomfört
	tb.tabUntil(`button[value=submit]`, 80)
	tb.navigating("submit again with Enter", enterKey())

	// The receipt, and its PDF.
	if !strings.HasSuffix(tb.location(), "#kvitto") || !evalJS[bool](tb, `!!document.getElementById("kvitto")`) {
		t.Fatalf("after submitting the page is %s without the receipt", tb.location())
	}
	href := evalJS[string](tb, `document.querySelector('#kvitto a[href$="kvitto.pdf"]').href`)
	pdf := tb.fetch(href)
	if pdf.Status != 200 || !strings.HasPrefix(pdf.Head, "%PDF") {
		t.Fatalf("the receipt PDF: status %d, type %q, starts %q", pdf.Status, pdf.ContentType, pdf.Head)
	}
	stored, err := e.DB.Response(context.Background(), e.Demo.AnnualID, e.departmentID(deptCulture))
	if err != nil {
		t.Fatal(err)
	}
	if stored.State != forms.ResponseSubmitted || stored.FilledInBy != "Åsa Öberg" {
		t.Fatalf("stored response: state %s, filled in by %q", stored.State, stored.FilledInBy)
	}
	tb.noDialogs()
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}

// TestQuestionnaireShowsInterimAnswers is flow 2: in the annual round each
// activity shows what the department answered at the interim report.
func TestQuestionnaireShowsInterimAnswers(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct{ lang, dept, label string }{
		{"sv", deptSocial, "Vid delårsrapporten:"},
		{"en", deptSocial, "At the interim report:"},
		{"sv", deptSchool, "Vid delårsrapporten:"}, // submitted: read-only
	} {
		t.Run(c.lang+"/"+c.dept, func(t *testing.T) {
			tb := e.newTab(t)
			tb.setLang(c.lang)
			tb.open(e.link(c.dept))
			n := evalJS[[]int](tb, fmt.Sprintf(`(() => { const acts = [...document.querySelectorAll("fieldset.activity, article.activity")];
				return [acts.length, acts.filter(a => { const i = a.querySelector(".interim"); return i && i.textContent.trim().startsWith(%q) && i.textContent.trim().length > %d; }).length]; })()`,
				c.label, len(c.label)+2))
			if n[0] == 0 || n[0] != n[1] {
				t.Fatalf("%d of %d activities show the interim answer with %q", n[1], n[0], c.label)
			}
		})
	}
}

// TestQuestionnaireTwoEditors is flow 3: two people edit the same comment;
// the second sees the conflict with the first one's text and keeps its own.
func TestQuestionnaireTwoEditors(t *testing.T) {
	e := newEnv(t)
	path := e.link(deptSocial)
	a, b := e.newTab(t), e.newTab(t)
	a.setLang("sv")
	b.setLang("sv")
	a.open(path)
	b.open(path)
	x := a.activityIDs()[1]
	comment := "#comment-" + x

	a.do("focus the comment in the first browser", chromedp.Focus(chromedp.CSS(comment)))
	a.typeText("Första redaktörens text")
	a.navigating("save in the first browser", chromedp.Click(chromedp.CSS(`button[value=save]`)))
	if !strings.Contains(a.location(), "sparat=1") {
		t.Fatalf("the first save ended on %s", a.location())
	}

	b.do("focus the comment in the second browser", chromedp.Focus(chromedp.CSS(comment)))
	b.typeText("Andra redaktörens text")
	b.navigating("save in the second browser", chromedp.Click(chromedp.CSS(`button[value=save]`)))
	notice := evalJS[string](b, `(document.getElementById("status") || {}).textContent || ""`)
	if !strings.Contains(notice, "ändrat några av svaren samtidigt") {
		t.Fatalf("the second editor sees no conflict notice (notice %q)", strings.TrimSpace(notice))
	}
	theirs := evalJS[string](b, fmt.Sprintf(`(document.getElementById("conflict-%s") || {}).textContent || ""`, x))
	if !strings.Contains(theirs, "Första redaktörens text") {
		t.Fatalf("the conflict box does not show the other editor's text: %q", theirs)
	}
	if v := evalJS[string](b, fmt.Sprintf(`document.querySelector(%q).value`, comment)); v != "Andra redaktörens text" {
		t.Fatalf("the second editor's text was lost: the field holds %q", v)
	}
	if n := evalJS[int](b, `document.querySelectorAll("#error-summary a").length`); n < 1 {
		t.Errorf("the conflict is not in the error summary")
	}

	// Saving again deliberately keeps the second editor's text.
	b.navigating("save again in the second browser", chromedp.Click(chromedp.CSS(`button[value=save]`)))
	stored, err := e.DB.Response(context.Background(), e.Demo.AnnualID, e.departmentID(deptSocial))
	if err != nil {
		t.Fatal(err)
	}
	if got := stored.Answers[atoi(t, x)].Comment; got != "Andra redaktörens text" {
		t.Fatalf("after saving again the stored comment is %q", got)
	}
	a.noDialogs()
	b.noDialogs()
}
