package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/textproto"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Sender hands messages to the relay. One connection per message keeps a
// failure from spilling over to the next mail; the worker's pace keeps the
// relay from being flooded.
type Sender struct {
	Config Config
	// Timeout bounds each conversation with the relay.
	Timeout time.Duration
	// TLSConfigure may adjust the TLS settings, such as trusting a test
	// certificate; nil keeps the system's.
	TLSConfigure func(*gomail.Client) error
	// Now stamps the message's Date header.
	Now func() time.Time
}

// ErrTemporary marks a refusal worth retrying: a 4xx answer, a timeout, a
// dropped connection.
var ErrTemporary = errors.New("temporary")

// Send hands one message to the relay. A temporary failure is wrapped with
// ErrTemporary; anything else is permanent.
func (s Sender) Send(ctx context.Context, m Message) error {
	msg, err := s.message(m)
	if err != nil {
		return err // a message that cannot be written will not be written later either
	}
	client, err := s.client()
	if err != nil {
		return err
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		return classify(err)
	}
	return nil
}

// message writes m as a MIME message with a plain-text and an HTML part.
func (s Sender) message(m Message) (*gomail.Msg, error) {
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := msg.From(s.Config.From); err != nil {
		return nil, err
	}
	if s.Config.ReplyTo != "" {
		if err := msg.ReplyTo(s.Config.ReplyTo); err != nil {
			return nil, err
		}
	}
	if err := msg.To(m.To...); err != nil {
		return nil, err
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(trimAngles(m.MessageID))
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	msg.SetDateWithValue(now())
	// A notification, not a conversation: auto-replies are not wanted.
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	return msg, nil
}

// trimAngles strips the angle brackets go-mail adds itself.
func trimAngles(id string) string {
	if len(id) > 2 && id[0] == '<' && id[len(id)-1] == '>' {
		return id[1 : len(id)-1]
	}
	return id
}

// client makes a client for one conversation with the relay.
func (s Sender) client() (*gomail.Client, error) {
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	opts := []gomail.Option{gomail.WithPort(s.Config.Port), gomail.WithTimeout(timeout)}
	switch s.Config.TLS {
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.Config.User != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.Config.User), gomail.WithPassword(s.Config.Password))
	}
	c, err := gomail.NewClient(s.Config.Host, opts...)
	if err != nil {
		return nil, err
	}
	if len(s.Config.CAs) > 0 {
		pool, err := s.Config.rootCAs()
		if err != nil {
			return nil, err
		}
		if err := c.SetTLSConfig(&tls.Config{RootCAs: pool, ServerName: s.Config.Host, MinVersion: tls.VersionTLS12}); err != nil {
			return nil, err
		}
	}
	if s.TLSConfigure != nil {
		if err := s.TLSConfigure(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// classify wraps a failure that is worth retrying with ErrTemporary: the
// relay's 4xx answers, and failures without an answer (a timeout, a
// dropped connection), which the worker retries a bounded number of
// times. A 5xx answer, to the message or to the password, is permanent.
func classify(err error) error {
	var se *gomail.SendError
	if errors.As(err, &se) && se.ErrorCode() >= 500 {
		return err
	}
	var te *textproto.Error
	if errors.As(err, &te) && te.Code >= 500 {
		return err
	}
	return fmt.Errorf("%w: %w", ErrTemporary, err)
}
