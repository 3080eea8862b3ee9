-- Mail to departments: each round's texts and reminder schedule, the
-- outbox that the action causing a mail writes in its own transaction,
-- and every attempt to hand a mail to the relay.

CREATE TABLE round_mail (
  round_id           INTEGER PRIMARY KEY REFERENCES rounds (id),
  invitation_subject TEXT NOT NULL,
  invitation_body    TEXT NOT NULL,
  reminder_subject   TEXT NOT NULL,
  reminder_body      TEXT NOT NULL,
  schedule           TEXT NOT NULL, -- days around the deadline: "-7,-2,1"
  saved_by           TEXT NOT NULL DEFAULT '',
  saved_at           TEXT NOT NULL,
  version            INTEGER NOT NULL
);

CREATE TABLE outbox (
  id            INTEGER PRIMARY KEY,
  round_id      INTEGER REFERENCES rounds (id),      -- NULL for a test message
  department_id INTEGER REFERENCES departments (id), -- NULL for a test message
  kind          TEXT NOT NULL CHECK (kind IN ('invitation', 'reminder', 'test')),
  trigger_      TEXT NOT NULL,
  -- A scheduled reminder's key, so that no department gets the same one
  -- twice; NULL for mails that may repeat (sent by hand).
  once_key      TEXT UNIQUE,
  state         TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
  recipients    TEXT NOT NULL DEFAULT '',
  subject       TEXT NOT NULL DEFAULT '',
  message_id    TEXT NOT NULL DEFAULT '',
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_attempt  TEXT NOT NULL,
  last_error    TEXT NOT NULL DEFAULT '',
  queued_at     TEXT NOT NULL,
  queued_by     TEXT NOT NULL DEFAULT '',
  sent_at       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (state, next_attempt, id);
CREATE INDEX outbox_round ON outbox (round_id, id);

CREATE TABLE mail_attempts (
  id      INTEGER PRIMARY KEY,
  mail_id INTEGER NOT NULL REFERENCES outbox (id),
  at      TEXT NOT NULL,
  state   TEXT NOT NULL,
  detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_attempts_mail ON mail_attempts (mail_id, id);
