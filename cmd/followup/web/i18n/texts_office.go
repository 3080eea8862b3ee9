package i18n

// officeTexts holds the texts shared by every office page: navigation,
// sign-in and the dashboard's frame.
func officeTexts() map[string]text {
	return map[string]text{
		"signin.title":         {"Logga in", "Sign in"},
		"signin.lead":          {"För samordnare och läsare. Verksamheter svarar via sin egen länk och behöver inte logga in.", "For coordinators and readers. Departments answer through their own link and do not sign in."},
		"signin.email":         {"E-postadress", "E-mail address"},
		"signin.password":      {"Lösenord", "Password"},
		"signin.submit":        {"Logga in", "Sign in"},
		"signin.error_heading": {"Inloggningen misslyckades", "Sign-in failed"},
		"signin.draft_kept":    {"Du hann bli utloggad innan ändringen sparades. Det du skrev är kvar: logga in igen, så visas det på sidan och du kan spara.", "You were signed out before the change was saved. What you wrote is kept: sign in again and it is shown on the page for you to save."},
		"signin.failed":        {"Fel e-postadress eller lösenord.", "Wrong e-mail address or password."},
		"nav.dashboard":        {"Översikt", "Overview"},
		"nav.rounds":           {"Omgångar", "Rounds"},
		"nav.plans":            {"Planer", "Plans"},
		"nav.departments":      {"Verksamheter", "Organisations"},
		"nav.audit":            {"Logg", "Audit log"},
		"nav.accounts":         {"Konton", "Accounts"},
		"nav.signout":          {"Logga ut", "Sign out"},
		"nav.signed_in_as":     {"Inloggad som %s", "Signed in as %s"},
		"role.admin":           {"Samordnare", "Coordinator"},
		"role.reader":          {"Läsare", "Reader"},
		"error.role":           {"Välj samordnare eller läsare.", "Choose coordinator or reader."},
		"error.password_short": {"Lösenordet ska vara minst 10 tecken.", "The password must be at least 10 characters."},
		"error.password_long":  {"Lösenordet får vara högst 72 tecken.", "The password may be at most 72 characters."},
	}
}
