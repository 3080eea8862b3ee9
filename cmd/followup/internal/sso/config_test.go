package sso

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// TestConfigValidate fills in defaults from the base URL and names every
// problem of a configuration that cannot work.
func TestConfigValidate(t *testing.T) {
	base, _ := url.Parse("https://uppfoljning.exempelby.se")
	ok := func() Config {
		return Config{Issuer: "https://login.microsoftonline.com/4a8b2c1d-0000-4000-8000-000000000001/v2.0", ClientID: "c", ClientSecret: "s", BaseURL: base}
	}
	t.Run("Defaults", func(t *testing.T) {
		c := ok()
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		if c.RedirectURL != "https://uppfoljning.exempelby.se/logga-in/oidc/callback" || c.PostLogoutURL != "https://uppfoljning.exempelby.se/" {
			t.Errorf("redirect %q, post-logout %q", c.RedirectURL, c.PostLogoutURL)
		}
		if !slices.Equal(c.Scopes, []string{"openid", "profile", "email"}) || c.RoleClaim != "roles" ||
			!slices.Equal(c.AdminValues, []string{DefaultAdminValue}) || !slices.Equal(c.ReaderValues, []string{DefaultReaderValue}) {
			t.Errorf("defaults = %+v", c)
		}
		if c.ProviderName != "Microsoft Entra ID" {
			t.Errorf("provider name = %q", c.ProviderName)
		}
	})
	t.Run("OpenIDAlwaysAsked", func(t *testing.T) {
		c := ok()
		c.Scopes = []string{"email", "profile", "email"}
		if c.Validate(); !slices.Equal(c.Scopes, []string{"openid", "email", "profile"}) {
			t.Errorf("scopes = %v", c.Scopes)
		}
	})
	t.Run("Off", func(t *testing.T) {
		var c Config
		if c.Enabled() || c.Validate() != nil {
			t.Error("an empty configuration is not simply off")
		}
	})
	for _, tc := range []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"ErrPlainHTTPIssuer", func(c *Config) { c.Issuer = "http://login.exempelby.se" }, "https"},
		{"ErrIssuerQuery", func(c *Config) { c.Issuer = "https://login.exempelby.se/?x=1" }, "no query"},
		{"ErrNoClientID", func(c *Config) { c.ClientID = " " }, "client id"},
		{"ErrNoSecret", func(c *Config) { c.ClientSecret = "" }, "FOLLOWUP_OIDC_CLIENT_SECRET_FILE"},
		{"ErrRedirectElsewhere", func(c *Config) { c.RedirectURL = "https://uppfoljning.exempelby.se/annat" }, CallbackPath},
		{"ErrNoBase", func(c *Config) { c.BaseURL = nil }, "redirect URL"},
		{"ErrGroupsWithoutValues", func(c *Config) { c.RoleClaim = "groups" }, "FOLLOWUP_OIDC_ADMIN_VALUES"},
		{"ErrValueInBothLists", func(c *Config) { c.AdminValues, c.ReaderValues = []string{"a", "b"}, []string{"b"} }, `"b" is both`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := ok()
			tc.change(&c)
			err := c.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate = %v, want an error naming %q", err, tc.want)
			}
			if strings.Contains(err.Error(), `"s"`) {
				t.Errorf("the error shows the secret: %v", err)
			}
		})
	}
	t.Run("LoopbackHTTPAllowed", func(t *testing.T) {
		c := Config{Issuer: "http://127.0.0.1:5556", ClientID: "c", ClientSecret: "s", RedirectURL: "http://localhost:8080" + CallbackPath}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		if c.PostLogoutURL != "http://localhost:8080/" || c.ProviderName != "127.0.0.1" {
			t.Errorf("post-logout %q, name %q", c.PostLogoutURL, c.ProviderName)
		}
	})
}

// TestConfigLogValueHidesSecret keeps the client secret out of the log.
func TestConfigLogValueHidesSecret(t *testing.T) {
	c := Config{Issuer: "https://login.exempelby.se", ClientID: "c", ClientSecret: "topphemligt"}
	if s := c.LogValue().String(); strings.Contains(s, "topphemligt") || !strings.Contains(s, "login.exempelby.se") {
		t.Errorf("LogValue = %s", s)
	}
}

// TestSecureCookieOverHTTPS marks the flow cookie Secure when followup is
// reached over https, and scopes it to the sign-in paths under the base.
func TestSecureCookieOverHTTPS(t *testing.T) {
	rp, err := New(Config{Issuer: "https://login.exempelby.se", ClientID: "c", ClientSecret: "s",
		RedirectURL: "https://kommun.se/uppfoljning" + CallbackPath}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := rp.cookie("x", 600); !c.Secure || c.Path != "/uppfoljning"+StartPath {
		t.Errorf("cookie = %+v", c)
	}
}
