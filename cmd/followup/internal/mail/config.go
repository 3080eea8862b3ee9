package mail

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"followup/forms"
)

// TLS policies for the connection to the relay.
const (
	TLSStartTLS = "starttls" // STARTTLS on the submission port, required
	TLSImplicit = "tls"      // TLS from the first byte (port 465)
	TLSNone     = "none"     // no encryption: only for a relay on loopback
)

// Config is how the server reaches the relay and what its mail says about
// the office. A zero Config (no host) means mail is off: nothing is queued
// and the pages say so.
type Config struct {
	Host     string
	Port     int
	User     string
	Password string // never printed or logged
	TLS      string
	From     string
	ReplyTo  string
	// Contact is how departments reach the office, for {kontakt}: the
	// reply-to address unless set.
	Contact string
	// Pace is the least time between two mails; 0 means the worker's
	// default.
	Pace time.Duration
	// CAs are PEM certificates of authorities to trust for the relay
	// besides the system's, such as a municipality's own.
	CAs []byte
}

// Enabled reports whether mail is set up.
func (c Config) Enabled() bool { return c.Host != "" }

// Validate checks a configuration that is enabled: a port, a known TLS
// policy (none only on loopback), and plain From and Reply-To addresses.
func (c *Config) Validate() error {
	if !c.Enabled() {
		return nil
	}
	if c.TLS == "" {
		c.TLS = TLSStartTLS
	}
	if c.Port == 0 {
		c.Port = map[string]int{TLSStartTLS: 587, TLSImplicit: 465, TLSNone: 25}[c.TLS]
	}
	var problems []string
	switch c.TLS {
	case TLSStartTLS, TLSImplicit:
	case TLSNone:
		if !loopback(c.Host) {
			problems = append(problems, "an SMTP relay without TLS is only allowed on loopback (localhost, 127.0.0.1, ::1)")
		}
	default:
		problems = append(problems, fmt.Sprintf("the SMTP TLS policy %q is not starttls, tls or none", c.TLS))
	}
	if c.Port < 1 || c.Port > 65535 {
		problems = append(problems, fmt.Sprintf("the SMTP port %d is not a port", c.Port))
	}
	if !forms.ValidContact(c.From) {
		problems = append(problems, fmt.Sprintf("the from-address %q is not one plain e-mail address", c.From))
	}
	if c.ReplyTo != "" && !forms.ValidContact(c.ReplyTo) {
		problems = append(problems, fmt.Sprintf("the reply-to address %q is not one plain e-mail address", c.ReplyTo))
	}
	if len(c.CAs) > 0 {
		if _, err := c.rootCAs(); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if strings.ContainsAny(c.Contact, "\r\n") {
		problems = append(problems, "the office's contact must be one line")
	}
	if c.Contact == "" {
		c.Contact = c.ReplyTo
		if c.Contact == "" {
			c.Contact = c.From
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// domain is the domain of the from-address, for Message-IDs.
func (c Config) domain() string {
	_, d, _ := strings.Cut(c.From, "@")
	return d
}

// rootCAs is the system's pool with CAs added.
func (c Config) rootCAs() (*x509.CertPool, error) {
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(c.CAs) {
		return nil, errors.New("the SMTP CA file holds no PEM certificate")
	}
	return pool, nil
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
