package sso

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"followup/storage"
)

// Result is a verified sign-in at the provider.
type Result struct {
	// SignIn is who signed in and the role the claims grant (possibly
	// none), for storage.DB.SignInWithProvider, which decides.
	SignIn storage.ProviderSignIn
	// Next is the local page to go to once signed in.
	Next string
}

// Finish completes a sign-in on the provider's redirect to CallbackPath.
// It clears the flow cookie on w and takes the flow it names, which works
// once; checks the state; exchanges the code with the PKCE verifier;
// verifies the ID token with go-oidc (signature against the provider's
// keys, never "alg": "none"; issuer; audience, and azp when there are
// several; expiry) and its nonce; and reads the identity and role from its
// claims. Every failure is an *Error with its Reason.
func (rp *RP) Finish(w http.ResponseWriter, r *http.Request) (Result, error) {
	http.SetCookie(w, rp.cookie("", -1))
	ck, err := r.Cookie(CookieName)
	if err != nil || ck.Value == "" {
		return Result{}, fail(ReasonStateMissing, nil)
	}
	f, ok := rp.flows.take(ck.Value, rp.now())
	if !ok {
		return Result{}, fail(ReasonStateUnknown, nil)
	}
	q := r.URL.Query()
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(f.state)) != 1 {
		return Result{}, fail(ReasonStateMismatch, nil)
	}
	if e := q.Get("error"); e != "" {
		return Result{}, fail(ReasonProviderError, fmt.Errorf("%.80s: %.200s", e, q.Get("error_description")))
	}
	if q.Get("code") == "" {
		return Result{}, fail(ReasonProviderError, errors.New("the callback has no code"))
	}
	p, err := rp.discover(r.Context())
	if err != nil {
		return Result{}, err
	}
	ctx, cancel := rp.httpContext(r.Context())
	defer cancel()
	tok, err := rp.oauth2Config(p).Exchange(ctx, q.Get("code"), oauth2.VerifierOption(f.verifier))
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			return Result{}, fail(ReasonExchange, fmt.Errorf("the token endpoint answered %d %.80s", re.Response.StatusCode, re.ErrorCode))
		}
		return Result{}, fail(ReasonUnavailable, err)
	}
	idt, err := rp.verify(ctx, p, tok, f.nonce)
	if err != nil {
		return Result{}, err
	}
	in, err := rp.signIn(idt)
	if err != nil {
		return Result{}, err
	}
	return Result{SignIn: in, Next: f.next}, nil
}

// verify checks the ID token of a token response.
func (rp *RP) verify(ctx context.Context, p *oidc.Provider, tok *oauth2.Token, nonce string) (*oidc.IDToken, error) {
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return nil, fail(ReasonTokenInvalid, errors.New("the token response has no ID token"))
	}
	idt, err := p.Verifier(&oidc.Config{ClientID: rp.cfg.ClientID, Now: rp.now}).Verify(ctx, raw)
	if err != nil {
		return nil, fail(ReasonTokenInvalid, err)
	}
	if len(idt.Audience) > 1 {
		var c struct {
			AZP string `json:"azp"`
		}
		if idt.Claims(&c) != nil || c.AZP != rp.cfg.ClientID || !slices.Contains(idt.Audience, rp.cfg.ClientID) {
			return nil, fail(ReasonTokenInvalid, errors.New("the ID token has several audiences and is not authorized for this client"))
		}
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(nonce)) != 1 {
		return nil, fail(ReasonNonceMismatch, nil)
	}
	if idt.AccessTokenHash != "" {
		if err := idt.VerifyAccessToken(tok.AccessToken); err != nil {
			return nil, fail(ReasonTokenInvalid, err)
		}
	}
	return idt, nil
}
