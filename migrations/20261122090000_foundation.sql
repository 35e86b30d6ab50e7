-- Foundation: organizations (providers among them), subjects, accounts and the audit event table.
-- Runs unchanged on PostgreSQL 15+ and on PGlite.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Government departments, courts, mass organizations and the center itself. A provider (信息提供单位)
-- is an organization that submits records; the same department may also query as a government user.
CREATE TABLE organization (
  code           text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name           text NOT NULL UNIQUE,
  name_en        text,
  kind           text NOT NULL,
  division_code  char(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
  is_provider    boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL
);

-- Credit subjects (信用主体), keyed by their credit code: a USCC or a resident ID number.
CREATE TABLE subject (
  subject_code          text PRIMARY KEY,
  code_type             text NOT NULL,
  kind                  text NOT NULL,
  name                  text NOT NULL,
  division_code         char(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
  registered_on         date,
  legal_representative  text,
  created_at            timestamptz NOT NULL
);
CREATE INDEX subject_name_trgm ON subject USING gin (name gin_trgm_ops);
CREATE INDEX subject_kind ON subject (kind);

CREATE TABLE account (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username           text NOT NULL UNIQUE,
  display_name       text NOT NULL,
  role               text NOT NULL,
  organization_code  text REFERENCES organization (code),
  subject_code       text,
  password_hash      text NOT NULL,
  created_at         timestamptz NOT NULL
);

-- Every business write and every read of non-public data, written in the same transaction as the act.
CREATE TABLE audit_event (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at        timestamptz NOT NULL,
  actor              text NOT NULL,
  organization_code  text,
  action             text NOT NULL,
  object_type        text NOT NULL,
  object_id          text,
  purpose            text,
  request_id         text,
  payload_hash       text NOT NULL,
  detail             jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_event_object ON audit_event (object_type, object_id);
