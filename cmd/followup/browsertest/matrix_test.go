package browsertest

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"followup/cmd/followup/demo"
)

// TestMatrixOnAScreen opens the matrix of 40 departments on a 1280 px
// screen and scrolls its table both ways: the activity and consolidated
// columns, the department header row and the area headings stay in view;
// a cell's tooltip names the status in full on focus and Escape hides it.
// The demo's eight departments and the consolidation page's answers fit
// the screen without scrolling sideways.
func TestMatrixOnAScreen(t *testing.T) {
	e := newEnv(t)
	big := e.bigRound()
	tb := e.newTab(t)
	tb.setLang("sv")
	tb.signIn(demo.AdminEmail, demo.AdminPassword)
	tb.do("a 1280 px screen", chromedp.EmulateViewport(1280, 900))

	t.Run("StickyWhenScrolled", func(t *testing.T) {
		tb := tb.sub(t)
		tb.open(bigRoundPath(big, "/matris"))
		if !evalJS[bool](tb, `(() => { const r = document.querySelector(".mx-scroll"); return r.scrollWidth > r.clientWidth; })()`) {
			t.Fatal("40 departments should scroll sideways inside the table's region")
		}
		tb.do("scroll the table", chromedp.Evaluate[chromedp.Void](`(() => { const r = document.querySelector(".mx-scroll");
			r.scrollIntoView(); r.scrollLeft = 900; r.scrollTop = 420; })()`))
		tb.waitJS("the scroll", `document.querySelector(".mx-scroll").scrollLeft > 0`)
		got := evalJS[map[string]float64](tb, `(() => {
			const r = document.querySelector(".mx-scroll").getBoundingClientRect();
			const head = document.querySelector("thead th.mx-dept").getBoundingClientRect();
			const inView = el => { const b = el.getBoundingClientRect(); return b.top > head.bottom && b.bottom < r.bottom; };
			const row = [...document.querySelectorAll("tbody tr[id^=row-]")].find(inView);
			const act = row.querySelector("th.mx-activity").getBoundingClientRect();
			const cons = row.querySelector("td.mx-cons").getBoundingClientRect();
			const area = [...document.querySelectorAll(".mx-area-title")].find(inView);
			return {regionLeft: r.left, regionTop: r.top, headTop: head.top, actLeft: act.left, actRight: act.right, consLeft: cons.left,
				consRight: cons.right, areaLeft: area ? area.getBoundingClientRect().left : -1, areaRight: area ? area.getBoundingClientRect().right : -1,
				regionRight: r.right};
		})()`)
		near := func(a, b float64) bool { return math.Abs(a-b) <= 2 }
		if !near(got["actLeft"], got["regionLeft"]+1) {
			t.Errorf("the activity column is at %v, want it stuck at the region's left %v", got["actLeft"], got["regionLeft"])
		}
		if !near(got["consLeft"], got["actRight"]) {
			t.Errorf("the consolidated column is at %v, want it stuck next to the activities at %v", got["consLeft"], got["actRight"])
		}
		if !near(got["headTop"], got["regionTop"]+1) {
			t.Errorf("the department header is at %v, want it stuck at the region's top %v", got["headTop"], got["regionTop"])
		}
		if got["areaLeft"] < got["regionLeft"] || got["areaRight"] > got["regionRight"] {
			t.Errorf("the area heading is at %v–%v, outside the region %v–%v", got["areaLeft"], got["areaRight"], got["regionLeft"], got["regionRight"])
		}
	})
	t.Run("TooltipsOnFocusAndEscape", func(t *testing.T) {
		tb := tb.sub(t)
		tb.open(bigRoundPath(big, "/matris"))
		tb.do("focus a draft", chromedp.Evaluate[chromedp.Void](`document.querySelector("a.mx-link.mx-draft").focus()`))
		tip := `(() => { const a = document.activeElement; const tip = document.getElementById(a.getAttribute("aria-describedby"));
			return getComputedStyle(tip).display === "none" ? "" : tip.textContent.replace(/\s+/g, " ").trim(); })()`
		if got := evalJS[string](tb, tip); !strings.Contains(got, "utkast, räknas inte") {
			t.Errorf("the focused draft's tooltip says %q", got)
		}
		tb.press("Escape", key(kb.Escape))
		if got := evalJS[string](tb, tip); got != "" {
			t.Errorf("Escape leaves the tooltip %q", got)
		}
		tb.do("focus a department", chromedp.Evaluate[chromedp.Void](`document.querySelector("th.mx-dept a").focus()`))
		name := evalJS[string](tb, `(() => { const th = document.activeElement.closest("th"); const tip = th.querySelector(".mx-dept-tip");
			return getComputedStyle(tip).display === "none" ? "" : tip.textContent.trim() + "|" + document.activeElement.textContent.trim(); })()`)
		if parts := strings.SplitN(name, "|", 2); len(parts) != 2 || parts[0] == "" || parts[0] != parts[1] {
			t.Errorf("the focused department shows %q, want its whole name", name)
		}
	})
	for _, p := range []struct{ name, path, region string }{
		{"DemoMatrixFits", fmt.Sprintf("/kontor/omgangar/%d/matris", e.Demo.AnnualID), ".mx-scroll"},
		{"ConsolidationFits", fmt.Sprintf("/kontor/omgangar/%d/aktiviteter/%d", e.Demo.AnnualID, e.firstActivity()), "table.cons-answers"},
		{"ConsolidationOf40Fits", bigRoundPath(big, fmt.Sprintf("/aktiviteter/%d", e.firstActivity())), "table.cons-answers"},
	} {
		t.Run(p.name, func(t *testing.T) {
			tb := tb.sub(t)
			tb.open(p.path)
			sizes := evalJS[[]float64](tb, fmt.Sprintf(`(() => { const el = document.querySelector(%q); const r = el.closest(".table-scroll") || el;
				return [r.scrollWidth, r.clientWidth]; })()`, p.region))
			if sizes[0] > sizes[1]+1 {
				t.Errorf("at 1280 px the table is %v px wide in a region of %v: a column is cut off", sizes[0], sizes[1])
			}
		})
	}
}
