package site_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
)

// documentedRow is a row of the error table of docs/api.md:
// "| 404 | `not_found` | … |".
var documentedRow = regexp.MustCompile("^\\| (\\d{3}) \\| `([a-z_]+)` \\|")

// documentedStatus reads the status of every error code from the table in
// docs/api.md, which people and scripts rely on.
func documentedStatus(t *testing.T) map[string]int {
	t.Helper()
	b, err := os.ReadFile("../../../../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for line := range strings.SplitSeq(string(b), "\n") {
		if m := documentedRow.FindStringSubmatch(line); m != nil {
			out[m[2]], _ = strconv.Atoi(m[1])
		}
	}
	if len(out) == 0 {
		t.Fatal("docs/api.md has no table of error codes")
	}
	return out
}

// TestErrorCodes sends every error code of the vocabulary, wrapped as
// storage wraps it, through a page's route and an API route, in both
// languages: each gets the documented status and its code's message, as
// the error page or the JSON error body; the error's own words never reach
// the person, and only internal errors are logged, with the request id.
func TestErrorCodes(t *testing.T) {
	documented := documentedStatus(t)
	codes := forms.ErrorCodes()
	for code := range documented {
		if !strings.Contains(strings.Join(codes, " "), code) {
			t.Errorf("docs/api.md documents %q, which is no code of forms", code)
		}
	}
	catalog := i18n.NewCatalog()
	for _, code := range codes {
		want, ok := documented[code]
		if !ok {
			t.Errorf("docs/api.md does not document the code %q", code)
			continue
		}
		for _, lang := range []i18n.Lang{i18n.Swedish, i18n.English} {
			message := catalog.For(lang).T("error.code." + code)
			t.Run(code+"/"+string(lang), func(t *testing.T) {
				err := fmt.Errorf("storage: %w", &forms.Error{Code: code, Message: "secret detail"})
				got := answer(t, err, "/sida", lang)
				got.wantPage(t, want, message)
				got.wantLogged(t, code == forms.EINTERNAL)
				got = answer(t, err, "/api/v1/sak", lang)
				got.wantJSON(t, want, code, message)
				got.wantLogged(t, code == forms.EINTERNAL)
			})
		}
	}
}

// TestErrorsOutsideTheVocabulary answers an error that is not the
// domain's as internal, a body over its limit as too large, and picks JSON
// for a client that accepts only JSON and for an unknown API path.
func TestErrorsOutsideTheVocabulary(t *testing.T) {
	sv := i18n.NewCatalog().For(i18n.Swedish)
	t.Run("PlainErrorIsInternal", func(t *testing.T) {
		got := answer(t, errors.New("disk full"), "/sida", i18n.Swedish)
		got.wantPage(t, http.StatusInternalServerError, sv.T("error.code.internal"))
		got.wantLogged(t, true)
		if !strings.Contains(got.log, "disk full") {
			t.Error("the internal error's cause is not in the log")
		}
	})
	t.Run("BodyTooLarge", func(t *testing.T) {
		got := answer(t, fmt.Errorf("read: %w", &http.MaxBytesError{Limit: 10}), "/api/v1/sak", i18n.Swedish)
		got.wantJSON(t, http.StatusRequestEntityTooLarge, forms.ETOOLARGE, sv.T("error.code.too_large"))
	})
	t.Run("AcceptOnlyJSON", func(t *testing.T) {
		got := answerWith(t, forms.Errorf(forms.ENOTFOUND, "x"), "/sida", func(r *http.Request) { r.Header.Set("Accept", "application/json") })
		got.wantJSON(t, http.StatusNotFound, forms.ENOTFOUND, sv.T("error.code.not_found"))
		got = answerWith(t, forms.Errorf(forms.ENOTFOUND, "x"), "/sida", func(r *http.Request) { r.Header.Set("Accept", "text/html,application/json") })
		got.wantPage(t, http.StatusNotFound, sv.T("error.code.not_found"))
	})
	t.Run("NoRoute", func(t *testing.T) {
		answer(t, nil, "/api/v1/finns-inte", i18n.Swedish).wantJSON(t, http.StatusNotFound, forms.ENOTFOUND, sv.T("error.code.not_found"))
		answer(t, nil, "/finns-inte", i18n.Swedish).wantPage(t, http.StatusNotFound, sv.T("error.code.not_found"))
	})
	t.Run("FieldsAndConflicts", func(t *testing.T) {
		err := &forms.Error{Code: forms.ECONFLICT, Fields: map[string]string{"status-1": "error.unknown_status"},
			Conflicts: []forms.Conflict{{ActivityID: 1, Mine: forms.Answer{Comment: "min"}, Theirs: forms.Answer{Comment: "din", Version: 2}}}}
		got := answer(t, err, "/api/v1/sak", i18n.Swedish)
		var b struct {
			Error site.ErrorBody `json:"error"`
		}
		if err := json.Unmarshal([]byte(got.body), &b); err != nil {
			t.Fatal(err)
		}
		if b.Error.Fields["status-1"] != sv.T("error.unknown_status") || len(b.Error.Conflicts) != 1 ||
			b.Error.Conflicts[0].Mine.Comment != "min" || b.Error.Conflicts[0].Theirs.Version != 2 {
			t.Errorf("body %s lacks the translated field or the conflict", got.body)
		}
	})
}

