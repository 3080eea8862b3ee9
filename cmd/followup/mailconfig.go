package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"followup/cmd/followup/internal/mail"
)

// mailFlags are the settings of the relay that mail to departments goes
// through; without a host, mail is off.
type mailFlags struct {
	host, port, user, passwordFile, tls, caFile, from, replyTo, contact, pace string
}

// flags registers the mail flags, defaulting to FOLLOWUP_SMTP_* variables.
// The password has no flag, so that it never shows in a process list: it
// comes from a file or from FOLLOWUP_SMTP_PASSWORD.
func (m *mailFlags) flags(fs *flag.FlagSet, e env) {
	def := func(name string) string { return e.getenv(name) }
	fs.StringVar(&m.host, "smtp-host", def("FOLLOWUP_SMTP_HOST"), "the relay that mail to departments goes through; empty: mail is off (FOLLOWUP_SMTP_HOST)")
	fs.StringVar(&m.port, "smtp-port", def("FOLLOWUP_SMTP_PORT"), "the relay's port; default 587, 465 with --smtp-tls=tls, 25 with none (FOLLOWUP_SMTP_PORT)")
	fs.StringVar(&m.user, "smtp-user", def("FOLLOWUP_SMTP_USER"), "user name at the relay, if it asks for one (FOLLOWUP_SMTP_USER)")
	fs.StringVar(&m.passwordFile, "smtp-password-file", def("FOLLOWUP_SMTP_PASSWORD_FILE"), "file holding the relay's password (FOLLOWUP_SMTP_PASSWORD_FILE, or the password itself in FOLLOWUP_SMTP_PASSWORD)")
	fs.StringVar(&m.tls, "smtp-tls", def("FOLLOWUP_SMTP_TLS"), "starttls (required, the default), tls (from the first byte) or none (only for a relay on loopback) (FOLLOWUP_SMTP_TLS)")
	fs.StringVar(&m.caFile, "smtp-ca-file", def("FOLLOWUP_SMTP_CA_FILE"), "PEM file of certificate authorities to trust for the relay besides the system's, such as the municipality's own (FOLLOWUP_SMTP_CA_FILE)")
	fs.StringVar(&m.from, "smtp-from", def("FOLLOWUP_SMTP_FROM"), "the from-address of mail to departments (FOLLOWUP_SMTP_FROM)")
	fs.StringVar(&m.replyTo, "smtp-reply-to", def("FOLLOWUP_SMTP_REPLY_TO"), "where departments' replies go, such as the coordinators' shared mailbox (FOLLOWUP_SMTP_REPLY_TO)")
	fs.StringVar(&m.pace, "mail-pace", def("FOLLOWUP_MAIL_PACE"), "the least time between two mails, such as 100ms (the default) (FOLLOWUP_MAIL_PACE)")
	fs.StringVar(&m.contact, "mail-contact", def("FOLLOWUP_MAIL_CONTACT"), "how departments reach the office, for {kontakt} in the texts; default the reply-to address (FOLLOWUP_MAIL_CONTACT)")
}

// config returns the relay's settings; a zero Config when mail is off.
func (m *mailFlags) config(e env) (mail.Config, error) {
	if strings.TrimSpace(m.host) == "" {
		return mail.Config{}, nil
	}
	c := mail.Config{Host: strings.TrimSpace(m.host), User: m.user, TLS: strings.ToLower(strings.TrimSpace(m.tls)),
		From: strings.TrimSpace(m.from), ReplyTo: strings.TrimSpace(m.replyTo), Contact: strings.TrimSpace(m.contact)}
	if m.port != "" {
		p, err := strconv.Atoi(m.port)
		if err != nil {
			return c, fmt.Errorf("the SMTP port %q is not a number", m.port)
		}
		c.Port = p
	}
	switch {
	case m.passwordFile != "":
		b, err := os.ReadFile(m.passwordFile)
		if err != nil {
			return c, fmt.Errorf("cannot read the SMTP password file %s: %w", m.passwordFile, err)
		}
		c.Password = strings.TrimRight(string(b), "\r\n")
	default:
		c.Password = e.getenv("FOLLOWUP_SMTP_PASSWORD")
	}
	if m.pace != "" {
		d, err := time.ParseDuration(m.pace)
		if err != nil || d < 0 {
			return c, fmt.Errorf("the mail pace %q must be a duration such as 100ms", m.pace)
		}
		c.Pace = d
	}
	if m.caFile != "" {
		pem, err := os.ReadFile(m.caFile)
		if err != nil {
			return c, fmt.Errorf("cannot read the SMTP CA file %s: %w", m.caFile, err)
		}
		c.CAs = pem
	}
	if c.User != "" && c.Password == "" {
		return c, fmt.Errorf("the SMTP user %q has no password: set --smtp-password-file or FOLLOWUP_SMTP_PASSWORD", c.User)
	}
	return c, c.Validate()
}
