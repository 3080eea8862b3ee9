package forms

import (
	"strings"
	"unicode"
)

// MailKind names what a mail to a department is for.
type MailKind string

// The mails the office sends to departments, and the test message an
// account sends itself to check the settings.
const (
	MailInvitation MailKind = "invitation"
	MailReminder   MailKind = "reminder"
	MailTest       MailKind = "test"
)

// MailTemplate is the subject and the plain text of a mail, with
// placeholders such as {verksamhet} that each department's values replace.
type MailTemplate struct {
	Subject string
	Body    string
}

// Placeholders are the names a template may use, each with what it stands
// for; a template naming any other is refused.
var Placeholders = []struct{ Name, Meaning string }{
	{"verksamhet", "the department's name"},
	{"omgång", "the round's title"},
	{"rapportdatum", "the date the report speaks of"},
	{"sista_dag", "the last day to answer"},
	{"länk", "the department's own link to the questionnaire"},
	{"kontakt", "how to reach the office"},
	{"aktiviteter", "the activities still without an answer, one per line (reminders)"},
	{"meddelande", "the office's message when it returned the answers for completion (reminders)"},
}

// MailVars are the values of the placeholders for one department.
type MailVars map[string]string

// MaxSubjectRunes bounds a mail's subject.
const MaxSubjectRunes = 200

// Validate checks a template: a subject of one line, texts without control
// characters, and no placeholder the application does not know (named in
// the message, so the office can correct it).
func (t *MailTemplate) Validate() error {
	var fe FieldErrors
	t.Subject = strings.TrimSpace(t.Subject)
	t.Body = NormalizeText(t.Body)
	switch {
	case t.Subject == "":
		fe.Add("subject", "error.required")
	case CheckLine(t.Subject, MaxSubjectRunes) != "":
		fe.Add("subject", CheckLine(t.Subject, MaxSubjectRunes))
	case len(UnknownPlaceholders(t.Subject)) > 0:
		fe.Add("subject", "error.placeholder")
	}
	switch {
	case t.Body == "":
		fe.Add("body", "error.required")
	case CheckText(t.Body, MaxTextRunes) != "":
		fe.Add("body", CheckText(t.Body, MaxTextRunes))
	case len(UnknownPlaceholders(t.Body)) > 0:
		fe.Add("body", "error.placeholder")
	}
	return fe.Err("invalid mail template")
}

// UnknownPlaceholders returns the placeholders of s that the application
// does not know, such as "{namn}", in the order they appear.
func UnknownPlaceholders(s string) []string {
	var out []string
	eachPlaceholder(s, func(name string) string {
		if !knownPlaceholder(name) {
			out = append(out, "{"+name+"}")
		}
		return ""
	})
	return out
}

func knownPlaceholder(name string) bool {
	for _, p := range Placeholders {
		if p.Name == name {
			return true
		}
	}
	return false
}

// Render replaces every placeholder of a template with its value. The
// subject stays one line whatever the values hold.
func (t MailTemplate) Render(vars MailVars) (subject, body string) {
	subject = eachPlaceholder(t.Subject, func(name string) string { return vars[name] })
	subject = strings.Join(strings.Fields(subject), " ")
	body = eachPlaceholder(t.Body, func(name string) string { return vars[name] })
	return subject, collapseBlankLines(body)
}

// eachPlaceholder calls fn for every {name} in s, where name is letters,
// digits and underscores, and returns s with each replaced by what fn
// returns. Other braces are left as they are.
func eachPlaceholder(s string, fn func(name string) string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		name := ""
		if j > 1 {
			name = s[i+1 : i+j]
		}
		if name == "" || strings.IndexFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }) >= 0 {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteString(fn(name))
		s = s[i+j+1:]
	}
}

// collapseBlankLines leaves at most one blank line between paragraphs, so
// that a placeholder with no value, such as {meddelande}, leaves no gap.
func collapseBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			if blank || len(out) == 0 {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// DefaultInvitation is the invitation a round starts with.
func DefaultInvitation() MailTemplate {
	return MailTemplate{
		Subject: "Uppföljning av handlingsplanen: {omgång}",
		Body: `Hej!

Nu är det dags för {verksamhet} att följa upp handlingsplanen för informationssäkerhet och dataskydd inför {omgång}. Uppföljningen avser läget per {rapportdatum}.

Svara senast {sista_dag} via er egen länk:
{länk}

Ni kan spara ett utkast och fortsätta senare. Länken är personlig för {verksamhet}; dela den bara med dem som fyller i svaren.

Frågor? Kontakta oss: {kontakt}

Med vänliga hälsningar
Samordnarna för informationssäkerhet och dataskydd`,
	}
}

// DefaultReminder is the reminder a round starts with.
func DefaultReminder() MailTemplate {
	return MailTemplate{
		Subject: "Påminnelse: {omgång}, sista dag {sista_dag}",
		Body: `Hej!

Vi har ännu inte fått in svaren från {verksamhet} i uppföljningen inför {omgång}. Sista dag att svara är {sista_dag}.

{meddelande}

Aktiviteter som ännu saknar svar:
{aktiviteter}

Svara via er egen länk:
{länk}

Om sista dagen har passerat, kontakta oss så hittar vi en lösning: {kontakt}

Med vänliga hälsningar
Samordnarna för informationssäkerhet och dataskydd`,
	}
}
