package web

import (
	"net/netip"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"followup/forms"
)

// limiter counts events per key in a sliding window, such as failed
// sign-ins per account and per client address, or link lookups per
// address. It forgets keys whose window has passed.
type limiter struct {
	mu     sync.Mutex
	window time.Duration
	max    int
	hits   map[string][]time.Time
	now    func() time.Time
	sweep  time.Time
}

func newLimiter(max int, window time.Duration, now func() time.Time) *limiter {
	return &limiter{window: window, max: max, hits: map[string][]time.Time{}, now: now}
}

// exceeded reports whether key has had max events within the window.
func (l *limiter) exceeded(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent(key)) >= l.max
}

// add records an event for key.
func (l *limiter) add(key string) {
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

// reset forgets key, as after a successful sign-in.
func (l *limiter) reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.hits, key)
}

func (l *limiter) recent(key string) []time.Time {
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

// limitKey is the client address as the rate limits count it.
func limitKey(c *gin.Context) string { return addressKey(clientIP(c)) }

// addressKey is the part of a client address that limits count: the
// address itself for IPv4, its /64 network for IPv6, since one host
// usually has a whole /64 to pick addresses from.
func addressKey(addr string) string {
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

// knownAddresses remembers, per account, the addresses it has signed in
// from lately, at most knownPerAccount of them, each for knownFor.
type knownAddresses struct {
	mu   sync.Mutex
	seen map[string]map[string]time.Time
	now  func() time.Time
}

const (
	knownFor        = 30 * 24 * time.Hour
	knownPerAccount = 16
)

func newKnownAddresses(now func() time.Time) *knownAddresses {
	return &knownAddresses{seen: map[string]map[string]time.Time{}, now: now}
}

// add records a successful sign-in, forgetting the account's oldest
// address when it has too many.
func (k *knownAddresses) add(account, addr string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	m := k.seen[account]
	if m == nil {
		m = map[string]time.Time{}
		k.seen[account] = m
	}
	m[addr] = k.now()
	for len(m) > knownPerAccount {
		oldest := addr
		for a, t := range m {
			if t.Before(m[oldest]) {
				oldest = a
			}
		}
		delete(m, oldest)
	}
}

// has reports whether the account signed in from addr within knownFor.
func (k *knownAddresses) has(account, addr string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	t, ok := k.seen[account][addr]
	return ok && k.now().Sub(t) <= knownFor
}

// limitLinkGuessing answers 429 to a client address that has tried too many
// unknown department links, so tokens cannot be guessed at speed (they are
// 256 bits; this keeps the logs and the database quiet too).
func (s *Server) limitLinkGuessing() gin.HandlerFunc {
	return func(c *gin.Context) {
		if s.linkFailures.exceeded(limitKey(c)) {
			s.errorPage(c, &forms.Error{Code: forms.ERATELIMIT, Message: "too many unknown links"})
			return
		}
		c.Next()
	}
}
