-- Batch queries by credit service agencies (信用服务机构批量查询, 000 第二十一条 ¶2; R98–R100).

-- The competent department's approval of an agency's batch access: scope, validity, security conditions.
CREATE TABLE batch_query_approval (
  approval_id text PRIMARY KEY,
  organization_code text NOT NULL REFERENCES organization (code),
  scope text NOT NULL,
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  security_conditions text NOT NULL,
  approved_by text NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK (valid_from <= valid_until)
);
CREATE INDEX batch_query_approval_organization ON batch_query_approval (organization_code, valid_until DESC);

CREATE TABLE batch_query (
  batch_id text PRIMARY KEY,
  organization_code text NOT NULL REFERENCES organization (code),
  approval_id text NOT NULL REFERENCES batch_query_approval (approval_id),
  submitted_by text NOT NULL,
  purpose text NOT NULL,
  status text NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
  total integer NOT NULL,
  done integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX batch_query_organization ON batch_query (organization_code, created_at DESC);

-- One subject of a batch: the code as listed and, once processed, what was returned.
CREATE TABLE batch_query_row (
  batch_id text NOT NULL REFERENCES batch_query (batch_id),
  row_number integer NOT NULL,
  code text NOT NULL,
  subject_code text,
  outcome text,
  records jsonb,
  PRIMARY KEY (batch_id, row_number)
);
