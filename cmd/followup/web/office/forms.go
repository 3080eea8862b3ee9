package office

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// Helpers shared by the office's department and plan pages (prefix dp).

// dpErrors holds a page's form problems: the message beside each field, by
// the field's element id, and the error summary's list in page order.
type dpErrors struct {
	Fields map[string]string
	List   []site.FieldError
}

// add records a problem with the field whose element id is id.
func (e *dpErrors) add(id, label, message string) {
	if e.Fields == nil {
		e.Fields = map[string]string{}
	}
	if _, ok := e.Fields[id]; ok {
		return
	}
	e.Fields[id] = message
	e.List = append(e.List, site.FieldError{Field: id, Label: label, Message: message})
}

// addAll records the field problems of a domain error: field names map to
// element ids and labels through the given functions.
func (e *dpErrors) addAll(l *i18n.Localizer, err error, id func(field string) string, label func(field string) string) bool {
	var fe *forms.Error
	if !errors.As(err, &fe) || len(fe.Fields) == 0 {
		return false
	}
	for _, f := range fe.Order {
		e.add(id(f), label(f), l.T(fe.Fields[f]))
	}
	return true
}

// dpUpload reads the uploaded file of the field "file": its name and
// content. A request without a file gives ok false; a body over the limit
// is ETOOLARGE.
func dpUpload(c *gin.Context) (name string, data []byte, ok bool, err error) {
	fh, err := c.FormFile("file")
	switch {
	case errors.Is(err, http.ErrMissingFile), errors.Is(err, http.ErrNotMultipart):
		return "", nil, false, nil
	case err != nil:
		return "", nil, false, site.BodyError(err)
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, false, err
	}
	defer f.Close()
	data, err = io.ReadAll(f)
	if err != nil {
		return "", nil, false, site.BodyError(err)
	}
	if len(data) == 0 {
		return fh.Filename, nil, false, nil
	}
	return fh.Filename, data, true, nil
}

// dpDigest signs what an import preview carries to its confirmation, so
// that the confirmation writes exactly what the preview showed.
func (h *Handlers) dpDigest(purpose string, payload []byte) string {
	m := hmac.New(sha256.New, h.site.Secret)
	m.Write([]byte("followup import preview\x00" + purpose + "\x00"))
	m.Write(payload)
	return hex.EncodeToString(m.Sum(nil))
}

// dpDigestOK checks a digest made by dpDigest.
func (h *Handlers) dpDigestOK(purpose string, payload []byte, digest string) bool {
	want, err := hex.DecodeString(digest)
	if err != nil {
		return false
	}
	m := hmac.New(sha256.New, h.site.Secret)
	m.Write([]byte("followup import preview\x00" + purpose + "\x00"))
	m.Write(payload)
	return hmac.Equal(m.Sum(nil), want)
}

// dpProblems splits a refused file's error message into its lines.
func dpProblems(err error) []string {
	msg := forms.ErrorMessage(err)
	var out []string
	for _, line := range strings.Split(msg, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}
