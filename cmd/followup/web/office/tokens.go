package office

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"followup/cmd/followup/web/site"
	"followup/forms"
)

// CreateAPIToken, POST /kontor/api-nycklar, makes a token and shows it once,
// in this response: it is never put in a URL and cannot be shown again.
func (h *Handlers) CreateAPIToken(c *gin.Context) error {
	if err := c.Request.ParseForm(); err != nil {
		return site.BodyError(err)
	}
	l := h.site.Localizer(c)
	ctx := c.Request.Context()
	me := site.AccountOf(c)
	v, err := h.loadAccounts(ctx, l, me)
	if err != nil {
		return err
	}
	in := acctTokenForm{Name: strings.TrimSpace(c.PostForm("token_name")), UserID: me.ID}
	var fe forms.FieldErrors
	if in.Name == "" {
		fe.Add("token_name", "error.required")
	} else if k := forms.CheckText(in.Name, forms.MaxNameRunes); k != "" {
		fe.Add("token_name", k)
	}
	if raw := c.PostForm("token_user"); raw != "" {
		in.UserID, _ = strconv.ParseInt(raw, 10, 64)
	}
	found := false
	for _, u := range v.ActiveUsers {
		found = found || u.ID == in.UserID
	}
	if !found {
		fe.Add("token_user", "accounts.error.token_user")
	}
	err = fe.Err("invalid token")
	var tok string
	if err == nil {
		tok, err = h.site.DB.CreateAPIToken(ctx, in.UserID, in.Name, me.Actor())
	}
	if err != nil {
		if forms.ErrorCode(err) != forms.EINVALID {
			return err
		}
		v.Token = in
		v.addErrors(l, err, map[string]string{"name": "token_name"})
		return h.pages.Render(c, http.StatusUnprocessableEntity, "accounts", site.Page{L: l, Title: l.T("accounts.error_title"), Data: v})
	}
	if v.Tokens, err = h.site.DB.APITokens(ctx); err != nil {
		return err
	}
	v.NewToken, v.NewTokenName = tok, in.Name
	c.Header("Pragma", "no-cache")
	return h.pages.Render(c, http.StatusOK, "accounts", site.Page{L: l, Title: l.T("tokens.created_heading") + " – " + l.T("accounts.title"), Data: v})
}

// RevokeAPIToken, POST /kontor/api-nycklar/:token/aterkalla, stops a token
// from working.
func (h *Handlers) RevokeAPIToken(c *gin.Context) error {
	id, err := site.ParamID(c, "token")
	if err != nil {
		return err
	}
	if err := h.site.DB.RevokeAPIToken(c.Request.Context(), id, site.AccountOf(c).Actor()); err != nil {
		return err
	}
	c.Redirect(http.StatusSeeOther, "/kontor/konton?klart=nyckel-aterkallad&id="+strconv.FormatInt(id, 10)+"#notice")
	return nil
}
