package mail

import (
	"html"
	"regexp"
	"strings"
	"time"

	"followup/forms"
	"followup/storage"
)

// Message is one mail ready for the relay.
type Message struct {
	To        []string
	Subject   string
	Text      string
	HTML      string
	MessageID string
}

// outcome says what becomes of an outbox row when its turn comes.
type outcome int

const (
	send outcome = iota // hand it to the relay
	skip                // no longer needed
	fail                // cannot be sent: no valid address, or no working link
)

// Composer writes the mails of the outbox from the round's texts.
type Composer struct {
	Config Config
	// Link returns a department's questionnaire URL for its token.
	Link func(token string) string
	// Loc is the municipality's time zone, for dates.
	Loc *time.Location
}

// Compose writes the mail of an outbox row; for a mail that is no longer
// needed or cannot be sent it says why instead.
func (c Composer) Compose(d *storage.MailData) (Message, outcome, string) {
	m := Message{MessageID: d.Mail.MessageID}
	if d.Mail.Kind == forms.MailTest {
		m.To = []string{d.Mail.To}
		m.Subject = "Testmeddelande från Uppföljning"
		m.Text = "Det här är ett testmeddelande från Uppföljning. Inställningarna för e-post fungerar: inbjudningar och påminnelser kan skickas.\n\nSvar på meddelandet går till " + c.Config.Contact + "."
		m.HTML = toHTML(m.Text)
		return m, send, ""
	}
	if why, ok := c.needed(d); !ok {
		return m, skip, why
	}
	for _, a := range d.Department.Contacts() {
		if forms.ValidContact(a) {
			m.To = append(m.To, a)
		}
	}
	if len(m.To) == 0 {
		return m, fail, "the department has no valid e-mail address"
	}
	if d.Token == "" {
		return m, fail, "the department's link must be replaced before it can be sent"
	}
	tmpl := d.Texts.Invitation
	if d.Mail.Kind == forms.MailReminder {
		tmpl = d.Texts.Reminder
	}
	m.Subject, m.Text = tmpl.Render(c.vars(d))
	m.HTML = toHTML(m.Text)
	return m, send, ""
}

// needed reports whether a mail to a department is still needed: the round
// must be open and the department not have submitted.
func (c Composer) needed(d *storage.MailData) (string, bool) {
	switch {
	case d.Round.State != forms.RoundOpen:
		return "the round is not open", false
	case d.Response.EffectiveState() == forms.ResponseSubmitted:
		return "the department has submitted", false
	}
	return "", true
}

// vars are the values of the placeholders for the department of d.
func (c Composer) vars(d *storage.MailData) forms.MailVars {
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(forms.DateLayout)
	}
	v := forms.MailVars{
		"verksamhet":   d.Department.Name,
		"omgång":       d.Round.Title,
		"rapportdatum": date(d.Round.ReportDate),
		"sista_dag":    date(d.Round.Deadline),
		"länk":         c.Link(d.Token),
		"kontakt":      c.Config.Contact,
	}
	var missing []string
	for _, a := range d.Plan.Activities() {
		if a.AssignedTo(d.Department.ID) {
			if ans, _ := d.Response.AnswerTo(a.ID); !ans.Answered() {
				missing = append(missing, "- "+a.Title)
			}
		}
	}
	v["aktiviteter"] = strings.Join(missing, "\n")
	if len(missing) == 0 {
		v["aktiviteter"] = "- (alla aktiviteter har svar; det som återstår är att skicka in dem)"
	}
	if d.Response.EffectiveState() == forms.ResponseReturned && strings.TrimSpace(d.Response.ReturnMessage) != "" {
		v["meddelande"] = "Vi har skickat tillbaka era svar för komplettering med meddelandet:\n\n”" + strings.TrimSpace(d.Response.ReturnMessage) + "”"
	}
	return v
}

var urlRE = regexp.MustCompile(`https?://[^\s<>"]+`)

// toHTML writes a mail's plain text as simple HTML: paragraphs (a blank
// line apart), bulleted lists (lines that start with "- ") and clickable
// links, every text escaped.
func toHTML(text string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"></head><body style="font-family: Arial, sans-serif; line-height: 1.5">`)
	for _, para := range strings.Split(text, "\n\n") {
		var lines []string
		list := false
		flush := func() {
			if len(lines) > 0 {
				b.WriteString("<p>" + strings.Join(lines, "<br>") + "</p>")
				lines = nil
			}
		}
		for _, l := range strings.Split(strings.TrimSpace(para), "\n") {
			item, isItem := strings.CutPrefix(l, "- ")
			switch {
			case isItem && !list:
				flush()
				b.WriteString("<ul>")
				list = true
			case !isItem && list:
				b.WriteString("</ul>")
				list = false
			}
			if isItem {
				b.WriteString("<li>" + linkify(html.EscapeString(strings.TrimSpace(item))) + "</li>")
			} else if strings.TrimSpace(l) != "" {
				lines = append(lines, linkify(html.EscapeString(l)))
			}
		}
		if list {
			b.WriteString("</ul>")
		}
		flush()
	}
	b.WriteString("</body></html>")
	return b.String()
}

func linkify(escaped string) string {
	return urlRE.ReplaceAllStringFunc(escaped, func(u string) string { return `<a href="` + u + `">` + u + `</a>` })
}
