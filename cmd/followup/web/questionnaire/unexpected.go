package questionnaire

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// questionnaireField matches every field the questionnaire form sends.
var questionnaireField = regexp.MustCompile(`^(action|general_comment|general_v|filled_in_by|(status|comment|support|v)-[0-9]+)$`)

// unexpectedFields names the posted fields a questionnaire never sends,
// such as a state, a department or a consolidation that only the office
// may set. They are ignored; the names are returned for the audit log.
func unexpectedFields(form url.Values) []string {
	var out []string
	for k := range form {
		if !questionnaireField.MatchString(k) {
			out = append(out, auditSafe(k, 40))
		}
	}
	sort.Strings(out)
	if len(out) > 10 {
		out = append(out[:10], "…")
	}
	return out
}

// auditSafe shortens a name taken from a request and removes line breaks
// and other control characters, so it cannot forge lines in the log.
func auditSafe(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return s
}

// auditUnexpected records that a department's link sent fields it may not
// set. A failure to record is logged, never shown to the respondent.
func (h *Handlers) auditUnexpected(ctx context.Context, roundID, departmentID int64, fields []string) {
	if len(fields) == 0 {
		return
	}
	detail := fmt.Sprintf("department %d sent fields it may not set, ignored: %s", departmentID, strings.Join(fields, ", "))
	if err := h.site.DB.Audit(ctx, "länk", "questionnaire.unexpected_fields", "round", roundID, detail); err != nil {
		h.site.Logger.Warn("audit failed", "err", err)
	}
}
