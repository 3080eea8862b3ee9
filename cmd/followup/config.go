package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // the municipality's time zone must load on any machine

	"followup/storage"
)

// config is what every command shares: where the database is, and for the
// server and the link-printing commands, where the app is reached.
type config struct {
	db          string
	addr        string
	baseURL     string
	secretFile  string
	timezone    string
	sessionIdle string
	sessionMax  string
	proxies     string
}

// flags registers the shared flags, defaulting to FOLLOWUP_* variables.
func (c *config) flags(fs *flag.FlagSet, e env) {
	def := func(name, fallback string) string {
		if v := e.getenv(name); v != "" {
			return v
		}
		return fallback
	}
	fs.StringVar(&c.db, "db", def("FOLLOWUP_DB", "followup.db"), "database file (FOLLOWUP_DB)")
	fs.StringVar(&c.addr, "addr", def("FOLLOWUP_ADDR", "127.0.0.1:8080"), "address to listen on (FOLLOWUP_ADDR)")
	fs.StringVar(&c.baseURL, "base-url", def("FOLLOWUP_BASE_URL", ""), "URL where people reach the app, for links (FOLLOWUP_BASE_URL; default http://ADDR)")
	fs.StringVar(&c.secretFile, "secret-file", def("FOLLOWUP_SECRET_FILE", ""), "file holding the secret that links are derived from (FOLLOWUP_SECRET_FILE; default DB.secret)")
	fs.StringVar(&c.timezone, "timezone", def("FOLLOWUP_TIMEZONE", "Europe/Stockholm"), "time zone of deadlines (FOLLOWUP_TIMEZONE)")
	fs.StringVar(&c.sessionIdle, "session-idle", def("FOLLOWUP_SESSION_IDLE", "8h"), "sign-out after this much inactivity, such as 8h or 90m (FOLLOWUP_SESSION_IDLE)")
	fs.StringVar(&c.sessionMax, "session-max", def("FOLLOWUP_SESSION_MAX", "12h"), "sign-out this long after signing in, however busy (FOLLOWUP_SESSION_MAX)")
	fs.StringVar(&c.proxies, "trusted-proxies", def("FOLLOWUP_TRUSTED_PROXIES", ""), "comma-separated proxy addresses whose X-Forwarded-For is trusted (FOLLOWUP_TRUSTED_PROXIES)")
}

func (c *config) base() (*url.URL, error) {
	raw := c.baseURL
	if raw == "" {
		host := c.addr
		// Listening on every address (":8080", "0.0.0.0:8080", "[::]:8080"):
		// a person on this machine reaches it as localhost.
		if h, port, err := net.SplitHostPort(host); err == nil {
			if ip := net.ParseIP(h); h == "" || (ip != nil && ip.IsUnspecified()) {
				host = net.JoinHostPort("localhost", port)
			}
		}
		raw = "http://" + host
	}
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("the base URL %q must be an http or https URL such as https://uppfoljning.example.se", raw)
	}
	return u, nil
}

// sessions returns the idle and the longest lifetime of office sessions;
// a value that is not a positive duration stops the server rather than
// quietly falling back to a default.
func (c *config) sessions() (idle, longest time.Duration, err error) {
	for _, v := range []struct {
		name, raw string
		to        *time.Duration
	}{{"session idle time", c.sessionIdle, &idle}, {"longest session", c.sessionMax, &longest}} {
		d, err := time.ParseDuration(strings.TrimSpace(v.raw))
		if err != nil || d <= 0 {
			return 0, 0, fmt.Errorf("the %s %q must be a positive duration such as 8h or 90m", v.name, v.raw)
		}
		*v.to = d
	}
	return idle, longest, nil
}

func (c *config) location() (*time.Location, error) {
	loc, err := time.LoadLocation(c.timezone)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q", c.timezone)
	}
	return loc, nil
}

func (c *config) trustedProxies() []string {
	var out []string
	for _, p := range strings.Split(c.proxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// secret reads the secret that link tokens are derived from, creating it
// beside the database on first use. FOLLOWUP_SECRET, if set, wins.
func (c *config) secret(e env) ([]byte, error) {
	if v := e.getenv("FOLLOWUP_SECRET"); v != "" {
		if len(v) < 32 {
			return nil, errors.New("FOLLOWUP_SECRET must be at least 32 characters")
		}
		return []byte(v), nil
	}
	path := c.secretFile
	if path == "" {
		path = c.db + ".secret"
	}
	b, err := os.ReadFile(path)
	if err == nil {
		s := strings.TrimSpace(string(b))
		if len(s) < 32 {
			return nil, fmt.Errorf("the secret file %s is too short", path)
		}
		return []byte(s), nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("cannot read the secret file %s: %w", path, err)
	}
	raw := make([]byte, 32)
	rand.Read(raw)
	s := hex.EncodeToString(raw)
	if err := os.WriteFile(path, []byte(s+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("cannot create the secret file %s: %w", path, err)
	}
	return []byte(s), nil
}

func (c *config) open(ctx context.Context) (*storage.DB, error) {
	return storage.Open(ctx, c.db, storage.Options{})
}
