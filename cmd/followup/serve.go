package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"followup/cmd/followup/demo"
	"followup/cmd/followup/internal/mail"
	"followup/cmd/followup/web"
	"followup/storage"
)

// cmdServe runs the web server until the context is cancelled, then shuts
// down gracefully, letting requests under way finish.
func cmdServe(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var c config
	c.flags(fs, e)
	var mf mailFlags
	mf.flags(fs, e)
	var of oidcFlags
	of.flags(fs, e)
	withDemo := fs.Bool("demo", false, "fill an empty database with a demo municipality and print where to click")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *withDemo && !flagSet(fs, "db") && e.getenv("FOLLOWUP_DB") == "" {
		c.db = "followup-demo.db"
	}
	logger := slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	base, err := c.base()
	if err != nil {
		return err
	}
	loc, err := c.location()
	if err != nil {
		return err
	}
	idle, longest, err := c.sessions()
	if err != nil {
		return err
	}
	secret, err := c.secret(e)
	if err != nil {
		return err
	}
	mailCfg, err := mf.config(e)
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()

	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", c.addr, err)
	}
	if c.baseURL == "" {
		// Without a base URL, links name the address actually bound (the
		// port chosen when --addr ends in :0).
		c.addr = ln.Addr().String()
		if base, err = c.base(); err != nil {
			ln.Close()
			return err
		}
	}
	signOn, err := of.start(ctx, e, base, logger)
	if err != nil {
		ln.Close()
		return err
	}
	_ = signOn // for web.Config, once the sign-in pages take the relying party
	srv, err := web.New(web.Config{DB: db, Secret: secret, BaseURL: base, Loc: loc, Logger: logger,
		TrustedProxies: c.trustedProxies(), SessionIdle: idle, SessionMax: longest})
	if err != nil {
		ln.Close()
		return err
	}
	if *withDemo {
		info, err := demo.Seed(ctx, db, secret)
		if err != nil {
			ln.Close()
			return fmt.Errorf("demo data: %w", err)
		}
		demo.Print(e.stdout, info, srv.Link, base.String())
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      5 * time.Minute, // the largest export must finish
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	stopMail := startMail(db, secret, mailCfg, srv.Link, loc, logger)
	defer stopMail()
	logger.Info("listening", "addr", ln.Addr().String(), "db", c.db, "base_url", base.String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// startMail starts the worker that hands the outbox to the relay, and
// returns the function that stops it (after the mail in hand is finished).
// Without a relay it logs that mail is off and starts nothing.
func startMail(db *storage.DB, secret []byte, cfg mail.Config, link func(string) string, loc *time.Location, logger *slog.Logger) func() {
	if !cfg.Enabled() {
		logger.Info("mail is off: set FOLLOWUP_SMTP_HOST to send invitations and reminders")
		return func() {}
	}
	logger.Info("mail", "relay", net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port)), "tls", cfg.TLS, "from", cfg.From, "reply_to", cfg.ReplyTo)
	w := mail.NewWorker(mail.Worker{DB: db, Secret: secret, Courier: mail.Sender{Config: cfg},
		Composer: mail.Composer{Config: cfg, Link: link, Loc: loc}, Logger: logger, Pace: cfg.Pace})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	return func() { cancel(); <-done }
}

func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}
