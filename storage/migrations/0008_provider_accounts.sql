-- Accounts that sign in through the municipality's identity provider
-- (OpenID Connect), beside the local accounts kept for break-glass.
--
-- A provider account is bound to one identity at the provider: its issuer
-- and subject, and for Entra ID also its tenant and object id. It is never
-- found by its e-mail address, which the provider may change or give to
-- someone else; so e-mail stays unique among local accounts (their
-- sign-in name) but not among provider accounts. An account an admin
-- pre-creates waits, without a subject, for its first sign-in.
--
-- SQLite cannot drop the old UNIQUE on users.email, so the table is built
-- anew. Foreign keys are deferred to the commit: dropping the old table
-- leaves sessions and API tokens without their account for a moment, and
-- inserting the same ids into the new table gives it back to them.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE users_old AS SELECT * FROM users;
DROP TABLE users;

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL, -- lower case; unique among local accounts
  name          TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL CHECK (role IN ('admin', 'reader')),
  password_hash TEXT NOT NULL, -- '' for a provider account
  active        INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  auth          TEXT NOT NULL DEFAULT 'local' CHECK (auth IN ('local', 'oidc')),
  issuer        TEXT NOT NULL DEFAULT '', -- the provider's iss
  subject       TEXT NOT NULL DEFAULT '', -- its sub; '' until the first sign-in
  tenant_id     TEXT NOT NULL DEFAULT '', -- Entra ID's tid
  object_id     TEXT NOT NULL DEFAULT '', -- Entra ID's oid
  bound_at      TEXT NOT NULL DEFAULT '',
  last_sign_in  TEXT NOT NULL DEFAULT '',
  CHECK (auth = 'oidc' OR (issuer = '' AND subject = '' AND object_id = '')),
  CHECK (auth = 'local' OR password_hash = '')
);

INSERT INTO users (id, email, name, role, password_hash, active, created_at)
  SELECT id, email, name, role, password_hash, active, created_at FROM users_old;
DROP TABLE users_old;

CREATE UNIQUE INDEX users_local_email ON users (email) WHERE auth = 'local';
CREATE UNIQUE INDEX users_pending_email ON users (email) WHERE auth = 'oidc' AND subject = '';
CREATE UNIQUE INDEX users_identity ON users (issuer, subject) WHERE subject != '';
CREATE UNIQUE INDEX users_entra_object ON users (tenant_id, object_id) WHERE object_id != '';
