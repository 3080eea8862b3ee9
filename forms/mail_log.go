package forms

import "time"

// MailState is where a mail of the send log stands.
type MailState string

// A mail is queued by the action that causes it, handed to the relay by the
// worker, and ends sent, failed (refused for good, or never reachable) or
// skipped (no longer needed when its turn came, such as a reminder to a
// department that has submitted since).
const (
	MailQueued  MailState = "queued"
	MailSending MailState = "sending"
	MailSent    MailState = "sent"
	MailFailed  MailState = "failed"
	MailSkipped MailState = "skipped"
)

// Triggers say what queued a mail.
const (
	TriggerOpen = "open" // the round was opened
	TriggerHand = "hand" // the office sent it from a page or the CLI
	TriggerTest = "test" // an account's test message
	// TriggerSchedule is followed by the day of the schedule, as in
	// "schedule:-7".
	TriggerSchedule = "schedule:"
)

// Mail is one mail of a round's send log.
type Mail struct {
	ID           int64
	RoundID      int64 // 0 for a test message
	DepartmentID int64 // 0 for a test message
	Kind         MailKind
	Trigger      string
	State        MailState
	// To is whom the mail went to, as sent (or, for a test message, the
	// account's address).
	To        string
	Subject   string
	MessageID string
	Attempts  int
	// NextAttempt is when a queued mail is due.
	NextAttempt time.Time
	LastError   string
	QueuedAt    time.Time
	QueuedBy    string
	SentAt      time.Time
	// History lists every attempt to hand the mail to the relay.
	History []MailAttempt
}

// MailAttempt is one attempt to hand a mail to the relay: the relay's
// answer when it refused, or the reason the mail was left out.
type MailAttempt struct {
	At     time.Time
	State  MailState // what the attempt ended in
	Detail string
}

// RoundMail is a round's invitation and reminder texts and its reminder
// schedule, which the office may edit per round.
type RoundMail struct {
	Invitation MailTemplate
	Reminder   MailTemplate
	Schedule   ReminderSchedule
	// Version grows with every save; 0 means never saved.
	Version int
}

// DefaultRoundMail is what a round starts with.
func DefaultRoundMail() RoundMail {
	return RoundMail{Invitation: DefaultInvitation(), Reminder: DefaultReminder(), Schedule: DefaultReminderSchedule()}
}

// Validate checks both templates and the schedule, naming fields with
// prefixes: invitation.subject, reminder.body, schedule.
func (m *RoundMail) Validate() error {
	var fe FieldErrors
	for _, t := range []struct {
		prefix string
		tmpl   *MailTemplate
	}{{"invitation.", &m.Invitation}, {"reminder.", &m.Reminder}} {
		if err := t.tmpl.Validate(); err != nil {
			e := err.(*Error)
			for _, f := range e.Order {
				fe.Add(t.prefix+f, e.Fields[f])
			}
		}
	}
	for _, n := range m.Schedule {
		if n < EarliestReminderDay || n > LatestReminderDay || n == 0 {
			fe.Add("schedule", "error.schedule")
		}
	}
	if len(m.Schedule) > MaxReminders {
		fe.Add("schedule", "error.schedule_too_many")
	}
	return fe.Err("invalid mail settings")
}
