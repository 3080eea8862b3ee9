package office

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
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
func renderImport[P any](h *Handlers, c *gin.Context, status int, pg importPage, v *importView[P]) error {
	title := pg.title
	switch {
	case v.Preview != nil:
		title = pg.previewTitle
	case len(v.Problems) > 0 || v.Error != "":
		title = pg.errorPrefix + title
	}
	return h.pages.Render(c, status, pg.template, site.Page{L: h.site.Localizer(c), Title: title, Data: v})
}

// importUpload reads the uploaded file into a new import page; when no
// file was sent, the page's Error says so and data is nil.
func importUpload[P any](c *gin.Context, pg importPage) (*importView[P], []byte, error) {
	name, data, ok, err := dpUpload(c)
	if err != nil {
		return nil, nil, err
	}
	v := &importView[P]{FileName: name}
	if !ok {
		v.Error = pg.noFile
	}
	return v, data, nil
}

// refuseImport shows the upload page again with the problems of a file the
// domain refused; any other error shows the error page.
func refuseImport[P any](h *Handlers, c *gin.Context, pg importPage, v *importView[P], err error) error {
	if forms.ErrorCode(err) != forms.EINVALID {
		return err
	}
	v.Problems = dpTranslateProblems(h.site.Localizer(c), dpProblems(err))
	return renderImport(h, c, http.StatusUnprocessableEntity, pg, v)
}
