package sso

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Paths the web layer serves for sign-in through the provider, and the
// cookie that ties a sign-in under way to the browser that began it.
const (
	StartPath    = "/logga-in/oidc"          // GET ?next=PATH: Begin, then 303 to the provider
	CallbackPath = "/logga-in/oidc/callback" // GET: Finish; the redirect URI registered at the provider
	CookieName   = "followup_oidc"
)

// Defaults of Config, for Entra ID app roles.
const (
	DefaultRoleClaim   = "roles"
	DefaultAdminValue  = "followup.admin"
	DefaultReaderValue = "followup.reader"
)

// Config is how followup signs people in through the municipality's
// identity provider. An empty Issuer means sign-in through a provider is
// off, and only local accounts sign in.
type Config struct {
	// Issuer is the provider's issuer identifier, which its discovery
	// document must repeat exactly, such as
	// https://login.microsoftonline.com/<tenant>/v2.0.
	Issuer       string
	ClientID     string
	ClientSecret string // never printed or logged
	// BaseURL is where people reach followup: RedirectURL defaults to
	// CallbackPath under it, PostLogoutURL to its root.
	BaseURL                    *url.URL
	RedirectURL, PostLogoutURL string
	// Scopes asked for; openid is always among them. Default: openid
	// profile email.
	Scopes []string
	// RoleClaim names the claim whose values grant a role: roles (Entra
	// app roles, the default) or groups; a dotted name such as
	// realm_access.roles reaches into an object. AdminValues and
	// ReaderValues are the values that make an admin and a reader.
	RoleClaim                 string
	AdminValues, ReaderValues []string
	// ProviderName is shown on the button, "Logga in med <ProviderName>".
	ProviderName string
	// HideLocal hides the local sign-in form, kept for break-glass.
	HideLocal bool
	// PrecreatedOnly lets in only people an admin pre-created an account
	// for.
	PrecreatedOnly bool
	// AccessContact is whom people without access should ask, for the
	// no-access page; empty: the page names no one.
	AccessContact string
	// HTTPClient talks to the provider; default a plain client. Timeout
	// bounds each call (default 10 s), Recheck is how old discovery may be
	// before Begin checks the provider is there (default 1 min), and
	// FlowLifetime how long a sign-in may take at the provider (default
	// 10 min).
	HTTPClient                     *http.Client
	Timeout, Recheck, FlowLifetime time.Duration
}

// Enabled reports whether sign-in through a provider is set up.
func (c Config) Enabled() bool { return c.Issuer != "" }

// LogValue shows the settings in the log, never the secret.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(slog.String("issuer", c.Issuer), slog.String("client_id", c.ClientID),
		slog.String("redirect_url", c.RedirectURL), slog.Any("scopes", c.Scopes), slog.String("role_claim", c.RoleClaim),
		slog.Any("admin_values", c.AdminValues), slog.Any("reader_values", c.ReaderValues),
		slog.Bool("local_hidden", c.HideLocal), slog.Bool("precreated_only", c.PrecreatedOnly))
}

// Validate fills in the defaults and checks an enabled configuration,
// naming every problem at once.
func (c *Config) Validate() error {
	if !c.Enabled() {
		return nil
	}
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if err := checkURL(c.Issuer); err != nil {
		bad("the OIDC issuer %q %v", c.Issuer, err)
	} else if u, _ := url.Parse(c.Issuer); u.RawQuery != "" || u.Fragment != "" {
		bad("the OIDC issuer %q must have no query or fragment", c.Issuer)
	}
	if strings.TrimSpace(c.ClientID) == "" {
		bad("the OIDC client id is missing (FOLLOWUP_OIDC_CLIENT_ID)")
	}
	if c.ClientSecret == "" {
		bad("the OIDC client secret is missing (FOLLOWUP_OIDC_CLIENT_SECRET_FILE)")
	}
	c.defaults()
	if err := checkURL(c.RedirectURL); err != nil {
		bad("the OIDC redirect URL %q %v", c.RedirectURL, err)
	} else if u, _ := url.Parse(c.RedirectURL); !strings.HasSuffix(u.Path, CallbackPath) {
		bad("the OIDC redirect URL %q must end in %s, where followup answers the provider", c.RedirectURL, CallbackPath)
	}
	if err := checkURL(c.PostLogoutURL); err != nil {
		bad("the post-logout URL %q %v", c.PostLogoutURL, err)
	}
	if len(c.AdminValues) == 0 && len(c.ReaderValues) == 0 {
		bad("no value of the claim %q grants a role: set FOLLOWUP_OIDC_ADMIN_VALUES and FOLLOWUP_OIDC_READER_VALUES", c.RoleClaim)
	}
	for _, v := range c.AdminValues {
		if slices.Contains(c.ReaderValues, v) {
			bad("the value %q is both an admin and a reader value", v)
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// defaults fills in what was left out.
func (c *Config) defaults() {
	if c.RedirectURL == "" && c.BaseURL != nil {
		c.RedirectURL = strings.TrimRight(c.BaseURL.String(), "/") + CallbackPath
	}
	if c.PostLogoutURL == "" {
		if c.BaseURL != nil {
			c.PostLogoutURL = strings.TrimRight(c.BaseURL.String(), "/") + "/"
		} else if u, err := url.Parse(c.RedirectURL); err == nil {
			c.PostLogoutURL = u.Scheme + "://" + u.Host + "/"
		}
	}
	scopes := []string{"openid"}
	if len(c.Scopes) == 0 {
		c.Scopes = []string{"openid", "profile", "email"}
	}
	for _, s := range c.Scopes {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(scopes, s) {
			scopes = append(scopes, s)
		}
	}
	c.Scopes = scopes
	if c.RoleClaim = strings.TrimSpace(c.RoleClaim); c.RoleClaim == "" {
		c.RoleClaim = DefaultRoleClaim
	}
	if c.RoleClaim == DefaultRoleClaim && len(c.AdminValues) == 0 && len(c.ReaderValues) == 0 {
		c.AdminValues, c.ReaderValues = []string{DefaultAdminValue}, []string{DefaultReaderValue}
	}
	if c.ProviderName = strings.TrimSpace(c.ProviderName); c.ProviderName == "" {
		c.ProviderName = defaultName(c.Issuer)
	}
	for d, v := range map[*time.Duration]time.Duration{&c.Timeout: 10 * time.Second, &c.Recheck: time.Minute, &c.FlowLifetime: 10 * time.Minute} {
		if *d <= 0 {
			*d = v
		}
	}
}

// defaultName names the provider after its host, and Entra ID as such.
func defaultName(issuer string) string {
	u, err := url.Parse(issuer)
	if err != nil {
		return issuer
	}
	if strings.HasPrefix(u.Hostname(), "login.microsoftonline.") {
		return "Microsoft Entra ID"
	}
	return u.Hostname()
}

// checkURL accepts an absolute https URL, or http on loopback, where
// tests and a trial on one machine run.
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http"):
		return errors.New("must be an absolute https URL")
	case u.Scheme == "http" && !loopback(u.Hostname()):
		return errors.New("must use https (http only on loopback)")
	}
	return nil
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
