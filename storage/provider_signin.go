package storage

import (
	"context"
	"database/sql"
	"time"

	"followup/forms"
)

// SignInWithProvider signs in a person the identity provider has
// identified, in one transaction: it finds their account by the identity
// (never by e-mail; see matchProviderTx), or binds the account an admin
// pre-created for their verified e-mail, or creates one; it takes the role
// the claims grant and the e-mail and name they carry, recording a changed
// role or e-mail in the audit log; then it starts a session and records
// the sign-in. A refusal (no role, deactivated, not pre-created, an
// identity conflict) is recorded and returned as *SignInRefused; a person
// whose role is gone also loses every session they still have.
func (db *DB) SignInWithProvider(ctx context.Context, in ProviderSignIn) (User, string, error) {
	id := in.Identity.clean()
	if id.Issuer == "" || id.Subject == "" {
		return User{}, "", forms.Errorf(forms.EINVALID, "a provider identity needs an issuer and a subject")
	}
	if in.Role != "" && in.Role != RoleAdmin && in.Role != RoleReader {
		return User{}, "", forms.Errorf(forms.EINVALID, "unknown role %q", in.Role)
	}
	var u User
	var sid string
	var refused *SignInRefused
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		u, sid, refused = User{}, "", nil
		now := db.Now()
		acc, reason, err := matchProviderTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if reason == "" {
			reason = admissible(acc, in)
		}
		if reason != "" {
			refused = &SignInRefused{Reason: reason}
			return refuseProviderTx(ctx, tx, now, id, acc, reason)
		}
		if acc == nil {
			u, err = createProviderTx(ctx, tx, now, id, in.Role)
		} else {
			u, err = updateProviderTx(ctx, tx, now, acc, id, in.Role)
		}
		if err != nil {
			return err
		}
		if sid, err = createSessionTx(ctx, tx, now, u.ID); err != nil {
			return err
		}
		return auditTx(ctx, tx, now, u.Email, "signin.oidc", "user", u.ID, MethodOIDC+": "+id.detail())
	})
	if err != nil {
		return User{}, "", err
	}
	if refused != nil {
		return User{}, "", refused
	}
	return u, sid, nil
}

// refuseProviderTx records a refused sign-in. A known account refused for
// want of a role also has its sessions ended: the provider has taken its
// access away, and sessions must not outlast that news.
func refuseProviderTx(ctx context.Context, tx *sql.Tx, now time.Time, id ProviderIdentity, acc *providerAccount, reason string) error {
	actor, accountID := id.display(), int64(0)
	if acc != nil {
		actor, accountID = acc.Email, acc.ID
	}
	if err := auditTx(ctx, tx, now, actor, "signin.refused", "user", accountID, MethodOIDC+": "+reason+": "+id.detail()); err != nil {
		return err
	}
	if acc != nil && reason == RefusedNoRole && !acc.Pending {
		_, err := endSessionsTx(ctx, tx, now, acc.ID, actor, RefusedNoRole)
		return err
	}
	return nil
}

// createProviderTx creates the account of a person new to followup.
func createProviderTx(ctx context.Context, tx *sql.Tx, now time.Time, id ProviderIdentity, role string) (User, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO users (email, name, role, password_hash, active, created_at, auth, issuer, subject, tenant_id, object_id, bound_at, last_sign_in)
		VALUES (?, ?, ?, '', 1, ?, 'oidc', ?, ?, ?, ?, ?, ?)`,
		id.display(), id.Name, role, ts(now), id.Issuer, id.Subject, id.TenantID, id.ObjectID, ts(now), ts(now))
	if err != nil {
		return User{}, err
	}
	uid, _ := res.LastInsertId()
	u := User{ID: uid, Email: id.display(), Name: id.Name, Role: role, Active: true, CreatedAt: now, Auth: AuthOIDC, LastSignIn: now}
	return u, auditTx(ctx, tx, now, u.Email, "user.create", "user", uid, u.Email+" ("+role+"), "+MethodOIDC+": "+id.detail())
}

// updateProviderTx binds a pre-created account to the identity, follows a
// changed subject or a newly sent object id, and takes the role, e-mail
// and name of this sign-in, recording each change in the audit log.
func updateProviderTx(ctx context.Context, tx *sql.Tx, now time.Time, acc *providerAccount, id ProviderIdentity, role string) (User, error) {
	u := acc.User
	tenant, object := acc.tenantID, acc.objectID
	if id.ObjectID != "" {
		tenant, object = id.TenantID, id.ObjectID
	}
	email, name := u.Email, u.Name
	if id.Email != "" {
		email = id.Email
	}
	if id.Name != "" {
		name = id.Name
	}
	var changes []struct{ action, detail string }
	add := func(action, detail string) {
		changes = append(changes, struct{ action, detail string }{action, detail})
	}
	switch {
	case acc.subject == "":
		add("user.bind", MethodOIDC+": "+id.detail())
	case acc.subject != id.Subject || acc.objectID != object:
		add("user.identity", MethodOIDC+": "+id.detail()+" (was sub "+acc.subject+")")
	}
	if u.Role != role {
		add("user.role", u.Role+" → "+role)
	}
	if u.Email != email {
		add("user.email", u.Email+" → "+email)
	}
	_, err := tx.ExecContext(ctx, `UPDATE users SET issuer = ?, subject = ?, tenant_id = ?, object_id = ?,
		bound_at = CASE WHEN bound_at = '' THEN ? ELSE bound_at END, email = ?, name = ?, role = ?, last_sign_in = ? WHERE id = ?`,
		id.Issuer, id.Subject, tenant, object, ts(now), email, name, role, ts(now), u.ID)
	if err != nil {
		return User{}, err
	}
	for _, c := range changes {
		if err := auditTx(ctx, tx, now, email, c.action, "user", u.ID, c.detail); err != nil {
			return User{}, err
		}
	}
	u.Email, u.Name, u.Role, u.Pending, u.LastSignIn = email, name, role, false, now
	return u, nil
}

// PrecreateUser adds an account for a person who will sign in through the
// identity provider, for the setting that lets only pre-created accounts
// in. It waits, bound to nobody, for the first sign-in whose e-mail the
// provider vouches for (see ProviderIdentity.EmailVerified); from then on
// only that identity signs in to it. Its role until then is reader: at
// every sign-in the provider's claims decide it.
func (db *DB) PrecreateUser(ctx context.Context, email, name, actor string) (User, error) {
	id := ProviderIdentity{Email: email, Name: name}.clean()
	var fe forms.FieldErrors
	if id.Email == "" {
		fe.Add("email", "error.email")
	}
	if k := forms.CheckText(name, forms.MaxNameRunes); k != "" {
		fe.Add("name", k)
	}
	if err := fe.Err("invalid account"); err != nil {
		return User{}, err
	}
	var u User
	err := db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		now := db.Now()
		res, err := tx.ExecContext(ctx, `INSERT INTO users (email, name, role, password_hash, created_at, auth) VALUES (?, ?, ?, '', ?, 'oidc')`,
			id.Email, id.Name, RoleReader, ts(now))
		if err != nil {
			return err
		}
		uid, _ := res.LastInsertId()
		u = User{ID: uid, Email: id.Email, Name: id.Name, Role: RoleReader, Active: true, CreatedAt: now, Auth: AuthOIDC, Pending: true}
		return auditTx(ctx, tx, now, actor, "user.create", "user", uid, id.Email+" ("+MethodOIDC+", pre-created)")
	})
	return u, err
}
