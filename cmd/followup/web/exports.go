package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
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
	rep, err := s.departmentReport(c.Request.Context(), roundID, depID)
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
	downloadHeaders(c, name)
	c.Data(http.StatusOK, contentType, b)
}

// downloadHeaders marks the response as a download named name, kept out of
// caches.
func downloadHeaders(c *gin.Context, name string) {
	c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	c.Header("Cache-Control", "no-store")
}

// streamDownload sends the file write writes as it is written, so that a
// large export is not held in memory a second time. A failure before the
// first byte still gets the error page; after it, the connection is broken
// off, so that the browser reports a failed download instead of keeping a
// cut file.
func (s *Server) streamDownload(c *gin.Context, contentType, name string, write func(io.Writer) error) {
	dw := &downloadWriter{c: c, contentType: contentType, name: name}
	err := write(dw)
	if err == nil {
		return
	}
	if !dw.started {
		s.fail(c, err)
		return
	}
	level := slog.LevelError
	if c.Request.Context().Err() != nil {
		level = slog.LevelWarn // the person cancelled the download
	}
	s.Logger.Log(c.Request.Context(), level, "download broken off", "request_id", c.GetString(requestIDKey), "route", c.FullPath(), "err", err)
	panic(http.ErrAbortHandler)
}

// downloadWriter writes a download's headers with its first byte.
type downloadWriter struct {
	c                 *gin.Context
	contentType, name string
	started           bool
}

func (d *downloadWriter) Write(p []byte) (int, error) {
	if !d.started {
		d.started = true
		downloadHeaders(d.c, d.name)
		d.c.Header("Content-Type", d.contentType)
		d.c.Status(http.StatusOK)
	}
	return d.c.Writer.Write(p)
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
