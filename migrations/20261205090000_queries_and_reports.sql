-- Queries and public credit reports (#6): the query log every non-public read writes, and the reports issued.
-- Both are subject-owned (subject_code leads every key) and kept forever: no update, no delete (000 第二十条,
-- 第三十二条 ¶2; 002 第十二条; R91, R92).

CREATE TABLE query_log (
  subject_code text NOT NULL,
  entry_id bigint GENERATED ALWAYS AS IDENTITY,
  queried_at timestamptz NOT NULL,
  -- The viewer type of spec §2.F: SELF, AUTH_3P, GOV, CSA, ARCHIVE.
  viewer text NOT NULL,
  -- ONLINE, API, ON_SITE, PROVIDER_COUNTER, BATCH, CLI (R76, R83).
  channel text NOT NULL,
  account text NOT NULL,
  account_name text NOT NULL,
  organization_code text,
  organization_name text,
  -- GOV: the duty scenario of 000 第十九条 or the profile's purpose list (R85, R86).
  scenario text,
  scenario_basis text,
  purpose text,
  case_reference text,
  -- The end operator of an embedded-interface call (R88), "name/id".
  operator text,
  batch_id text,
  report_number text,
  -- What was returned: "subject_code/record_id@version" of every record (R92).
  returned jsonb NOT NULL,
  -- RETURNED, or REFUSED with the reason code (R75 MISMATCHED_IDENTITY, R84 ITEM_NOT_PERMITTED …).
  outcome text NOT NULL,
  refusal_code text,
  PRIMARY KEY (subject_code, entry_id)
);
CREATE INDEX query_log_subject_time ON query_log (subject_code, queried_at DESC);
CREATE INDEX query_log_organization_time ON query_log (organization_code, queried_at DESC);
CREATE INDEX query_log_report ON query_log (report_number) WHERE report_number IS NOT NULL;

CREATE FUNCTION query_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'query_log is append-only (000 第三十二条 ¶2; 002 第十二条; R92)'
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER query_log_append_only
  BEFORE UPDATE OR DELETE ON query_log
  FOR EACH ROW EXECUTE FUNCTION query_log_is_append_only();

CREATE SEQUENCE credit_report_serial;

CREATE TABLE credit_report (
  subject_code text NOT NULL,
  report_number text NOT NULL,
  issued_at timestamptz NOT NULL,
  viewer text NOT NULL,
  issuer text NOT NULL,
  issued_by text NOT NULL,
  -- Printed on the report and in its QR code: with the number it opens the content on the verification page,
  -- so a guessed number alone shows no one's non-public records.
  verification_code text NOT NULL,
  -- The ReportDocument exactly as issued and signed.
  document jsonb NOT NULL,
  content_hash text NOT NULL,
  signature_algorithm text NOT NULL,
  signing_key_id text NOT NULL,
  signing_public_key text NOT NULL,
  signature text NOT NULL,
  -- SM3 of the PDF rendering, set the first time the PDF is made; the rendering is deterministic.
  pdf_hash text,
  PRIMARY KEY (subject_code, report_number)
);
CREATE INDEX credit_report_number ON credit_report (report_number);

CREATE FUNCTION credit_report_is_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.pdf_hash IS NULL AND NEW.pdf_hash IS NOT NULL
     AND (to_jsonb(NEW) - 'pdf_hash') = (to_jsonb(OLD) - 'pdf_hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'credit_report is immutable once issued (000 第二十二条): issue a new report instead'
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER credit_report_immutable
  BEFORE UPDATE OR DELETE ON credit_report
  FOR EACH ROW EXECUTE FUNCTION credit_report_is_immutable();
