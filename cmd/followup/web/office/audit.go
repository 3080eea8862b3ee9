package office

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/storage"
)

// auditLimit is how many changes the audit log page shows at most.
const auditLimit = 500

// auditGroups are the kinds of change the log can be filtered by: each is
// the first part of an action such as "round.open".
var auditGroups = []string{"round", "consolidation", "response", "link", "plan", "department", "user", "token"}

type auditView struct {
	Entries []auditRow
	Group   string // the chosen filter; "" for everything
	Groups  []auditGroup
	Limit   int
	Loc     *time.Location
}

// auditGroup is one choice of the filter.
type auditGroup struct {
	Value string
	Label string // already translated
}

type auditRow struct {
	storage.AuditEntry
	ActionText string
	EntityText string
	Link       string // a page about the entity, when there is one
}

// Audit, GET /kontor/logg, lists the latest changes, optionally only one
// kind of them (?atgard=round).
func (h *Handlers) Audit(c *gin.Context) error {
	l := h.site.Localizer(c)
	group := c.Query("atgard")
	if !slices.Contains(auditGroups, group) {
		group = ""
	}
	prefix := ""
	if group != "" {
		prefix = group + "."
	}
	entries, err := h.site.DB.AuditLogByPrefix(c.Request.Context(), prefix, auditLimit)
	if err != nil {
		return err
	}
	v := &auditView{Group: group, Limit: auditLimit, Loc: h.site.Loc}
	for _, g := range auditGroups {
		key := "audit.group." + g
		v.Groups = append(v.Groups, auditGroup{Value: g, Label: l.T(key)})
	}
	for _, e := range entries {
		v.Entries = append(v.Entries, auditRow{AuditEntry: e, ActionText: auditActionText(h.site.Catalog, l, e.Action),
			EntityText: auditEntityText(h.site.Catalog, l, e), Link: auditLink(e)})
	}
	title := l.T("audit.title")
	if group != "" {
		key := "audit.group." + group
		title = l.T("audit.title_filtered", l.T(key))
	}
	return h.pages.Render(c, http.StatusOK, "audit", site.Page{L: l, Title: title, Data: v})
}

// auditActionText names an action in words, or shows it as stored when the
// catalog does not know it.
func auditActionText(cat *i18n.Catalog, l *i18n.Localizer, action string) string {
	if key := "audit.action." + action; cat.Has(key) {
		return l.T(key)
	}
	return action
}

// auditEntityText names what a change concerns, such as "Omgång 3".
func auditEntityText(cat *i18n.Catalog, l *i18n.Localizer, e storage.AuditEntry) string {
	if a, ok := auditActivity(e); ok {
		return l.T("audit.entity.round_activity", e.EntityID, a)
	}
	if key := "audit.entity." + e.Entity; cat.Has(key) {
		return l.T(key, e.EntityID)
	}
	if e.EntityID == 0 {
		return e.Entity
	}
	return e.Entity + " " + strconv.FormatInt(e.EntityID, 10)
}

// auditLink points at the page about the changed thing, where one exists.
func auditLink(e storage.AuditEntry) string {
	if e.EntityID <= 0 {
		return ""
	}
	id := strconv.FormatInt(e.EntityID, 10)
	switch e.Entity {
	case "round":
		if a, ok := auditActivity(e); ok {
			return "/kontor/omgangar/" + id + "/aktiviteter/" + strconv.FormatInt(a, 10)
		}
		return "/kontor/omgangar/" + id
	case "plan":
		return "/kontor/planer/" + id
	}
	return ""
}

// auditActivity reads the activity a consolidation was saved for from the
// entry's detail ("activity 12").
func auditActivity(e storage.AuditEntry) (int64, bool) {
	if e.Action != "consolidation.save" {
		return 0, false
	}
	a, ok := strings.CutPrefix(e.Detail, "activity ")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(a, 10, 64)
	return id, err == nil
}
