package storage

import (
	"testing"
	"time"

	"followup/forms"
)

// TestSessionLimits moves the clock: a session ends when unused for longer
// than Idle, and when older than Max however often it is used; an ended
// session is gone, not just refused.
func TestSessionLimits(t *testing.T) {
	f := newFixture(t)
	u, err := f.db.CreateUser(f.ctx, "kalle@exempelby.se", "Kalle", RoleAdmin, "ett-långt-lösenord", "test")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	f.db.Now = func() time.Time { return now }
	limits := SessionLimits{Idle: 2 * time.Hour, Max: 12 * time.Hour}
	use := func(sid string) error {
		_, err := f.db.SessionUser(f.ctx, sid, limits)
		return err
	}
	expired := func(t *testing.T, sid, when string) {
		t.Helper()
		if err := use(sid); forms.ErrorCode(err) != forms.EUNAUTHORIZED {
			t.Fatalf("%s: SessionUser = %v, want unauthorized", when, err)
		}
		now = now.Add(-12 * time.Hour) // even back in time, an ended session stays ended
		if err := use(sid); forms.ErrorCode(err) != forms.EUNAUTHORIZED {
			t.Fatalf("%s: the ended session works again: %v", when, err)
		}
	}

	t.Run("Idle", func(t *testing.T) {
		sid, err := f.db.CreateSession(f.ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		now = now.Add(limits.Idle - time.Minute)
		if err := use(sid); err != nil {
			t.Fatalf("used within the idle time: %v", err)
		}
		now = now.Add(limits.Idle - time.Minute) // counted from the last use
		if err := use(sid); err != nil {
			t.Fatalf("used within the idle time of the last use: %v", err)
		}
		now = now.Add(limits.Idle + time.Minute)
		expired(t, sid, "unused for longer than Idle")
	})

	t.Run("Max", func(t *testing.T) {
		sid, err := f.db.CreateSession(f.ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		start := now
		for now.Sub(start) < limits.Max-time.Hour {
			now = now.Add(time.Hour)
			if err := use(sid); err != nil {
				t.Fatalf("used every hour, after %v: %v", now.Sub(start), err)
			}
		}
		now = start.Add(limits.Max + time.Minute)
		expired(t, sid, "older than Max")
	})
}
