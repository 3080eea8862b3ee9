package main

import (
	"context"
	"flag"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"followup/cmd/followup/internal/sso"
	"followup/storage"
)

// oidcConfig reads the provider settings from an environment, as serve
// does, with the base URL https://uppfoljning.exempelby.se.
func oidcConfig(t *testing.T, vars map[string]string, args ...string) (sso.Config, error) {
	t.Helper()
	e := env{getenv: func(k string) string { return vars[k] }, stderr: io.Discard}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var o oidcFlags
	o.flags(fs, e)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://uppfoljning.exempelby.se")
	return o.config(e, base)
}

// TestOIDCConfig reads FOLLOWUP_OIDC_* and the flags, derives what it
// can from the base URL, and stops the server with a clear message for
// settings that cannot work, never showing the client secret.
func TestOIDCConfig(t *testing.T) {
	secretFile := filepath.Join(t.TempDir(), "oidc-secret")
	if err := os.WriteFile(secretFile, []byte("hemlig-klienthemlighet\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	entra := map[string]string{
		"FOLLOWUP_OIDC_ISSUER":             "https://login.microsoftonline.com/4a8b2c1d-0000-4000-8000-000000000001/v2.0",
		"FOLLOWUP_OIDC_CLIENT_ID":          "6f1e0c6a-1111-2222-3333-444444444444",
		"FOLLOWUP_OIDC_CLIENT_SECRET_FILE": secretFile,
	}
	with := func(more map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range entra {
			out[k] = v
		}
		for k, v := range more {
			out[k] = v
		}
		return out
	}

	t.Run("Off", func(t *testing.T) {
		if c, err := oidcConfig(t, nil); err != nil || c.Enabled() {
			t.Errorf("no settings: %v, %+v", err, c)
		}
	})
	t.Run("Entra", func(t *testing.T) {
		c, err := oidcConfig(t, with(map[string]string{"FOLLOWUP_OIDC_LOCAL_SIGNIN": "hidden", "FOLLOWUP_OIDC_PRECREATED_ONLY": "true"}))
		if err != nil {
			t.Fatal(err)
		}
		if c.ClientSecret != "hemlig-klienthemlighet" || c.RedirectURL != "https://uppfoljning.exempelby.se/logga-in/oidc/callback" ||
			!c.HideLocal || !c.PrecreatedOnly || c.ProviderName != "Microsoft Entra ID" || !slices.Equal(c.AdminValues, []string{"followup.admin"}) {
			t.Errorf("config = %+v", c)
		}
	})
	t.Run("GroupsAndFlags", func(t *testing.T) {
		c, err := oidcConfig(t, with(map[string]string{"FOLLOWUP_OIDC_ROLE_CLAIM": "groups", "FOLLOWUP_OIDC_READER_VALUES": "grp-2, grp-3"}),
			"--oidc-admin-values", "grp-1", "--oidc-scopes", "openid email", "--oidc-provider-name", "Exempelby kommun")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(c.AdminValues, []string{"grp-1"}) || !slices.Equal(c.ReaderValues, []string{"grp-2", "grp-3"}) ||
			!slices.Equal(c.Scopes, []string{"openid", "email"}) || c.ProviderName != "Exempelby kommun" {
			t.Errorf("config = %+v", c)
		}
	})
	t.Run("SecretFromEnvironment", func(t *testing.T) {
		vars := with(map[string]string{"FOLLOWUP_OIDC_CLIENT_SECRET_FILE": "", "FOLLOWUP_OIDC_CLIENT_SECRET": "från-miljön"})
		if c, err := oidcConfig(t, vars); err != nil || c.ClientSecret != "från-miljön" {
			t.Errorf("%v, %+v", err, c)
		}
	})
	for _, tc := range []struct {
		name string
		vars map[string]string
		want string
	}{
		{"ErrLocalSignIn", with(map[string]string{"FOLLOWUP_OIDC_LOCAL_SIGNIN": "off"}), "shown or hidden"},
		{"ErrPrecreatedOnly", with(map[string]string{"FOLLOWUP_OIDC_PRECREATED_ONLY": "kanske"}), "true or false"},
		{"ErrClientWithoutIssuer", map[string]string{"FOLLOWUP_OIDC_CLIENT_ID": "x"}, "FOLLOWUP_OIDC_ISSUER is not"},
		{"ErrHiddenWithoutIssuer", map[string]string{"FOLLOWUP_OIDC_LOCAL_SIGNIN": "hidden"}, "FOLLOWUP_OIDC_LOCAL_SIGNIN=hidden"},
		{"ErrNoSecretFile", with(map[string]string{"FOLLOWUP_OIDC_CLIENT_SECRET_FILE": "/nonexistent/secret"}), "/nonexistent/secret"},
		{"ErrNoSecret", with(map[string]string{"FOLLOWUP_OIDC_CLIENT_SECRET_FILE": ""}), "client secret is missing"},
		{"ErrPlainHTTP", with(map[string]string{"FOLLOWUP_OIDC_ISSUER": "http://idp.exempelby.se"}), "https"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := oidcConfig(t, tc.vars)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one naming %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "hemlig-klienthemlighet") {
				t.Errorf("the error shows the secret: %v", err)
			}
		})
	}
}

// TestServeWithProviderDown starts the server although the identity
// provider cannot be reached: the server listens, says so in the log
// without the client secret, and keeps serving.
func TestServeWithProviderDown(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"FOLLOWUP_SECRET": cliSecret, "FOLLOWUP_OIDC_ISSUER": "http://127.0.0.1:1",
		"FOLLOWUP_OIDC_CLIENT_ID": "followup", "FOLLOWUP_OIDC_CLIENT_SECRET": "hemlig-klienthemlighet"}
	var stdout, stderr lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", filepath.Join(dir, "f.db")},
			func(k string) string { return vars[k] }, strings.NewReader(""), &stdout, &stderr)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(stderr.String(), "identity provider unreachable") ||
		!strings.Contains(stderr.String(), `"msg":"listening"`); {
		if time.Now().After(deadline) {
			t.Fatalf("no word of the provider in the log:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	log := stderr.String()
	if strings.Contains(log, "hemlig-klienthemlighet") {
		t.Fatalf("log:\n%s", log)
	}
	addr := log[strings.Index(log, `"listening","addr":"`)+len(`"listening",`):]
	addr = addr[strings.Index(addr, `"addr":"`)+len(`"addr":"`):]
	addr = addr[:strings.Index(addr, `"`)]
	res, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("healthz = %s", res.Status)
	}
}

// TestCLIUserAddOIDC pre-creates an account for the identity provider:
// no password is read, and the role is the provider's to give.
func TestCLIUserAddOIDC(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	r := mustCLI(t, path, "user", "add", "--email", "Anna@Exempelby.se", "--oidc", "--name", "Anna")
	if !strings.Contains(r.stderr, "anna@exempelby.se") {
		t.Errorf("stderr = %q", r.stderr)
	}
	wantFailure(t, cli(t, path, "user", "add", "--email", "anna@exempelby.se", "--oidc"), 1, "already waits")
	wantFailure(t, cli(t, path, "user", "add", "--email", "bo@exempelby.se", "--oidc", "--role", "admin"), 2, "usage")
	db, err := storage.Open(context.Background(), path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	users, _ := db.Users(context.Background())
	if len(users) != 1 || users[0].Auth != storage.AuthOIDC || !users[0].Pending {
		t.Errorf("users = %+v", users)
	}
}
