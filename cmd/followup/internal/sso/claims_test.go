package sso

import (
	"slices"
	"testing"
)

// TestClaimValues reads a role claim as a list, a single string, or a
// dotted path into nested objects, as Keycloak sends realm roles.
func TestClaimValues(t *testing.T) {
	claims := map[string]any{
		"roles":        []any{"followup.admin", 7, " followup.reader "},
		"group":        "grp-1",
		"realm_access": map[string]any{"roles": []any{"followup-admin"}},
		"a.b":          []any{"top-level wins"},
		"a":            map[string]any{"b": []any{"nested"}},
	}
	for name, want := range map[string][]string{
		"roles":              {"followup.admin", "followup.reader"},
		"group":              {"grp-1"},
		"realm_access.roles": {"followup-admin"},
		"a.b":                {"top-level wins"},
		"missing":            nil,
		"missing.path":       nil,
		"group.deeper":       nil,
	} {
		if got := claimValues(claims, name); !slices.Equal(got, want) {
			t.Errorf("claimValues(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestEntraIssuer trusts tid and oid only from an Entra ID v2 issuer of
// the same tenant.
func TestEntraIssuer(t *testing.T) {
	const tid = "4A8B2C1D-0000-4000-8000-000000000001"
	for issuer, want := range map[string]bool{
		"https://login.microsoftonline.com/4a8b2c1d-0000-4000-8000-000000000001/v2.0": true,
		"https://login.microsoftonline.us/4a8b2c1d-0000-4000-8000-000000000001/v2.0/": true,
		"https://login.microsoftonline.com/ffffffff-0000-4000-8000-000000000001/v2.0": false,
		"https://sts.windows.net/4a8b2c1d-0000-4000-8000-000000000001/":               false,
		"https://keycloak.exempelby.se/realms/kommun":                                 false,
	} {
		if got := entraIssuer(issuer, tid); got != want {
			t.Errorf("entraIssuer(%q) = %v, want %v", issuer, got, want)
		}
	}
}

// TestTruth reads booleans some providers send as strings.
func TestTruth(t *testing.T) {
	for v, want := range map[any]bool{true: true, false: false, "true": true, "True": true, "false": false, "1": false, nil: false} {
		if got := truth(v); got != want {
			t.Errorf("truth(%v) = %v", v, got)
		}
	}
}

// TestLocalPath keeps the page a sign-in returns to on this site,
// whatever the browser would make of the text.
func TestLocalPath(t *testing.T) {
	for _, tc := range []struct{ next, want string }{
		{"/kontor/omgangar/2", "/kontor/omgangar/2"},
		{"/kontor?lage=utkast#x", "/kontor?lage=utkast#x"},
		{"", "/fallback"},
		{"kontor", "/fallback"},
		{"//evil.example", "/fallback"},
		{"/\\evil.example", "/fallback"},
		{"/\t/evil.example", "/fallback"},
		{"/\n/evil.example", "/fallback"},
		{"/ /evil.example", "/fallback"},
		{"https://evil.example/", "/fallback"},
		{"/%2F/evil.example", "/fallback"},
		{"///evil.example", "/fallback"},
		{"javascript:alert(1)", "/fallback"},
	} {
		if got := LocalPath(tc.next, "/fallback"); got != tc.want {
			t.Errorf("LocalPath(%q) = %q, want %q", tc.next, got, tc.want)
		}
	}
}
