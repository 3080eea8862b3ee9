package office

import (
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// matrixFilter narrows the matrix with a plain GET form, applied on the
// server so that it works without JavaScript: one area's activities, the
// departments of one kind, the departments whose responses are in one
// state. Unknown values show everything, as the empty choice does.
type matrixFilter struct {
	Area   int64                // 0: every area
	Kind   forms.DepartmentKind // "": every kind
	State  forms.ResponseState  // "": every state
	Active bool                 // some filter is chosen
	// The choices of the form's three lists, the chosen one marked.
	Areas, Kinds, States []matrixOption
	// query holds the chosen filters, for the pager's links.
	query url.Values
}

// matrixOption is one choice of a filter list, already translated.
type matrixOption struct {
	Value, Label string
	Selected     bool
}

// kindSlugs name the department kinds in addresses without Swedish letters.
var kindSlugs = map[forms.DepartmentKind]string{
	forms.KindAdministration: "forvaltning", forms.KindCompany: "bolag", forms.KindFederation: "forbund",
}

// matrixFilterOf reads the filters of ?omrade=, ?typ= and ?lage= and builds
// the form's choices.
func matrixFilterOf(c *gin.Context, rep *forms.RoundReport, l *i18n.Localizer) *matrixFilter {
	f := &matrixFilter{query: url.Values{}}
	if id, ok := site.QueryID(c, "omrade"); ok {
		for _, ar := range rep.Plan.Areas {
			if ar.ID == id {
				f.Area = id
				f.query.Set("omrade", c.Query("omrade"))
			}
		}
	}
	if k, ok := forms.ParseDepartmentKind(c.Query("typ")); ok {
		f.Kind = k
		f.query.Set("typ", kindSlugs[k])
	}
	if st, ok := roundStateOfSlug(c.Query("lage")); ok {
		f.State = st
		f.query.Set("lage", c.Query("lage"))
	}
	f.Active = len(f.query) > 0

	f.Areas = []matrixOption{{Label: l.T("matrix.filter.all_areas"), Selected: f.Area == 0}}
	for _, ar := range rep.Plan.Areas {
		f.Areas = append(f.Areas, matrixOption{Value: strconv.FormatInt(ar.ID, 10), Label: ar.Title, Selected: ar.ID == f.Area})
	}
	f.Kinds = []matrixOption{{Label: l.T("matrix.filter.all_kinds"), Selected: f.Kind == ""}}
	present := map[forms.DepartmentKind]bool{}
	for _, d := range rep.Departments {
		present[d.Kind] = true
	}
	for _, k := range forms.DepartmentKinds() {
		if present[k] || k == f.Kind {
			f.Kinds = append(f.Kinds, matrixOption{Value: kindSlugs[k], Label: l.T("dept.kind." + string(k)), Selected: k == f.Kind})
		}
	}
	f.States = []matrixOption{{Label: l.T("matrix.filter.all_states"), Selected: f.State == ""}}
	for _, st := range roundStateSlugs {
		f.States = append(f.States, matrixOption{Value: st.Slug, Label: l.T("response.state." + string(st.State)), Selected: st.State == f.State})
	}
	return f
}

// departments returns the round's departments that pass the filter, in
// name order.
func (f *matrixFilter) departments(rep *forms.RoundReport) []forms.Department {
	var out []forms.Department
	for _, d := range rep.Departments {
		if f.Kind != "" && d.Kind != f.Kind {
			continue
		}
		if f.State != "" && rep.ResponseState(d.ID) != f.State {
			continue
		}
		out = append(out, d)
	}
	return out
}

// href is the address of the matrix with the filter and page n (0: none).
func (f *matrixFilter) href(base string, n int) string {
	q := url.Values{}
	for k, v := range f.query {
		q[k] = v
	}
	if n > 0 {
		q.Set("sida", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return base
	}
	return base + "?" + q.Encode()
}

// matrixColumns is how many departments a page of the matrix shows. A
// municipality's 20 or 30 departments fit one page; a round of 300 would
// make a table 300 columns wide and tens of megabytes heavy, so it is shown
// 40 departments at a time.
const matrixColumns = 40

// matrixPager is the navigation between the pages of departments.
type matrixPager struct {
	From, To, Total int // the departments shown, counted from 1
	Prev, Next      string
	Pages           []matrixPageLink
}

// matrixPageLink names one page by the departments on it, "41–80".
type matrixPageLink struct {
	From, To int
	Href     string
	Current  bool
}

// matrixPage picks the departments of the page asked for with ?sida=N and
// builds the pager, whose links keep the filter; an unknown page is not
// found.
func (h *Handlers) matrixPage(c *gin.Context, base string, f *matrixFilter, deps []forms.Department) ([]forms.Department, *matrixPager, error) {
	per := h.matrixColumns
	pages := (len(deps) + per - 1) / per
	page := 1
	if raw, ok := c.GetQuery("sida"); ok {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > max(pages, 1) || strconv.Itoa(n) != raw {
			return nil, nil, forms.Errorf(forms.ENOTFOUND, "no page %q of the matrix", raw)
		}
		page = n
	}
	if pages <= 1 {
		return deps, nil, nil
	}
	p := &matrixPager{From: (page-1)*per + 1, To: min(page*per, len(deps)), Total: len(deps)}
	if page > 1 {
		p.Prev = f.href(base, page-1)
	}
	if page < pages {
		p.Next = f.href(base, page+1)
	}
	for n := 1; n <= pages; n++ {
		p.Pages = append(p.Pages, matrixPageLink{From: (n-1)*per + 1, To: min(n*per, len(deps)), Href: f.href(base, n), Current: n == page})
	}
	return deps[p.From-1 : p.To], p, nil
}
