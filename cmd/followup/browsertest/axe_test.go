package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"followup/cmd/followup/demo"
	"followup/forms"
	"followup/storage"
)

// axePath is axe-core's browser bundle, installed by npm ci in testdata/axe.
const axePath = "testdata/axe/node_modules/axe-core/axe.min.js"

const axeMissing = "axe-core is not installed: run npm ci in cmd/followup/browsertest/testdata/axe"

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// needAxe returns axe-core's source, skipping the test (failing it in CI)
// when it is not installed.
func needAxe(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		var b []byte
		b, axeErr = os.ReadFile(axePath)
		axeSource = string(b)
	})
	if axeErr != nil {
		if inCI() {
			t.Fatalf("%s (%v)", axeMissing, axeErr)
		}
		t.Skip(axeMissing)
	}
	return axeSource
}

// violation is one axe rule that a page breaks.
type violation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []string `json:"target"`
		Summary string   `json:"failureSummary"`
	} `json:"nodes"`
}

func (v violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 5 {
			fmt.Fprintf(&b, "\n      … and %d more", len(v.Nodes)-5)
			break
		}
		fmt.Fprintf(&b, "\n      %s", strings.Join(n.Target, " "))
		if s := strings.TrimSpace(strings.ReplaceAll(n.Summary, "\n", " ")); s != "" {
			fmt.Fprintf(&b, " — %s", s)
		}
	}
	return b.String()
}

