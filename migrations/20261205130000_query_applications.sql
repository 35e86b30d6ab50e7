-- Query applications (查询申请): WH agencies' written applications to the center for government-shared
-- items (003 第二十三条 ¶1; R87), and XM agencies' applications to the competent department that an assisted
-- query by center staff rests on (002 第九条 ¶3; R90). Recorded once approved; never deleted.
CREATE TABLE query_application (
  application_id text PRIMARY KEY,
  organization_code text NOT NULL REFERENCES organization (code),
  -- Catalog item codes the application covers.
  items text[] NOT NULL,
  purpose text NOT NULL,
  -- Who will use the information (使用人员).
  users text NOT NULL,
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  approved_by text NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK (valid_from <= valid_until)
);
CREATE INDEX query_application_organization ON query_application (organization_code, valid_until DESC);
