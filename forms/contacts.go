package forms

import (
	"net/mail"
	"strings"
)

// MaxContacts bounds the contact addresses of one department.
const MaxContacts = 10

// ParseContacts splits a department's contact field into addresses: they
// may be separated by semicolons, commas or line breaks, as people paste
// them from Outlook or a spreadsheet. Blanks and repeats are dropped;
// addresses keep the order they were written in.
func ParseContacts(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '\n' || r == '\r' }) {
		a := strings.TrimSpace(part)
		if a == "" || seen[strings.ToLower(a)] {
			continue
		}
		seen[strings.ToLower(a)] = true
		out = append(out, a)
	}
	return out
}

// ValidContact reports whether a is one plain e-mail address, such as
// soc@kommun.se: no display name, no comment, nothing that could add a
// header to a mail.
func ValidContact(a string) bool {
	p, err := mail.ParseAddress(a)
	return err == nil && p.Address == a && len(a) <= 254 && !strings.ContainsAny(a, "\r\n")
}

// InvalidContacts returns the addresses of a contact field that are not
// valid, so that a page or an import preview can name each of them.
func InvalidContacts(s string) []string {
	var out []string
	for _, a := range ParseContacts(s) {
		if !ValidContact(a) {
			out = append(out, a)
		}
	}
	return out
}

// JoinContacts writes addresses the way a department's contact field is
// stored: separated by "; ".
func JoinContacts(addresses []string) string { return strings.Join(addresses, "; ") }

// Contacts returns the department's contact addresses.
func (d Department) Contacts() []string { return ParseContacts(d.Email) }
