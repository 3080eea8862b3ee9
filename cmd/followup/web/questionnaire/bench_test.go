package questionnaire_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"followup/cmd/followup/web"
	"followup/forms"
	"followup/storage"
)

// benchQuestionnaire serves a round of one department and the given number
// of activities, every one answered with a 400-character comment, and
// returns the handler and the department's link token.
func benchQuestionnaire(b *testing.B, activities int, cacheBytes int) (*web.Server, string, *storage.DB) {
	b.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	dep, err := db.CreateDepartment(ctx, forms.DepartmentInput{Name: "Socialförvaltningen", Kind: "förvaltning"}, "bench")
	if err != nil {
		b.Fatal(err)
	}
	plan := &forms.Plan{Organisation: "Benchby kommun", Title: "Handlingsplan", Year: 2026, Statuses: forms.DefaultScale()}
	for a := 0; a < activities; a++ {
		if a%10 == 0 {
			plan.Areas = append(plan.Areas, forms.Area{Title: fmt.Sprintf("Område %d", a/10+1)})
		}
		ar := &plan.Areas[len(plan.Areas)-1]
		ar.Activities = append(ar.Activities, forms.Activity{Title: fmt.Sprintf("Aktivitet %d om informationsklassning", a+1),
			Description: strings.Repeat("Verksamheten klassar sin information. ", 5), AllDepartments: true})
	}
	if _, err := db.CreatePlan(ctx, plan, "bench"); err != nil {
		b.Fatal(err)
	}
	round, err := db.CreateRound(ctx, forms.RoundInput{PlanID: plan.ID, Kind: "interim", Title: "Delårsrapport", ReportDate: "2026-08-31", Deadline: "2099-12-31"}, "bench")
	if err != nil {
		b.Fatal(err)
	}
	if err := db.SetRoundState(ctx, round, forms.RoundOpen, "bench"); err != nil {
		b.Fatal(err)
	}
	var in forms.SaveInput
	for _, a := range plan.Activities() {
		in.Answers = append(in.Answers, forms.AnswerInput{ActivityID: a.ID, StatusID: plan.Statuses[2].ID, Comment: strings.Repeat("Arbetet pågår enligt plan. ", 15)})
	}
	if _, err := db.SaveResponse(ctx, time.UTC, round, dep.ID, in, "bench"); err != nil {
		b.Fatal(err)
	}
	secret := []byte("bench-secret-0123456789abcdef0123456789")
	links, err := db.Links(ctx, secret, round)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Config{DB: db, Secret: secret, BaseURL: &url.URL{Scheme: "http", Host: "bench.test"},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PageCacheBytes: cacheBytes})
	if err != nil {
		b.Fatal(err)
	}
	return srv, links[0].Token, db
}

// BenchmarkQuestionnairePage measures serving a department's questionnaire
// page, for a typical plan of 40 activities and a large one of 100: "cached"
// when the page was rendered before for the same state of the response
// (reloads, mail scanners), "rendered" when every request reads and renders
// it anew (the page changed since: a save, a return).
func BenchmarkQuestionnairePage(b *testing.B) {
	for _, n := range []int{40, 100} {
		for _, cached := range []bool{true, false} {
			name := fmt.Sprintf("activities-%d/rendered", n)
			if cached {
				name = fmt.Sprintf("activities-%d/cached", n)
			}
			b.Run(name, func(b *testing.B) {
				cache := 0
				if !cached {
					cache = -1 // keeps nothing
				}
				srv, tok, _ := benchQuestionnaire(b, n, cache)
				h := srv.Handler()
				b.ReportAllocs()
				for b.Loop() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/r/"+tok, nil))
					if rec.Code != http.StatusOK {
						b.Fatalf("status %d", rec.Code)
					}
				}
			})
		}
	}
}

// BenchmarkAutosave measures one autosave through the JSON API, including
// the durable commit (synchronous=FULL).
func BenchmarkAutosave(b *testing.B) {
	srv, tok, _ := benchQuestionnaire(b, 40, 0)
	h := srv.Handler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/r/"+tok, nil))
	var first struct {
		Activities []struct {
			ID     int64 `json:"id"`
			Answer struct {
				Version int `json:"version"`
			} `json:"answer"`
		} `json:"activities"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &first); err != nil {
		b.Fatal(err)
	}
	act := first.Activities[0]
	version := act.Answer.Version
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		body := fmt.Sprintf(`{"answers":[{"activity_id":%d,"status_id":3,"comment":"kommentar %d","base_version":%d}]}`, act.ID, i, version)
		req := httptest.NewRequest(http.MethodPost, "/api/v1/r/"+tok+"/draft", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
		version++
	}
}