// answered is one error as the person got it.
type answered struct {
	status      int
	contentType string
	body        string
	log         string
	requestID   string
}

// answer returns err from a handler of a page's route ("/sida") or of an
// API route (under /api/v1), asking for lang as a browser or a program
// does, and returns what was answered.
func answer(t *testing.T, err error, path string, lang i18n.Lang) answered {
	t.Helper()
	return answerWith(t, err, path, func(r *http.Request) {
		r.AddCookie(&http.Cookie{Name: i18n.Cookie, Value: string(lang)})
		r.Header.Set("Accept-Language", string(lang))
	})
}

func answerWith(t *testing.T, err error, path string, mod func(*http.Request)) answered {
	t.Helper()
	s, log := newSite(t)
	r := s.Engine()
	var requestID string
	h := s.Handle(func(c *gin.Context) error {
		requestID = site.RequestID(c)
		return err
	})
	r.GET("/sida", h)
	r.Group("/api/v1", site.API()).GET("/sak", h)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	mod(req)
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Body)
	return answered{status: rec.Code, contentType: rec.Header().Get("Content-Type"), body: string(b), log: log.String(), requestID: requestID}
}

func (a answered) wantPage(t *testing.T, status int, message string) {
	t.Helper()
	if a.status != status || !strings.HasPrefix(a.contentType, "text/html") {
		t.Errorf("page: %d %q, want %d text/html", a.status, a.contentType, status)
	}
	if !strings.Contains(a.body, html.EscapeString(message)) {
		t.Errorf("page lacks %q:\n%s", message, a.body)
	}
	if strings.Contains(a.body, "secret detail") {
		t.Error("the page shows the error's own words")
	}
}

func (a answered) wantJSON(t *testing.T, status int, code, message string) {
	t.Helper()
	if a.status != status || !strings.HasPrefix(a.contentType, "application/json") {
		t.Errorf("API: %d %q, want %d application/json", a.status, a.contentType, status)
	}
	var b struct {
		Error site.ErrorBody `json:"error"`
	}
	if err := json.Unmarshal([]byte(a.body), &b); err != nil {
		t.Fatalf("API body %q: %v", a.body, err)
	}
	if b.Error.Code != code || b.Error.Message != message {
		t.Errorf("API error %+v, want code %q and %q", b.Error, code, message)
	}
	if strings.Contains(a.body, "secret detail") {
		t.Error("the API shows the error's own words")
	}
}

func (a answered) wantLogged(t *testing.T, logged bool) {
	t.Helper()
	got := strings.Contains(a.log, "request failed")
	if got != logged {
		t.Errorf("logged %v, want %v:\n%s", got, logged, a.log)
	}
	if logged && !strings.Contains(a.log, "request_id="+a.requestID) {
		t.Errorf("the log line lacks the request id %s:\n%s", a.requestID, a.log)
	}
}
