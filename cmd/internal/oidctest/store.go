package oidctest

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// store is the provider's memory: its client, users, pending
// authorization requests, issued codes and signing key. It implements
// op.Storage, and answers "not supported" to the grants followup never
// uses.
type store struct {
	clientID, secret string
	tenantID         string
	prefix           string // the issuer's path
	key              *rsa.PrivateKey
	keyID            string

	mu         sync.Mutex
	redirects  []string
	postLogout []string
	users      map[string]User
	requests   map[string]*authRequest
	codes      map[string]string // code → request id
	logouts    []Logout
	misbehave  Misbehaviour
}

func newStore(p *Provider, opts Options) *store {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return &store{clientID: opts.ClientID, secret: opts.ClientSecret, tenantID: opts.TenantID, prefix: p.prefix, key: key, keyID: randomID(),
		redirects: append([]string(nil), opts.RedirectURIs...), postLogout: append([]string(nil), opts.PostLogoutRedirectURIs...),
		users: map[string]User{}, requests: map[string]*authRequest{}, codes: map[string]string{}}
}

func randomID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

var errNotSupported = errors.New("oidctest: not supported")

// CreateAuthRequest keeps an authorization request until the user signs
// in on the login form.
func (s *store) CreateAuthRequest(_ context.Context, r *oidc.AuthRequest, _ string) (op.AuthRequest, error) {
	if len(r.Prompt) == 1 && r.Prompt[0] == oidc.PromptNone {
		return nil, oidc.ErrLoginRequired()
	}
	req := &authRequest{id: randomID(), clientID: r.ClientID, redirectURI: r.RedirectURI, state: r.State, nonce: r.Nonce,
		scopes: r.Scopes, responseType: r.ResponseType, responseMode: r.ResponseMode}
	if r.CodeChallenge != "" {
		req.challenge = &oidc.CodeChallenge{Challenge: r.CodeChallenge, Method: r.CodeChallengeMethod}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[req.id] = req
	return req, nil
}

// AuthRequestByID returns a kept authorization request.
func (s *store) AuthRequestByID(_ context.Context, id string) (op.AuthRequest, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.requests[id]; ok {
		return r, nil
	}
	return nil, errors.New("oidctest: no such request")
}

// AuthRequestByCode returns the request a code was issued for.
func (s *store) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	s.mu.Lock()
	id, ok := s.codes[code]
	s.mu.Unlock()
	if !ok {
		return nil, errors.New("oidctest: code invalid or used")
	}
	return s.AuthRequestByID(ctx, id)
}

// SaveAuthCode records the code issued for a request.
func (s *store) SaveAuthCode(_ context.Context, id, code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.codes[code] = id
	return nil
}

// DeleteAuthRequest forgets a request and its code once the code has been
// exchanged, so that a code works once.
func (s *store) DeleteAuthRequest(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.requests, id)
	for code, rid := range s.codes {
		if rid == id {
			delete(s.codes, code)
		}
	}
	return nil
}

// complete marks a request as signed in by a user.
func (s *store) complete(id, subject string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.requests[id]
	if !ok {
		return errors.New("oidctest: no such request")
	}
	if _, ok := s.users[subject]; !ok {
		return errors.New("oidctest: no such user")
	}
	r.subject, r.done, r.authTime = subject, true, time.Now()
	return nil
}

// CreateAccessToken hands out an access token id; the op package encrypts
// it into the opaque token.
func (s *store) CreateAccessToken(context.Context, op.TokenRequest) (string, time.Time, error) {
	return randomID(), time.Now().Add(5 * time.Minute), nil
}

// SigningKey is the key ID tokens are signed with.
func (s *store) SigningKey(context.Context) (op.SigningKey, error) {
	return signingKey{id: s.keyID, key: s.key}, nil
}

// SignatureAlgorithms lists the one algorithm the provider signs with.
func (s *store) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

// KeySet is what the JWKS endpoint publishes.
func (s *store) KeySet(context.Context) ([]op.Key, error) {
	return []op.Key{publicKey{id: s.keyID, key: &s.key.PublicKey}}, nil
}

// Health reports the provider ready.
func (s *store) Health(context.Context) error { return nil }
