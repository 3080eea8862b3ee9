package oidctest

import (
	"slices"

	"github.com/zitadel/oidc/v3/pkg/oidc"
)

// User is a person the provider can sign in. A test changes one with
// SetUser between sign-ins, as an administrator changes a person at the
// municipality's provider.
type User struct {
	// Subject is the sub claim, and the name typed on the login form.
	Subject string
	Email   string
	// EmailVerified is sent as email_verified, or by an Entra-style
	// provider as xms_edov (its e-mail domain owner is verified).
	EmailVerified bool
	Name          string
	// Roles and Groups are sent as the roles and groups claims, when set.
	Roles, Groups []string
	// ObjectID is the Entra oid claim, sent with tid by an Entra-style
	// provider.
	ObjectID string
	// GroupsOverage sends, instead of groups, the reference Entra ID
	// sends for a user in more than 200 groups.
	GroupsOverage bool
}

// SetUser adds a user, or replaces the one with the same Subject.
func (p *Provider) SetUser(u User) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	u.Roles, u.Groups = slices.Clone(u.Roles), slices.Clone(u.Groups)
	p.store.users[u.Subject] = u
}

// RemoveUser forgets a user: the login form refuses the name from then on.
func (p *Provider) RemoveUser(subject string) {
	p.store.mu.Lock()
	defer p.store.mu.Unlock()
	delete(p.store.users, subject)
}

// user returns the user with the given subject.
func (s *store) user(subject string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[subject]
	return u, ok
}

// fill writes a user's claims into an ID token's user info, as the
// provider's claim mapping would.
func (s *store) fill(info *oidc.UserInfo, subject string) {
	u, ok := s.user(subject)
	if !ok {
		return
	}
	info.Subject = u.Subject
	info.Name = u.Name
	info.Email = u.Email
	if len(u.Roles) > 0 {
		info.AppendClaims("roles", u.Roles)
	}
	if len(u.Groups) > 0 && !u.GroupsOverage {
		info.AppendClaims("groups", u.Groups)
	}
	if u.GroupsOverage {
		info.AppendClaims("_claim_names", map[string]any{"groups": "src1"})
		info.AppendClaims("_claim_sources", map[string]any{"src1": map[string]any{"endpoint": "https://graph.microsoft.com/v1.0/users/" + u.ObjectID + "/getMemberObjects"}})
	}
	if s.tenantID == "" {
		info.EmailVerified = oidc.Bool(u.EmailVerified)
		return
	}
	info.AppendClaims("tid", s.tenantID)
	info.AppendClaims("ver", "2.0")
	if u.ObjectID != "" {
		info.AppendClaims("oid", u.ObjectID)
	}
	if u.Email != "" {
		info.AppendClaims("preferred_username", u.Email)
	}
	if u.EmailVerified {
		info.AppendClaims("xms_edov", true)
	}
}
