package site

import (
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/internal/localpath"
	"followup/cmd/followup/web/i18n"
	"followup/forms"
)

// The pages anyone may ask for: the start page, the choice of language,
// the assets and a plan's status colours.

// Home is the start page, "/".
func (s *Site) Home(c *gin.Context) error {
	if c.Request.URL.Path != "/" {
		return forms.Errorf(forms.ENOTFOUND, "no page %s", c.Request.URL.Path)
	}
	l := s.Localizer(c)
	return s.pages.Render(c, http.StatusOK, "home", Page{L: l, Title: l.T("home.title")})
}

// SetLanguage, POST /sprak, remembers the person's language and returns to
// the page they were on (a path on this site only).
func (s *Site) SetLanguage(c *gin.Context) error {
	i18n.Remember(c.Writer, i18n.Parse(c.PostForm("lang")), s.Secure())
	c.Redirect(http.StatusSeeOther, localpath.Or(c.PostForm("next"), "/"))
	return nil
}

// Static, GET /static/*file, serves the embedded stylesheet and scripts
// with an hour's caching.
func (s *Site) Static(c *gin.Context) error {
	name := strings.TrimPrefix(path.Clean(c.Param("file")), "/")
	b, err := fs.ReadFile(s.static, name)
	if err != nil {
		return forms.Errorf(forms.ENOTFOUND, "no asset %s", name)
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, mime.TypeByExtension(path.Ext(name)), b)
	return nil
}

// ScaleCSS, GET /farger/:plan, serves the colours and fill patterns of a
// plan's status scale as classes, because the pages' security policy
// allows no inline styles.
func (s *Site) ScaleCSS(c *gin.Context) error {
	id, ok := ParseID(strings.TrimSuffix(c.Param("plan"), ".css"))
	if !ok {
		return forms.Errorf(forms.ENOTFOUND, "no plan %q", c.Param("plan"))
	}
	plan, err := s.DB.Plan(c.Request.Context(), id)
	if err != nil {
		return err
	}
	var b strings.Builder
	patterns := StatusPatterns(plan.Statuses)
	for _, st := range plan.Statuses {
		fmt.Fprintf(&b, ".st-%d{--status:%s;--pattern:%s}\n", st.ID, st.Color, patterns[st.ID])
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "text/css; charset=utf-8", []byte(b.String()))
	return nil
}
