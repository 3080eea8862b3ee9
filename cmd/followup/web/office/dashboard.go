package office

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// dashboardView is the office's start page: the open rounds with their
// progress, the drafts waiting to be opened, and the plans.
type dashboardView struct {
	Open   []roundSummary
	Drafts []roundSummary
	Plans  []storage.PlanSummary
}

// Dashboard, GET /kontor, is the office's start page: the open rounds with
// their progress, the drafts waiting to be opened, and the plans.
func (h *Handlers) Dashboard(c *gin.Context) error {
	all, plans, err := h.roundSummaries(c)
	if err != nil {
		return err
	}
	var v dashboardView
	for _, r := range all {
		switch r.Round.State {
		case forms.RoundOpen:
			v.Open = append(v.Open, r)
		case forms.RoundDraft:
			v.Drafts = append(v.Drafts, r)
		}
	}
	for _, p := range plans {
		if !p.Archived {
			v.Plans = append(v.Plans, p)
		}
	}
	l := h.site.Localizer(c)
	return h.pages.Render(c, http.StatusOK, "dashboard", site.Page{L: l, Title: l.T("dashboard.title"), Data: v})
}
