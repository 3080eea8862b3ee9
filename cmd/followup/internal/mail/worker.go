package mail

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"followup/storage"
)

// scheduleActor names the reminder schedule in the audit trail.
const scheduleActor = "schemaläggaren"

// retryAfter is how long a mail waits after each temporary refusal; after
// the last the mail has failed.
var retryAfter = []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, 3 * time.Hour, 6 * time.Hour}

// Courier hands one message to the relay; Sender is the real one.
type Courier interface {
	Send(ctx context.Context, m Message) error
}

// Worker hands the outbox to the relay, one mail at a time, and queues the
// reminders of each round's schedule when they are due.
type Worker struct {
	DB       *storage.DB
	Secret   []byte
	Composer Composer
	Courier  Courier
	Logger   *slog.Logger
	// Poll is how often the worker looks for due mail when it has not been
	// woken; Pace is the least time between two mails, so that 300
	// invitations at once do not flood the relay or the database.
	Poll, Pace time.Duration
	// ScheduleEvery is how often the reminder schedules are checked.
	ScheduleEvery time.Duration
	// SendTimeout bounds one mail's conversation with the relay, also when
	// the server is stopping.
	SendTimeout time.Duration

	wake chan struct{}
}

// NewWorker returns a worker with its defaults set.
func NewWorker(w Worker) *Worker {
	if w.Poll == 0 {
		w.Poll = 5 * time.Second
	}
	if w.Pace == 0 {
		w.Pace = 100 * time.Millisecond
	}
	if w.ScheduleEvery == 0 {
		w.ScheduleEvery = time.Minute
	}
	if w.SendTimeout == 0 {
		w.SendTimeout = time.Minute
	}
	if w.Logger == nil {
		w.Logger = slog.Default()
	}
	w.wake = make(chan struct{}, 1)
	return &w
}

// Wake tells the worker that mail was queued, so that it goes out without
// waiting for the next poll.
func (w *Worker) Wake() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// Run sends until ctx is done, then returns once the mail being sent, if
// any, is finished. Mail that was being sent when the server last stopped
// goes back to the queue first.
func (w *Worker) Run(ctx context.Context) {
	if n, err := w.DB.RequeueInterrupted(context.WithoutCancel(ctx)); err != nil {
		w.Logger.Error("mail: requeue interrupted mail", "err", err)
	} else if n > 0 {
		w.Logger.Info("mail: requeued mail interrupted by a stop", "mails", n)
	}
	var scheduled time.Time
	for ctx.Err() == nil {
		if now := w.DB.Now(); now.Sub(scheduled) >= w.ScheduleEvery {
			scheduled = now
			w.queueScheduled(ctx)
		}
		sent, err := w.sendNext(ctx)
		if err != nil {
			w.Logger.Error("mail: outbox", "err", err)
		}
		wait := w.Pace
		if !sent {
			wait = w.Poll
		}
		select {
		case <-ctx.Done():
		case <-w.wake:
		case <-time.After(wait):
		}
	}
}

func (w *Worker) queueScheduled(ctx context.Context) {
	n, err := w.DB.QueueScheduledReminders(ctx, w.Composer.Loc, scheduleActor)
	if err != nil && ctx.Err() == nil {
		w.Logger.Error("mail: scheduled reminders", "err", err)
	}
	if n > 0 {
		w.Logger.Info("mail: scheduled reminders queued", "mails", n)
	}
}

// sendNext sends the next due mail, if any, and reports whether there was
// one. The mail is finished even when ctx ends meanwhile.
func (w *Worker) sendNext(ctx context.Context) (bool, error) {
	d, ok, err := w.DB.ClaimMail(ctx, w.Secret, w.Composer.Config.domain())
	if err != nil || !ok {
		return false, err
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), w.SendTimeout)
	defer cancel()
	id := d.Mail.ID
	msg, out, why := w.Composer.Compose(d)
	to := strings.Join(msg.To, ", ")
	switch out {
	case skip:
		return true, w.DB.MailSkipped(sctx, id, why)
	case fail:
		w.Logger.Warn("mail: cannot be sent", "mail", id, "reason", why)
		return true, w.DB.MailFailed(sctx, id, to, why)
	}
	err = w.Courier.Send(sctx, msg)
	switch {
	case err == nil:
		return true, w.DB.MailSent(sctx, id, to, msg.Subject)
	case errors.Is(err, ErrTemporary) && d.Mail.Attempts <= len(retryAfter):
		delay := retryAfter[d.Mail.Attempts-1]
		w.Logger.Warn("mail: relay refused for now; will retry", "mail", id, "attempt", d.Mail.Attempts, "retry_in", delay.String(), "err", err)
		return true, w.DB.MailRetry(sctx, id, err.Error(), w.DB.Now().Add(delay))
	default:
		detail := err.Error()
		if errors.Is(err, ErrTemporary) {
			detail = "gave up after " + strconv.Itoa(d.Mail.Attempts) + " attempts: " + detail
		}
		w.Logger.Warn("mail: relay refused", "mail", id, "err", err)
		return true, w.DB.MailFailed(sctx, id, to, detail)
	}
}
