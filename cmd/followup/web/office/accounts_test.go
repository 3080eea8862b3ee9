package office_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/web/webtest"
	"followup/storage"
)

// acctFind finds an account by e-mail.
func acctFind(t *testing.T, f *webtest.Fixture, email string) (storage.User, bool) {
	t.Helper()
	users, err := f.DB.Users(context.Background())
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
func acctBearerGet(t *testing.T, f *webtest.Fixture, token, path string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, f.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := f.NewClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res
}

func TestOfficeAccounts(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	admin, _ := acctFind(t, f, demo.AdminEmail)

	t.Run("ListShowsRolesInWords", func(t *testing.T) {
		code, body := f.Get(t, f.Admin, "/kontor/konton").StatusBody()
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		doc := webtest.Parse(t, body)
		reader, _ := acctFind(t, f, demo.ReaderEmail)
		if got := webtest.Text(webtest.ByID(t, doc, fmt.Sprintf("user-%d", reader.ID))); !strings.Contains(got, "Läsare") || !strings.Contains(got, "Aktivt") {
			t.Errorf("reader row %q", got)
		}
		if got := webtest.Text(webtest.ByID(t, doc, fmt.Sprintf("user-%d", admin.ID))); !strings.Contains(got, "Samordnare") || !strings.Contains(got, "Ditt konto") {
			t.Errorf("own row %q", got)
		}
	})
	t.Run("CreateInvalidKeepsInput", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, "/kontor/konton", url.Values{"email": {"inte-en-adress"}, "name": {"Nina Ny"}, "role": {"admin"},
			"password": {"kort"}, "password2": {"annat"}})
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		doc := webtest.Parse(t, body)
		summary := webtest.ByID(t, doc, "error-summary")
		for _, f := range []string{"email", "password", "password2"} {
			if len(webtest.FindAll(summary, "a", "href=#"+f)) != 1 {
				t.Errorf("the summary does not link to %s", f)
			}
			if d, _ := webtest.LookupAttr(webtest.ByID(t, doc, f), "aria-describedby"); !strings.Contains(d, f+"-error") {
				t.Errorf("%s is not described by its error", f)
			}
		}
		if v, _ := webtest.LookupAttr(webtest.ByID(t, doc, "email"), "value"); v != "inte-en-adress" {
			t.Errorf("e-mail field holds %q", v)
		}
		if v, _ := webtest.LookupAttr(webtest.ByID(t, doc, "name"), "value"); v != "Nina Ny" {
			t.Errorf("name field holds %q", v)
		}
		if len(webtest.FindAll(doc, "input", "id=role-admin", "checked")) != 1 {
			t.Error("the chosen role was lost")
		}
		if strings.Contains(body, "value=\"kort\"") {
			t.Error("a password was sent back")
		}
		if _, ok := acctFind(t, f, "inte-en-adress"); ok {
			t.Error("an invalid account was created")
		}
	})
	t.Run("CreateAndDuplicate", func(t *testing.T) {
		form := url.Values{"email": {"Nina.Ny@exempelby.se"}, "name": {"Nina Ny"}, "role": {"reader"},
			"password": {"ett-långt-lösenord"}, "password2": {"ett-långt-lösenord"}}
		res := f.PostForm(t, f.Admin, "/kontor/konton", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		if _, ok := acctFind(t, f, "nina.ny@exempelby.se"); !ok {
			t.Fatal("the account was not created")
		}
		_, body := f.Get(t, f.Admin, res.Header.Get("Location")).StatusBody()
		if got := webtest.Text(webtest.ByID(t, webtest.Parse(t, body), "notice")); !strings.Contains(got, "nina.ny@exempelby.se") {
			t.Errorf("notice %q", got)
		}
		res = f.PostForm(t, f.Admin, "/kontor/konton", form)
		body = res.Body
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Det finns redan ett konto med den e-postadressen.") {
			t.Fatalf("duplicate: %d", res.StatusCode)
		}
	})
	t.Run("DeactivateEndsSessions", func(t *testing.T) {
		u, err := f.DB.CreateUser(ctx, "kalle@exempelby.se", "Kalle", "reader", "kalles-lösenord", "test")
		if err != nil {
			t.Fatal(err)
		}
		kalle := f.SignIn(t, "kalle@exempelby.se", "kalles-lösenord")
		res := f.PostForm(t, f.Admin, fmt.Sprintf("/kontor/konton/%d/aktiv", u.ID), url.Values{"active": {"0"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		if got, _ := acctFind(t, f, "kalle@exempelby.se"); got.Active {
			t.Fatal("still active")
		}
		r2, err := kalle.Get(f.URL + fmt.Sprintf("/kontor/omgangar/%d/matris", f.Demo.AnnualID))
		if err != nil {
			t.Fatal(err)
		}
		r2.Body.Close()
		if r2.StatusCode != http.StatusSeeOther || !strings.HasPrefix(r2.Header.Get("Location"), "/logga-in") {
			t.Errorf("a deactivated account's session still works: %d %q", r2.StatusCode, r2.Header.Get("Location"))
		}
		res = f.PostForm(t, f.Admin, fmt.Sprintf("/kontor/konton/%d/aktiv", u.ID), url.Values{"active": {"1"}})
		if got, _ := acctFind(t, f, "kalle@exempelby.se"); res.StatusCode != http.StatusSeeOther || !got.Active {
			t.Fatalf("reactivation: %d", res.StatusCode)
		}
	})
	t.Run("CannotDeactivateSelf", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, fmt.Sprintf("/kontor/konton/%d/aktiv", admin.ID), url.Values{"active": {"0"}})
		body := res.Body
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d", res.StatusCode)
		}
		n := webtest.ByID(t, webtest.Parse(t, body), "notice")
		if role, _ := webtest.LookupAttr(n, "role"); role != "alert" || !strings.Contains(webtest.Text(n), "Du kan inte inaktivera ditt eget konto") {
			t.Errorf("message %q", webtest.Text(n))
		}
		if got, _ := acctFind(t, f, demo.AdminEmail); !got.Active {
			t.Fatal("the admin deactivated themselves")
		}
	})
	t.Run("ReaderRefused", func(t *testing.T) {
		if code, _ := f.Get(t, f.Reader, "/kontor/konton").StatusBody(); code != http.StatusForbidden {
			t.Errorf("status %d", code)
		}
		res := f.PostForm(t, f.Reader, "/kontor/konton", url.Values{"email": {"x@exempelby.se"}, "name": {"X"}, "role": {"admin"},
			"password": {"ett-långt-lösenord"}, "password2": {"ett-långt-lösenord"}})
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("status %d", res.StatusCode)
		}
	})
}

