package office

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// linkRow is one department's link on the links page.
type linkRow struct {
	Department forms.Department
	URL        string
	Stale      bool // made with another secret: only replacing helps
}

// linksView lists every participant's link, all of them as lines for a
// mail merge, and, when asked, the confirmation of replacing one.
type linksView struct {
	Round   forms.Round
	Links   []linkRow
	All     string // "namn;e-post;länk" lines
	Lines   int
	Confirm *forms.Department // the department whose link is to be replaced
}

// Links, GET /kontor/omgangar/:round/lankar, shows the departments' links.
// ?ersatt=<department> asks to confirm replacing that department's link.
func (h *Handlers) Links(c *gin.Context) error {
	round, err := h.loadRound(c)
	if err != nil {
		return err
	}
	links, err := h.site.DB.Links(c.Request.Context(), h.site.Secret, round.ID)
	if err != nil {
		return err
	}
	v := &linksView{Round: round}
	var all strings.Builder
	w := csv.NewWriter(&all)
	w.Comma = ';'
	w.Write([]string{"namn", "e-post", "länk"})
	confirm, _ := site.QueryID(c, "ersatt")
	for _, lk := range links {
		row := linkRow{Department: lk.Department, Stale: lk.Stale}
		if !lk.Stale {
			row.URL = h.site.Link(lk.Token)
		}
		v.Links = append(v.Links, row)
		w.Write([]string{lk.Department.Name, lk.Department.Email, row.URL})
		if lk.Department.ID == confirm {
			d := lk.Department
			v.Confirm = &d
		}
	}
	w.Flush()
	v.All, v.Lines = all.String(), len(links)+1
	l := h.site.Localizer(c)
	title := l.T("rounds.links.title", round.Title)
	if v.Confirm != nil {
		title = l.T("rounds.links.confirm_title", v.Confirm.Name)
	}
	return h.pages.Render(c, http.StatusOK, "round_links", site.Page{L: l, Title: title, Data: v, Flash: roundFlash(c)})
}

// ReplaceLink, POST /kontor/omgangar/:round/lankar/:dept, gives a department
// a new link once confirmed; the old link stops working at once. Without
// confirm=1 it asks first.
func (h *Handlers) ReplaceLink(c *gin.Context) error {
	roundID, depID, err := roundDeptParams(c)
	if err != nil {
		return err
	}
	base := roundPath(roundID) + "/lankar"
	if c.PostForm("confirm") != "1" {
		c.Redirect(http.StatusSeeOther, base+"?ersatt="+strconv.FormatInt(depID, 10)+"#bekrafta")
		return nil
	}
	if _, err := h.site.DB.ReplaceLink(c.Request.Context(), h.site.Secret, roundID, depID, site.AccountOf(c).Actor()); err != nil {
		return err
	}
	c.Redirect(http.StatusSeeOther, base+"?klart=lank#lank-"+strconv.FormatInt(depID, 10))
	return nil
}
