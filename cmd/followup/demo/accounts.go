package demo

import (
	"context"

	"followup/forms"
	"followup/storage"
)

// ensureAccounts creates the demo's coordinator and reader unless they
// exist already.
func ensureAccounts(ctx context.Context, db *storage.DB) error {
	for _, a := range []struct{ email, name, role, pass string }{
		{AdminEmail, "Sanna Samordnare", storage.RoleAdmin, AdminPassword},
		{ReaderEmail, "Rolf Revisor", storage.RoleReader, ReaderPass},
	} {
		_, err := db.CreateUser(ctx, a.email, a.name, a.role, a.pass, "demo")
		if err != nil && forms.ErrorCode(err) != forms.ECONFLICT {
			return err
		}
	}
	return nil
}
