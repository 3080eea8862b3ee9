package forms

import "strings"

// OriginDocument is an activity's origin in the plan's exchange format. It
// names the origin without ids, by the year and title of its plan and its
// own title, so that it means the same in every installation:
//
//	"origin": {"year": 2025, "plan": "Handlingsplan 2025", "activity": "Riskanalys", "times_carried": 2}
//
// On import the origin is linked to the activity it names when this
// installation has exactly one such; otherwise it is kept as text. Either
// way the times carried survive.
type OriginDocument struct {
	Year         int    `json:"year"`
	Plan         string `json:"plan"`
	Activity     string `json:"activity"`
	TimesCarried int    `json:"times_carried,omitempty"`
}

// toOrigin checks an origin of a plan of the given year and returns it as
// text with its times carried (1 when the file gives none); a nil document
// is no origin. Problems go to add under path.
func (d *OriginDocument) toOrigin(path string, planYear int, add func(path, format string, args ...any)) (Origin, int) {
	if d == nil {
		return Origin{}, 0
	}
	o := Origin{Year: d.Year, PlanTitle: strings.Join(strings.Fields(d.Plan), " "), ActivityTitle: strings.Join(strings.Fields(d.Activity), " ")}
	if d.Year < 2000 || d.Year >= planYear {
		add(path+".year", "must be a year before the plan's %d, not %d", planYear, d.Year)
	}
	for _, f := range []struct{ path, v string }{{path + ".plan", o.PlanTitle}, {path + ".activity", o.ActivityTitle}} {
		if f.v == "" {
			add(f.path, "is empty")
		} else if k := CheckText(f.v, MaxTitleRunes); k != "" {
			add(f.path, "%s", textProblem(k))
		}
	}
	times := d.TimesCarried
	switch {
	case times == 0:
		times = 1
	case times < 0 || times > MaxTimesCarried:
		add(path+".times_carried", "must be from 1 to %d, not %d", MaxTimesCarried, times)
	}
	return o, times
}

// newOriginDocument writes an activity's origin for export; nil when the
// activity is new in its plan.
func newOriginDocument(a Activity) *OriginDocument {
	if !a.Origin.Known() {
		return nil
	}
	return &OriginDocument{Year: a.Origin.Year, Plan: a.Origin.PlanTitle, Activity: a.Origin.ActivityTitle, TimesCarried: a.TimesCarried}
}