func TestOfficeAccountsAPIToken(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()

	t.Run("NameRequired", func(t *testing.T) {
		res := f.PostForm(t, f.Admin, "/kontor/api-nycklar", url.Values{"token_name": {"  "}})
		body := res.Body
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		if len(webtest.FindAll(webtest.ByID(t, webtest.Parse(t, body), "error-summary"), "a", "href=#token_name")) != 1 {
			t.Error("the summary does not link to the name")
		}
	})

	res := f.PostForm(t, f.Admin, "/kontor/api-nycklar", url.Values{"token_name": {"Rapportrobot"}})
	body := res.Body
	if res.StatusCode != http.StatusOK {
		t.Fatalf("create: status %d", res.StatusCode)
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("Cache-Control %q", cc)
	}
	doc := webtest.Parse(t, body)
	field := webtest.ByID(t, doc, "new_token")
	token, _ := webtest.LookupAttr(field, "value")
	if _, ro := webtest.LookupAttr(field, "readonly"); !ro || !strings.HasPrefix(token, "fu_") {
		t.Fatalf("token field: readonly %v, value %q", ro, token)
	}
	if len(webtest.FindAll(doc, "label", "for=new_token")) != 1 {
		t.Error("the token field has no label")
	}
	if !strings.Contains(body, "Den visas inte igen") {
		t.Error("no warning that the token is shown once")
	}

	t.Run("ShownOnce", func(t *testing.T) {
		_, body := f.Get(t, f.Admin, "/kontor/konton").StatusBody()
		if strings.Contains(body, token) {
			t.Fatal("the token is shown again")
		}
		if !strings.Contains(body, "Rapportrobot") {
			t.Error("the token is not listed")
		}
	})
	t.Run("WorksAsBearer", func(t *testing.T) {
		if r := acctBearerGet(t, f, token, "/kontor"); r.StatusCode != http.StatusOK {
			t.Errorf("GET /kontor with the token: %d", r.StatusCode)
		}
		if r := acctBearerGet(t, f, token, fmt.Sprintf("/kontor/omgangar/%d/matris", f.Demo.AnnualID)); r.StatusCode != http.StatusOK {
			t.Errorf("GET matrix with the token: %d", r.StatusCode)
		}
	})
	t.Run("RevokedStopsWorking", func(t *testing.T) {
		tokens, err := f.DB.APITokens(ctx)
		if err != nil || len(tokens) != 1 {
			t.Fatalf("tokens %v %v", tokens, err)
		}
		res := f.PostForm(t, f.Admin, fmt.Sprintf("/kontor/api-nycklar/%d/aterkalla", tokens[0].ID), nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("revoke: %d", res.StatusCode)
		}
		_, body := f.Get(t, f.Admin, res.Header.Get("Location")).StatusBody()
		if got := webtest.Text(webtest.ByID(t, webtest.Parse(t, body), "notice")); !strings.Contains(got, "Rapportrobot") {
			t.Errorf("notice %q", got)
		}
		if r := acctBearerGet(t, f, token, "/kontor"); r.StatusCode != http.StatusSeeOther {
			t.Errorf("a revoked token still works: %d", r.StatusCode)
		}
	})
	t.Run("ForAnotherAccount", func(t *testing.T) {
		reader, _ := acctFind(t, f, demo.ReaderEmail)
		res := f.PostForm(t, f.Admin, "/kontor/api-nycklar", url.Values{"token_name": {"Läsrobot"}, "token_user": {fmt.Sprint(reader.ID)}})
		body := res.Body
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		tok, _ := webtest.LookupAttr(webtest.ByID(t, webtest.Parse(t, body), "new_token"), "value")
		// The token acts as the reader: it sees pages but changes nothing.
		if r := acctBearerGet(t, f, tok, "/kontor/konton"); r.StatusCode != http.StatusForbidden {
			t.Errorf("a reader's token on an admin page: %d", r.StatusCode)
		}
	})
}
