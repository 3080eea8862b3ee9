package office

import (
	"io"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/reports"
)

// Content types of the round's downloads.
const (
	roundXLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	roundPDFType  = "application/pdf"
)

// roundReport loads a round's report for a download, with the round's report
// settings; the compiler is the name the settings give, else the signed-in
// account.
func (h *Handlers) roundReport(c *gin.Context) (*forms.RoundReport, error) {
	id, err := site.ParamID(c, "round")
	if err != nil {
		return nil, err
	}

	rep, err := h.site.DB.RoundReport(c.Request.Context(), id)
	if err != nil {
		return nil, err
	}
	rep.CompiledBy = rep.Settings.CompiledBy
	if a := site.AccountOf(c); a != nil && rep.CompiledBy == "" {
		rep.CompiledBy = a.Name
		if rep.CompiledBy == "" {
			rep.CompiledBy = a.Email
		}
	}
	return rep, nil
}

// ExportWorkbook, GET /kontor/omgangar/:round/export.xlsx, sends the round's
// Excel workbook; ?per_verksamhet=0 leaves out the sheet per department.
func (h *Handlers) ExportWorkbook(c *gin.Context) error {
	if err := h.acquireExport(); err != nil {
		return err
	}
	defer h.releaseExport()
	rep, err := h.roundReport(c)
	if err != nil {
		return err
	}
	opts := reports.WorkbookOptions{PerDepartment: c.Query("per_verksamhet") != "0", Created: h.site.Now(), Location: h.site.Loc}
	return h.site.StreamDownload(c, roundXLSXType, reports.WorkbookFileName(rep), func(w io.Writer) error {
		return reports.WriteWorkbook(w, rep, opts)
	})
}

// ExportReport, GET /kontor/omgangar/:round/export.pdf, sends the round's
// PDF report; ?bilaga=0 leaves out the appendix with each department's
// answers.
func (h *Handlers) ExportReport(c *gin.Context) error {
	if err := h.acquireExport(); err != nil {
		return err
	}
	defer h.releaseExport()
	rep, err := h.roundReport(c)
	if err != nil {
		return err
	}
	if c.Query("bilaga") == "0" {
		rep.Settings.Appendix = false
	}
	opts := reports.ReportOptions{Created: h.site.Now(), Location: h.site.Loc}
	return h.site.StreamDownload(c, roundPDFType, reports.ReportFileName(rep), func(w io.Writer) error {
		return reports.WriteReport(w, rep, opts)
	})
}

// maxExports bounds the exports written at once: the largest PDF needs
// hundreds of megabytes while it is written.
const maxExports = 2

// acquireExport takes an export slot, or is EBUSY ("busy, try again")
// when every slot is taken.
func (h *Handlers) acquireExport() error {
	select {
	case h.exports <- struct{}{}:
		return nil
	default:
		return forms.Errorf(forms.EBUSY, "every export slot is taken")
	}
}

func (h *Handlers) releaseExport() { <-h.exports }
