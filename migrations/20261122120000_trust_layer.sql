-- The trust layer: account roles and status, server-side sessions, lockout bookkeeping, single sign-on
-- links, API clients of organizations, and the short-lived state of redirect and code flows.

-- The credit center's side splits into distinct roles (src/modules/accounts/roles.ts). Accounts created
-- as `center` before this migration keep what they could do: the center's own as administrators, those of
-- another organization (the competent department) as `competent`.
UPDATE account
SET role = CASE
  WHEN organization_code IN (SELECT code FROM organization WHERE kind = 'credit_center') THEN 'center_admin'
  ELSE 'competent'
END
WHERE role = 'center';

ALTER TABLE account
  ADD COLUMN status text NOT NULL DEFAULT 'active',
  ADD COLUMN password_must_change boolean NOT NULL DEFAULT false,
  -- A registered authorized operator of an organization subject (spec A-28): the ID number real-name
  -- verification must match. Natural persons verify against their own subject code.
  ADD COLUMN operator_id_number text,
  ADD COLUMN updated_at timestamptz;

ALTER TABLE account
  ADD CONSTRAINT account_status_known CHECK (status IN ('active', 'disabled')),
  ADD CONSTRAINT account_role_known CHECK (role IN (
    'subject', 'provider', 'gov', 'agency', 'center_admin', 'center_staff', 'archive', 'competent')),
  ADD CONSTRAINT account_subject_has_code CHECK ((role = 'subject') = (subject_code IS NOT NULL)),
  ADD CONSTRAINT account_staff_has_organization CHECK (role = 'subject' OR organization_code IS NOT NULL);

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of this
-- table opens no session. Sessions end (logout, idle, expiry, rotation, account disabled), never vanish.
CREATE TABLE account_session (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash             text NOT NULL UNIQUE,
  account_id             bigint NOT NULL REFERENCES account (id),
  -- The synchronizer token every state-changing request of this session must echo in X-CSRF-Token.
  csrf_token             text NOT NULL,
  created_at             timestamptz NOT NULL,
  last_seen_at           timestamptz NOT NULL,
  expires_at             timestamptz NOT NULL,
  ended_at               timestamptz,
  end_reason             text CHECK (end_reason IN ('logout', 'idle', 'expired', 'rotated', 'disabled', 'password_changed')),
  client_address         text,
  user_agent             text,
  -- Set by real-name verification (002 第六条(一)): the credit subject this session may read as itself.
  verified_subject_code  text,
  verified_at            timestamptz,
  verification_method    text
);
CREATE INDEX account_session_open ON account_session (account_id) WHERE ended_at IS NULL;

-- Every sign-in attempt by the username typed, whether or not such an account exists, so lockout never
-- tells an existing username from a missing one.
CREATE TABLE login_attempt (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username        text NOT NULL,
  attempted_at    timestamptz NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('success', 'failure', 'locked')),
  client_address  text
);
CREATE INDEX login_attempt_recent ON login_attempt (username, attempted_at DESC);

-- An account reachable by single sign-on: the identity provider's issuer and its `sub` for the person.
CREATE TABLE account_identity (
  issuer      text NOT NULL,
  subject     text NOT NULL,
  account_id  bigint NOT NULL REFERENCES account (id),
  linked_at   timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX account_identity_account ON account_identity (account_id);

-- A business system of an organization calling the API (OAuth2 client credentials). The secret is shown
-- once at creation; only its argon2id hash is kept.
CREATE TABLE api_client (
  client_id          text PRIMARY KEY,
  organization_code  text NOT NULL REFERENCES organization (code),
  name               text NOT NULL,
  scopes             text[] NOT NULL,
  secret_hash        text NOT NULL,
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  created_at         timestamptz NOT NULL,
  created_by         text NOT NULL,
  revoked_at         timestamptz,
  revoked_by         text,
  last_token_at      timestamptz
);
CREATE INDEX api_client_organization ON api_client (organization_code);

-- A sign-in or verification in progress: an OpenID Connect redirect (state, nonce, PKCE verifier) or a
-- local one-time code. Keyed by the SHA-256 of a random value held in the browser's flow cookie.
CREATE TABLE auth_flow (
  flow_hash          text PRIMARY KEY,
  purpose            text NOT NULL CHECK (purpose IN ('sso', 'realname_oidc', 'realname_local')),
  session_id         bigint REFERENCES account_session (id),
  state              text,
  nonce              text,
  code_verifier      text,
  code_hash          text,
  claimed_name       text,
  claimed_id_number  text,
  attempts           integer NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL,
  expires_at         timestamptz NOT NULL,
  finished_at        timestamptz
);
