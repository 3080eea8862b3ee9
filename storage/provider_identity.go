package storage

import (
	"net/mail"
	"strings"
	"unicode"

	"followup/forms"
)

// ProviderIdentity is who the identity provider says signed in, read from
// an ID token that has been verified. Issuer and Subject bind an account;
// TenantID and ObjectID are Entra ID's tid and oid, set only for Entra, and
// must agree with the bound account's. Email and Name are kept up to date
// on the account but never decide who it is.
type ProviderIdentity struct {
	Issuer, Subject    string
	TenantID, ObjectID string
	Email              string
	// EmailVerified is true when the provider vouches for the e-mail
	// (email_verified, or Entra's xms_edov): only then may it bind a
	// pre-created account.
	EmailVerified bool
	Name          string
}

// ProviderSignIn is a verified sign-in at the identity provider: who, the
// role its claims grant, and the policy for unknown people.
type ProviderSignIn struct {
	Identity ProviderIdentity
	// Role is RoleAdmin, RoleReader, or "" when the claims grant neither.
	Role string
	// PrecreatedOnly refuses people for whom no account was pre-created.
	PrecreatedOnly bool
}

// clean trims the identity, lower-cases the e-mail and drops one that is
// not a plain address, and keeps the name within the length of names.
func (p ProviderIdentity) clean() ProviderIdentity {
	p.Issuer, p.Subject = strings.TrimSpace(p.Issuer), strings.TrimSpace(p.Subject)
	p.TenantID, p.ObjectID = strings.ToLower(strings.TrimSpace(p.TenantID)), strings.ToLower(strings.TrimSpace(p.ObjectID))
	if p.ObjectID == "" {
		p.TenantID = ""
	}
	p.Email = strings.ToLower(strings.TrimSpace(p.Email))
	if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email {
		p.Email, p.EmailVerified = "", false
	}
	name := strings.Join(strings.FieldsFunc(p.Name, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if r := []rune(name); len(r) > forms.MaxNameRunes {
		name = string(r[:forms.MaxNameRunes])
	}
	p.Name = name
	return p
}

// display names the person in the audit log and on the accounts page:
// the e-mail when there is one, else the subject.
func (p ProviderIdentity) display() string {
	if p.Email != "" {
		return p.Email
	}
	return p.Subject
}

// detail describes the identity for the audit log.
func (p ProviderIdentity) detail() string {
	s := "iss " + p.Issuer + ", sub " + p.Subject
	if p.ObjectID != "" {
		s += ", tid " + p.TenantID + ", oid " + p.ObjectID
	}
	if p.Email != "" {
		s += ", " + p.Email
	}
	return cleanDetail(s)
}
