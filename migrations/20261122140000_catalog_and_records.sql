-- Catalog (目录, 000 第九条; 003 第八条; 004 第八条) and collected records (归集, 000 第十二条, 第十五条).

-- An item is a stable code; what it says lives in its versions. A record always names the version it was
-- validated against, so publishing a new version never changes how an old record was judged.
CREATE TABLE catalog_item (
  code                 text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
  -- NT 004 第六条: the role that owns the item's metadata (R12); null where the profile has no owners.
  owner_role           text,
  -- NT 004 第五条, 第八条 (R11): the division whose catalog this is; null for the city catalog.
  level_division_code  char(6) CHECK (level_division_code ~ '^[0-9]{6}$'),
  created_at           timestamptz NOT NULL,
  created_by           text NOT NULL
);

CREATE TABLE catalog_item_version (
  item_code               text NOT NULL REFERENCES catalog_item (code),
  version                 integer NOT NULL CHECK (version > 0),
  status                  text NOT NULL CHECK (status IN (
                            'DRAFT', 'PUBLIC_CONSULTATION', 'MUNICIPAL_GOVERNMENT_APPROVED', 'PUBLISHED', 'RETIRED')),
  -- src/core/catalog/item.ts CatalogItemDefinition.
  definition              jsonb NOT NULL,
  consultation_opened_on  date,
  consultation_closes_on  date,
  approved_on             date,
  published_on            date,
  updated_at              timestamptz NOT NULL,
  updated_by              text NOT NULL,
  PRIMARY KEY (item_code, version)
);
-- At most one version of an item accepts records at a time.
CREATE UNIQUE INDEX catalog_item_version_one_published ON catalog_item_version (item_code)
  WHERE status = 'PUBLISHED';

-- Which providers may submit an item (their duties, 000 第十二条).
CREATE TABLE catalog_item_provider (
  item_code          text NOT NULL REFERENCES catalog_item (code),
  organization_code  text NOT NULL REFERENCES organization (code),
  PRIMARY KEY (item_code, organization_code)
);
CREATE INDEX catalog_item_provider_organization ON catalog_item_provider (organization_code);

-- Subject lifecycle from registration-type basic information (R45, 000 第八条(一), 第十条(一)(2)).
ALTER TABLE subject
  ADD COLUMN terminated_on date,
  ADD COLUMN died_on date,
  ADD COLUMN registration_status text,
  -- DESIGN Decision 3: the registration authority's own feed holds this subject.
  ADD COLUMN known_from_registration boolean NOT NULL DEFAULT false;

-- One submission: an API call, an uploaded file or a CLI import. Rows are committed chunk by chunk; a batch
-- left RUNNING by a dead process is visible as such, and its file can be imported again without duplicates.
CREATE TABLE collection_batch (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_code       text NOT NULL REFERENCES catalog_item (code),
  item_version    integer NOT NULL,
  provider_code   text NOT NULL REFERENCES organization (code),
  channel         text NOT NULL CHECK (channel IN ('api', 'file', 'cli')),
  file_name       text,
  -- The provider's own column headers, in order, so returns download in the provider's own columns.
  columns         jsonb NOT NULL DEFAULT '[]'::jsonb,
  submitted_by    text NOT NULL,
  received_at     timestamptz NOT NULL,
  finished_at     timestamptz,
  status          text NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
  failure         text,
  received_rows   integer NOT NULL DEFAULT 0,
  accepted        integer NOT NULL DEFAULT 0,
  unchanged       integer NOT NULL DEFAULT 0,
  returned        integer NOT NULL DEFAULT 0,
  -- The batch whose rows this one resubmits (a fixed returns file).
  resubmits       bigint REFERENCES collection_batch (id)
);
CREATE INDEX collection_batch_provider ON collection_batch (provider_code, id DESC);

-- A returned row (退回, 000 第十五条): its values in the provider's columns, minus forbidden values (R21).
CREATE TABLE collection_return (
  batch_id    bigint NOT NULL REFERENCES collection_batch (id),
  row_number  integer NOT NULL,
  cells       jsonb NOT NULL,
  reasons     jsonb NOT NULL,
  PRIMARY KEY (batch_id, row_number)
);

-- A credit record (公共信用记录): one per subject, item, provider and source key; its content lives in versions.
CREATE TABLE credit_record (
  subject_code          text NOT NULL,
  record_id             bigint GENERATED ALWAYS AS IDENTITY,
  item_code             text NOT NULL REFERENCES catalog_item (code),
  provider_code         text NOT NULL REFERENCES organization (code),
  -- source_id, else the decision number (spec #5): what makes a resubmission the same record.
  record_key            text NOT NULL,
  category              text NOT NULL,
  disclosure            text NOT NULL,
  state                 text NOT NULL,
  current_version       integer NOT NULL,
  flags                 text[] NOT NULL DEFAULT '{}',
  division_code         char(6) NOT NULL,
  record_start          date,
  disclosure_last_day   date,
  expires_on            date,
  open_ended            boolean NOT NULL DEFAULT false,
  record_period_end     date,
  repair_eligible_from  date,
  -- R38 (NT 004 第二十九条): the organization record a responsible person's record derives from.
  derived_from_subject  text,
  derived_from_record   bigint,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  PRIMARY KEY (subject_code, record_id),
  UNIQUE (subject_code, item_code, provider_code, record_key)
);
CREATE INDEX credit_record_provider ON credit_record (provider_code, item_code);
-- Almost no record carries a flag; indexing only those keeps the review queue fast and ingestion light.
CREATE INDEX credit_record_flags ON credit_record USING gin (flags) WHERE flags <> '{}';
CREATE INDEX credit_record_expiry ON credit_record (expires_on) WHERE state = 'ACTIVE';

-- Every version of a record, kept for ever (R36); provenance is immutable (R33, 000 第十二条 ¶2).
CREATE TABLE credit_record_version (
  subject_code   text NOT NULL,
  record_id      bigint NOT NULL,
  version        integer NOT NULL CHECK (version > 0),
  item_version   integer NOT NULL,
  -- The normalized fields by field code; forbidden classes never reach it (R21).
  content        jsonb NOT NULL,
  payload_hash   text NOT NULL,
  provider_code  text NOT NULL,
  operator       text NOT NULL,
  channel        text NOT NULL,
  batch_id       bigint NOT NULL REFERENCES collection_batch (id),
  row_number     integer NOT NULL,
  source_id      text,
  submitted_at   timestamptz NOT NULL,
  modified_on    date,
  working_days_late integer,
  -- A SERIOUS record's responsible-person derivation (R38) or a case that changed it (R37): its reference.
  case_reference text,
  PRIMARY KEY (subject_code, record_id, version),
  FOREIGN KEY (subject_code, record_id) REFERENCES credit_record (subject_code, record_id)
);

-- R33: nothing may change or remove a stored version; corrections add versions instead.
CREATE FUNCTION credit_record_version_is_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'credit_record_version is immutable (000 第十二条; R33): add a version instead'
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER credit_record_version_immutable
  BEFORE UPDATE OR DELETE ON credit_record_version
  FOR EACH ROW EXECUTE FUNCTION credit_record_version_is_immutable();
