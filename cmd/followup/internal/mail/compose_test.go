package mail

import (
	"strings"
	"testing"

	"followup/forms"
	"followup/storage"
)

func TestToHTML(t *testing.T) {
	got := toHTML("Hej <Socialförvaltningen> & co!\n\nSaknar svar:\n- Riskanalys\n- \"Klassning\"\n\nLänk:\nhttps://x.se/r/abc")
	for _, want := range []string{
		"<p>Hej &lt;Socialförvaltningen&gt; &amp; co!</p>",
		"<p>Saknar svar:</p><ul><li>Riskanalys</li><li>&#34;Klassning&#34;</li></ul>",
		`<p>Länk:<br><a href="https://x.se/r/abc">https://x.se/r/abc</a></p>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("HTML lacks %s:\n%s", want, got)
		}
	}
}

func TestComposeReturnedReminder(t *testing.T) {
	plan := &forms.Plan{Statuses: forms.DefaultScale(), Areas: []forms.Area{{Activities: []forms.Activity{
		{ID: 1, Title: "Riskanalys", AllDepartments: true}, {ID: 2, Title: "Klassning", AllDepartments: true}}}}}
	d := &storage.MailData{
		Mail:       forms.Mail{Kind: forms.MailReminder, MessageID: "<a@b>"},
		Round:      forms.Round{Title: "Årsredovisning 2026", State: forms.RoundOpen},
		Department: forms.Department{ID: 7, Name: "Socialförvaltningen", Email: "soc@x.se; fel@; chef@x.se"},
		Token:      "tok",
		Response: &forms.Response{State: forms.ResponseReturned, ReturnMessage: "Komplettera riskanalysen.",
			Answers: map[int64]forms.Answer{1: {StatusID: 3}}},
		Plan:  plan,
		Texts: forms.DefaultRoundMail(),
	}
	c := Composer{Config: Config{Contact: "samordnare@x.se"}, Link: func(tok string) string { return "https://x.se/r/" + tok }}
	m, out, why := c.Compose(d)
	if out != send {
		t.Fatalf("outcome %v: %s", out, why)
	}
	if strings.Join(m.To, ",") != "soc@x.se,chef@x.se" {
		t.Errorf("to = %v, want the valid addresses", m.To)
	}
	for _, want := range []string{"”Komplettera riskanalysen.”", "- Klassning", "https://x.se/r/tok", "samordnare@x.se"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, m.Text)
		}
	}
	if strings.Contains(m.Text, "- Riskanalys") {
		t.Errorf("an answered activity is listed:\n%s", m.Text)
	}
	d.Response.State = forms.ResponseSubmitted
	if _, out, _ := c.Compose(d); out != skip {
		t.Errorf("a reminder to a department that has submitted: %v", out)
	}
}
