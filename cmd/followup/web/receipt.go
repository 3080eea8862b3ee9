package web

import (
	"bytes"
	"context"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/reports"
)

// receiptPDF sends a department the receipt of its submission.
func (s *Server) receiptPDF(c *gin.Context) error {
	roundID, depID, err := s.linkTarget(c)
	if err != nil {
		return err
	}
	rep, err := s.departmentReport(c.Request.Context(), roundID, depID)
	if err != nil {
		return err
	}
	if rep.ResponseState(depID) != forms.ResponseSubmitted {
		return forms.Errorf(forms.ENOTFOUND, "no receipt before the response is submitted")
	}
	var buf bytes.Buffer
	if err := reports.WriteReceipt(&buf, rep, depID, reports.ReportOptions{Created: s.Now(), Location: s.Loc}); err != nil {
		return err
	}
	site.SendFile(c, "application/pdf", reports.ReceiptFileName(rep, depID), buf.Bytes())
	return nil
}

// departmentReport is one department's view of a round as a RoundReport
// holding only that department: what a receipt or a single response needs,
// without reading every answer of the round.
func (s *Server) departmentReport(ctx context.Context, roundID, departmentID int64) (*forms.RoundReport, error) {
	q, err := s.DB.Questionnaire(ctx, roundID, departmentID)
	if err != nil {
		return nil, err
	}
	d := q.Department
	rep := &forms.RoundReport{Plan: *q.Plan, Round: q.Round, Departments: []forms.Department{d},
		Responses: map[int64]*forms.Response{d.ID: q.Response}, InterimRound: q.InterimRound, GeneratedAt: s.Now()}
	if q.Interim != nil {
		rep.Interim = map[int64]*forms.Response{d.ID: q.Interim}
	}
	return rep, nil
}
