package sso

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// RP is the relying party: followup as a client of the municipality's
// identity provider. One RP serves every request; it is safe for
// concurrent use.
type RP struct {
	cfg    Config
	client *http.Client
	log    *slog.Logger
	flows  *flows
	// now is the clock; tests of the package replace it.
	now func() time.Time

	mu         sync.Mutex // held while discovering, so callers share one attempt
	provider   *oidc.Provider
	endSession string
	checked    time.Time // the last time discovery succeeded
	failedAt   time.Time // the last time it failed
	lastErr    error
}

// retryPause is how long after a failed discovery Begin answers "the
// provider is unreachable" at once instead of trying again, so that a
// provider that is down does not make every click wait for the timeout.
const retryPause = 5 * time.Second

// New checks the configuration and makes the relying party. It does not
// contact the provider: Start or the first Begin does.
func New(cfg Config, logger *slog.Logger) (*RP, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	client := cfg.HTTPClient
	if client == nil {
		// go-oidc fetches keys in the background with this client alone.
		client = &http.Client{Timeout: cfg.Timeout}
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &RP{cfg: cfg, client: client, log: logger, flows: newFlows(), now: time.Now}, nil
}

// ProviderName is the name the sign-in button shows.
func (rp *RP) ProviderName() string { return rp.cfg.ProviderName }

// HideLocal reports whether the sign-in page hides the local form.
func (rp *RP) HideLocal() bool { return rp.cfg.HideLocal }

// AccessContact is whom the no-access page tells people to ask.
func (rp *RP) AccessContact() string { return rp.cfg.AccessContact }

// Start discovers the provider in the background, trying again with a
// growing pause (up to 5 min) until it succeeds or ctx ends, and logs how
// it went. The server starts at once whatever the provider does.
func (rp *RP) Start(ctx context.Context) {
	go func() {
		pause := retryPause
		for {
			_, err := rp.discover(ctx)
			if err == nil {
				rp.log.Info("identity provider found", "issuer", rp.cfg.Issuer)
				return
			}
			rp.log.Warn("identity provider unreachable; local sign-in still works", "issuer", rp.cfg.Issuer, "error", err.Error())
			select {
			case <-ctx.Done():
				return
			case <-time.After(pause):
			}
			pause = min(2*pause, 5*time.Minute)
		}
	}()
}

// discover returns the provider, fetching its discovery document when it
// was never fetched or is older than Recheck, so that a provider that has
// gone down gives a clear error here rather than a dead page in the
// browser. It fails at once within retryPause of a failure.
func (rp *RP) discover(ctx context.Context) (*oidc.Provider, error) {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	now := rp.now()
	if rp.provider != nil && now.Sub(rp.checked) < rp.cfg.Recheck {
		return rp.provider, nil
	}
	if rp.lastErr != nil && now.Sub(rp.failedAt) < retryPause {
		return nil, fail(ReasonUnavailable, rp.lastErr)
	}
	// The provider keeps this context's values (not its deadline) for
	// fetching keys later, so it carries the client.
	dctx, cancel := context.WithTimeout(oidc.ClientContext(context.WithoutCancel(ctx), rp.client), rp.cfg.Timeout)
	defer cancel()
	p, err := oidc.NewProvider(dctx, rp.cfg.Issuer)
	if err != nil {
		rp.lastErr, rp.failedAt = err, now
		return nil, fail(ReasonUnavailable, err)
	}
	var extra struct {
		EndSession string `json:"end_session_endpoint"`
	}
	p.Claims(&extra)
	rp.provider, rp.endSession, rp.checked, rp.lastErr = p, extra.EndSession, now, nil
	return p, nil
}

// oauth2Config is the code flow's client configuration at provider p.
func (rp *RP) oauth2Config(p *oidc.Provider) *oauth2.Config {
	return &oauth2.Config{ClientID: rp.cfg.ClientID, ClientSecret: rp.cfg.ClientSecret, Endpoint: p.Endpoint(),
		RedirectURL: rp.cfg.RedirectURL, Scopes: rp.cfg.Scopes}
}

// httpContext carries the client for oauth2 and go-oidc, with the timeout.
func (rp *RP) httpContext(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx = context.WithValue(ctx, oauth2.HTTPClient, rp.client)
	ctx = oidc.ClientContext(ctx, rp.client)
	return context.WithTimeout(ctx, rp.cfg.Timeout)
}
