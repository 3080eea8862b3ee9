package questionnaire

import (
	"bytes"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/responseview"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/reports"
)

// Receipt, GET /r/:token/kvitto.pdf, sends a department the receipt of
// its submission.
func (h *Handlers) Receipt(c *gin.Context) error {
	roundID, depID, err := h.linkTarget(c)
	if err != nil {
		return err
	}
	rep, err := responseview.Report(c.Request.Context(), h.site, roundID, depID)
	if err != nil {
		return err
	}
	if rep.ResponseState(depID) != forms.ResponseSubmitted {
		return forms.Errorf(forms.ENOTFOUND, "no receipt before the response is submitted")
	}
	var buf bytes.Buffer
	if err := reports.WriteReceipt(&buf, rep, depID, reports.ReportOptions{Created: h.site.Now(), Location: h.site.Loc}); err != nil {
		return err
	}
	site.SendFile(c, "application/pdf", reports.ReceiptFileName(rep, depID), buf.Bytes())
	return nil
}
