package ratelimit_test

import (
	"strconv"
	"testing"
	"time"

	"followup/cmd/followup/internal/ratelimit"
)

// TestWindow allows max events per key within the window, forgets them
// after it, and forgets a key on Reset.
func TestWindow(t *testing.T) {
	now := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	w := ratelimit.NewWindow(3, time.Minute, func() time.Time { return now })
	for range 3 {
		if w.Exceeded("a") {
			t.Fatal("exceeded before three events")
		}
		w.Add("a")
	}
	if !w.Exceeded("a") || w.Exceeded("b") {
		t.Fatal("three events of a should exceed, none of b should not")
	}
	now = now.Add(time.Minute + time.Second)
	if w.Exceeded("a") {
		t.Error("the events are still counted after the window")
	}
	w.Add("a")
	w.Reset("a")
	if got := w.Keys(); len(got) != 0 {
		t.Errorf("keys after reset: %v", got)
	}
}

// TestKnown forgets an address after KnownFor and keeps at most
// KnownPerAccount addresses per account, dropping the oldest.
func TestKnown(t *testing.T) {
	now := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	k := ratelimit.NewKnown(func() time.Time { return now })
	k.Add("a@x.se", "10.0.0.1")
	now = now.Add(ratelimit.KnownFor)
	if !k.Has("a@x.se", "10.0.0.1") || k.Has("b@x.se", "10.0.0.1") || k.Has("a@x.se", "10.0.0.2") {
		t.Error("an address is known to the wrong account, or forgotten too early")
	}
	now = now.Add(time.Minute)
	if k.Has("a@x.se", "10.0.0.1") {
		t.Errorf("an address is still known after %v", ratelimit.KnownFor+time.Minute)
	}
	for i := range ratelimit.KnownPerAccount + 1 {
		now = now.Add(time.Minute)
		k.Add("a@x.se", "10.0.1."+strconv.Itoa(i))
	}
	if k.Has("a@x.se", "10.0.1.0") || !k.Has("a@x.se", "10.0.1.1") || !k.Has("a@x.se", "10.0.1."+strconv.Itoa(ratelimit.KnownPerAccount)) {
		t.Errorf("with %d addresses, the oldest is not the one forgotten", ratelimit.KnownPerAccount+1)
	}
}

// TestAddressKey counts the addresses of one IPv6 /64 network as one.
func TestAddressKey(t *testing.T) {
	for addr, want := range map[string]string{
		"192.0.2.7":            "192.0.2.7",
		"2001:db8:1:2:3:4:5:6": "2001:db8:1:2::/64",
		"2001:db8:1:2::ffff":   "2001:db8:1:2::/64",
		"::ffff:192.0.2.7":     "::ffff:192.0.2.7",
		"not an address":       "not an address",
	} {
		if got := ratelimit.AddressKey(addr); got != want {
			t.Errorf("AddressKey(%q) = %q, want %q", addr, got, want)
		}
	}
}
