package site_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestStreamDownloadFailures sends downloads whose writer fails: before its
// first byte the person gets the error page, after it the connection is
// broken off so that no cut file passes for a whole one.
func TestStreamDownloadFailures(t *testing.T) {
	s, log := newSite(t)
	r := s.Engine()
	r.GET("/before", s.Handle(func(c *gin.Context) error {
		return s.StreamDownload(c, "application/pdf", "x.pdf", func(io.Writer) error { return errors.New("no report") })
	}))
	r.GET("/after", s.Handle(func(c *gin.Context) error {
		return s.StreamDownload(c, "application/pdf", "x.pdf", func(w io.Writer) error {
			if _, err := w.Write([]byte(strings.Repeat("%PDF-1.3 ", 10000))); err != nil {
				return err
			}
			return errors.New("the second part failed")
		})
	}))
	r.GET("/whole", s.Handle(func(c *gin.Context) error {
		return s.StreamDownload(c, "application/pdf", "x.pdf", func(w io.Writer) error {
			_, err := io.WriteString(w, "%PDF-1.3 whole")
			return err
		})
	}))
	ts := httptest.NewServer(s.Handler(r))
	defer ts.Close()

	res, err := http.Get(ts.URL + "/before")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusInternalServerError || res.Header.Get("Content-Disposition") != "" || strings.Contains(string(body), "no report") {
		t.Errorf("failure before the first byte: status %d, disposition %q, body %.200s", res.StatusCode, res.Header.Get("Content-Disposition"), body)
	}

	res, err = http.Get(ts.URL + "/after")
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || err == nil {
		t.Errorf("failure after the first byte: status %d, reading the body gave %v; want the download broken off", res.StatusCode, err)
	}

	res, err = http.Get(ts.URL + "/whole")
	if err != nil {
		t.Fatal(err)
	}
	body, err = io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || string(body) != "%PDF-1.3 whole" || res.Header.Get("Content-Type") != "application/pdf" ||
		res.Header.Get("Content-Disposition") != "attachment; filename=x.pdf" {
		t.Errorf("whole download: %v %q %q %q", err, body, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
	}
	if !strings.Contains(log.String(), "download broken off") {
		t.Error("the broken-off download was not logged")
	}
	logged := false
	for line := range strings.SplitSeq(log.String(), "\n") {
		logged = logged || strings.Contains(line, "msg=request") && strings.Contains(line, "route=/after")
	}
	if !logged {
		t.Errorf("the broken-off download has no access-log line:\n%s", log.String())
	}
}
