package office

import (
	"context"
	"errors"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/i18n"
	"followup/cmd/followup/web/site"
	"followup/forms"
	"followup/storage"
)

// accountsView is the accounts page: the office accounts, the API tokens,
// a form for each, and, right after a token is made, the token itself.
type accountsView struct {
	Users       []acctUser
	ActiveUsers []acctUser // the accounts a new token may act as
	Tokens      []storage.APIToken
	MeID        int64
	Loc         *time.Location
	Notice      string // already translated
	NoticeAlert bool   // a refusal (role=alert) rather than a confirmation
	New         acctNewForm
	Token       acctTokenForm
	Errors      []site.FieldError
	FieldErrs   map[string]string
	// NewToken is shown once, in the response to the post that made it.
	NewToken     string
	NewTokenName string
}

// acctUser is an account with its role in words.
type acctUser struct {
	storage.User
	RoleText string
}

type acctNewForm struct {
	Email string
	Name  string
	Role  string
}

type acctTokenForm struct {
	Name   string
	UserID int64
}

// acctNotices maps the ?klart= code of a redirect to its message; the
// message names the account or token given by ?id=.
var acctNotices = map[string]string{
	"konto-skapat":      "accounts.created_notice",
	"konto-inaktiverat": "accounts.deactivated_notice",
	"konto-aktiverat":   "accounts.activated_notice",
	"nyckel-aterkallad": "tokens.revoked_notice",
}

// acctLabels names the form fields in the error summary.
var acctLabels = map[string]string{
	"email": "accounts.email", "name": "accounts.name", "role": "accounts.role", "password": "accounts.password",
	"password2": "accounts.password2", "token_name": "tokens.name", "token_user": "tokens.account",
}

func (h *Handlers) loadAccounts(ctx context.Context, l *i18n.Localizer, me *site.Account) (*accountsView, error) {
	users, err := h.site.DB.Users(ctx)
	if err != nil {
		return nil, err
	}
	tokens, err := h.site.DB.APITokens(ctx)
	if err != nil {
		return nil, err
	}
	v := &accountsView{Tokens: tokens, MeID: me.ID, Loc: h.site.Loc, FieldErrs: map[string]string{},
		New: acctNewForm{Role: storage.RoleReader}, Token: acctTokenForm{UserID: me.ID}}
	for _, u := range users {
		au := acctUser{User: u, RoleText: acctRoleText(l, u.Role)}
		v.Users = append(v.Users, au)
		if u.Active {
			v.ActiveUsers = append(v.ActiveUsers, au)
		}
	}
	return v, nil
}

// acctRoleText names a role in words.
func acctRoleText(l *i18n.Localizer, role string) string {
	switch role {
	case storage.RoleAdmin:
		return l.T("role.admin")
	case storage.RoleReader:
		return l.T("role.reader")
	}
	return role
}

// addErrors records field errors (catalog keys) for the summary and the
// fields; rename maps storage's field names to the page's.
func (v *accountsView) addErrors(l *i18n.Localizer, err error, rename map[string]string) {
	var fe *forms.Error
	if !errors.As(err, &fe) {
		return
	}
	for _, f := range fe.Order {
		field := f
		if r, ok := rename[f]; ok {
			field = r
		}
		if _, dup := v.FieldErrs[field]; dup {
			continue
		}
		msg := l.T(fe.Fields[f])
		v.FieldErrs[field] = msg
		v.Errors = append(v.Errors, site.FieldError{Field: field, Label: l.T(acctLabels[field]), Message: msg})
	}
}

// Accounts, GET /kontor/konton, shows the accounts page, with the message of
// the change just made.
func (h *Handlers) Accounts(c *gin.Context) error {
	l := h.site.Localizer(c)
	v, err := h.loadAccounts(c.Request.Context(), l, site.AccountOf(c))
	if err != nil {
		return err
	}
	if key, ok := acctNotices[c.Query("klart")]; ok {
		id, _ := site.QueryID(c, "id")
		if name, ok := v.nameOf(key, id); ok {
			v.Notice = l.T(key, name)
		}
	}
	return h.pages.Render(c, http.StatusOK, "accounts", site.Page{L: l, Title: l.T("accounts.title"), Data: v})
}

