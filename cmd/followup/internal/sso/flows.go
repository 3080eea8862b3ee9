package sso

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"sync"
	"time"
)

// maxFlows bounds the sign-ins under way that the server keeps, so that
// someone opening StartPath in a loop cannot fill its memory; past it the
// oldest is dropped (the web layer also limits StartPath per address).
const maxFlows = 10000

// flow is what a callback must check, kept on the server from Begin until
// its one callback: a flow is taken once, so a replayed callback finds
// nothing.
type flow struct {
	state, nonce, verifier string
	next                   string // the local page to return to
	expires                time.Time
}

// flows are the sign-ins under way, by the SHA-256 of their cookie's
// value: the cookie holds a random handle, never the state, nonce or
// verifier, and the map never holds the handle itself.
type flows struct {
	mu sync.Mutex
	m  map[[32]byte]flow
}

func newFlows() *flows { return &flows{m: map[[32]byte]flow{}} }

// put keeps a flow and returns the handle for its cookie.
func (fs *flows) put(f flow, now time.Time) string {
	handle := random()
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if len(fs.m) >= maxFlows {
		fs.prune(now)
	}
	fs.m[sha256.Sum256([]byte(handle))] = f
	return handle
}

// prune drops expired flows and, if that frees nothing, the oldest one.
func (fs *flows) prune(now time.Time) {
	var oldest [32]byte
	var oldestAt time.Time
	for k, f := range fs.m {
		if now.After(f.expires) {
			delete(fs.m, k)
		} else if oldestAt.IsZero() || f.expires.Before(oldestAt) {
			oldest, oldestAt = k, f.expires
		}
	}
	if len(fs.m) >= maxFlows {
		delete(fs.m, oldest)
	}
}

// take returns and forgets the flow of a handle, if it has not expired.
func (fs *flows) take(handle string, now time.Time) (flow, bool) {
	key := sha256.Sum256([]byte(handle))
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f, ok := fs.m[key]
	delete(fs.m, key)
	if !ok || now.After(f.expires) {
		return flow{}, false
	}
	return f, true
}

// random returns 256 random bits, URL-safe.
func random() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
