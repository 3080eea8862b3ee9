// Package smtptest runs a real SMTP server in the test process, on
// loopback, for the tests of followup's mail: it speaks STARTTLS (or TLS
// from the first byte) with a certificate made for the test, can ask for a
// password, records every message it accepts, and can refuse, stall or
// drop the connection as a relay may. It is imported only by tests and by
// the load tool; no code of the server depends on it.
package smtptest

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io"
	"log"
	"net"
	"net/mail"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Message is one message the server accepted.
type Message struct {
	From      string
	To        []string
	Data      []byte
	Header    mail.Header
	MessageID string
	At        time.Time
}

// Options choose how the server behaves.
type Options struct {
	// Implicit serves TLS from the first byte instead of STARTTLS.
	Implicit bool
	// User and Password, when set, are the only credentials accepted.
	User, Password string
}

// ErrDrop, returned by a Refuse function, makes the server drop the
// connection in the middle of the message instead of answering.
var ErrDrop = errors.New("smtptest: drop the connection")

// Server is a running SMTP server.
type Server struct {
	Host string
	Port int
	// Roots trusts the server's certificate; CAPEM is that certificate in
	// PEM, as a CA file holds it.
	Roots *x509.CertPool
	CAPEM []byte

	srv  *smtp.Server
	opts Options

	mu       sync.Mutex
	messages []Message
	refuse   func(Message) error
	stall    time.Duration
}

// Start runs a server on a free loopback port until the test ends.
func Start(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s, err := Listen("127.0.0.1:0", opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// Listen runs a server on addr until Close, for the load tool, which has
// no test to end it.
func Listen(addr string, opts Options) (*Server, error) {
	cert, roots, err := certificate()
	if err != nil {
		return nil, err
	}
	s := &Server{Roots: roots, opts: opts,
		CAPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Certificate[0]})}
	s.srv = smtp.NewServer(backend{s})
	s.srv.Domain = "relay.test"
	s.srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	s.srv.ReadTimeout, s.srv.WriteTimeout = 10*time.Second, 10*time.Second
	s.srv.MaxMessageBytes = 10 << 20
	s.srv.EnableSMTPUTF8 = true
	s.srv.ErrorLog = log.New(io.Discard, "", 0) // a client killed mid-message is a test's intent
	var l net.Listener
	if opts.Implicit {
		l, err = tls.Listen("tcp", addr, s.srv.TLSConfig)
	} else {
		l, err = net.Listen("tcp", addr)
	}
	if err != nil {
		return nil, err
	}
	bound := l.Addr().(*net.TCPAddr)
	s.Host, s.Port = bound.IP.String(), bound.Port
	go s.srv.Serve(l)
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

// Addr is the server's host and port.
func (s *Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// Messages returns what the server has accepted so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Refuse sets a function that may refuse each message before it is
// accepted: an *smtp.SMTPError (such as code 451 or 550) is the answer,
// ErrDrop drops the connection, nil accepts. nil accepts everything.
func (s *Server) Refuse(fn func(Message) error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse = fn
}

// Stall makes the server wait this long before answering each message.
func (s *Server) Stall(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stall = d
}

type backend struct{ s *Server }

func (b backend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{s: b.s, conn: c}, nil
}

type session struct {
	s      *Server
	conn   *smtp.Conn
	authed bool
	msg    Message
}

func (ss *session) AuthMechanisms() []string {
	if ss.s.opts.User == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (ss *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != ss.s.opts.User || pass != ss.s.opts.Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication failed"}
		}
		ss.authed = true
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.s.opts.User != "" && !ss.authed {
		return &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "Authentication required"}
	}
	ss.msg = Message{From: from}
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.msg.To = append(ss.msg.To, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m := ss.msg
	m.Data, m.At = data, time.Now()
	if parsed, err := mail.ReadMessage(bytes.NewReader(data)); err == nil {
		m.Header = parsed.Header
		m.MessageID = parsed.Header.Get("Message-Id")
	}
	ss.s.mu.Lock()
	refuse, stall := ss.s.refuse, ss.s.stall
	ss.s.mu.Unlock()
	if stall > 0 {
		time.Sleep(stall)
	}
	if refuse != nil {
		if err := refuse(m); errors.Is(err, ErrDrop) {
			ss.conn.Conn().Close()
			return err
		} else if err != nil {
			return err
		}
	}
	ss.s.mu.Lock()
	ss.s.messages = append(ss.s.messages, m)
	ss.s.mu.Unlock()
	return nil
}

func (ss *session) Reset()        { ss.msg = Message{} }
func (ss *session) Logout() error { return nil }
