package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"followup/cmd/followup/demo"
	"followup/forms"
)

// fill sets the fields of a form by name, as the page's own scripts would
// see a person's input: a select's option, a radio's value, a checkbox
// (values "on"/"off"), or a text.
func (tb *tab) fill(form string, values map[string]string) {
	tb.t.Helper()
	f, _ := json.Marshal(form)
	v, _ := json.Marshal(values)
	missing := evalJS[[]string](tb, fmt.Sprintf(`(() => { const form = document.querySelector(%s); if (!form) return ["the form " + %s];
		const missing = [];
		for (const [name, value] of Object.entries(%s)) {
			const els = [...form.querySelectorAll('[name="' + name + '"]')];
			if (els.length === 0) { missing.push(name); continue; }
			for (const el of els) {
				if (el.type === "radio") { el.checked = el.value === value; }
				else if (el.type === "checkbox") { if (value === "on" || value === "off") el.checked = value === "on"; else el.checked = el.value === value; }
				else { el.value = value; }
				el.dispatchEvent(new Event("input", {bubbles: true})); el.dispatchEvent(new Event("change", {bubbles: true}));
			}
		}
		return missing; })()`, f, f, v))
	if len(missing) > 0 {
		tb.t.Fatalf("on %s the form %s has no fields %v", tb.location(), form, missing)
	}
}

// submit clicks a submit button and waits for the next page.
func (tb *tab) submit(what, button string) {
	tb.t.Helper()
	tb.navigating(what, chromedp.Click(chromedp.CSS(button)))
}

// text returns the text of the first element that matches, or "".
func (tb *tab) text(selector string) string {
	tb.t.Helper()
	s, _ := json.Marshal(selector)
	return strings.TrimSpace(evalJS[string](tb, fmt.Sprintf(`(document.querySelector(%s) || {}).textContent || ""`, s)))
}

// exists reports whether an element matches.
func (tb *tab) exists(selector string) bool {
	tb.t.Helper()
	s, _ := json.Marshal(selector)
	return evalJS[bool](tb, fmt.Sprintf(`!!document.querySelector(%s)`, s))
}

// answerAll fills every activity of the questionnaire on the page (status at
// index 3 of the scale, a comment) and the name, and submits.
func (tb *tab) answerAll(name string) {
	tb.t.Helper()
	n := evalJS[int](tb, `(() => { const fs = [...document.querySelectorAll("fieldset[data-activity]")];
		for (const f of fs) { const rs = f.querySelectorAll("input[type=radio]"); rs[Math.min(3, rs.length - 1)].checked = true;
			f.querySelector("textarea").value = "Klart enligt planen."; }
		return fs.length; })()`)
	if n == 0 {
		tb.t.Fatalf("the questionnaire on %s has no activities", tb.location())
	}
	tb.fill("#questionnaire", map[string]string{"filled_in_by": name})
	tb.submit("submit the questionnaire", `button[value=submit]`)
	if !tb.exists("#kvitto") {
		tb.t.Fatalf("submitting the questionnaire gave no receipt: %s", tb.text("#error-summary"))
	}
}

var roundPathRE = regexp.MustCompile(`/kontor/omgangar/(\d+)`)

