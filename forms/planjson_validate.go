package forms

import (
	"fmt"
	"strings"
)

// ToPlan validates the document against the known departments and builds a
// plan. Every problem is reported by field path (areas[1].activities[0].title)
// in one EINVALID error; nothing is partly accepted.
func (doc *PlanDocument) ToPlan(departments []Department) (*Plan, error) {
	c := &planCheck{year: doc.Year, byName: map[string]Department{}}
	for _, d := range departments {
		c.byName[strings.ToLower(d.Name)] = d
	}
	p := &Plan{
		Organisation: strings.TrimSpace(doc.Organisation),
		Title:        strings.TrimSpace(doc.Title),
		Year:         doc.Year,
	}
	if p.Organisation == "" {
		c.add("organisation", "is empty")
	}
	if p.Title == "" {
		c.add("title", "is empty")
	}
	for _, f := range []struct{ path, v string }{{"organisation", p.Organisation}, {"title", p.Title}} {
		if k := CheckText(f.v, MaxTitleRunes); k != "" {
			c.add(f.path, "%s", textProblem(k))
		}
	}
	if doc.Year < 2000 || doc.Year > 2200 {
		c.add("year", "must be a year such as 2025, not %d", doc.Year)
	}
	p.Statuses = c.scale(doc.Statuses)
	if len(doc.Areas) == 0 {
		c.add("areas", "the plan has no areas")
	}
	if len(doc.Areas) > MaxAreas {
		c.add("areas", "the plan has %d areas; a plan may have at most %d", len(doc.Areas), MaxAreas)
	}
	if n := doc.countActivities(); n > MaxActivities {
		c.add("areas", "the plan has %d activities; a plan may have at most %d", n, MaxActivities)
		return nil, c.err()
	}
	areaTitles := map[string]bool{}
	for i, ad := range doc.Areas {
		p.Areas = append(p.Areas, c.area(i, ad, areaTitles))
	}
	if len(c.problems) > 0 {
		return nil, c.err()
	}
	return p, nil
}

// planCheck is what ToPlan's checks share while they walk the document: the
// plan's year, the departments by name in lower case, and the problems found
// so far, one "path: message" line each in the order of the document.
type planCheck struct {
	year     int
	byName   map[string]Department
	problems []string
}

// add records a problem of the field at path.
func (c *planCheck) add(path, format string, args ...any) {
	c.problems = append(c.problems, path+": "+fmt.Sprintf(format, args...))
}

// err returns every problem recorded as one EINVALID error.
func (c *planCheck) err() error {
	return &Error{Code: EINVALID, Message: strings.Join(c.problems, "\n")}
}

// scale returns the document's status scale, or the default scale when the
// document gives none, since most plans use it.
func (c *planCheck) scale(statuses []StatusDocument) Scale {
	if len(statuses) == 0 {
		scale := DefaultScale()
		for i := range scale {
			scale[i].Position = i
		}
		return scale
	}
	var scale Scale
	for i, s := range statuses {
		scale = append(scale, Status{Position: i, Name: strings.TrimSpace(s.Name), Color: strings.ToLower(s.Color),
			Done: s.Done, CarriesOver: s.CarriesOver, NotApplicable: s.NotApplicable, CommentRequired: s.CommentRequired})
	}
	var fe FieldErrors
	scale.Validate(&fe)
	for _, f := range fe.order {
		c.add(f, "%s", scaleProblem(fe.fields[f]))
	}
	return scale
}

// area checks the i-th area and its activities and builds it; seen holds
// the lower-case titles of the areas before it, so a title used twice is
// named at its second use.
func (c *planCheck) area(i int, ad AreaDocument, seen map[string]bool) Area {
	path := fmt.Sprintf("areas[%d]", i)
	area := Area{Position: i, Title: strings.TrimSpace(ad.Title)}
	if area.Title == "" {
		c.add(path+".title", "is empty")
	} else if k := CheckText(area.Title, MaxTitleRunes); k != "" {
		c.add(path+".title", "%s", textProblem(k))
	}
	if seen[strings.ToLower(area.Title)] && area.Title != "" {
		c.add(path+".title", "the area %q appears twice", area.Title)
	}
	seen[strings.ToLower(area.Title)] = true
	titles := map[string]bool{}
	for j, acd := range ad.Activities {
		ap := fmt.Sprintf("%s.activities[%d]", path, j)
		area.Activities = append(area.Activities, c.activity(ap, j, acd, area.Title, titles))
	}
	return area
}

// activity checks the j-th activity of the area titled area, found at path,
// and builds it; titles holds the lower-case titles of the activities
// before it in the same area.
func (c *planCheck) activity(path string, j int, acd ActivityDocument, area string, titles map[string]bool) Activity {
	act := Activity{Position: j, Title: strings.TrimSpace(acd.Title), Description: NormalizeText(acd.Description)}
	if act.Title == "" {
		c.add(path+".title", "is empty")
	} else if k := CheckText(act.Title, MaxTitleRunes); k != "" {
		c.add(path+".title", "%s", textProblem(k))
	} else if titles[strings.ToLower(act.Title)] {
		c.add(path+".title", "the activity %q appears twice in area %q", act.Title, area)
	}
	titles[strings.ToLower(act.Title)] = true
	if k := CheckText(acd.Description, MaxTextRunes); k != "" {
		c.add(path+".description", "%s", textProblem(k))
	}
	switch {
	case acd.Respondents.All:
		act.AllDepartments = true
	case len(acd.Respondents.Names) == 0:
		c.add(path+".respondents", `must be "all" or name at least one department`)
	default:
		for _, n := range acd.Respondents.Names {
			d, ok := c.byName[strings.ToLower(strings.TrimSpace(n))]
			if !ok {
				c.add(path+".respondents", "unknown department %q", n)
				continue
			}
			act.DepartmentIDs = append(act.DepartmentIDs, d.ID)
		}
	}
	act.Origin, act.TimesCarried = acd.Origin.toOrigin(path+".origin", c.year, c.add)
	return act
}

// countActivities counts the activities of every area.
func (doc *PlanDocument) countActivities() int {
	n := 0
	for _, a := range doc.Areas {
		n += len(a.Activities)
	}
	return n
}

// textProblem words a CheckText refusal for a problem line.
func textProblem(key string) string {
	switch key {
	case "error.text_encoding":
		return "is not valid UTF-8"
	case "error.text_control":
		return "holds control characters"
	case "error.text_bidi":
		return "holds characters that reverse the writing direction (U+202A–U+202E, U+2066–U+2069)"
	default:
		return "is too long"
	}
}

// scaleProblem words a refusal of the status scale's validation for a
// problem line.
func scaleProblem(key string) string {
	switch key {
	case "error.required":
		return "is empty"
	case "error.duplicate":
		return "names a status twice"
	case "error.color":
		return `must be a colour such as "#1e8449"`
	case "error.status_flags":
		return "a done status cannot also carry over or be not applicable"
	case "error.scale_no_done":
		return "no status counts as done"
	case "error.scale_empty":
		return "the scale is empty"
	}
	return textProblem(key)
}
