package sso

import (
	"errors"
	"slices"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"

	"followup/storage"
)

// signIn reads who signed in, and the role their claims grant, from a
// verified ID token.
func (rp *RP) signIn(idt *oidc.IDToken) (storage.ProviderSignIn, error) {
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return storage.ProviderSignIn{}, fail(ReasonTokenInvalid, err)
	}
	id := storage.ProviderIdentity{Issuer: idt.Issuer, Subject: idt.Subject, Email: text(claims["email"]),
		EmailVerified: truth(claims["email_verified"]), Name: text(claims["name"])}
	if id.Name == "" {
		id.Name = strings.TrimSpace(text(claims["given_name"]) + " " + text(claims["family_name"]))
	}
	if tid := text(claims["tid"]); tid != "" && entraIssuer(idt.Issuer, tid) {
		id.TenantID, id.ObjectID = tid, text(claims["oid"])
		if id.Email == "" && strings.Contains(text(claims["preferred_username"]), "@") {
			id.Email = text(claims["preferred_username"])
		}
		// Entra ID sends no email_verified; xms_edov, when the token
		// configuration asks for it, says the e-mail's domain owner is
		// verified.
		id.EmailVerified = truth(claims["xms_edov"])
	}
	values := claimValues(claims, rp.cfg.RoleClaim)
	if len(values) == 0 && overage(claims, rp.cfg.RoleClaim) {
		return storage.ProviderSignIn{}, fail(ReasonGroupsOverage, errors.New("the token refers to the "+rp.cfg.RoleClaim+" claim instead of holding it"))
	}
	return storage.ProviderSignIn{Identity: id, Role: rp.role(values), PrecreatedOnly: rp.cfg.PrecreatedOnly}, nil
}

// role is the role the values of the role claim grant: admin before
// reader, none when neither list holds a value.
func (rp *RP) role(values []string) string {
	switch {
	case slices.ContainsFunc(values, func(v string) bool { return slices.Contains(rp.cfg.AdminValues, v) }):
		return storage.RoleAdmin
	case slices.ContainsFunc(values, func(v string) bool { return slices.Contains(rp.cfg.ReaderValues, v) }):
		return storage.RoleReader
	}
	return ""
}

// entraIssuer reports whether issuer is an Entra ID v2 issuer of tenant
// tid (https://login.microsoftonline.com/<tid>/v2.0, or the same path on
// another Microsoft cloud): only then are tid and oid Entra's, which no
// user can set, and trusted to identify a person.
func entraIssuer(issuer, tid string) bool {
	return strings.HasSuffix(strings.ToLower(strings.TrimRight(issuer, "/")), "/"+strings.ToLower(tid)+"/v2.0")
}

// claimValues returns the string values of a claim: a list or a single
// string, at the top level or, for a dotted name not found there, inside
// nested objects (realm_access.roles).
func claimValues(claims map[string]any, name string) []string {
	v, ok := claims[name]
	if !ok && strings.Contains(name, ".") {
		var cur any = claims
		for _, part := range strings.Split(name, ".") {
			m, _ := cur.(map[string]any)
			cur = m[part]
		}
		v = cur
	}
	switch v := v.(type) {
	case string:
		return []string{strings.TrimSpace(v)}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, strings.TrimSpace(s))
			}
		}
		return out
	}
	return nil
}

// overage reports whether the token names the claim in _claim_names
// instead of holding it, as Entra ID does past 200 groups.
func overage(claims map[string]any, name string) bool {
	names, _ := claims["_claim_names"].(map[string]any)
	_, ok := names[name]
	return ok
}

func text(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

// truth reads a boolean claim that some providers send as a string.
func truth(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(v, "true")
	}
	return false
}
