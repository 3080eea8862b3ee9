package storage

import (
	"strings"
	"testing"

	"followup/forms"
)

var secret = []byte("test secret of the server, 32 bytes")

func TestLinks(t *testing.T) {
	f := newFixture(t)
	links, err := f.db.Links(f.ctx, secret, f.round)
	if err != nil {
		t.Fatalf("Links: %v", err)
	}
	if len(links) != 3 {
		t.Fatalf("%d links, want one per participant (3)", len(links))
	}
	seen := map[string]bool{}
	for _, l := range links {
		if len(l.Token) != 43 {
			t.Errorf("token %q of %s has %d characters, want 43", l.Token, l.Department.Name, len(l.Token))
		}
		if seen[l.Token] {
			t.Errorf("token %q given twice", l.Token)
		}
		seen[l.Token] = true
		if n := queryInt(t, f.db, `SELECT COUNT(*) FROM round_departments WHERE token_hash = ? OR CAST(token_hash AS TEXT) = ?`, []byte(l.Token), l.Token); n != 0 {
			t.Errorf("the database holds the token itself")
		}
	}

	t.Run("LinkTargetFindsRoundAndDepartment", func(t *testing.T) {
		for _, l := range links {
			round, dept, err := f.db.LinkTarget(f.ctx, l.Token)
			if err != nil {
				t.Fatalf("LinkTarget(%s): %v", l.Department.Name, err)
			}
			if round != f.round || dept != l.Department.ID {
				t.Errorf("LinkTarget = %d/%d, want %d/%d", round, dept, f.round, l.Department.ID)
			}
		}
	})

	t.Run("SameLinksAgain", func(t *testing.T) {
		again, err := f.db.Links(f.ctx, secret, f.round)
		if err != nil {
			t.Fatal(err)
		}
		for i := range again {
			if again[i].Token != links[i].Token {
				t.Errorf("link of %s changed from %q to %q", again[i].Department.Name, links[i].Token, again[i].Token)
			}
		}
	})

	t.Run("StaleWithOtherSecret", func(t *testing.T) {
		// The secret file was lost: every link is marked stale, none is
		// made up, and the office can still see the page and replace them.
		stale, err := f.db.Links(f.ctx, []byte("another secret"), f.round)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range stale {
			if !l.Stale || l.Token != "" {
				t.Errorf("link of %s with another secret: %+v, want stale without a token", l.Department.Name, l)
			}
		}
	})

	t.Run("ReplaceLink", func(t *testing.T) {
		old := links[0]
		tok, err := f.db.ReplaceLink(f.ctx, secret, f.round, old.Department.ID, "office@example.se")
		if err != nil {
			t.Fatalf("ReplaceLink: %v", err)
		}
		if len(tok) != 43 || tok == old.Token {
			t.Fatalf("new token %q (old %q)", tok, old.Token)
		}
		_, _, err = f.db.LinkTarget(f.ctx, old.Token)
		wantCode(t, err, forms.ENOTFOUND)
		round, dept, err := f.db.LinkTarget(f.ctx, tok)
		if err != nil || round != f.round || dept != old.Department.ID {
			t.Errorf("LinkTarget(new) = %d/%d, %v", round, dept, err)
		}
		// Links shows the new link, and the other departments' are unchanged.
		now, err := f.db.Links(f.ctx, secret, f.round)
		if err != nil {
			t.Fatal(err)
		}
		if now[0].Token != tok || now[1].Token != links[1].Token {
			t.Errorf("Links after replace = %q, %q", now[0].Token, now[1].Token)
		}
	})

	t.Run("ErrNotFoundReplaceForNonParticipant", func(t *testing.T) {
		_, err := f.db.ReplaceLink(f.ctx, secret, f.round, 9999, "office")
		wantCode(t, err, forms.ENOTFOUND)
	})

	tests := []struct{ name, token string }{
		{"ErrNotFoundEmpty", ""},
		{"ErrNotFoundShort", "abc"},
		{"ErrNotFoundRightLength", strings.Repeat("A", 43)},
		{"ErrNotFoundSQL", `' OR 1=1; --` + strings.Repeat("x", 31)},
		{"ErrNotFoundTooLong", links[1].Token + "x"},
		{"ErrNotFoundOtherSecret", Token([]byte("another secret"), f.round, links[1].Department.ID, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := f.db.LinkTarget(f.ctx, tt.token)
			wantCode(t, err, forms.ENOTFOUND)
		})
	}
}

func TestToken(t *testing.T) {
	a := Token(secret, 1, 2, 0)
	tests := []struct {
		name string
		tok  string
	}{
		{"OtherRound", Token(secret, 2, 2, 0)},
		{"OtherDepartment", Token(secret, 1, 3, 0)},
		{"OtherNonce", Token(secret, 1, 2, 1)},
		{"OtherSecret", Token([]byte("x"), 1, 2, 0)},
		{"AmbiguousConcatenation", Token(secret, 12, 0, 0)},
	}
	if a != Token(secret, 1, 2, 0) {
		t.Fatal("Token is not deterministic")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.tok == a {
				t.Errorf("token equals the one for round 1, department 2, nonce 0")
			}
		})
	}
}

// TestReplacedLinkStaysDeadAfterReadding replaces a department's link, takes
// the department out of the draft round and puts it back: neither the
// original nor the replaced link may open the questionnaire again.
func TestReplacedLinkStaysDeadAfterReadding(t *testing.T) {
	f := newFixture(t)
	secret := []byte("link-secret-0123456789abcdef0123456789")
	round, err := f.db.CreateRound(f.ctx, forms.RoundInput{PlanID: f.plan.ID, Kind: "interim", Title: "Utkast", ReportDate: "2024-08-31", Deadline: "2099-01-01"}, "test")
	if err != nil {
		t.Fatal(err)
	}
	first, err := f.db.Links(f.ctx, secret, round)
	if err != nil {
		t.Fatal(err)
	}
	var original string
	for _, l := range first {
		if l.Department.ID == f.energi.ID {
			original = l.Token
		}
	}
	replaced, err := f.db.ReplaceLink(f.ctx, secret, round, f.energi.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.db.SetParticipants(f.ctx, round, []int64{f.bou.ID, f.it.ID}, "test"); err != nil {
		t.Fatal(err)
	}
	if err := f.db.SetParticipants(f.ctx, round, []int64{f.bou.ID, f.it.ID, f.energi.ID}, "test"); err != nil {
		t.Fatal(err)
	}
	again, err := f.db.Links(f.ctx, secret, round)
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range []string{original, replaced} {
		if _, _, err := f.db.LinkTarget(f.ctx, tok); forms.ErrorCode(err) != forms.ENOTFOUND {
			t.Errorf("an old link opens the questionnaire again after the department was re-added (err %v)", err)
		}
		for _, l := range again {
			if l.Token == tok {
				t.Error("the re-added department got an old link back")
			}
		}
	}
}
