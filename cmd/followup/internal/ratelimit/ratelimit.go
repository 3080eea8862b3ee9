// Package ratelimit counts attempts in memory: failed sign-ins per account
// and client address, unknown department links per address. It knows
// nothing of HTTP; the handlers choose the keys and what to refuse.
package ratelimit

import (
	"net/netip"
	"slices"
	"sync"
	"time"
)

// Window counts events per key in a sliding window and reports when a key
// has had too many. It forgets keys whose window has passed.
type Window struct {
	mu     sync.Mutex
	window time.Duration
	max    int
	hits   map[string][]time.Time
	now    func() time.Time
	sweep  time.Time
}

// NewWindow allows max events per key within window, as now tells the time.
func NewWindow(max int, window time.Duration, now func() time.Time) *Window {
	return &Window{window: window, max: max, hits: map[string][]time.Time{}, now: now}
}

// Exceeded reports whether key has had max events within the window.
func (l *Window) Exceeded(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent(key)) >= l.max
}

// Add records an event for key.
func (l *Window) Add(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hits[key] = append(l.recent(key), l.now())
	if now := l.now(); now.Sub(l.sweep) > l.window {
		for k := range l.hits {
			l.recent(k)
		}
		l.sweep = now
	}
}

// Reset forgets key, as after a successful sign-in.
func (l *Window) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.hits, key)
}

// Keys lists the keys the window holds now, so that a test can see what it
// keeps.
func (l *Window) Keys() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	keys := make([]string, 0, len(l.hits))
	for k := range l.hits {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (l *Window) recent(key string) []time.Time {
	cutoff := l.now().Add(-l.window)
	hs := l.hits[key]
	i := 0
	for i < len(hs) && hs[i].Before(cutoff) {
		i++
	}
	hs = hs[i:]
	if len(hs) == 0 {
		delete(l.hits, key)
		return nil
	}
	l.hits[key] = hs
	return hs
}

// AddressKey is the part of a client address that limits count: the
// address itself for IPv4, its /64 network for IPv6, since one host
// usually has a whole /64 to pick addresses from.
func AddressKey(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil || !ip.Is6() || ip.Is4In6() {
		return addr
	}
	p, err := ip.Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}

// Known remembers, per account, the addresses it has signed in from
// lately, at most KnownPerAccount of them, each for KnownFor.
type Known struct {
	mu   sync.Mutex
	seen map[string]map[string]time.Time
	now  func() time.Time
}

// How long and how many addresses Known remembers.
const (
	KnownFor        = 30 * 24 * time.Hour
	KnownPerAccount = 16
)

// NewKnown returns an empty memory of sign-in addresses.
func NewKnown(now func() time.Time) *Known {
	return &Known{seen: map[string]map[string]time.Time{}, now: now}
}

// Add records a successful sign-in, forgetting the account's oldest
// address when it has too many.
func (k *Known) Add(account, addr string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	m := k.seen[account]
	if m == nil {
		m = map[string]time.Time{}
		k.seen[account] = m
	}
	m[addr] = k.now()
	for len(m) > KnownPerAccount {
		oldest := addr
		for a, t := range m {
			if t.Before(m[oldest]) {
				oldest = a
			}
		}
		delete(m, oldest)
	}
}

// Has reports whether the account signed in from addr within KnownFor.
func (k *Known) Has(account, addr string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	t, ok := k.seen[account][addr]
	return ok && k.now().Sub(t) <= KnownFor
}