// TestOfficeFlow is flow 4: the admin creates a round from the demo plan,
// opens it, copies a department's link, sees the progress change when the
// department submits, returns the response with a message, writes a
// consolidated status and narrative, and downloads the Excel and PDF
// reports. A step whose page does not exist yet is skipped, and later steps
// use the database instead where they can.
func TestOfficeFlow(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	annual, err := e.DB.Round(ctx, e.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := e.DB.Plan(ctx, annual.PlanID)
	if err != nil {
		t.Fatal(err)
	}
	office := e.newTab(t)
	office.setLang("sv")
	office.signIn(demo.AdminEmail, demo.AdminPassword)
	dept := e.departmentID(deptEnergy)
	deadline := time.Now().AddDate(0, 0, 21).Format(forms.DateLayout)
	var roundID int64
	var link string

	t.Run("CreateAndOpenRound", func(t *testing.T) {
		office := office.sub(t)
		if st := office.openStatus("/kontor/omgangar/ny"); st == 404 {
			t.Fatalf("the page to create a round, /kontor/omgangar/ny, answers 404")
		}
		office.fill("#round-form, form[action='/kontor/omgangar']", map[string]string{
			"plan": strconv.FormatInt(plan.ID, 10), "kind": "interim", "title": "Uppföljning i test",
			"report_date": fmt.Sprintf("%d-08-31", time.Now().Year()), "deadline": deadline})
		office.submit("create the round", `form[action="/kontor/omgangar"] button[type=submit]`)
		m := roundPathRE.FindStringSubmatch(office.location())
		if m == nil {
			t.Fatalf("creating the round ended on %s: %s", office.location(), office.text("#error-summary"))
		}
		roundID, _ = strconv.ParseInt(m[1], 10, 64)
		if !office.exists(`form[action$="/tillstand"] input[name=state][value=open], form[action$="/tillstand"] button[name=state][value=open]`) {
			t.Fatalf("the new round's page has no control to open it")
		}
		office.submit("open the round", `form[action$="/tillstand"] button[type=submit]`)
		r, err := e.DB.Round(ctx, roundID)
		if err != nil {
			t.Fatal(err)
		}
		if r.State != forms.RoundOpen {
			t.Fatalf("after opening, the round is %s", r.State)
		}
	})
	if roundID == 0 { // the page is missing: carry on with a round made directly
		roundID, err = e.DB.CreateRound(ctx, forms.RoundInput{PlanID: plan.ID, Kind: "interim", Title: "Uppföljning i test",
			ReportDate: fmt.Sprintf("%d-08-31", time.Now().Year()), Deadline: deadline}, "test")
		if err != nil {
			t.Fatal(err)
		}
		if err := e.DB.SetRoundState(ctx, roundID, forms.RoundOpen, "test"); err != nil {
			t.Fatal(err)
		}
	}
	base := fmt.Sprintf("/kontor/omgangar/%d", roundID)

	t.Run("CopyLink", func(t *testing.T) {
		office := office.sub(t)
		if st := office.openStatus(base + "/lankar"); st == 404 {
			t.Fatalf("the links page, %s/lankar, answers 404", base)
		}
		field := fmt.Sprintf("#link-%d", dept)
		if !office.exists(field) {
			t.Fatalf("the links page has no field %s for %s", field, deptEnergy)
		}
		link = evalJS[string](office, fmt.Sprintf(`document.querySelector(%q).value`, field))
		copyButton := fmt.Sprintf(`button[data-copy="link-%d"]`, dept)
		if office.exists(copyButton) && evalJS[bool](office, fmt.Sprintf(`!document.querySelector(%q).hidden`, copyButton)) {
			for _, p := range []string{"clipboard-read", "clipboard-write"} {
				chromedp.CallBrowser(office.ctx, browser.SetPermission, browser.SetPermissionParams{
					Permission: &browser.PermissionDescriptor{Name: p}, Setting: browser.PermissionSettingGranted,
					Origin: e.URL, BrowserContextID: chromedp.FromContext(office.ctx).BrowserContextID})
			}
			office.do("click the copy button", chromedp.Click(chromedp.CSS(copyButton)))
			office.waitJS("the copy to be confirmed", `document.getElementById("copy-status").textContent.trim() !== ""`)
			if got, err := chromedp.Run(office.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise)); err == nil && got != link {
				t.Errorf("the clipboard holds %q, want the link %q", got, link)
			} else if err != nil {
				t.Logf("could not read the clipboard back (%v); the copy status says %q", err, office.text("#copy-status"))
			}
		}
	})
	if link == "" {
		links, err := e.DB.Links(ctx, e.Secret, roundID)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links {
			if l.Department.ID == dept {
				link = e.Server.Link(l.Token)
			}
		}
	}
	u, err := url.Parse(link)
	if err != nil || !strings.HasPrefix(u.Path, "/r/") || !strings.HasPrefix(link, e.URL) {
		t.Fatalf("the link %q is not a questionnaire link on %s", link, e.URL)
	}

	department := e.newTab(t)
	department.setLang("sv")
	t.Run("ProgressUpdates", func(t *testing.T) {
		office, department := office.sub(t), department.sub(t)
		if st := office.openStatus(base); st == 404 {
			t.Fatalf("the round page, %s, answers 404", base)
		}
		row := fmt.Sprintf(`#progress tr[data-department="%d"]`, dept)
		before, count := office.text(row), office.text("#progress-count")
		if !strings.Contains(before, "Ej påbörjad") {
			t.Errorf("before the department answers its row says %q", before)
		}
		department.open(u.Path)
		department.answerAll("Elin Energi")
		office.open(base)
		after := office.text(row)
		if !strings.Contains(after, "Inlämnad") || !strings.Contains(after, "Elin Energi") {
			t.Errorf("after the department submitted its row says %q", after)
		}
		if got := office.text("#progress-count"); got == count {
			t.Errorf("the count of submissions did not change: %q", got)
		}
	})
	if r, _ := e.DB.Response(ctx, roundID, dept); r == nil || r.State != forms.ResponseSubmitted {
		department.open(u.Path)
		department.answerAll("Elin Energi")
	}

	t.Run("ReturnWithMessage", func(t *testing.T) {
		office, department := office.sub(t), department.sub(t)
		page := fmt.Sprintf("%s/verksamheter/%d", base, dept)
		if st := office.openStatus(page); st == 404 {
			t.Fatalf("the response page, %s, answers 404", page)
		}
		msg := "Komplettera gärna kommentaren om säkerhetskopiering."
		office.fill("#return-form", map[string]string{"message": msg})
		office.submit("return the response", `#return-form button[type=submit]`)
		r, err := e.DB.Response(ctx, roundID, dept)
		if err != nil {
			t.Fatal(err)
		}
		if r.State != forms.ResponseReturned || r.ReturnMessage != msg {
			t.Fatalf("after the return the response is %s with message %q", r.State, r.ReturnMessage)
		}
		department.open(u.Path)
		if got := department.text(".notice.warning"); !strings.Contains(got, msg) {
			t.Errorf("the department does not see the message; its notice says %q", got)
		}
	})

	t.Run("Consolidate", func(t *testing.T) {
		office := office.sub(t)
		activity := plan.Activities()[0]
		page := fmt.Sprintf("%s/aktiviteter/%d", base, activity.ID)
		if st := office.openStatus(page); st == 404 {
			t.Fatalf("the consolidation page, %s, answers 404", page)
		}
		done, _ := plan.Statuses.DoneStatus()
		narrative := "Alla verksamheter har genomfört riskanalysen."
		office.fill(`form[action="`+page+`"]`, map[string]string{"status": strconv.FormatInt(done.ID, 10), "narrative": narrative})
		office.submit("save the consolidation", `form[action="`+page+`"] button[value=save]`)
		office.open(page)
		if got := evalJS[string](office, `document.getElementById("narrative").value`); got != narrative {
			t.Errorf("after saving, the narrative field holds %q", got)
		}
		if got := evalJS[string](office, `(document.querySelector('input[name=status]:checked') || {}).value || ""`); got != strconv.FormatInt(done.ID, 10) {
			t.Errorf("after saving, the status %s is checked, want %d", got, done.ID)
		}
	})

	t.Run("Downloads", func(t *testing.T) {
		office := office.sub(t)
		for _, d := range []struct{ path, magic string }{{base + "/export.xlsx", "PK"}, {base + "/export.pdf", "%PDF"}} {
			if st := e.status(d.path, office.cookies()...); st == 404 {
				t.Errorf("the export %s answers 404", d.path)
				continue
			}
			if office.openStatus(base) != 404 && !office.exists(`a[href="`+d.path+`"]`) {
				t.Errorf("the round page has no link to %s", d.path)
			}
			got := office.fetch(e.URL + d.path)
			if got.Status != 200 || !strings.HasPrefix(got.Head, d.magic) {
				t.Errorf("%s: status %d, type %q, starts %q, want %q", d.path, got.Status, got.ContentType, got.Head, d.magic)
			}
		}
	})
	office.noDialogs()
	department.noDialogs()
}

