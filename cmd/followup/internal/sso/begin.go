package sso

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Begin starts a sign-in: it keeps a new state, nonce and PKCE verifier
// on the server with next (the local page to return to, DefaultNext if it
// is not a path on this site), sets the flow cookie on w, and returns the
// provider's address to send the browser to with a 303. While the
// provider cannot be reached it returns an *Error with ReasonUnavailable
// and sets no cookie.
func (rp *RP) Begin(w http.ResponseWriter, r *http.Request, next string) (string, error) {
	p, err := rp.discover(r.Context())
	if err != nil {
		return "", err
	}
	now := rp.now()
	f := flow{state: random(), nonce: random(), verifier: oauth2.GenerateVerifier(),
		next: LocalPath(next, DefaultNext), expires: now.Add(rp.cfg.FlowLifetime)}
	handle := rp.flows.put(f, now)
	http.SetCookie(w, rp.cookie(handle, int(rp.cfg.FlowLifetime.Seconds())))
	return rp.oauth2Config(p).AuthCodeURL(f.state, oidc.Nonce(f.nonce), oauth2.S256ChallengeOption(f.verifier)), nil
}

// cookie is the flow cookie: HttpOnly, sent only to the sign-in paths,
// Secure over https, and SameSite=Lax, which still lets the browser send
// it on the provider's top-level redirect back; maxAge -1 clears it.
func (rp *RP) cookie(value string, maxAge int) *http.Cookie {
	path := StartPath
	if u, err := url.Parse(rp.cfg.RedirectURL); err == nil {
		path = strings.TrimSuffix(u.Path, strings.TrimPrefix(CallbackPath, StartPath))
	}
	return &http.Cookie{Name: CookieName, Value: value, Path: path, MaxAge: maxAge, HttpOnly: true,
		Secure: strings.HasPrefix(rp.cfg.RedirectURL, "https://"), SameSite: http.SameSiteLaxMode}
}
