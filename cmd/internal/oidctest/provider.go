// Package oidctest runs a real OpenID provider in the test process, on
// loopback, for the tests of followup's sign-in through an identity
// provider. It is built with zitadel/oidc's op package: discovery, the
// authorization code flow with PKCE, ID tokens signed with its own key, a
// JWKS endpoint and RP-initiated logout, plus a plain login form where a
// test (or Chromium) types a user's name. Its users carry e-mail, roles,
// groups and, for an Entra-style provider, tid and oid claims, and a test
// can change them between sign-ins. Misbehave alters the ID tokens it
// hands out, and Stop takes it off the network, for the tests of every
// refusal. It is imported only by tests; no code of the server depends on
// it.
package oidctest

import (
	"crypto/rand"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/zitadel/oidc/v3/pkg/op"
)

// Defaults of Options.
const (
	DefaultClientID     = "followup"
	DefaultClientSecret = "test-client-secret"
)

// Options choose how the provider behaves.
type Options struct {
	// ClientID and ClientSecret are the one client the provider knows;
	// DefaultClientID and DefaultClientSecret unless set.
	ClientID, ClientSecret string
	// RedirectURIs and PostLogoutRedirectURIs are the client's registered
	// addresses; AllowRedirect adds more once the app's address is known.
	RedirectURIs, PostLogoutRedirectURIs []string
	// TenantID makes an Entra-style provider: its issuer ends in
	// /<TenantID>/v2.0, as Entra ID's v2 issuer does, and its ID tokens
	// carry tid and each user's oid.
	TenantID string
	// NoEndSession leaves end_session_endpoint out of discovery, as some
	// providers do.
	NoEndSession bool
}

// Provider is a running OpenID provider.
type Provider struct {
	// Issuer is the provider's issuer identifier: the address the relying
	// party discovers it at.
	Issuer string
	// ClientID and ClientSecret are the client registered with it.
	ClientID, ClientSecret string

	opts   Options
	prefix string // the issuer's path, such as /<tid>/v2.0
	addr   string
	store  *store
	op     *op.Provider

	mu      sync.Mutex
	srv     *httptest.Server
	handler http.Handler
}

// Start runs a provider on a free loopback port until the test ends.
func Start(tb testing.TB, opts Options) *Provider {
	tb.Helper()
	if opts.ClientID == "" {
		opts.ClientID = DefaultClientID
	}
	if opts.ClientSecret == "" {
		opts.ClientSecret = DefaultClientSecret
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("oidctest: %v", err)
	}
	p := &Provider{ClientID: opts.ClientID, ClientSecret: opts.ClientSecret, opts: opts, addr: ln.Addr().String()}
	if opts.TenantID != "" {
		p.prefix = "/" + opts.TenantID + "/v2.0"
	}
	p.Issuer = "http://" + p.addr + p.prefix
	p.store = newStore(p, opts)
	if err := p.build(); err != nil {
		ln.Close()
		tb.Fatalf("oidctest: %v", err)
	}
	p.serve(ln)
	tb.Cleanup(p.Stop)
	return p
}

// build makes the op.Provider and the handler that serves it under the
// issuer's path, with the login form beside it and the token endpoint
// wrapped so that Misbehave can alter what it answers.
func (p *Provider) build() error {
	var key [32]byte
	rand.Read(key[:])
	cfg := &op.Config{CryptoKey: key, CryptoKeyId: "access", CodeMethodS256: true, AuthMethodPost: true,
		DefaultLogoutRedirectURI: "/logged-out"}
	provider, err := op.NewProvider(cfg, p.store, op.StaticIssuer(p.Issuer), op.WithAllowInsecure())
	if err != nil {
		return err
	}
	p.op = provider
	inner := http.NewServeMux()
	inner.Handle("/login", op.NewIssuerInterceptor(provider.IssuerFromRequest).Handler(http.HandlerFunc(p.login)))
	inner.HandleFunc("/logged-out", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("signed out")) })
	inner.Handle("/", p.rewrite(provider))
	if p.prefix == "" {
		p.handler = inner
		return nil
	}
	mux := http.NewServeMux()
	mux.Handle(p.prefix+"/", http.StripPrefix(p.prefix, inner))
	p.handler = mux
	return nil
}

func (p *Provider) serve(ln net.Listener) {
	srv := httptest.NewUnstartedServer(p.handler)
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	p.mu.Lock()
	p.srv = srv
	p.mu.Unlock()
}

// Stop takes the provider off the network, as a provider that is down:
// connections to it are refused until Resume.
func (p *Provider) Stop() {
	p.mu.Lock()
	srv := p.srv
	p.srv = nil
	p.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// Resume serves again on the same address after Stop, with the same keys,
// users and client.
func (p *Provider) Resume(tb testing.TB) {
	tb.Helper()
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		tb.Fatalf("oidctest: cannot listen on %s again: %v", p.addr, err)
	}
	p.serve(ln)
}

// AllowRedirect registers more redirect URIs (and post-logout redirect
// URIs) for the client, such as those of an app whose address was not
// known when the provider started.
func (p *Provider) AllowRedirect(uris ...string) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	p.store.redirects = append(p.store.redirects, uris...)
}

// AllowPostLogoutRedirect registers more addresses that the provider may
// send the browser to after signing out.
func (p *Provider) AllowPostLogoutRedirect(uris ...string) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	p.store.postLogout = append(p.store.postLogout, uris...)
}

// LocalhostIssuer is the issuer as reached through "localhost" instead of
// 127.0.0.1: the same server, but not the issuer it names in discovery,
// for the test of an issuer mismatch.
func (p *Provider) LocalhostIssuer() string {
	return strings.Replace(p.Issuer, "127.0.0.1", "localhost", 1)
}
