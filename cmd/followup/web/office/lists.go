package office

import (
	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
)

// Helpers of the office's list pages: the notice after a change, and the
// split of a list into its two tables.

// queryFlash is a notice shown after a change when the redirect's query
// sets Param to 1; Key is its catalog key.
type queryFlash struct{ Param, Key string }

// flashNotice translates the notice of the last flash whose flag the query
// sets, or returns "" when it sets none.
func flashNotice(c *gin.Context, l *i18n.Localizer, flashes []queryFlash) string {
	notice := ""
	for _, f := range flashes {
		if c.Query(f.Param) == "1" {
			notice = l.T(f.Key)
		}
	}
	return notice
}

// partition splits items, in order, into those for which first holds and
// the rest.
func partition[T any](items []T, first func(T) bool) (yes, no []T) {
	for _, it := range items {
		if first(it) {
			yes = append(yes, it)
		} else {
			no = append(no, it)
		}
	}
	return yes, no
}
