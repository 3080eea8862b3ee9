package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// apiError is the JSON shape of every API error.
type apiError struct {
	Code      string            `json:"code"`
	Message   string            `json:"message"`
	Fields    map[string]string `json:"fields,omitempty"`
	Conflicts []apiConflict     `json:"conflicts,omitempty"`
}

type apiConflict struct {
	ActivityID int64     `json:"activity_id,omitempty"`
	Mine       apiAnswer `json:"mine"`
	Theirs     apiAnswer `json:"theirs"`
}

// writeJSONError writes {"error": {...}} with the status of the error's
// code; field messages are translated for the request's language.
func (s *Server) writeJSONError(c *gin.Context, err error) {
	status, key := statusOf(err)
	l := s.localizer(c)
	body := apiError{Code: forms.ErrorCode(err), Message: l.T(key)}
	if body.Code == "" {
		body.Code = forms.EINTERNAL
	}
	var fe *forms.Error
	if errors.As(err, &fe) && len(fe.Fields) > 0 {
		body.Fields = map[string]string{}
		for f, k := range fe.Fields {
			body.Fields[f] = l.T(k)
		}
	}
	var ce *forms.ConflictError
	if errors.As(err, &ce) {
		for _, cf := range ce.Conflicts {
			body.Conflicts = append(body.Conflicts, apiConflict{ActivityID: cf.ActivityID, Mine: toAPIAnswer(cf.Mine), Theirs: toAPIAnswer(cf.Theirs)})
		}
	}
	if status == http.StatusInternalServerError {
		s.Logger.Error("request failed", "request_id", c.GetString(requestIDKey), "route", c.FullPath(), "err", err)
	}
	c.AbortWithStatusJSON(status, gin.H{"error": body})
}
