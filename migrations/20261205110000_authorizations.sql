-- Authorizations (授权) a subject gives a third party to query its non-public records (000 第十八条;
-- 003 第二十二条(三); 004 第二十二条; R80). Subject-owned: subject_code leads the key. Never deleted: a
-- revocation or a used single-report authorization changes its status.
CREATE TABLE subject_authorization (
  subject_code text NOT NULL,
  authorization_id bigint GENERATED ALWAYS AS IDENTITY,
  -- The code of the authorized querier (USCC or ID number) and its name as the document gives it.
  grantee_code text NOT NULL,
  grantee_name text NOT NULL,
  purpose text NOT NULL,
  -- Item codes; NULL: all 授权查询 items (R80 default).
  items text[],
  -- WRITTEN (a document presented at a counter), ONLINE_CODE (granted in the subject's own session),
  -- SMS_VERIFICATION (NT).
  form text NOT NULL,
  signed_on date NOT NULL,
  valid_from date NOT NULL,
  -- NULL: no validity stated; covers a single report on the day of application (A-30).
  valid_until date,
  -- ONLINE_CODE: the code the subject hands to the grantee; NULL for a written authorization.
  access_code text,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED', 'CONSUMED')),
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (subject_code, authorization_id)
);
CREATE INDEX subject_authorization_grantee ON subject_authorization (grantee_code, subject_code);
CREATE UNIQUE INDEX subject_authorization_access_code
  ON subject_authorization (subject_code, access_code) WHERE access_code IS NOT NULL;

-- The authorization a third-party query ran under (R80: every third-party query is bound to one).
ALTER TABLE query_log ADD COLUMN authorization_id bigint;
