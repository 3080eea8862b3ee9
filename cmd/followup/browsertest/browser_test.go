// Package browsertest drives the real followup server in a real Chromium:
// the flows a department and the office go through, by keyboard where a
// person would, and accessibility checks with axe-core (WCAG 2.1 AA) and
// checks of its own, in Swedish and English.
//
// The tests need Chromium (apt-get install -y chromium) and, for the axe
// checks, axe-core (npm ci in testdata/axe). Without them they skip, except
// when the CI environment variable is set: there they fail.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Stockholm on any machine

	"followup/cmd/followup/web/webtest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// testTimeout bounds each test (or each subtest that opens its own tab).
const testTimeout = 60 * time.Second

var (
	// browserCtx is the context of the one browser of this test binary;
	// each test opens its own tab in a browser context of its own.
	browserCtx context.Context
	// noBrowser says why there is no browser; the tests skip (or fail in CI).
	noBrowser string
)

const chromiumMissing = "Chromium not found: install it with `apt-get install -y chromium` to run the browser tests"

func TestMain(m *testing.M) {
	os.Exit(runWithBrowser(m))
}

func runWithBrowser(m *testing.M) int {
	path := findChromium()
	if path == "" {
		noBrowser = chromiumMissing
		return m.Run()
	}
	profile, err := os.MkdirTemp("", "followup-chromium-")
	if err != nil {
		noBrowser = err.Error()
		return m.Run()
	}
	defer os.RemoveAll(profile)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root in CI
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate"),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("lang", "sv-SE"),
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(profile),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	startCtx, cancelStart := context.WithTimeout(ctx, 30*time.Second)
	defer cancelStart()
	// The first Do starts the browser; its life is bound to ctx, not to the
	// start's timeout (chromedp binds it to the context of the first call,
	// so start it with ctx and only wait with the timeout).
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err = <-started:
	case <-startCtx.Done():
		err = fmt.Errorf("the browser did not start within 30 s")
	}
	if err != nil {
		noBrowser = "Chromium at " + path + " did not start: " + err.Error()
		return m.Run()
	}
	browserCtx = ctx
	return m.Run()
}

// findChromium returns the browser's path, or "" when there is none.
func findChromium() string {
	if p := os.Getenv("FOLLOWUP_CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium"} {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// inCI reports whether the tests run in CI, where a missing tool fails.
func inCI() bool { return os.Getenv("CI") != "" }

// needBrowser skips the test (fails it in CI) when there is no browser.
func needBrowser(t *testing.T) {
	t.Helper()
	if noBrowser == "" {
		return
	}
	if inCI() {
		t.Fatal(noBrowser)
	}
	t.Skip(noBrowser)
}

// env is the real server on a temporary database filled with the demo
// municipality, from the web layer's test kit, with the departments' links
// built on the test server's own address so that the browser can follow
// them.
type env struct {
	t *testing.T
	*webtest.Fixture
}

// newEnv starts the server in-process; everything closes when t ends, and
// a failing test prints the server's log.
func newEnv(t *testing.T) *env {
	t.Helper()
	needBrowser(t)
	e := &env{t: t, Fixture: webtest.New(t, webtest.LinksToServer())}
	t.Cleanup(func() {
		if t.Failed() {
			if l := e.Log.String(); l != "" {
				t.Logf("server log:\n%s", l)
			}
		}
	})
	return e
}

// link returns the path of a department's questionnaire in the annual round.
func (e *env) link(department string) string {
	e.t.Helper()
	for _, l := range e.Demo.Links {
		if l.Department.Name == department {
			return "/r/" + l.Token
		}
	}
	e.t.Fatalf("no link for %q in the annual round", department)
	return ""
}

// interimLink returns the path of a department's questionnaire in the
// closed interim round.
func (e *env) interimLink(department string) string {
	e.t.Helper()
	links, err := e.DB.Links(context.Background(), e.Secret, e.Demo.InterimID)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, l := range links {
		if l.Department.Name == department {
			return "/r/" + l.Token
		}
	}
	e.t.Fatalf("no link for %q in the interim round", department)
	return ""
}

// departmentID returns a department's id by name.
func (e *env) departmentID(name string) int64 {
	e.t.Helper()
	for _, l := range e.Demo.Links {
		if l.Department.Name == name {
			return l.Department.ID
		}
	}
	e.t.Fatalf("no department %q", name)
	return 0
}

// status fetches a path without the browser and returns its HTTP status:
// pages that are still placeholders answer 404.
func (e *env) status(path string, cookies ...*http.Cookie) int {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.URL+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// tab is one browser tab in a browser context of its own (its own cookies),
// bound to the test's timeout.
type tab struct {
	t    *testing.T
	e    *env
	root context.Context // the tab, with no timeout
	ctx  context.Context // the tab within this test's timeout
	dl   *dialogLog
}

// dialogLog records the dialogs a page opened (each is accepted).
type dialogLog struct {
	mu      sync.Mutex
	dialogs []string
}

// newTab opens a tab with a fresh browser context and a 1280×900 viewport.
func (e *env) newTab(t *testing.T) *tab {
	t.Helper()
	needBrowser(t)
	root, cancelTab := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancelTab)
	if err := chromedp.Do(root, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	tb := (&tab{e: e, root: root, dl: &dialogLog{}}).sub(t)
	// A dialog (such as "leave the page?") would block the tab: note it and
	// accept it, and let the test decide whether it was expected.
	dialogs := chromedp.Events(root, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			tb.dl.mu.Lock()
			tb.dl.dialogs = append(tb.dl.dialogs, fmt.Sprintf("%s %q", ev.Type, ev.Message))
			tb.dl.mu.Unlock()
			chromedp.Call(root, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return tb
}

// sub returns the same tab for a subtest, with a timeout of its own.
func (tb *tab) sub(t *testing.T) *tab {
	ctx, cancel := context.WithTimeout(tb.root, testTimeout)
	t.Cleanup(cancel)
	return &tab{t: t, e: tb.e, root: tb.root, ctx: ctx, dl: tb.dl}
}

// cookies returns the tab's cookies for the server, for requests made
// without the browser.
func (tb *tab) cookies() []*http.Cookie {
	tb.t.Helper()
	res, err := chromedp.Call(tb.ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{tb.e.URL + "/"}})
	if err != nil {
		tb.t.Fatalf("read the cookies: %v", err)
	}
	var out []*http.Cookie
	for _, c := range res.Cookies {
		out = append(out, &http.Cookie{Name: c.Name, Value: c.Value})
	}
	return out
}

// noDialogs fails the test if the page opened a dialog.
func (tb *tab) noDialogs() {
	tb.t.Helper()
	tb.dl.mu.Lock()
	defer tb.dl.mu.Unlock()
	if len(tb.dl.dialogs) > 0 {
		tb.t.Errorf("the page opened dialogs: %s", strings.Join(tb.dl.dialogs, "; "))
	}
}

// do runs actions and fails the test on an error.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// open loads a path of the server and waits for the page.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do("open "+path, chromedp.Navigate(tb.e.URL+path))
	tb.waitLoaded()
}

// openStatus loads a path and returns the HTTP status of the document.
func (tb *tab) openStatus(path string) int64 {
	tb.t.Helper()
	res, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(tb.e.URL+path))
	if err != nil {
		tb.t.Fatalf("open %s: %v", path, err)
	}
	tb.waitLoaded()
	if res == nil {
		return 0
	}
	return res.Status
}

// setLang chooses the language with the app's cookie.
func (tb *tab) setLang(lang string) {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, network.SetCookie, network.SetCookieParams{
		Name: "followup_lang", Value: lang, URL: tb.e.URL + "/", Path: "/"}); err != nil {
		tb.t.Fatalf("set the language cookie: %v", err)
	}
}

// evalJS evaluates an expression in the page and decodes its value.
func evalJS[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", abbreviate(js), err)
	}
	return v
}

