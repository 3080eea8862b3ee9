package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"

	"followup/cmd/followup/internal/sso"
)

// oidcFlags are the settings of sign-in through the municipality's
// identity provider; without an issuer it is off and only local accounts
// sign in.
type oidcFlags struct {
	issuer, clientID, secretFile, redirectURL, scopes, roleClaim string
	adminValues, readerValues, providerName, localSignIn         string
	precreatedOnly, accessContact                                string
}

// flags registers the provider flags, defaulting to FOLLOWUP_OIDC_*
// variables. The client secret has no flag, so that it never shows in a
// process list: it comes from a file or from FOLLOWUP_OIDC_CLIENT_SECRET.
func (o *oidcFlags) flags(fs *flag.FlagSet, e env) {
	def := func(name string) string { return e.getenv(name) }
	fs.StringVar(&o.issuer, "oidc-issuer", def("FOLLOWUP_OIDC_ISSUER"), "the identity provider's issuer, such as https://login.microsoftonline.com/TENANT/v2.0; empty: sign-in through a provider is off (FOLLOWUP_OIDC_ISSUER)")
	fs.StringVar(&o.clientID, "oidc-client-id", def("FOLLOWUP_OIDC_CLIENT_ID"), "followup's client id at the provider (FOLLOWUP_OIDC_CLIENT_ID)")
	fs.StringVar(&o.secretFile, "oidc-client-secret-file", def("FOLLOWUP_OIDC_CLIENT_SECRET_FILE"), "file holding the client secret (FOLLOWUP_OIDC_CLIENT_SECRET_FILE, or the secret itself in FOLLOWUP_OIDC_CLIENT_SECRET)")
	fs.StringVar(&o.redirectURL, "oidc-redirect-url", def("FOLLOWUP_OIDC_REDIRECT_URL"), "the redirect URI registered at the provider; default BASE-URL"+sso.CallbackPath+" (FOLLOWUP_OIDC_REDIRECT_URL)")
	fs.StringVar(&o.scopes, "oidc-scopes", def("FOLLOWUP_OIDC_SCOPES"), "scopes to ask for, separated by spaces or commas; default openid profile email (FOLLOWUP_OIDC_SCOPES)")
	fs.StringVar(&o.roleClaim, "oidc-role-claim", def("FOLLOWUP_OIDC_ROLE_CLAIM"), "the claim whose values grant a role: roles (Entra app roles, the default), groups, or a dotted path such as realm_access.roles (FOLLOWUP_OIDC_ROLE_CLAIM)")
	fs.StringVar(&o.adminValues, "oidc-admin-values", def("FOLLOWUP_OIDC_ADMIN_VALUES"), "comma-separated claim values that make an admin; default followup.admin with the roles claim (FOLLOWUP_OIDC_ADMIN_VALUES)")
	fs.StringVar(&o.readerValues, "oidc-reader-values", def("FOLLOWUP_OIDC_READER_VALUES"), "comma-separated claim values that make a reader; default followup.reader with the roles claim (FOLLOWUP_OIDC_READER_VALUES)")
	fs.StringVar(&o.providerName, "oidc-provider-name", def("FOLLOWUP_OIDC_PROVIDER_NAME"), "the name on the sign-in button, \"Logga in med NAME\"; default from the issuer (FOLLOWUP_OIDC_PROVIDER_NAME)")
	fs.StringVar(&o.localSignIn, "oidc-local-signin", def("FOLLOWUP_OIDC_LOCAL_SIGNIN"), "shown (the default) or hidden: whether the sign-in page shows the form for local accounts, kept for break-glass (FOLLOWUP_OIDC_LOCAL_SIGNIN)")
	fs.StringVar(&o.precreatedOnly, "oidc-precreated-only", def("FOLLOWUP_OIDC_PRECREATED_ONLY"), "true: only people an admin pre-created an account for may sign in through the provider (FOLLOWUP_OIDC_PRECREATED_ONLY)")
	fs.StringVar(&o.accessContact, "oidc-access-contact", def("FOLLOWUP_OIDC_ACCESS_CONTACT"), "whom people without access should ask, for the no-access page (FOLLOWUP_OIDC_ACCESS_CONTACT)")
}

