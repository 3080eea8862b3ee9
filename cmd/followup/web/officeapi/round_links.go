package officeapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
)

// LinkJSON is a department's link to its questionnaire.
type LinkJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Link string `json:"link"`
}

// Links, GET /api/v1/rounds/:round/links, returns every participant's link,
// creating the missing ones.
func (h *Handlers) Links(c *gin.Context) error {
	ctx := c.Request.Context()
	id, err := site.ParamID(c, "round")
	if err != nil {
		return err
	}
	if _, err := h.site.DB.Round(ctx, id); err != nil {
		return err
	}
	links, err := h.site.DB.Links(ctx, h.site.Secret, id)
	if err != nil {
		return err
	}
	out := make([]LinkJSON, 0, len(links))
	for _, l := range links {
		out = append(out, LinkJSON{ID: l.Department.ID, Name: l.Department.Name, Link: h.site.Link(l.Token)})
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, gin.H{"links": out})
	return nil
}

// ReplaceLink, POST /api/v1/rounds/:round/links/:dept/replace, gives a
// department a new link; the old one stops working.
func (h *Handlers) ReplaceLink(c *gin.Context) error {
	ctx := c.Request.Context()
	ids, err := paramIDs(c, "round", "dept")
	if err != nil {
		return err
	}
	dep, err := h.site.DB.Department(ctx, ids[1])
	if err != nil {
		return err
	}
	tok, err := h.site.DB.ReplaceLink(ctx, h.site.Secret, ids[0], ids[1], site.AccountOf(c).Actor())
	if err != nil {
		return err
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, LinkJSON{ID: dep.ID, Name: dep.Name, Link: h.site.Link(tok)})
	return nil
}
