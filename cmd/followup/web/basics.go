package web

import (
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/forms"
)

var notFound = &forms.Error{Code: forms.ENOTFOUND, Message: "not found"}

// serveStatic serves the embedded stylesheet and script with long caching.
func (s *Server) serveStatic(c *gin.Context) {
	name := strings.TrimPrefix(path.Clean(c.Param("file")), "/")
	b, err := fs.ReadFile(s.static, name)
	if err != nil {
		s.errorPage(c, notFound)
		return
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, mime.TypeByExtension(path.Ext(name)), b)
}

// scaleCSS serves the colours and fill patterns of a plan's status scale as
// classes, because the pages' security policy allows no inline styles.
func (s *Server) scaleCSS(c *gin.Context) {
	id, err := strconv.ParseInt(strings.TrimSuffix(c.Param("plan"), ".css"), 10, 64)
	if err != nil {
		s.errorPage(c, notFound)
		return
	}
	plan, err := s.DB.Plan(c.Request.Context(), id)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	var b strings.Builder
	patterns := statusPattern(plan.Statuses)
	for _, st := range plan.Statuses {
		fmt.Fprintf(&b, ".st-%d{--status:%s;--pattern:%s}\n", st.ID, st.Color, patterns[st.ID])
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "text/css; charset=utf-8", []byte(b.String()))
}

func (s *Server) home(c *gin.Context) {
	if c.Request.URL.Path != "/" {
		s.errorPage(c, notFound)
		return
	}
	l := s.localizer(c)
	s.render(c, http.StatusOK, "home", page{L: l, Title: l.T("home.title")})
}

// setLanguage remembers the person's language and returns to the page they
// were on (a path on this site only).
func (s *Server) setLanguage(c *gin.Context) {
	i18n.Remember(c.Writer, i18n.Parse(c.PostForm("lang")), s.secure())
	c.Redirect(http.StatusSeeOther, localPath(c.PostForm("next"), "/"))
}
