package stash_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"followup/cmd/followup/internal/stash"
)

// TestStash gives a kept form back once, only for its path and within TTL,
// and refuses a form over MaxForm.
func TestStash(t *testing.T) {
	now := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	s := stash.New(func() time.Time { return now })
	form := url.Values{"narrative": {"Lång text"}}
	id, ok := s.Put("/a", form)
	if !ok {
		t.Fatal("a small form was not kept")
	}
	if _, ok := s.Take(id, "/b"); ok {
		t.Error("the form was given back for another path")
	}
	got, ok := s.Take(id, "/a")
	if !ok || got.Get("narrative") != "Lång text" {
		t.Fatalf("Take = %v, %v", got, ok)
	}
	if _, ok := s.Take(id, "/a"); ok {
		t.Error("the form was given back twice")
	}
	id, _ = s.Put("/a", form)
	now = now.Add(stash.TTL + time.Second)
	if _, ok := s.Take(id, "/a"); ok {
		t.Error("the form was given back after its time")
	}
	if _, ok := s.Put("/a", url.Values{"x": {strings.Repeat("x", stash.MaxForm)}}); ok {
		t.Error("a form over the limit was kept")
	}
}
