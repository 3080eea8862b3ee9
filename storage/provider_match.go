package storage

import (
	"context"
	"database/sql"
	"errors"
)

// providerAccount is an account as sign-in through the provider reads it:
// the account and the identity it is bound to.
type providerAccount struct {
	User
	issuer, subject, tenantID, objectID string
}

// findProviderTx returns the provider account meeting the SQL condition
// where, or nil when there is none.
func findProviderTx(ctx context.Context, tx *sql.Tx, where string, args ...any) (*providerAccount, error) {
	var a providerAccount
	var err error
	a.User, err = scanUser(tx.QueryRowContext(ctx, `SELECT `+userColumns+`, u.issuer, u.subject, u.tenant_id, u.object_id
		FROM users u WHERE u.auth = 'oidc' AND `+where, args...), &a.issuer, &a.subject, &a.tenantID, &a.objectID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// matchProviderTx finds the account an identity signs in to, by the
// identity alone: first by issuer and subject; for Entra ID also by tenant
// and object id, which stay the same when the subject does not (a new app
// registration gives every user a new pairwise subject). Only when the
// identity has no account yet may a verified e-mail find an account an
// admin pre-created and that nobody has signed in to. Two accounts found,
// or an object id that contradicts the bound one, is a conflict: followup
// never merges two identities. It returns nil for a new person.
func matchProviderTx(ctx context.Context, tx *sql.Tx, id ProviderIdentity) (*providerAccount, string, error) {
	bySubject, err := findProviderTx(ctx, tx, `u.issuer = ? AND u.subject = ?`, id.Issuer, id.Subject)
	if err != nil {
		return nil, "", err
	}
	var byObject *providerAccount
	if id.ObjectID != "" {
		if byObject, err = findProviderTx(ctx, tx, `u.tenant_id = ? AND u.object_id = ?`, id.TenantID, id.ObjectID); err != nil {
			return nil, "", err
		}
	}
	switch {
	case bySubject != nil && byObject != nil && bySubject.ID != byObject.ID:
		return bySubject, RefusedIdentityConflict, nil
	case bySubject != nil:
		if id.ObjectID != "" && bySubject.objectID != "" && (bySubject.objectID != id.ObjectID || bySubject.tenantID != id.TenantID) {
			return bySubject, RefusedIdentityConflict, nil
		}
		return bySubject, "", nil
	case byObject != nil:
		if byObject.issuer != id.Issuer {
			return byObject, RefusedIdentityConflict, nil
		}
		return byObject, "", nil
	case id.EmailVerified && id.Email != "":
		pending, err := findProviderTx(ctx, tx, `u.subject = '' AND u.email = ?`, id.Email)
		return pending, "", err
	}
	return nil, "", nil
}

// admissible returns why a matched account (nil for a new person) may not
// sign in, or "" when it may.
func admissible(a *providerAccount, in ProviderSignIn) string {
	switch {
	case a == nil && in.PrecreatedOnly:
		return RefusedNotPrecreated
	case a != nil && !a.Active:
		return RefusedDeactivated
	case in.Role == "":
		return RefusedNoRole
	}
	return ""
}