func abbreviate(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}

// waitJS waits until a boolean expression is true in the page, surviving
// navigations (a destroyed context is retried).
func (tb *tab) waitJS(what, js string) {
	tb.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		last = err
		if tb.ctx.Err() != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.t.Fatalf("waiting for %s: timed out (last error: %v)", what, last)
}

// waitLoaded waits until the document has loaded.
func (tb *tab) waitLoaded() {
	tb.t.Helper()
	tb.waitJS("the page to load", `document.readyState === "complete" && !!document.body`)
}

// navigating runs an action that leaves the page (a form post, a link) and
// waits for the next document to load.
func (tb *tab) navigating(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	evalJS[chromedp.Void](tb, `window.__followupOld = true`)
	tb.do(what, steps...)
	tb.waitJS("the page after "+what, `!window.__followupOld && document.readyState === "complete" && !!document.body`)
}

// location returns the page's URL.
func (tb *tab) location() string {
	tb.t.Helper()
	return evalJS[string](tb, `location.href`)
}

// key presses one key (a kb constant or a character) with optional modifiers.
func key(k string, mods ...chromedp.Modifier) chromedp.Action[chromedp.Void] {
	return chromedp.KeyEvent(k, chromedp.KeyModifiers(mods...))
}

// press presses keys and fails the test on an error.
func (tb *tab) press(what string, keys ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	tb.do(what, keys...)
}

// tabKey and shiftTab move the focus as a keyboard user does.
func tabKey() chromedp.Action[chromedp.Void]   { return key(kb.Tab) }
func shiftTab() chromedp.Action[chromedp.Void] { return key(kb.Tab, chromedp.ModifierShift) }

// enterKey presses Enter on a button: keyDown, the char (a button acts on
// the keypress) and keyUp.
func enterKey() chromedp.Action[chromedp.Void] { return key(kb.Enter) }

// enterOnLink presses Enter on a link. A link acts on the keydown, and a
// keyboard's keypress that follows a handled keydown is dropped by Chrome;
// DevTools cannot express that, so the keypress is not sent at all (else it
// would reach the field that the link focused and submit its form).
func enterOnLink() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}); err != nil {
				return err
			}
		}
		return nil
	})
}

