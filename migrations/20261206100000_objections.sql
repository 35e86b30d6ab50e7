-- Objections (异议; 000 第二十六条–第二十八条; 003 第二十八条–第二十九条; 004 第三十一条–第三十二条; spec §2.M).
-- Subject-owned: subject_code leads every key.
CREATE TABLE objection_case (
  subject_code text NOT NULL,
  case_id bigint GENERATED ALWAYS AS IDENTITY,
  -- src/core/objections/rules.ts OBJECTION_GROUNDS (R121).
  ground text NOT NULL,
  statement text NOT NULL,
  -- What the applicant supplies in support (NT requires it, 004 第三十一条); NULL: none.
  evidence text,
  -- ONLINE (the subject in its own session) or COUNTER (recorded by the center's staff).
  channel text NOT NULL CHECK (channel IN ('ONLINE', 'COUNTER')),
  filed_by text NOT NULL,
  -- The provider of the records named: the party that verifies (000 第二十七条 ¶2).
  provider_code text NOT NULL REFERENCES organization (code),
  -- Spec C9: receipt is when the platform first records the application, acceptance when it is accepted.
  received_at timestamptz NOT NULL,
  received_on date NOT NULL,
  accepted_at timestamptz,
  accepted_on date,
  status text NOT NULL
    CHECK (status IN ('RECEIVED', 'NOT_ACCEPTED', 'ACCEPTED', 'FORWARDED', 'VERIFIED', 'CLOSED')),
  -- NOT_ACCEPTED: GROUND_NOT_ADMISSIBLE, EVIDENCE_REQUIRED or DECLINED, with the center's words.
  not_accepted_code text,
  not_accepted_reason text,
  -- The center's platform data comparison (R123, R127): CONSISTENT or INCONSISTENT.
  comparison text CHECK (comparison IN ('CONSISTENT', 'INCONSISTENT')),
  forwarded_at timestamptz,
  -- The provider's verification (R124): UPHELD with an opinion (CORRECT, DELETE, SUPPLEMENT), or REJECTED.
  provider_verdict text CHECK (provider_verdict IN ('UPHELD', 'REJECTED')),
  provider_opinion text CHECK (provider_opinion IN ('CORRECT', 'DELETE', 'SUPPLEMENT')),
  provider_reasons text,
  provider_answered_at timestamptz,
  provider_answered_by text,
  -- R122: every case ends in one outcome, with reasons.
  outcome text CHECK (outcome IN ('CORRECTED', 'DELETED', 'SUPPLEMENTED', 'REJECTED')),
  outcome_reasons text,
  closed_at timestamptz,
  -- WH: the subject still disagrees after the decision (R130, A-46), until it withdraws.
  dispute_recorded_at timestamptz,
  dispute_withdrawn_at timestamptz,
  PRIMARY KEY (subject_code, case_id)
);
CREATE INDEX objection_case_status ON objection_case (status, provider_code);
-- A case number (OBJ-XM-12) names the case id alone; the id is unique by its identity.
CREATE INDEX objection_case_id ON objection_case (case_id);

-- The records a case names (R122: the marker goes on each of them).
CREATE TABLE objection_case_record (
  subject_code text NOT NULL,
  case_id bigint NOT NULL,
  record_id bigint NOT NULL,
  -- The daily job suspended this record for the case (R126, R129); closing the case lifts it.
  suspended boolean NOT NULL DEFAULT false,
  PRIMARY KEY (subject_code, case_id, record_id),
  FOREIGN KEY (subject_code, case_id) REFERENCES objection_case (subject_code, case_id)
);
CREATE INDEX objection_case_record_record ON objection_case_record (subject_code, record_id);

-- Each deadline-bound step of a case (R6): start, computed due date, completion, OVERDUE from the next day.
CREATE TABLE objection_step (
  subject_code text NOT NULL,
  case_id bigint NOT NULL,
  -- src/core/objections/rules.ts OBJECTION_STEPS.
  step text NOT NULL,
  start_on date NOT NULL,
  due_on date NOT NULL,
  completed_at timestamptz,
  overdue boolean NOT NULL DEFAULT false,
  PRIMARY KEY (subject_code, case_id, step),
  FOREIGN KEY (subject_code, case_id) REFERENCES objection_case (subject_code, case_id)
);
CREATE INDEX objection_step_open ON objection_step (due_on) WHERE completed_at IS NULL;

-- Notices sent to a subject (R122: the outcome and its reasons). Subject-owned.
CREATE TABLE subject_notification (
  subject_code text NOT NULL,
  notification_id bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL,
  -- The case it is about, e.g. OBJ-XM-12.
  reference text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (subject_code, notification_id)
);

-- Entries for the supervision of providers (R133: a late NT provider gets an OVERDUE entry). One per
-- provider, kind and reference, so a daily job may run any number of times.
CREATE TABLE supervision_entry (
  entry_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider_code text NOT NULL REFERENCES organization (code),
  kind text NOT NULL,
  reference text NOT NULL,
  due_on date NOT NULL,
  recorded_on date NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (provider_code, kind, reference)
);
