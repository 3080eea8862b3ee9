package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"followup/cmd/followup/demo"
	"followup/storage"
)

// acctFind finds an account by e-mail.
func acctFind(t *testing.T, e *officeEnv, email string) (storage.User, bool) {
	t.Helper()
	users, err := e.db.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Email == email {
			return u, true
		}
	}
	return storage.User{}, false
}

// acctBearerGet fetches a page with an API token and no cookies.
func acctBearerGet(t *testing.T, e *officeEnv, token, path string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := e.client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

func TestOfficeAccounts(t *testing.T) {
	e := newOfficeEnv(t)
	ctx := context.Background()
	admin, _ := acctFind(t, e, demo.AdminEmail)

	t.Run("ListShowsRolesInWords", func(t *testing.T) {
		code, body := e.get(e.admin, "/kontor/konton")
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		doc := consParse(t, body)
		reader, _ := acctFind(t, e, demo.ReaderEmail)
		if got := consText(consByID(t, doc, fmt.Sprintf("user-%d", reader.ID))); !strings.Contains(got, "Läsare") || !strings.Contains(got, "Aktivt") {
			t.Errorf("reader row %q", got)
		}
		if got := consText(consByID(t, doc, fmt.Sprintf("user-%d", admin.ID))); !strings.Contains(got, "Samordnare") || !strings.Contains(got, "Ditt konto") {
			t.Errorf("own row %q", got)
		}
	})
	t.Run("CreateInvalidKeepsInput", func(t *testing.T) {
		res, body := e.post(e.admin, "/kontor/konton", url.Values{"email": {"inte-en-adress"}, "name": {"Nina Ny"}, "role": {"admin"},
			"password": {"kort"}, "password2": {"annat"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		doc := consParse(t, body)
		summary := consByID(t, doc, "error-summary")
		for _, f := range []string{"email", "password", "password2"} {
			if len(consFindAll(summary, consTag("a", "href=#"+f))) != 1 {
				t.Errorf("the summary does not link to %s", f)
			}
			if d, _ := consAttr(consByID(t, doc, f), "aria-describedby"); !strings.Contains(d, f+"-error") {
				t.Errorf("%s is not described by its error", f)
			}
		}
		if v, _ := consAttr(consByID(t, doc, "email"), "value"); v != "inte-en-adress" {
			t.Errorf("e-mail field holds %q", v)
		}
		if v, _ := consAttr(consByID(t, doc, "name"), "value"); v != "Nina Ny" {
			t.Errorf("name field holds %q", v)
		}
		if len(consFindAll(doc, consTag("input", "id=role-admin", "checked"))) != 1 {
			t.Error("the chosen role was lost")
		}
		if strings.Contains(body, "value=\"kort\"") {
			t.Error("a password was sent back")
		}
		if _, ok := acctFind(t, e, "inte-en-adress"); ok {
			t.Error("an invalid account was created")
		}
	})
	t.Run("CreateAndDuplicate", func(t *testing.T) {
		form := url.Values{"email": {"Nina.Ny@exempelby.se"}, "name": {"Nina Ny"}, "role": {"reader"},
			"password": {"ett-långt-lösenord"}, "password2": {"ett-långt-lösenord"}}
		res, _ := e.post(e.admin, "/kontor/konton", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		if _, ok := acctFind(t, e, "nina.ny@exempelby.se"); !ok {
			t.Fatal("the account was not created")
		}
		_, body := e.get(e.admin, res.Header.Get("Location"))
		if got := consText(consByID(t, consParse(t, body), "notice")); !strings.Contains(got, "nina.ny@exempelby.se") {
			t.Errorf("notice %q", got)
		}
		res, body = e.post(e.admin, "/kontor/konton", form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Det finns redan ett konto med den e-postadressen.") {
			t.Fatalf("duplicate: %d", res.StatusCode)
		}
	})
	t.Run("DeactivateEndsSessions", func(t *testing.T) {
		u, err := e.db.CreateUser(ctx, "kalle@exempelby.se", "Kalle", "reader", "kalles-lösenord", "test")
		if err != nil {
			t.Fatal(err)
		}
		kalle := e.signIn("kalle@exempelby.se", "kalles-lösenord")
		res, _ := e.post(e.admin, fmt.Sprintf("/kontor/konton/%d/aktiv", u.ID), url.Values{"active": {"0"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		if got, _ := acctFind(t, e, "kalle@exempelby.se"); got.Active {
			t.Fatal("still active")
		}
		r2, err := kalle.Get(e.srv.URL + fmt.Sprintf("/kontor/omgangar/%d/matris", e.info.AnnualID))
		if err != nil {
			t.Fatal(err)
		}
		r2.Body.Close()
		if r2.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r2.Header.Get("Location"), "/logga-in") {
			t.Errorf("a deactivated account's session still works: %d %q", r2.StatusCode, r2.Header.Get("Location"))
		}
		res, _ = e.post(e.admin, fmt.Sprintf("/kontor/konton/%d/aktiv", u.ID), url.Values{"active": {"1"}})
		if got, _ := acctFind(t, e, "kalle@exempelby.se"); res.StatusCode != http.StatusSeeOther || !got.Active {
			t.Fatalf("reactivation: %d", res.StatusCode)
		}
	})
	t.Run("CannotDeactivateSelf", func(t *testing.T) {
		res, body := e.post(e.admin, fmt.Sprintf("/kontor/konton/%d/aktiv", admin.ID), url.Values{"active": {"0"}})
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d", res.StatusCode)
		}
		n := consByID(t, consParse(t, body), "notice")
		if role, _ := consAttr(n, "role"); role != "alert" || !strings.Contains(consText(n), "Du kan inte inaktivera ditt eget konto") {
			t.Errorf("message %q", consText(n))
		}
		if got, _ := acctFind(t, e, demo.AdminEmail); !got.Active {
			t.Fatal("the admin deactivated themselves")
		}
	})
	t.Run("ReaderRefused", func(t *testing.T) {
		if code, _ := e.get(e.reader, "/kontor/konton"); code != http.StatusForbidden {
			t.Errorf("status %d", code)
		}
		res, _ := e.post(e.reader, "/kontor/konton", url.Values{"email": {"x@exempelby.se"}, "name": {"X"}, "role": {"admin"},
			"password": {"ett-långt-lösenord"}, "password2": {"ett-långt-lösenord"}})
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("status %d", res.StatusCode)
		}
	})
}

func TestOfficeAccountsAPIToken(t *testing.T) {
	e := newOfficeEnv(t)
	ctx := context.Background()

	t.Run("NameRequired", func(t *testing.T) {
		res, body := e.post(e.admin, "/kontor/api-nycklar", url.Values{"token_name": {"  "}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		if len(consFindAll(consByID(t, consParse(t, body), "error-summary"), consTag("a", "href=#token_name"))) != 1 {
			t.Error("the summary does not link to the name")
		}
	})

	res, body := e.post(e.admin, "/kontor/api-nycklar", url.Values{"token_name": {"Rapportrobot"}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("create: status %d", res.StatusCode)
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("Cache-Control %q", cc)
	}
	doc := consParse(t, body)
	field := consByID(t, doc, "new_token")
	token, _ := consAttr(field, "value")
	if _, ro := consAttr(field, "readonly"); !ro || !strings.HasPrefix(token, "fu_") {
		t.Fatalf("token field: readonly %v, value %q", ro, token)
	}
	if len(consFindAll(doc, consTag("label", "for=new_token"))) != 1 {
		t.Error("the token field has no label")
	}
	if !strings.Contains(body, "Den visas inte igen") {
		t.Error("no warning that the token is shown once")
	}

	t.Run("ShownOnce", func(t *testing.T) {
		_, body := e.get(e.admin, "/kontor/konton")
		if strings.Contains(body, token) {
			t.Fatal("the token is shown again")
		}
		if !strings.Contains(body, "Rapportrobot") {
			t.Error("the token is not listed")
		}
	})
	t.Run("WorksAsBearer", func(t *testing.T) {
		if r := acctBearerGet(t, e, token, "/kontor"); r.StatusCode != http.StatusOK {
			t.Errorf("GET /kontor with the token: %d", r.StatusCode)
		}
		if r := acctBearerGet(t, e, token, fmt.Sprintf("/kontor/omgangar/%d/matris", e.info.AnnualID)); r.StatusCode != http.StatusOK {
			t.Errorf("GET matrix with the token: %d", r.StatusCode)
		}
	})
	t.Run("RevokedStopsWorking", func(t *testing.T) {
		tokens, err := e.db.APITokens(ctx)
		if err != nil || len(tokens) != 1 {
			t.Fatalf("tokens %v %v", tokens, err)
		}
		res, _ := e.post(e.admin, fmt.Sprintf("/kontor/api-nycklar/%d/aterkalla", tokens[0].ID), nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("revoke: %d", res.StatusCode)
		}
		_, body := e.get(e.admin, res.Header.Get("Location"))
		if got := consText(consByID(t, consParse(t, body), "notice")); !strings.Contains(got, "Rapportrobot") {
			t.Errorf("notice %q", got)
		}
		if r := acctBearerGet(t, e, token, "/kontor"); r.StatusCode != http.StatusSeeOther {
			t.Errorf("a revoked token still works: %d", r.StatusCode)
		}
	})
	t.Run("ForAnotherAccount", func(t *testing.T) {
		reader, _ := acctFind(t, e, demo.ReaderEmail)
		res, body := e.post(e.admin, "/kontor/api-nycklar", url.Values{"token_name": {"Läsrobot"}, "token_user": {fmt.Sprint(reader.ID)}})
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		tok, _ := consAttr(consByID(t, consParse(t, body), "new_token"), "value")
		// The token acts as the reader: it sees pages but changes nothing.
		if r := acctBearerGet(t, e, tok, "/kontor/konton"); r.StatusCode != http.StatusForbidden {
			t.Errorf("a reader's token on an admin page: %d", r.StatusCode)
		}
	})
}
