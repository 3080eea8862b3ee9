package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"followup/storage"
)

// lockedBuffer is an io.Writer that a running command and the test can use
// at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServeDemo runs the newcomer's first command in-process on a free
// port: it prints the sign-in details and a link per department, a printed
// link opens that department's questionnaire, and cancelling the context
// shuts the server down cleanly.
func TestServeDemo(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"FOLLOWUP_SECRET": cliSecret}
	var stdout, stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--demo", "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "demo.db")},
			func(k string) string { return env[k] }, strings.NewReader(""), &stdout, &stderr)
	}()
	linkLine := regexp.MustCompile(`(?m)^  Socialförvaltningen\s+(http://127\.0\.0\.1:[1-9][0-9]*/r/[A-Za-z0-9_-]{43})$`)
	var link string
	for deadline := time.Now().Add(20 * time.Second); link == ""; {
		if m := linkLine.FindStringSubmatch(stdout.String()); m != nil {
			link = m[1]
			break
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no link printed within 20 s; stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	out := stdout.String()
	for _, want := range []string{"samordnare@exempelby.se / demo-samordnare", "revisor@exempelby.se / demo-revisor", "/logga-in"} {
		if !strings.Contains(out, want) {
			t.Errorf("the demo's output lacks %q", want)
		}
	}
	// The server logs "listening" just before it serves; wait for it.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(stderr.String(), `"msg":"listening"`); {
		if time.Now().After(deadline) {
			t.Fatal("the server never said it was listening")
		}
		time.Sleep(10 * time.Millisecond)
	}
	res, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "Socialförvaltningen") {
		t.Fatalf("the printed link answered %d", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not shut down")
	}
}

// TestCLIUserAdd creates an account with the password read from standard
// input, which then signs in; a short password, a taken e-mail and an
// unknown role are refused.
func TestCLIUserAdd(t *testing.T) {
	path := newDBPath(t)
	env := map[string]string{"FOLLOWUP_SECRET": cliSecret}
	add := func(stdin string, args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append(append([]string{"user", "add"}, args...), "--db", path),
			func(k string) string { return env[k] }, strings.NewReader(stdin), &stdout, &stderr)
		return stderr.String(), err
	}
	if _, err := add("ett-långt-lösenord\n", "--email", "Samordnare@Kommun.se", "--role", "admin", "--name", "Sanna"); err != nil {
		t.Fatal(err)
	}
	withDB(t, path, func(db *storage.DB) {
		u, err := db.Authenticate(context.Background(), "samordnare@kommun.se", "ett-långt-lösenord")
		if err != nil || u.Role != storage.RoleAdmin || u.Name != "Sanna" {
			t.Fatalf("the new account does not sign in as an admin: %+v, %v", u, err)
		}
	})
	if _, err := add("kort\n", "--email", "b@kommun.se", "--role", "reader"); err == nil {
		t.Error("a short password was accepted")
	}
	if _, err := add("ett-annat-långt-lösenord\n", "--email", "samordnare@kommun.se", "--role", "reader"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("a taken e-mail: %v", err)
	}
	if _, err := add("ett-långt-lösenord\n", "--email", "c@kommun.se", "--role", "superuser"); exitCode(err) != 2 {
		t.Errorf("an unknown role: %v, want a usage error", err)
	}
}

// TestBaseURLFromAddress builds links from the address listened on when no
// base URL is given, naming localhost for an address that means "every".
func TestBaseURLFromAddress(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:8080": "http://127.0.0.1:8080",
		":8080":          "http://localhost:8080",
		"0.0.0.0:8080":   "http://localhost:8080",
		"[::]:8080":      "http://localhost:8080",
		"10.1.2.3:80":    "http://10.1.2.3:80",
	} {
		c := config{addr: addr}
		u, err := c.base()
		if err != nil || u.String() != want {
			t.Errorf("base for %q = %v, %v; want %s", addr, u, err, want)
		}
	}
}

// TestSessionSettings reads the session lifetimes from flags and the
// environment, and refuses to start with one that is not a positive
// duration instead of falling back to a default.
func TestSessionSettings(t *testing.T) {
	parse := func(env map[string]string, args ...string) (time.Duration, time.Duration, error) {
		t.Helper()
		var c config
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		c.flags(fs, envOf(env))
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		return c.sessions()
	}
	if idle, longest, err := parse(nil); err != nil || idle != 8*time.Hour || longest != 12*time.Hour {
		t.Errorf("defaults: %v, %v, %v; want 8h, 12h", idle, longest, err)
	}
	if idle, longest, err := parse(map[string]string{"FOLLOWUP_SESSION_IDLE": "90m", "FOLLOWUP_SESSION_MAX": "10h"}); err != nil || idle != 90*time.Minute || longest != 10*time.Hour {
		t.Errorf("from the environment: %v, %v, %v", idle, longest, err)
	}
	if _, longest, err := parse(map[string]string{"FOLLOWUP_SESSION_MAX": "10h"}, "--session-max", "4h"); err != nil || longest != 4*time.Hour {
		t.Errorf("the flag over the environment: %v, %v", longest, err)
	}
	for _, bad := range []string{"12", "1d", "-1h", "0s", "länge"} {
		if _, _, err := parse(map[string]string{"FOLLOWUP_SESSION_MAX": bad}); err == nil || !strings.Contains(err.Error(), "longest session") {
			t.Errorf("FOLLOWUP_SESSION_MAX=%s: %v, want an error", bad, err)
		}
		if _, _, err := parse(nil, "--session-idle", bad); err == nil || !strings.Contains(err.Error(), "idle") {
			t.Errorf("--session-idle %s: %v, want an error", bad, err)
		}
	}
}

// envOf is an env whose variables come from m.
func envOf(m map[string]string) env {
	return env{getenv: func(k string) string { return m[k] }}
}
