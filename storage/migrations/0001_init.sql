-- Departments, plans, rounds, responses and their history.
-- Times are UTC text (2006-01-02T15:04:05.000Z); dates are 2006-01-02.

CREATE TABLE departments (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE, -- lower-cased name, so "IT-avdelningen" and "it-avdelningen" are one
  kind       TEXT NOT NULL CHECK (kind IN ('förvaltning', 'bolag', 'förbund')),
  email      TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE plans (
  id           INTEGER PRIMARY KEY,
  organisation TEXT NOT NULL,
  title        TEXT NOT NULL,
  year         INTEGER NOT NULL,
  archived     INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL
);

CREATE TABLE statuses (
  id               INTEGER PRIMARY KEY,
  plan_id          INTEGER NOT NULL REFERENCES plans (id),
  position         INTEGER NOT NULL,
  name             TEXT NOT NULL,
  color            TEXT NOT NULL,
  done             INTEGER NOT NULL DEFAULT 0,
  carries_over     INTEGER NOT NULL DEFAULT 0,
  not_applicable   INTEGER NOT NULL DEFAULT 0,
  comment_required INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX statuses_plan ON statuses (plan_id, position);

CREATE TABLE areas (
  id       INTEGER PRIMARY KEY,
  plan_id  INTEGER NOT NULL REFERENCES plans (id),
  position INTEGER NOT NULL,
  title    TEXT NOT NULL
);
CREATE INDEX areas_plan ON areas (plan_id, position);

CREATE TABLE activities (
  id              INTEGER PRIMARY KEY,
  area_id         INTEGER NOT NULL REFERENCES areas (id),
  position        INTEGER NOT NULL,
  title           TEXT NOT NULL,
  description     TEXT NOT NULL DEFAULT '',
  all_departments INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activities_area ON activities (area_id, position);

CREATE TABLE activity_departments (
  activity_id   INTEGER NOT NULL REFERENCES activities (id),
  department_id INTEGER NOT NULL REFERENCES departments (id),
  PRIMARY KEY (activity_id, department_id)
);

CREATE TABLE rounds (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plans (id),
  kind        TEXT NOT NULL CHECK (kind IN ('interim', 'annual')),
  title       TEXT NOT NULL,
  report_date TEXT NOT NULL,
  deadline    TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
  archived    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  opened_at   TEXT NOT NULL DEFAULT '',
  closed_at   TEXT NOT NULL DEFAULT ''
);

-- A department taking part in a round, and the hash of its link token.
-- The token itself is derived from the server's secret and link_nonce, so
-- the database alone never yields a working link.
CREATE TABLE round_departments (
  round_id      INTEGER NOT NULL REFERENCES rounds (id),
  department_id INTEGER NOT NULL REFERENCES departments (id),
  link_nonce    INTEGER NOT NULL DEFAULT 0,
  token_hash    BLOB UNIQUE,
  link_created  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (round_id, department_id)
);

CREATE TABLE responses (
  id              INTEGER PRIMARY KEY,
  round_id        INTEGER NOT NULL REFERENCES rounds (id),
  department_id   INTEGER NOT NULL REFERENCES departments (id),
  state           TEXT NOT NULL DEFAULT 'not_started'
                  CHECK (state IN ('not_started', 'draft', 'submitted', 'returned')),
  general_comment TEXT NOT NULL DEFAULT '',
  general_version INTEGER NOT NULL DEFAULT 0,
  filled_in_by    TEXT NOT NULL DEFAULT '',
  submitted_by    TEXT NOT NULL DEFAULT '',
  submitted_at    TEXT NOT NULL DEFAULT '',
  return_message  TEXT NOT NULL DEFAULT '',
  returned_by     TEXT NOT NULL DEFAULT '',
  returned_at     TEXT NOT NULL DEFAULT '',
  updated_at      TEXT NOT NULL DEFAULT '',
  version         INTEGER NOT NULL DEFAULT 0,
  UNIQUE (round_id, department_id)
);

CREATE TABLE answers (
  response_id   INTEGER NOT NULL REFERENCES responses (id),
  activity_id   INTEGER NOT NULL REFERENCES activities (id),
  status_id     INTEGER REFERENCES statuses (id),
  comment       TEXT NOT NULL DEFAULT '',
  needs_support INTEGER NOT NULL DEFAULT 0,
  version       INTEGER NOT NULL,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (response_id, activity_id)
);

-- Every change of an answer (activity_id NULL: the general comment), with the
-- old and new value, so no save ever overwrites without trace.
CREATE TABLE answer_history (
  id                INTEGER PRIMARY KEY,
  response_id       INTEGER NOT NULL REFERENCES responses (id),
  activity_id       INTEGER REFERENCES activities (id),
  version           INTEGER NOT NULL,
  old_status_id     INTEGER,
  old_comment       TEXT NOT NULL DEFAULT '',
  old_needs_support INTEGER NOT NULL DEFAULT 0,
  status_id         INTEGER,
  comment           TEXT NOT NULL DEFAULT '',
  needs_support     INTEGER NOT NULL DEFAULT 0,
  changed_by        TEXT NOT NULL DEFAULT '',
  changed_at        TEXT NOT NULL
);
CREATE INDEX answer_history_answer ON answer_history (response_id, activity_id, version);

-- Submissions, returns for completion and reopenings of a response.
CREATE TABLE response_events (
  id          INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES responses (id),
  kind        TEXT NOT NULL CHECK (kind IN ('submitted', 'returned')),
  actor       TEXT NOT NULL DEFAULT '',
  message     TEXT NOT NULL DEFAULT '',
  at          TEXT NOT NULL
);
CREATE INDEX response_events_response ON response_events (response_id, id);

CREATE TABLE consolidations (
  round_id         INTEGER NOT NULL REFERENCES rounds (id),
  activity_id      INTEGER NOT NULL REFERENCES activities (id),
  status_id        INTEGER REFERENCES statuses (id),
  narrative        TEXT NOT NULL DEFAULT '',
  include_comments INTEGER NOT NULL DEFAULT 1,
  author           TEXT NOT NULL DEFAULT '',
  saved_at         TEXT NOT NULL,
  version          INTEGER NOT NULL,
  PRIMARY KEY (round_id, activity_id)
);

-- Every saved version of a consolidation.
CREATE TABLE consolidation_history (
  id               INTEGER PRIMARY KEY,
  round_id         INTEGER NOT NULL,
  activity_id      INTEGER NOT NULL,
  version          INTEGER NOT NULL,
  status_id        INTEGER,
  narrative        TEXT NOT NULL DEFAULT '',
  include_comments INTEGER NOT NULL DEFAULT 1,
  author           TEXT NOT NULL DEFAULT '',
  saved_at         TEXT NOT NULL
);
CREATE INDEX consolidation_history_activity ON consolidation_history (round_id, activity_id, version);
