// Package mail sends the office's mail to departments: invitations when a
// round opens, reminders by hand and on each round's schedule, and test
// messages. Actions only write rows to the outbox (storage), in their own
// transactions; the Worker here hands those rows to the municipality's
// relay over SMTP, one at a time and at a steady pace, retries a relay's
// temporary refusals with back-off, and records every attempt, so that the
// pages stay fast whatever the relay does and nothing queued is lost when
// the server stops.
package mail
