package oidctest

import (
	"context"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// Logout is one RP-initiated logout the provider answered.
type Logout struct {
	ClientID, Subject, RedirectURI string
}

// Logouts lists the RP-initiated logouts the provider has answered.
func (p *Provider) Logouts() []Logout {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	return append([]Logout(nil), p.store.logouts...)
}

// TerminateSessionFromRequest records a logout and sends the browser to
// the post-logout address the op package has checked.
func (s *store) TerminateSessionFromRequest(_ context.Context, r *op.EndSessionRequest) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.logouts = append(s.logouts, Logout{ClientID: r.ClientID, Subject: r.UserID, RedirectURI: r.RedirectURI})
	return r.RedirectURI, nil
}

// TerminateSession is not reached: TerminateSessionFromRequest answers.
func (s *store) TerminateSession(context.Context, string, string) error { return nil }

// GetClientByClientID returns the one registered client.
func (s *store) GetClientByClientID(_ context.Context, id string) (op.Client, error) {
	if id != s.clientID {
		return nil, errNotSupported
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return &client{id: id, login: s.prefix + "/login", redirects: append([]string(nil), s.redirects...), postLogout: append([]string(nil), s.postLogout...)}, nil
}

// AuthorizeClientIDSecret checks the client's secret at the token endpoint.
func (s *store) AuthorizeClientIDSecret(_ context.Context, id, secret string) error {
	if id != s.clientID || secret != s.secret {
		return errNotSupported
	}
	return nil
}

// SetUserinfoFromScopes fills the user's claims.
func (s *store) SetUserinfoFromScopes(_ context.Context, info *oidc.UserInfo, userID, _ string, _ []string) error {
	s.fill(info, userID)
	return nil
}

// SetUserinfoFromRequest fills the user's claims into an ID token.
func (s *store) SetUserinfoFromRequest(_ context.Context, info *oidc.UserInfo, r op.IDTokenRequest, _ []string) error {
	s.fill(info, r.GetSubject())
	return nil
}

// SetUserinfoFromToken answers the userinfo endpoint.
func (s *store) SetUserinfoFromToken(_ context.Context, info *oidc.UserInfo, _, subject, _ string) error {
	s.fill(info, subject)
	return nil
}

// GetPrivateClaimsFromScopes adds nothing to access tokens.
func (s *store) GetPrivateClaimsFromScopes(context.Context, string, string, []string) (map[string]any, error) {
	return nil, nil
}

// The grants and endpoints below are not used by followup.

func (s *store) CreateAccessAndRefreshTokens(context.Context, op.TokenRequest, string) (string, string, time.Time, error) {
	return "", "", time.Time{}, errNotSupported
}

func (s *store) TokenRequestByRefreshToken(context.Context, string) (op.RefreshTokenRequest, error) {
	return nil, errNotSupported
}

func (s *store) RevokeToken(context.Context, string, string, string) *oidc.Error {
	return oidc.ErrUnsupportedGrantType()
}

func (s *store) GetRefreshTokenInfo(context.Context, string, string) (string, string, error) {
	return "", "", op.ErrInvalidRefreshToken
}

func (s *store) SetIntrospectionFromToken(context.Context, *oidc.IntrospectionResponse, string, string, string) error {
	return errNotSupported
}

func (s *store) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, errNotSupported
}

func (s *store) ValidateJWTProfileScopes(context.Context, string, []string) ([]string, error) {
	return nil, errNotSupported
}
