-- The office's choices for a round's reports, its own texts for them with
-- every earlier version, and the consolidation's "continues next year".

CREATE TABLE report_settings (
  round_id          INTEGER PRIMARY KEY REFERENCES rounds (id),
  appendix          INTEGER NOT NULL DEFAULT 1,
  department_tables INTEGER NOT NULL DEFAULT 1,
  comments          INTEGER NOT NULL DEFAULT 1,
  drafts            INTEGER NOT NULL DEFAULT 0,
  chart             INTEGER NOT NULL DEFAULT 1,
  empty_statuses    INTEGER NOT NULL DEFAULT 0,
  paper             TEXT NOT NULL DEFAULT 'a4-portrait' CHECK (paper IN ('a4-portrait')),
  compiled_by       TEXT NOT NULL DEFAULT '',
  saved_by          TEXT NOT NULL DEFAULT '',
  saved_at          TEXT NOT NULL,
  version           INTEGER NOT NULL
);

CREATE TABLE round_texts (
  round_id INTEGER NOT NULL REFERENCES rounds (id),
  kind     TEXT NOT NULL CHECK (kind IN ('introduction', 'assessment')),
  body     TEXT NOT NULL DEFAULT '',
  author   TEXT NOT NULL DEFAULT '',
  saved_at TEXT NOT NULL,
  version  INTEGER NOT NULL,
  PRIMARY KEY (round_id, kind)
);

CREATE TABLE round_text_history (
  id       INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds (id),
  kind     TEXT NOT NULL,
  version  INTEGER NOT NULL,
  body     TEXT NOT NULL DEFAULT '',
  author   TEXT NOT NULL DEFAULT '',
  saved_at TEXT NOT NULL
);
CREATE INDEX round_text_history_text ON round_text_history (round_id, kind, version);

ALTER TABLE consolidations ADD COLUMN continues INTEGER NOT NULL DEFAULT 0;
ALTER TABLE consolidations ADD COLUMN carry_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE consolidation_history ADD COLUMN continues INTEGER NOT NULL DEFAULT 0;
ALTER TABLE consolidation_history ADD COLUMN carry_reason TEXT NOT NULL DEFAULT '';