// selectAll selects the text of the focused field (Ctrl+A, no char event).
func selectAll() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: "a", Code: "KeyA", WindowsVirtualKeyCode: 65, NativeVirtualKeyCode: 65,
				Modifiers: int64(chromedp.ModifierCtrl), Commands: []string{"selectAll"}}); err != nil {
				return err
			}
		}
		return nil
	})
}

// active describes the focused element.
type active struct {
	Tag     string `json:"tag"`
	ID      string `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"type"`
	Value   string `json:"value"`
	Checked bool   `json:"checked"`
	Text    string `json:"text"`
}

func (tb *tab) active() active {
	tb.t.Helper()
	return evalJS[active](tb, `(() => { const a = document.activeElement || document.body;
		return {tag: a.tagName.toLowerCase(), id: a.id || "", name: a.getAttribute("name") || "", type: a.getAttribute("type") || "",
			value: a.value === undefined ? "" : String(a.value), checked: !!a.checked, text: (a.textContent || "").trim().slice(0, 80)}; })()`)
}

// tabUntil presses Tab until the focused element matches a CSS selector.
func (tb *tab) tabUntil(selector string, max int) {
	tb.t.Helper()
	sel, _ := json.Marshal(selector)
	for i := 0; i < max; i++ {
		if evalJS[bool](tb, fmt.Sprintf(`!!document.activeElement && document.activeElement.matches(%s)`, sel)) {
			return
		}
		tb.press("Tab", tabKey())
	}
	tb.t.Fatalf("%d presses of Tab did not reach %s (focus is on %+v)", max, selector, tb.active())
}

// fetchBytes fetches a URL from the page (with its cookies) and returns the
// first bytes of the body, the status and the content type.
type fetched struct {
	Status      int    `json:"status"`
	ContentType string `json:"type"`
	Head        string `json:"head"`
	Size        int    `json:"size"`
}

func (tb *tab) fetch(href string) fetched {
	tb.t.Helper()
	h, _ := json.Marshal(href)
	return evalJS[fetched](tb, fmt.Sprintf(`fetch(%s, {credentials: "same-origin"}).then(r => r.arrayBuffer().then(b => {
		const u = new Uint8Array(b); let s = ""; for (let i = 0; i < Math.min(8, u.length); i++) s += String.fromCharCode(u[i]);
		return {status: r.status, type: r.headers.get("content-type") || "", head: s, size: u.length}; }))`, h))
}

// signIn signs in through the sign-in page.
func (tb *tab) signIn(email, password string) {
	tb.t.Helper()
	tb.open("/logga-in")
	tb.do("fill in the sign-in form",
		chromedp.SetValue(chromedp.ID("email"), email),
		chromedp.SetValue(chromedp.ID("password"), password))
	tb.navigating("sign in", chromedp.Click(chromedp.CSS(`form[action="/logga-in"] button[type=submit]`)))
	if strings.Contains(tb.location(), "/logga-in") {
		tb.t.Fatalf("sign-in as %s failed: still on %s", email, tb.location())
	}
}

// screenshot saves a full-page PNG under dir and, when FOLLOWUP_SCREENSHOTS
// names a directory, copies it there.
//
// The viewport is made as tall as the page first, so that what sticks to
// the bottom of the screen (a form's save bar) is drawn where it rests at
// the end of the page rather than in the middle of the picture; a scroll
// region sized to the screen then shows all of its content.
func (tb *tab) screenshot(dir, name string) string {
	tb.t.Helper()
	width := evalJS[int64](tb, `window.innerWidth`)
	height := evalJS[int64](tb, `window.innerHeight`)
	orig := height
	for range 3 {
		h := evalJS[int64](tb, `Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)`)
		if h <= height {
			break
		}
		height = h
		tb.do("resize for the screenshot", chromedp.EmulateViewport(width, height))
	}
	defer tb.do("restore the viewport", chromedp.EmulateViewport(width, orig))
	size := evalJS[[2]float64](tb, `[document.documentElement.clientWidth, Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)]`)
	res, err := chromedp.Call(tb.ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format: page.CaptureScreenshotFormatPng, CaptureBeyondViewport: new(true), FromSurface: new(true),
		Clip: &page.Viewport{X: 0, Y: 0, Width: size[0], Height: size[1], Scale: 1}})
	png := res.Data
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	if out := os.Getenv("FOLLOWUP_SCREENSHOTS"); out != "" {
		if err := os.MkdirAll(out, 0o755); err != nil {
			tb.t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, name+".png"), png, 0o644); err != nil {
			tb.t.Fatal(err)
		}
	}
	return p
}

// firstActivity returns the id of the first activity of the annual round's
// plan.
func (e *env) firstActivity() int64 {
	e.t.Helper()
	ctx := context.Background()
	round, err := e.DB.Round(ctx, e.Demo.AnnualID)
	if err != nil {
		e.t.Fatal(err)
	}
	plan, err := e.DB.Plan(ctx, round.PlanID)
	if err != nil {
		e.t.Fatal(err)
	}
	return plan.Activities()[0].ID
}
