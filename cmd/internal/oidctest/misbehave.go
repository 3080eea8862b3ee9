package oidctest

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// Misbehaviour is what the provider does wrong to the ID tokens it hands
// out at its token endpoint, for the tests of each refusal.
type Misbehaviour int

// The ways the provider can misbehave.
const (
	Honest        Misbehaviour = iota // tokens as issued
	OtherAudience                     // aud (and azp) name another client
	Expired                           // exp lies in the past
	UnknownKey                        // signed with a key the JWKS does not hold, under the same kid
	AlgNone                           // "alg": "none" and no signature
	OtherIssuer                       // iss names another issuer
	WrongNonce                        // nonce is not the one the relying party sent
)

// Misbehave makes every following token response misbehave as m, until
// Misbehave(Honest).
func (p *Provider) Misbehave(m Misbehaviour) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	p.store.misbehave = m
}

// rewrite wraps the op package's handler: it leaves end_session_endpoint
// out of discovery when asked to, and alters the ID token of token
// responses while the provider misbehaves.
func (p *Provider) rewrite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.store.mu.Lock()
		m := p.store.misbehave
		p.store.mu.Unlock()
		var change func(map[string]any) error
		switch {
		case r.URL.Path == "/.well-known/openid-configuration" && p.opts.NoEndSession:
			change = func(doc map[string]any) error { delete(doc, "end_session_endpoint"); return nil }
		case r.URL.Path == p.op.TokenEndpoint().Relative() && m != Honest:
			change = func(resp map[string]any) error { return p.store.alter(resp, m) }
		default:
			next.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		var doc map[string]any
		if rec.Code == http.StatusOK && json.Unmarshal(body, &doc) == nil && change(doc) == nil {
			body, _ = json.Marshal(doc)
		}
		maps.Copy(w.Header(), rec.Header())
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.Code)
		w.Write(body)
	})
}

// alter changes the id_token of a token response as m says.
func (s *store) alter(resp map[string]any, m Misbehaviour) error {
	raw, _ := resp["id_token"].(string)
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return errors.New("oidctest: no ID token to alter")
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return err
	}
	var claims map[string]any
	if err := json.Unmarshal(payload, &claims); err != nil {
		return err
	}
	now := time.Now()
	switch m {
	case OtherAudience:
		claims["aud"], claims["azp"] = []string{"another-client"}, "another-client"
	case Expired:
		claims["iat"], claims["exp"] = now.Add(-20*time.Minute).Unix(), now.Add(-10*time.Minute).Unix()
	case OtherIssuer:
		claims["iss"] = "https://evil.example"
	case WrongNonce:
		claims["nonce"] = "a-nonce-the-relying-party-never-sent"
	}
	if payload, err = json.Marshal(claims); err != nil {
		return err
	}
	key := s.key
	switch m {
	case AlgNone:
		header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
		resp["id_token"] = header + "." + base64.RawURLEncoding.EncodeToString(payload) + "."
		return nil
	case UnknownKey:
		if key, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
			return err
		}
	}
	token, err := sign(key, s.keyID, payload)
	resp["id_token"] = token
	return err
}

// sign signs a payload as a compact JWS with RS256 under the key id kid.
func sign(key *rsa.PrivateKey, kid string, payload []byte) (string, error) {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: key, KeyID: kid}},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", err
	}
	jws, err := signer.Sign(bytes.Clone(payload))
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}
