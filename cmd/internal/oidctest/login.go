package oidctest

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"

	"github.com/zitadel/oidc/v3/pkg/op"
)

// loginPage is the provider's own sign-in form: one field for the user's
// name, as plain as a test in Chromium needs it.
var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Testleverantören – logga in</title></head>
<body><main><h1>Testleverantören</h1>
{{if .Error}}<p role="alert">{{.Error}}</p>{{end}}
<form method="post" action="{{.Action}}">
<input type="hidden" name="id" value="{{.ID}}">
<label for="username">Användarnamn</label>
<input id="username" name="username" autocomplete="username">
<button type="submit">Logga in</button>
</form></main></body></html>`))

// login shows the form (GET) and signs the named user in (POST), sending
// the browser on to the op package's callback, which issues the code.
func (p *Provider) login(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	data := struct{ ID, Action, Error string }{ID: id, Action: p.prefix + "/login"}
	if r.Method == http.MethodPost {
		if err := p.store.complete(id, r.PostFormValue("username")); err == nil {
			http.Redirect(w, r, op.AuthCallbackURL(p.op)(r.Context(), id), http.StatusFound)
			return
		}
		data.Error = "Okänt användarnamn."
		w.WriteHeader(http.StatusUnauthorized)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	loginPage.Execute(w, data)
}

// Login submits the login form that page (a response ending at the
// provider's form) shows, as the user with the given subject, with client
// c, which follows the redirects back to the relying party as a browser
// would; it returns the relying party's answer.
func (p *Provider) Login(c *http.Client, page *http.Response, subject string) (*http.Response, error) {
	id := page.Request.URL.Query().Get("id")
	if page.Request.URL.Host != p.addr || id == "" {
		return nil, fmt.Errorf("oidctest: %s is not the provider's login form", page.Request.URL)
	}
	return c.PostForm(p.Issuer+"/login", url.Values{"id": {id}, "username": {subject}})
}

// SignIn plays the browser at the provider: it opens authURL (the address
// the relying party sent the browser to), signs in as the user with the
// given subject on the login form, and returns the address the provider
// then sends the browser to, without opening it: the relying party's
// redirect URI with the code and state, or with an error.
func (p *Provider) SignIn(authURL, subject string) (*url.URL, error) {
	c := &http.Client{CheckRedirect: func(req *http.Request, _ []*http.Request) error {
		if req.URL.Host != p.addr {
			return http.ErrUseLastResponse
		}
		return nil
	}}
	resp, err := c.Get(authURL)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if loc, err := resp.Location(); err == nil {
		return loc, nil // the provider answered the relying party at once, with an error
	}
	id := resp.Request.URL.Query().Get("id")
	if resp.StatusCode != http.StatusOK || id == "" {
		return nil, fmt.Errorf("oidctest: the authorization request led to %s %s", resp.Status, resp.Request.URL)
	}
	resp, err = c.PostForm(p.Issuer+"/login", url.Values{"id": {id}, "username": {subject}})
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	loc, err := resp.Location()
	if err != nil {
		return nil, errors.New("oidctest: the login form refused " + subject + ": " + resp.Status)
	}
	return loc, nil
}
