-- NT's SMS verification (短信验证, 004 第二十二条; R81): the platform sends a one-time code to the subject's
-- registered mobile number; the third party enters it to be authorized for one report. Only the code's hash
-- is kept; three wrong codes lock the request.
CREATE TABLE sms_authorization_request (
  subject_code text NOT NULL,
  request_id bigint GENERATED ALWAYS AS IDENTITY,
  grantee_code text NOT NULL,
  grantee_name text NOT NULL,
  purpose text NOT NULL,
  items text[],
  code_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('PENDING', 'USED', 'LOCKED')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (subject_code, request_id)
);
