package archtest

import (
	"slices"
	"strings"
	"testing"
)

// TestTestProviderStaysInTests keeps the in-process OpenID provider, and
// the zitadel/oidc library it is built with, out of every program: only
// the test provider itself may depend on it, and tests import that. The
// relying party uses go-oidc and x/oauth2 alone.
func TestTestProviderStaysInTests(t *testing.T) {
	for _, p := range list(t, "followup/...") {
		if p.ImportPath == "followup/cmd/internal/oidctest" {
			continue
		}
		for _, d := range append(slices.Clone(p.Deps), p.Imports...) {
			if strings.HasPrefix(d, "github.com/zitadel/oidc/") || d == "followup/cmd/internal/oidctest" {
				t.Errorf("%s depends on %s", p.ImportPath, d)
				break
			}
		}
	}
}
