package web

import (
	"io"

	"github.com/gin-gonic/gin"

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
func (s *Server) roundReport(c *gin.Context) (*forms.RoundReport, bool) {
	id, ok := s.roundParam(c, "round")
	if !ok {
		return nil, false
	}

	rep, err := s.DB.RoundReport(c.Request.Context(), id)
	if err != nil {
		s.errorPage(c, err)
		return nil, false
	}
	rep.CompiledBy = rep.Settings.CompiledBy
	if a := account(c); a != nil && rep.CompiledBy == "" {
		rep.CompiledBy = a.Name
		if rep.CompiledBy == "" {
			rep.CompiledBy = a.Email
		}
	}
	return rep, true
}

// exportWorkbook sends the round's Excel workbook; ?per_verksamhet=0 leaves
// out the sheet per department.
func (s *Server) exportWorkbook(c *gin.Context) {
	if !s.acquireExport(c) {
		return
	}
	defer s.releaseExport()
	rep, ok := s.roundReport(c)
	if !ok {
		return
	}
	opts := reports.WorkbookOptions{PerDepartment: c.Query("per_verksamhet") != "0", Created: s.Now(), Location: s.Loc}
	s.streamDownload(c, roundXLSXType, reports.WorkbookFileName(rep), func(w io.Writer) error {
		return reports.WriteWorkbook(w, rep, opts)
	})
}

// exportReport sends the round's PDF report; ?bilaga=0 leaves out the
// appendix with each department's answers.
func (s *Server) exportReport(c *gin.Context) {
	if !s.acquireExport(c) {
		return
	}
	defer s.releaseExport()
	rep, ok := s.roundReport(c)
	if !ok {
		return
	}
	if c.Query("bilaga") == "0" {
		rep.Settings.Appendix = false
	}
	opts := reports.ReportOptions{Created: s.Now(), Location: s.Loc}
	s.streamDownload(c, roundPDFType, reports.ReportFileName(rep), func(w io.Writer) error {
		return reports.WriteReport(w, rep, opts)
	})
}

// maxExports bounds the exports written at once: the largest PDF needs
// hundreds of megabytes while it is written.
const maxExports = 2

// acquireExport takes an export slot, or answers "busy, try again" when
// every slot is taken.
func (s *Server) acquireExport(c *gin.Context) bool {
	select {
	case s.exports <- struct{}{}:
		return true
	default:
		s.errorPage(c, &forms.Error{Code: forms.EBUSY, Message: "every export slot is taken"})
		return false
	}
}

func (s *Server) releaseExport() { <-s.exports }