// TestReaderChangesNothing is flow 5: a reader signs in and, on every office
// page reachable from the navigation, finds no form that posts other than
// signing out and choosing the language, and no submit button outside forms
// that only fetch (GET).
func TestReaderChangesNothing(t *testing.T) {
	e := newEnv(t)
	tb := e.newTab(t)
	tb.setLang("sv")
	tb.signIn(demo.ReaderEmail, demo.ReaderPass)
	start := evalJS[[]string](tb, `[...document.querySelectorAll("header nav a[href^='/kontor']")].map(a => a.getAttribute("href"))`)
	if len(start) == 0 {
		t.Fatal("the reader sees no navigation")
	}
	seen := map[string]bool{}
	queue := append([]string{}, start...)
	var missing, forbidden []string
	visited := 0
	for len(queue) > 0 && visited < 60 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		st := tb.openStatus(p)
		visited++
		switch st {
		case 404:
			missing = append(missing, p)
			continue
		case 403:
			forbidden = append(forbidden, p)
			continue
		}
		bad := evalJS[[]string](tb, `(() => { const allowed = f => f.method === "post" && ["/logga-ut", "/sprak"].includes(new URL(f.action).pathname);
			const out = [];
			for (const f of document.forms) if (f.method === "post" && !allowed(f)) out.push("a form posting to " + new URL(f.action).pathname);
			for (const b of document.querySelectorAll('button, input[type=submit], input[type=image]')) {
				if (b.type !== "submit" && b.type !== "image") continue;
				const f = b.form;
				if (f && (allowed(f) || f.method === "get")) continue;
				out.push("a submit button " + JSON.stringify((b.textContent || b.value || "").trim()) + (f ? " in a form posting to " + new URL(f.action).pathname : " outside any form"));
			}
			return out; })()`)
		for _, b := range bad {
			t.Errorf("%s: the reader sees %s", p, b)
		}
		// Follow the office links of the page, but not downloads.
		for _, h := range evalJS[[]string](tb, `[...document.querySelectorAll("main a[href^='/kontor']")].map(a => a.getAttribute("href"))`) {
			h = strings.SplitN(h, "#", 2)[0]
			if strings.Contains(h, "?") || regexp.MustCompile(`\.(xlsx|pdf|json|csv)$`).MatchString(h) {
				continue
			}
			if !seen[h] {
				queue = append(queue, h)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("pages linked for readers that answer 404: %v", missing)
	}
	if len(forbidden) > 0 {
		t.Errorf("pages linked for readers that refuse them (403): %v", forbidden)
	}
	if visited-len(missing) == 0 {
		t.Fatal("the reader reached no office page")
	}
	t.Logf("checked %d office pages as a reader", visited-len(missing))
}
