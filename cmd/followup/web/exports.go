package web

import (
	"bytes"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/forms"
	"followup/reports"
)

// receiptPDF sends a department the receipt of its submission.
func (s *Server) receiptPDF(c *gin.Context) {
	roundID, depID, ok := s.linkTarget(c)
	if !ok {
		return
	}
	rep, err := s.DB.RoundReport(c.Request.Context(), roundID)
	if err != nil {
		s.errorPage(c, err)
		return
	}
	if rep.ResponseState(depID) != forms.ResponseSubmitted {
		s.errorPage(c, notFound)
		return
	}
	var buf bytes.Buffer
	if err := reports.WriteReceipt(&buf, rep, depID, reports.ReportOptions{Created: s.Now(), Location: s.Loc}); err != nil {
		s.fail(c, err)
		return
	}
	s.sendFile(c, "application/pdf", reports.ReceiptFileName(rep, depID), buf.Bytes())
}

// sendFile sends a generated file as a download with an RFC 6266 file name
// built by the server.
func (s *Server) sendFile(c *gin.Context, contentType, name string, b []byte) {
	c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusOK, contentType, b)
}
