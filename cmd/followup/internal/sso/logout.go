package sso

import "net/url"

// LogoutURL is where to send the browser after the local session of an
// account that signed in through the provider has ended, so that the
// provider ends its session too (RP-initiated logout), or "" when the
// provider's discovery document names no end_session_endpoint or the
// provider has not been reached yet. It names the client and the
// post-logout address, which must be registered at the provider; it
// sends no ID token, as followup keeps none.
func (rp *RP) LogoutURL() string {
	rp.mu.Lock()
	end := rp.endSession
	rp.mu.Unlock()
	u, err := url.Parse(end)
	if end == "" || err != nil {
		return ""
	}
	q := u.Query()
	q.Set("client_id", rp.cfg.ClientID)
	q.Set("post_logout_redirect_uri", rp.cfg.PostLogoutURL)
	u.RawQuery = q.Encode()
	return u.String()
}
