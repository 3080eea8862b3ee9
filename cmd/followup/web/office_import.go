package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// The plumbing that the department and the plan import share: the upload
// page, the refusal of a file and the preview P of what the import would do.

// importView is an import's upload page, the refusal of a file and the
// preview.
type importView[P any] struct {
	FileName string
	Problems []string // why the file was refused, one line each
	Error    string   // a translated message beside the file field
	Preview  *P
}

// importPage is what one import's pages are: the template and the
// translated texts.
type importPage struct {
	template     string
	title        string // the upload page's
	previewTitle string
	errorPrefix  string // before the title when the file was refused
	noFile       string // beside the file field when none was sent
}

// renderImport shows an import page, titled as the preview, or as the upload
// page, marked when the file was refused.
func renderImport[P any](s *Server, c *gin.Context, status int, pg importPage, v *importView[P]) {
	title := pg.title
	switch {
	case v.Preview != nil:
		title = pg.previewTitle
	case len(v.Problems) > 0 || v.Error != "":
		title = pg.errorPrefix + title
	}
	s.render(c, status, pg.template, page{L: s.localizer(c), Title: title, Data: v})
}

// importUpload reads the uploaded file into a new import page; without one
// it shows the upload page again and returns false.
func importUpload[P any](s *Server, c *gin.Context, pg importPage) (*importView[P], []byte, bool) {
	name, data, ok, err := dpUpload(c)
	if err != nil {
		s.errorPage(c, err)
		return nil, nil, false
	}
	v := &importView[P]{FileName: name}
	if !ok {
		v.Error = pg.noFile
		renderImport(s, c, http.StatusUnprocessableEntity, pg, v)
		return nil, nil, false
	}
	return v, data, true
}

// refuseImport shows the upload page again with the problems of a file the
// domain refused; any other error shows the error page.
func refuseImport[P any](s *Server, c *gin.Context, pg importPage, v *importView[P], err error) {
	if forms.ErrorCode(err) != forms.EINVALID {
		s.errorPage(c, err)
		return
	}
	v.Problems = dpTranslateProblems(s.localizer(c), dpProblems(err))
	renderImport(s, c, http.StatusUnprocessableEntity, pg, v)
}