// axe runs axe-core on the page for WCAG 2.1 A and AA. The page's security
// policy forbids inline scripts, but DevTools' evaluation is not subject to
// it, so the library is injected that way.
func (tb *tab) axe() []violation {
	tb.t.Helper()
	src := needAxe(tb.t)
	if !evalJS[bool](tb, `typeof window.axe === "object"`) {
		if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](src+"\n;undefined")); err != nil {
			tb.t.Fatalf("inject axe-core: %v", err)
		}
	}
	raw := evalJS[string](tb, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
		resultTypes: ["violations"]}).then(r => JSON.stringify({violations: r.violations, passes: r.passes.length}))`)
	var res struct {
		Violations []violation `json:"violations"`
		Passes     int         `json:"passes"`
	}
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		tb.t.Fatalf("read axe's result: %v", err)
	}
	if res.Passes == 0 && len(res.Violations) == 0 {
		tb.t.Fatalf("axe checked nothing on %s", tb.location())
	}
	return res.Violations
}

// pageChecks are the checks beyond axe, run in the page; each returns the
// problems it finds. The expected language is the argument.
const pageChecks = `(lang) => {
	const out = [];
	const describe = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.name ? "[name=" + el.name + "]" : "");
	const visible = el => { if (!el) return false; const cs = getComputedStyle(el); const r = el.getBoundingClientRect();
		return cs.display !== "none" && cs.visibility !== "hidden" && r.width > 1 && r.height > 1 && !el.closest("[hidden]"); };
	// The language of the page.
	if (document.documentElement.lang !== lang) out.push("html[lang] is " + JSON.stringify(document.documentElement.lang) + ", want " + lang);
	// Every visible field has a visible label with text.
	for (const el of document.querySelectorAll("input, select, textarea")) {
		if (["hidden", "submit", "button", "reset", "image"].includes(el.type) || !visible(el)) continue;
		const labels = [...(el.labels || [])];
		const ok = labels.some(l => visible(l) && l.textContent.trim() !== "");
		if (!ok) out.push("no visible label: " + describe(el));
	}
	// Radio groups are grouped: in a fieldset with a legend, or a labelled radiogroup.
	const groups = {};
	for (const r of document.querySelectorAll("input[type=radio]")) (groups[r.name] = groups[r.name] || []).push(r);
	for (const [name, rs] of Object.entries(groups)) {
		const fs = rs[0].closest("fieldset"); const rg = rs[0].closest("[role=radiogroup]");
		const legendOK = fs && fs.querySelector(":scope > legend") && fs.querySelector(":scope > legend").textContent.trim() !== "";
		const rgOK = rg && ((rg.getAttribute("aria-labelledby") || "").split(/\s+/).some(id => id && document.getElementById(id) && document.getElementById(id).textContent.trim()) || (rg.getAttribute("aria-label") || "").trim());
		if (!legendOK && !rgOK) out.push("the radio group " + name + " has no fieldset with a legend");
	}
	// Each activity of the questionnaire is a fieldset with a legend.
	for (const a of document.querySelectorAll("[data-activity]")) {
		const lg = a.querySelector(":scope > legend");
		if (a.tagName !== "FIELDSET" || !lg || lg.textContent.trim() === "") out.push("activity " + a.dataset.activity + " is not a fieldset with a legend");
	}
	// Error summaries are alerts; each invalid field says why.
	for (const s of document.querySelectorAll(".error-summary")) if (s.getAttribute("role") !== "alert") out.push("an error summary without role=alert");
	for (const el of document.querySelectorAll("[aria-invalid=true]")) {
		const ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
		if (ids.length === 0) out.push("invalid field " + describe(el) + " has no aria-describedby");
		for (const id of ids) if (!document.getElementById(id)) out.push("invalid field " + describe(el) + " refers to a missing #" + id);
	}
	for (const el of document.querySelectorAll("[aria-describedby], [aria-labelledby]")) {
		for (const attr of ["aria-describedby", "aria-labelledby"]) for (const id of (el.getAttribute(attr) || "").split(/\s+/).filter(Boolean))
			if (!document.getElementById(id)) out.push(describe(el) + " has " + attr + " to a missing #" + id);
	}
	// The autosave indicator is a polite live region.
	const as = document.getElementById("autosave");
	if (as && as.getAttribute("aria-live") !== "polite") out.push("#autosave is not aria-live=polite");
	// A skip link to the main content.
	const skip = document.querySelector("a.skip");
	if (!skip || skip.getAttribute("href") !== "#main" || !document.getElementById("main")) out.push("no skip link to #main");
	// Headings: one h1.
	if (document.querySelectorAll("h1").length !== 1) out.push(document.querySelectorAll("h1").length + " h1 elements, want 1");
	return out;
}`

// focusTop moves the keyboard's starting point to the top of the page, as
// when it has just loaded, without leaving the page's state.
func (tb *tab) focusTop() {
	tb.t.Helper()
	evalJS[chromedp.Void](tb, `(() => { const s = document.createElement("span"); s.tabIndex = -1; document.body.prepend(s);
		s.focus(); s.remove(); window.scrollTo(0, 0); })()`)
}

// keyboardChecks presses Tab from the top of the page and checks that the
// first stop is the skip link, that Enter on it moves the focus to main, and
// that each of the first stops shows a visible focus indicator.
func (tb *tab) keyboardChecks(stops int, skipLink bool) []string {
	tb.t.Helper()
	var out []string
	indicator := `(() => { const a = document.activeElement; if (!a || a === document.body) return "nothing";
		const cs = getComputedStyle(a);
		const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2;
		const shadow = cs.boxShadow && cs.boxShadow !== "none";
		return outline || shadow ? "" : a.tagName.toLowerCase() + (a.id ? "#" + a.id : "") + " " + JSON.stringify((a.textContent || a.value || "").trim().slice(0, 40)) + " (outline " + cs.outlineStyle + " " + cs.outlineWidth + ", box-shadow " + cs.boxShadow + ")"; })()`
	if skipLink {
		tb.press("Tab", tabKey())
		a := tb.active()
		if a.Tag != "a" || !evalJS[bool](tb, `document.activeElement.matches("a.skip[href='#main']")`) {
			out = append(out, fmt.Sprintf("the first Tab focuses %+v, not the skip link", a))
		} else {
			if !evalJS[bool](tb, `(() => { const r = document.activeElement.getBoundingClientRect(); return r.left >= 0 && r.top >= 0 && r.width > 10 && r.right <= innerWidth; })()`) {
				out = append(out, "the focused skip link is not visible")
			}
			if p := evalJS[string](tb, indicator); p != "" {
				out = append(out, "no visible focus on "+p)
			}
			tb.press("Enter on the skip link", enterOnLink())
			if a := tb.active(); a.ID != "main" {
				out = append(out, fmt.Sprintf("Enter on the skip link focuses %+v, not main", a))
			}
		}
	}
	seen := map[string]bool{}
	for i := 0; i < stops; i++ {
		tb.press("Tab", tabKey())
		id := evalJS[string](tb, `(() => { const a = document.activeElement; if (!a || a === document.body) return "";
			if (!a.dataset.focusSeen) a.dataset.focusSeen = String(Math.random()); return a.dataset.focusSeen; })()`)
		if id == "" || seen[id] {
			break
		}
		seen[id] = true
		if p := evalJS[string](tb, indicator); p != "" {
			out = append(out, "no visible focus on "+p)
		}
	}
	return out
}

// visit is one page in one state as a person sees it.
type visit struct {
	name  string
	path  string
	as    string        // "", "admin" or "reader": who is signed in
	setup func(tb *tab) // brings the page into its state (instead of opening path)
	group string        // pages of one group may share a title (error pages)
}

// TestAccessibility runs axe-core (WCAG 2.1 A and AA) and the checks of
// pageChecks on every page in every state a person sees, in Swedish and
// English, and checks that every title is unique.
func TestAccessibility(t *testing.T) {
	e := newEnv(t)
	needAxe(t)
	ctx := context.Background()
	loc, _ := time.LoadLocation("Europe/Stockholm")
	annual, err := e.DB.Round(ctx, e.Demo.AnnualID)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := e.DB.Plan(ctx, annual.PlanID)
	if err != nil {
		t.Fatal(err)
	}
	firstActivity := plan.Activities()[0].ID
	// A returned response, as the department sees it.
	if err := e.DB.ReturnResponse(ctx, time.UTC, e.Demo.AnnualID, e.departmentID(deptPlan), "Komplettera gärna kommentaren om riskanalysen.", demo.AdminEmail); err != nil {
		t.Fatal(err)
	}
	round := fmt.Sprintf("/kontor/omgangar/%d", e.Demo.AnnualID)
	big := e.bigRound()
	// bumpSettings and bumpText save the report's settings and
	// introduction as a colleague would, so that a form opened before
	// meets a conflict; they retry when the other language's pages save
	// in between.
	bumpSettings := func(tb *tab) {
		var err error
		for try := 0; try < 5; try++ {
			var cur forms.ReportSettings
			if cur, err = e.DB.ReportSettings(ctx, e.Demo.AnnualID); err != nil {
				tb.t.Fatal(err)
			}
			cur.CompiledBy = "Säkerhetsenheten, kommunledningskontoret"
			if _, err = e.DB.SaveReportSettings(ctx, e.Demo.AnnualID, cur, demo.AdminEmail); forms.ErrorCode(err) != forms.ECONFLICT {
				break
			}
		}
		if err != nil {
			tb.t.Fatal(err)
		}
	}
	bumpText := func(tb *tab) {
		var err error
		for try := 0; try < 5; try++ {
			var texts map[forms.TextKind]forms.RoundText
			if texts, err = e.DB.RoundTexts(ctx, e.Demo.AnnualID); err != nil {
				tb.t.Fatal(err)
			}
			in := forms.RoundTextInput{Body: "Kollegans inledning.\n\n- första punkten\n- andra punkten", BaseVersion: texts[forms.TextIntroduction].Version}
			if _, err = e.DB.SaveRoundText(ctx, e.Demo.AnnualID, forms.TextIntroduction, in, demo.AdminEmail); forms.ErrorCode(err) != forms.ECONFLICT {
				break
			}
		}
		if err != nil {
			tb.t.Fatal(err)
		}
	}
	report, text := round+"/rapport", round+"/rapport/texter/inledning"
	visits := []visit{
		{name: "start page", path: "/"},
		{name: "sign-in", path: "/logga-in"},
		{name: "sign-in with an error", setup: func(tb *tab) {
			tb.open("/logga-in")
			tb.fill(`form[action="/logga-in"]`, map[string]string{"email": "nobody@exempelby.se", "password": "wrong-password"})
			tb.submit("sign in wrongly", `form[action="/logga-in"] button[type=submit]`)
		}},
		{name: "wrong link (404)", path: "/r/this-is-not-a-link", group: "error"},
		{name: "questionnaire, not started", path: e.link(deptEnergy)},
		{name: "questionnaire with errors", setup: func(tb *tab) {
			tb.open(e.link(deptCulture))
			tb.submit("submit an incomplete questionnaire", `button[value=submit]`)
			if !tb.exists("#error-summary") {
				tb.t.Fatal("submitting the incomplete questionnaire showed no errors")
			}
		}},
		{name: "questionnaire with a conflict", setup: func(tb *tab) {
			tb.open(e.link(deptSocial))
			id := firstActivity
			// A colleague's change, saved directly; read again and retry if
			// a save from an earlier page of this department lands between
			// the read and the write.
			var err error
			for try := 0; try < 5; try++ {
				var cur *forms.Response
				if cur, err = e.DB.Response(ctx, e.Demo.AnnualID, e.departmentID(deptSocial)); err != nil {
					tb.t.Fatal(err)
				}
				a := cur.Answers[id]
				_, err = e.DB.SaveResponse(ctx, loc, e.Demo.AnnualID, e.departmentID(deptSocial), forms.SaveInput{Answers: []forms.AnswerInput{{
					ActivityID: id, StatusID: a.StatusID, Comment: "Ändrat av en kollega " + tb.t.Name(), NeedsSupport: a.NeedsSupport, BaseVersion: a.Version}}},
					storage.Actor("Kollega"))
				if forms.ErrorCode(err) != forms.ECONFLICT {
					break
				}
			}
			if err != nil {
				tb.t.Fatal(err)
			}
			tb.fill("#questionnaire", map[string]string{fmt.Sprintf("comment-%d", id): "Min egen text " + tb.t.Name()})
			tb.submit("save over the colleague's change", `button[value=save]`)
			if !tb.exists(".conflict") {
				tb.t.Fatal("no conflict shown")
			}
		}},
		{name: "questionnaire, saved", path: e.link(deptSocial) + "?sparat=1#status"},
		{name: "questionnaire, submitted", path: e.link(deptSchool) + "#kvitto"},
		{name: "questionnaire, closed round", path: e.interimLink(deptSocial)},
		{name: "questionnaire, returned", path: e.link(deptPlan)},

		{name: "dashboard", path: "/kontor", as: "admin"},
		{name: "rounds", path: "/kontor/omgangar", as: "admin"},
		{name: "new round", path: "/kontor/omgangar/ny", as: "admin"},
		{name: "new round with errors", as: "admin", setup: func(tb *tab) {
			if tb.openStatus("/kontor/omgangar/ny") == 404 {
				tb.t.Fatal("/kontor/omgangar/ny answers 404")
			}
			tb.fill(`form[action="/kontor/omgangar"]`, map[string]string{"title": "", "report_date": "", "deadline": ""})
			tb.submit("create a round without a title", `form[action="/kontor/omgangar"] button[type=submit]`)
		}},
		{name: "round", path: round, as: "admin"},
		{name: "round links", path: round + "/lankar", as: "admin"},
		{name: "matrix", path: round + "/matris", as: "admin"},
		{name: "matrix, filtered", group: "matrix-filtered", path: round + "/matris?lage=utkast&omrade=" + fmt.Sprint(plan.Areas[0].ID), as: "admin"},
		{name: "matrix, filtered to nothing", group: "matrix-filtered", path: round + "/matris?lage=aterskickad&typ=forbund", as: "admin"},
		{name: "matrix, 40 departments with drafts and a returned response", path: bigRoundPath(big, "/matris"), as: "admin"},
		{name: "consolidation", group: "consolidation", path: fmt.Sprintf("%s/aktiviteter/%d", round, firstActivity), as: "admin"},
		{name: "consolidation with drafts and a returned response", group: "consolidation", path: bigRoundPath(big, fmt.Sprintf("/aktiviteter/%d", firstActivity)), as: "admin"},
		{name: "consolidation, done cannot continue", as: "admin", setup: func(tb *tab) {
			page := fmt.Sprintf("%s/aktiviteter/%d", round, firstActivity)
			tb.open(page)
			done, _ := plan.Statuses.DoneStatus()
			tb.fill(`form[action="`+page+`"]`, map[string]string{"status": fmt.Sprint(done.ID), "continues": "on", "carry_reason": "Fortsätter"})
			tb.submit("save a done activity as continuing", `form[action="`+page+`"] button[value=save]`)
			if !tb.exists("#error-summary") {
				tb.t.Fatal("no error shown")
			}
		}},
		{name: "report settings", group: "report", path: report, as: "admin"},
		{name: "report settings, saved", group: "report", as: "admin", setup: func(tb *tab) {
			bumpSettings(tb)
			tb.open(report + "?sparad=1#notice")
		}},
		{name: "report settings with an error", group: "report-error", as: "admin", setup: func(tb *tab) {
			tb.open(report)
			tb.fill("#report-settings", map[string]string{"compiled_by": strings.Repeat("Säkerhetsenheten ", 15), "drafts": "on"})
			tb.submit("save a too long name", "#report-settings button[type=submit]")
			if !tb.exists("#error-summary") {
				tb.t.Fatal("no error shown")
			}
		}},
		{name: "report settings with a conflict", group: "report-error", as: "admin", setup: func(tb *tab) {
			tb.open(report)
			bumpSettings(tb)
			tb.fill("#report-settings", map[string]string{"compiled_by": "Min rubrik"})
			tb.submit("save over the colleague's settings", "#report-settings button[type=submit]")
			if !tb.exists("#conflict") {
				tb.t.Fatal("no conflict shown")
			}
		}},
		{name: "report text", group: "text", path: text, as: "admin"},
		{name: "report text, saved", group: "text", as: "admin", setup: func(tb *tab) {
			bumpText(tb)
			tb.open(text + "?sparad=1#notice")
		}},
		{name: "report text, preview", group: "text", as: "admin", setup: func(tb *tab) {
			tb.open(text)
			tb.fill(`form[action="`+text+`"]`, map[string]string{"body": "Ett stycke.\n\n- en punkt\n- en till"})
			tb.submit("preview the text", `form[action="`+text+`"] button[value=preview]`)
		}},
		{name: "report text with a conflict", as: "admin", setup: func(tb *tab) {
			tb.open(text)
			bumpText(tb)
			tb.fill(`form[action="`+text+`"]`, map[string]string{"body": "Min egen inledning."})
			tb.submit("save over the colleague's text", `form[action="`+text+`"] button[value=save]`)
			if !tb.exists("#conflict") {
				tb.t.Fatal("no conflict shown")
			}
		}},
		{name: "response (office)", path: fmt.Sprintf("%s/verksamheter/%d", round, e.departmentID(deptSchool)), as: "admin"},
		{name: "response with a return form", path: fmt.Sprintf("%s/verksamheter/%d", round, e.departmentID(deptRescue)), as: "admin"},
		{name: "plans", path: "/kontor/planer", as: "admin"},
		{name: "plan", path: fmt.Sprintf("/kontor/planer/%d", plan.ID), as: "admin"},
		{name: "new plan", path: "/kontor/planer/ny", as: "admin"},
		{name: "plan import", path: "/kontor/planer/import", as: "admin"},
		{name: "departments", path: "/kontor/verksamheter", as: "admin"},
		{name: "new department", path: "/kontor/verksamheter/ny", as: "admin"},
		{name: "department edit", path: fmt.Sprintf("/kontor/verksamheter/%d", e.departmentID(deptSocial)), as: "admin"},
		{name: "department import", path: "/kontor/verksamheter/import", as: "admin"},
		{name: "accounts", path: "/kontor/konton", as: "admin"},
		{name: "audit log", path: "/kontor/logg", as: "admin"},
		{name: "office 404", path: "/kontor/omgangar/999999", as: "admin", group: "error"},

		{name: "dashboard (reader)", path: "/kontor", as: "reader"},
		{name: "round (reader)", path: round, as: "reader"},
		{name: "response (reader)", path: fmt.Sprintf("%s/verksamheter/%d", round, e.departmentID(deptRescue)), as: "reader"},
		{name: "consolidation (reader)", path: fmt.Sprintf("%s/aktiviteter/%d", round, firstActivity), as: "reader"},
		{name: "matrix (reader)", path: round + "/matris", as: "reader"},
		{name: "report settings (reader)", path: report, as: "reader"},
		{name: "report text (reader)", path: text, as: "reader"},
	}

	var mu sync.Mutex
	var missing []string
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			tabs := map[string]*tab{}
			for _, as := range []string{"", "admin", "reader"} {
				tb := e.newTab(t)
				tb.setLang(lang)
				switch as {
				case "admin":
					tb.signIn(demo.AdminEmail, demo.AdminPassword)
				case "reader":
					tb.signIn(demo.ReaderEmail, demo.ReaderPass)
				}
				tabs[as] = tb
			}
			titles := map[string]string{} // role + title → page
			for _, v := range visits {
				t.Run(v.name, func(t *testing.T) {
					base := tabs[v.as]
					tb := base.sub(t)
					if v.setup != nil {
						v.setup(tb)
					} else {
						tb.open(v.path)
					}
					if v.group != "error" && tb.is404() {
						mu.Lock()
						missing = append(missing, v.name)
						mu.Unlock()
						t.Fatalf("%s (%s) answers 404", v.name, tb.location())
					}
					var problems []string
					for _, vi := range tb.axe() {
						problems = append(problems, "axe: "+vi.String())
					}
					problems = append(problems, evalJS[[]string](tb, "("+pageChecks+")("+fmt.Sprintf("%q", lang)+")")...)
					title := evalJS[string](tb, `document.title`)
					key := v.as + "\x00" + title
					mu.Lock()
					if other, dup := titles[key]; dup && (v.group == "" || v.group != groupOf(visits, other)) {
						problems = append(problems, fmt.Sprintf("the title %q is also the title of %q", title, other))
					} else {
						titles[key] = v.name
					}
					mu.Unlock()
					// Keyboard: from the top of the page, the skip link first.
					tb.focusTop()
					problems = append(problems, tb.keyboardChecks(12, true)...)
					if len(problems) > 0 {
						t.Errorf("%s (%s, %s):\n  %s", v.name, lang, tb.location(), strings.Join(problems, "\n  "))
					}
				})
			}
		})
	}
	t.Cleanup(func() {
		if len(missing) > 0 {
			sort.Strings(missing)
			t.Errorf("pages that answer 404: %s", strings.Join(uniqStrings(missing), ", "))
		}
	})
}

func groupOf(visits []visit, name string) string {
	for _, v := range visits {
		if v.name == name {
			return v.group
		}
	}
	return ""
}

func uniqStrings(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// is404 reports whether the page shown is the error page of a missing page.
func (tb *tab) is404() bool {
	tb.t.Helper()
	return evalJS[bool](tb, `document.title.startsWith("Något gick fel") || document.title.startsWith("Something went wrong")`) &&
		evalJS[bool](tb, `/Sidan finns inte|The page does not exist/.test(document.body.textContent)`)
}

// TestReflowAndScreenshots checks that the questionnaire, the round page
// and the sign-in page need no horizontal scrolling at 320 CSS px (WCAG
// 1.4.10) nor at 1280 px zoomed to 200 % (640 CSS px), and takes
// screenshots of the questionnaire and the round page at 320 and 1280 px
// (copied to $FOLLOWUP_SCREENSHOTS when set).
func TestReflowAndScreenshots(t *testing.T) {
	e := newEnv(t)
	dir := t.TempDir()
	big := e.bigRound()
	pages := []struct {
		name, path, as string
		shoot          bool
	}{
		{"questionnaire", e.link(deptSocial), "", true},
		{"questionnaire-errors", "", "", false},
		{"round", fmt.Sprintf("/kontor/omgangar/%d", e.Demo.AnnualID), "admin", true},
		{"matrix", fmt.Sprintf("/kontor/omgangar/%d/matris", e.Demo.AnnualID), "admin", true},
		{"matrix-40", bigRoundPath(big, "/matris"), "admin", true},
		{"matrix-40-filtered", bigRoundPath(big, "/matris?lage=utkast&typ=forvaltning"), "admin", true},
		{"consolidation", fmt.Sprintf("/kontor/omgangar/%d/aktiviteter/%d", e.Demo.AnnualID, e.firstActivity()), "admin", true},
		{"consolidation-40", bigRoundPath(big, fmt.Sprintf("/aktiviteter/%d", e.firstActivity())), "admin", true},
		{"report", fmt.Sprintf("/kontor/omgangar/%d/rapport", e.Demo.AnnualID), "admin", true},
		{"report-text", fmt.Sprintf("/kontor/omgangar/%d/rapport/texter/inledning", e.Demo.AnnualID), "admin", true},
		{"signin", "/logga-in", "", false},
	}
	for _, lang := range []string{"sv", "en"} {
		t.Run(lang, func(t *testing.T) {
			anon, admin := e.newTab(t), e.newTab(t)
			anon.setLang(lang)
			admin.setLang(lang)
			admin.signIn(demo.AdminEmail, demo.AdminPassword)
			for _, p := range pages {
				t.Run(p.name, func(t *testing.T) {
					tb := anon.sub(t)
					if p.as == "admin" {
						tb = admin.sub(t)
					}
					load := func() {
						if p.path == "" {
							tb.open(e.link(deptCulture))
							tb.submit("submit an incomplete questionnaire", `button[value=submit]`)
							return
						}
						tb.open(p.path)
					}
					for _, vp := range []struct {
						name          string
						width, height int64
						scale         float64
					}{{"320", 320, 800, 1}, {"1280-zoom200", 640, 450, 2}, {"1280", 1280, 900, 1}} {
						tb.do("resize", chromedp.EmulateViewport(vp.width, vp.height, chromedp.EmulateScale(vp.scale)))
						load()
						if tb.is404() {
							t.Fatalf("%s (%s) answers 404", p.name, tb.location())
						}
						sw := evalJS[[]int](tb, `[document.documentElement.scrollWidth, document.documentElement.clientWidth,
							[...document.querySelectorAll("body *")].filter(el => { const r = el.getBoundingClientRect(); return r.right > document.documentElement.clientWidth + 1 && getComputedStyle(el).position !== "fixed" && !el.closest(".table-scroll, .mx-scroll, [hidden]"); }).length]`)
						if vp.width < 1280 && sw[0] > int(vp.width) {
							wide := evalJS[[]string](tb, `[...document.querySelectorAll("body *")].filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest(".table-scroll, .mx-scroll")).slice(0, 8).map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className ? "." + String(el.className).split(" ").join(".") : "") + " right=" + Math.round(el.getBoundingClientRect().right))`)
							t.Errorf("%s at %s CSS px scrolls sideways: scrollWidth %d; too wide: %v", p.name, vp.name, sw[0], wide)
						}
						if p.shoot && vp.name != "1280-zoom200" {
							tb.screenshot(dir, fmt.Sprintf("%s-%s-%s", p.name, lang, vp.name))
						}
					}
					tb.do("reset the viewport", chromedp.EmulateViewport(1280, 900))
				})
			}
		})
	}
	if out := os.Getenv("FOLLOWUP_SCREENSHOTS"); out != "" {
		t.Logf("screenshots in %s", out)
	} else {
		t.Logf("screenshots in %s (set FOLLOWUP_SCREENSHOTS=dir to keep them)", filepath.Clean(dir))
	}
}