// nameOf names the account or token a notice is about.
func (v *accountsView) nameOf(key string, id int64) (string, bool) {
	if strings.HasPrefix(key, "tokens.") {
		for _, t := range v.Tokens {
			if t.ID == id {
				return t.Name, true
			}
		}
		return "", false
	}
	for _, u := range v.Users {
		if u.ID == id {
			return u.Email, true
		}
	}
	return "", false
}

// CreateAccount, POST /kontor/konton, adds an office account. Problems are
// shown beside the fields with what was typed, except the passwords, which
// are typed again.
func (h *Handlers) CreateAccount(c *gin.Context) error {
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	l := h.site.Localizer(c)
	ctx := c.Request.Context()
	me := site.AccountOf(c)
	in := acctNewForm{Email: strings.TrimSpace(c.PostForm("email")), Name: strings.TrimSpace(c.PostForm("name")), Role: c.PostForm("role")}
	password, confirm := c.PostForm("password"), c.PostForm("password2")
	fe := acctCheckNew(in, password, confirm)
	var err error
	var u storage.User
	if err = fe.Err("invalid account"); err == nil {
		u, err = h.site.DB.CreateUser(ctx, in.Email, in.Name, in.Role, password, me.Actor())
		if forms.ErrorCode(err) == forms.ECONFLICT {
			var taken forms.FieldErrors
			taken.Add("email", "accounts.error.email_taken")
			err = taken.Err("e-mail taken")
		}
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, "/kontor/konton?klart=konto-skapat&id="+strconv.FormatInt(u.ID, 10)+"#notice")
		return nil
	}
	if forms.ErrorCode(err) != forms.EINVALID {
		return err
	}
	v, lerr := h.loadAccounts(ctx, l, me)
	if lerr != nil {
		return lerr
	}
	v.New = in
	v.addErrors(l, err, nil)
	return h.pages.Render(c, http.StatusUnprocessableEntity, "accounts", site.Page{L: l, Title: l.T("accounts.error_title"), Data: v})
}

// acctCheckNew checks a new account as storage.CreateUser does, and the
// things only the form has (a name, the repeated password), so that every
// problem is shown at once, in the order of the form.
func acctCheckNew(in acctNewForm, password, confirm string) *forms.FieldErrors {
	var fe forms.FieldErrors
	email := strings.ToLower(in.Email)
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		fe.Add("email", "error.email")
	}
	if in.Name == "" {
		fe.Add("name", "error.required")
	} else if k := forms.CheckText(in.Name, forms.MaxNameRunes); k != "" {
		fe.Add("name", k)
	}
	if in.Role != storage.RoleAdmin && in.Role != storage.RoleReader {
		fe.Add("role", "error.role")
	}
	switch {
	case utf8.RuneCountInString(password) < storage.MinPasswordLength:
		fe.Add("password", "error.password_short")
	case len(password) > 72:
		fe.Add("password", "error.password_long")
	}
	if confirm != password {
		fe.Add("password2", "accounts.error.password_mismatch")
	}
	return &fe
}

// SetAccountActive, POST /kontor/konton/:user/aktiv, deactivates an account
// (ending its sessions and revoking its tokens) or reactivates it. Nobody
// may deactivate their own account.
func (h *Handlers) SetAccountActive(c *gin.Context) error {
	id, err := site.ParamID(c, "user")
	if err != nil {
		return err
	}
	l := h.site.Localizer(c)
	ctx := c.Request.Context()
	me := site.AccountOf(c)
	active := c.PostForm("active") == "1"
	if id == me.ID && !active {
		v, err := h.loadAccounts(ctx, l, me)
		if err != nil {
			return err
		}
		v.Notice, v.NoticeAlert = l.T("accounts.error.self_deactivate"), true
		return h.pages.Render(c, http.StatusConflict, "accounts", site.Page{L: l, Title: l.T("accounts.error_title"), Data: v})
	}
	if err := h.site.DB.SetUserActive(ctx, id, active, me.Actor()); err != nil {
		return err
	}
	code := "konto-inaktiverat"
	if active {
		code = "konto-aktiverat"
	}
	c.Redirect(http.StatusSeeOther, "/kontor/konton?klart="+code+"&id="+strconv.FormatInt(id, 10)+"#notice")
	return nil
}
