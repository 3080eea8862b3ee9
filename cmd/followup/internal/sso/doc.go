// Package sso signs office staff in through the municipality's identity
// provider with OpenID Connect: the authorization code flow with PKCE,
// state and nonce, against any provider found through its discovery
// document (Microsoft Entra ID first, Keycloak and others alike).
//
// The RP here is the relying party. Begin sends the browser to the
// provider, keeping what the callback must check (state, nonce, the PKCE
// verifier and the local page to return to) on the server, under a
// short-lived HttpOnly cookie, for one use. Finish checks the callback,
// exchanges the code, verifies the ID token with go-oidc (issuer,
// audience, expiry, signature, nonce) and returns the identity and the
// role its claims grant, ready for storage.DB.SignInWithProvider.
// LogoutURL ends the session at the provider too, where it offers that.
//
// The package knows nothing of Gin: it takes and writes plain net/http
// values, so the web layer wraps it in a few lines. A provider that is
// down never blocks the server's start or the local sign-in: discovery
// runs in the background, with a timeout, and Begin answers at once with
// ReasonUnavailable while the provider cannot be reached.
package sso