// config returns the provider settings, checked; a zero Config when sign-in
// through a provider is off. base is where people reach followup.
func (o *oidcFlags) config(e env, base *url.URL) (sso.Config, error) {
	hide, err := o.hideLocal()
	if err != nil {
		return sso.Config{}, err
	}
	precreated := false
	if v := strings.TrimSpace(o.precreatedOnly); v != "" {
		if precreated, err = strconv.ParseBool(v); err != nil {
			return sso.Config{}, fmt.Errorf("FOLLOWUP_OIDC_PRECREATED_ONLY %q must be true or false", o.precreatedOnly)
		}
	}
	if strings.TrimSpace(o.issuer) == "" {
		if set := o.setWithoutIssuer(hide, precreated); set != "" {
			return sso.Config{}, fmt.Errorf("%s is set but FOLLOWUP_OIDC_ISSUER is not: set the issuer to sign in through the identity provider", set)
		}
		return sso.Config{}, nil
	}
	secret, err := o.secret(e)
	if err != nil {
		return sso.Config{}, err
	}
	c := sso.Config{Issuer: strings.TrimSpace(o.issuer), ClientID: strings.TrimSpace(o.clientID), ClientSecret: secret,
		BaseURL: base, RedirectURL: strings.TrimSpace(o.redirectURL), Scopes: list(o.scopes, " ,"), RoleClaim: o.roleClaim,
		AdminValues: list(o.adminValues, ","), ReaderValues: list(o.readerValues, ","), ProviderName: o.providerName,
		HideLocal: hide, PrecreatedOnly: precreated, AccessContact: strings.TrimSpace(o.accessContact)}
	return c, c.Validate()
}

// hideLocal reads the local sign-in setting.
func (o *oidcFlags) hideLocal() (bool, error) {
	switch strings.ToLower(strings.TrimSpace(o.localSignIn)) {
	case "", "shown":
		return false, nil
	case "hidden":
		return true, nil
	}
	return false, fmt.Errorf("FOLLOWUP_OIDC_LOCAL_SIGNIN %q must be shown or hidden", o.localSignIn)
}

// setWithoutIssuer names a provider setting given without an issuer,
// which is most likely a mistake (a variable misspelled or left out).
func (o *oidcFlags) setWithoutIssuer(hide, precreated bool) string {
	switch {
	case o.clientID != "":
		return "FOLLOWUP_OIDC_CLIENT_ID"
	case o.secretFile != "":
		return "FOLLOWUP_OIDC_CLIENT_SECRET_FILE"
	case hide:
		return "FOLLOWUP_OIDC_LOCAL_SIGNIN=hidden"
	case precreated:
		return "FOLLOWUP_OIDC_PRECREATED_ONLY"
	}
	return ""
}

// secret reads the client secret from its file, or from
// FOLLOWUP_OIDC_CLIENT_SECRET; it is never printed.
func (o *oidcFlags) secret(e env) (string, error) {
	if o.secretFile == "" {
		return e.getenv("FOLLOWUP_OIDC_CLIENT_SECRET"), nil
	}
	b, err := os.ReadFile(o.secretFile)
	if err != nil {
		return "", fmt.Errorf("cannot read the OIDC client secret file %s: %w", o.secretFile, errors.Unwrap(err))
	}
	s := strings.TrimRight(string(b), "\r\n")
	if s == "" {
		return "", fmt.Errorf("the OIDC client secret file %s is empty", o.secretFile)
	}
	return s, nil
}

// list splits s at any of the separators, dropping empty items.
func list(s, seps string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// start checks the settings, makes the relying party and starts
// discovering the provider in the background, so that a provider that is
// down never delays the server's start or the local sign-in; nil when
// sign-in through a provider is off.
func (o *oidcFlags) start(ctx context.Context, e env, base *url.URL, logger *slog.Logger) (*sso.RP, error) {
	cfg, err := o.config(e, base)
	if err != nil || !cfg.Enabled() {
		return nil, err
	}
	rp, err := sso.New(cfg, logger)
	if err != nil {
		return nil, err
	}
	logger.Info("sign-in through the identity provider", "oidc", cfg)
	rp.Start(ctx)
	return rp, nil
}
