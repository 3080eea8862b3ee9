package site

import (
	"io"
	"log/slog"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"
)

// SendFile sends a generated file as a download with an RFC 6266 file name
// built by the server.
func SendFile(c *gin.Context, contentType, name string, b []byte) {
	downloadHeaders(c, name)
	c.Data(http.StatusOK, contentType, b)
}

// downloadHeaders marks the response as a download named name, kept out of
// caches.
func downloadHeaders(c *gin.Context, name string) {
	c.Header("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	c.Header("Cache-Control", "no-store")
}

// StreamDownload sends the file write writes as it is written, so that a
// large export is not held in memory a second time. A failure before the
// first byte is returned, for the error page; after it, the connection is
// broken off, so that the browser reports a failed download instead of
// keeping a cut file.
func (s *Site) StreamDownload(c *gin.Context, contentType, name string, write func(io.Writer) error) error {
	dw := &downloadWriter{c: c, contentType: contentType, name: name}
	err := write(dw)
	if err == nil || !dw.started {
		return err
	}
	level := slog.LevelError
	if c.Request.Context().Err() != nil {
		level = slog.LevelWarn // the person cancelled the download
	}
	s.Logger.Log(c.Request.Context(), level, "download broken off", "request_id", RequestID(c), "route", c.FullPath(), "err", err)
	panic(http.ErrAbortHandler)
}

// downloadWriter writes a download's headers with its first byte.
type downloadWriter struct {
	c                 *gin.Context
	contentType, name string
	started           bool
}

// Write writes the headers before the first byte.
func (d *downloadWriter) Write(p []byte) (int, error) {
	if !d.started {
		d.started = true
		downloadHeaders(d.c, d.name)
		d.c.Header("Content-Type", d.contentType)
		d.c.Status(http.StatusOK)
	}
	return d.c.Writer.Write(p)
}
