// Package stash keeps, in memory, a form that an office account posted after
// its session had expired, so that what was typed (a consolidation's
// narrative, often long) is offered again after signing in instead of being
// lost. Entries are bound to a random id and to the path they were posted
// to, and kept for a few hours. The package knows nothing of HTTP: the web
// layer decides which posts to keep and carries the id in a cookie.
package stash

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"sync"
	"time"
)

// Limits of what is kept.
const (
	TTL      = 4 * time.Hour // how long a form is kept
	MaxBytes = 16 << 20      // all kept forms together
	MaxForm  = 256 << 10     // one form
)

// Stash holds the kept forms.
type Stash struct {
	mu      sync.Mutex
	entries map[string]entry
	size    int // bytes held, bounded by MaxBytes
	now     func() time.Time
}

type entry struct {
	path string
	form url.Values
	at   time.Time
	size int
}

// New returns an empty stash, as now tells the time.
func New(now func() time.Time) *Stash {
	return &Stash{entries: map[string]entry{}, now: now}
}

// Put keeps the form posted to path and returns its new random id; ok is
// false when the form is too large or the stash is full.
func (s *Stash) Put(path string, form url.Values) (id string, ok bool) {
	size := 0
	for k, vs := range form {
		for _, v := range vs {
			size += len(k) + len(v)
		}
	}
	if size > MaxForm {
		return "", false
	}
	b := make([]byte, 16)
	rand.Read(b)
	id = hex.EncodeToString(b)
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for k, e := range s.entries {
		if now.Sub(e.at) > TTL {
			delete(s.entries, k)
			s.size -= e.size
		}
	}
	if s.size+size > MaxBytes {
		return "", false
	}
	s.entries[id] = entry{path: path, form: form, at: now, size: size}
	s.size += size
	return id, true
}

// Take returns and forgets the form kept under id for path.
func (s *Stash) Take(id, path string) (url.Values, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[id]
	if !ok || e.path != path || s.now().Sub(e.at) > TTL {
		return nil, false
	}
	delete(s.entries, id)
	s.size -= e.size
	return e.form, true
}
