-- The audit log's integrity layer (DESIGN "Data"; spec R146). Events stay in audit_event, written in the
-- transaction of the act they record. One integrator numbers the committed events without gaps (seq 0, 1,
-- 2, …) and appends their leaves to an RFC 6962 Merkle tree; signed checkpoints of the tree can be
-- exported to a party the database administrator does not control. Every table here, and audit_event,
-- refuses UPDATE, DELETE and TRUNCATE: defence in depth only, since `gongxin audit verify` must catch a
-- change made with the trigger disabled.

-- The tree's settings, fixed when its first leaf is appended, so a verifier never has to guess them.
CREATE TABLE audit_tree (
  id              smallint PRIMARY KEY CHECK (id = 1),
  hash_algorithm  text NOT NULL CHECK (hash_algorithm IN ('sm3', 'sha256')),
  created_at      timestamptz NOT NULL
);

-- One row per integrated event: its gapless sequence number and its leaf hash HASH(0x00 || canonical
-- bytes). No foreign key to audit_event on purpose: a deleted event must be found by the verifier, not
-- made impossible to delete by a constraint the same administrator can drop.
CREATE TABLE audit_leaf (
  seq        bigint PRIMARY KEY CHECK (seq >= 0),
  event_id   bigint NOT NULL UNIQUE,
  leaf_hash  bytea NOT NULL
);

-- The hash of every complete subtree of 2^level leaves (level ≥ 1; level 0 is audit_leaf), covering
-- leaves [idx·2^level, (idx+1)·2^level). With these, any root or proof costs O(log n) lookups.
CREATE TABLE audit_node (
  level  smallint NOT NULL CHECK (level BETWEEN 1 AND 62),
  idx    bigint NOT NULL CHECK (idx >= 0),
  hash   bytea NOT NULL,
  PRIMARY KEY (level, idx)
);

-- Public keys that signed checkpoints, by key id (first 8 bytes of SM3 over the SubjectPublicKeyInfo).
CREATE TABLE audit_signing_key (
  key_id         text PRIMARY KEY,
  algorithm      text NOT NULL CHECK (algorithm IN ('sm2', 'ed25519')),
  public_key     text NOT NULL,
  first_used_at  timestamptz NOT NULL
);

-- Signed tree heads. The signature covers the checkpoint body built from these columns (see
-- src/modules/audit/checkpoint.ts), never anything the database computes on reading.
CREATE TABLE audit_checkpoint (
  tree_size       bigint PRIMARY KEY CHECK (tree_size > 0),
  root_hash       bytea NOT NULL,
  hash_algorithm  text NOT NULL CHECK (hash_algorithm IN ('sm3', 'sha256')),
  signed_at       timestamptz NOT NULL,
  key_id          text NOT NULL REFERENCES audit_signing_key (key_id),
  signature       bytea NOT NULL
);

-- Where each checkpoint has been delivered (a directory or a URL, without credentials).
CREATE TABLE audit_checkpoint_export (
  tree_size    bigint NOT NULL REFERENCES audit_checkpoint (tree_size),
  target       text NOT NULL,
  exported_at  timestamptz NOT NULL,
  PRIMARY KEY (tree_size, target)
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计日志只可追加，拒绝对 % 执行 % / the audit log is append-only: % on % refused',
    TG_TABLE_NAME, TG_OP, TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

DO $$
DECLARE
  audit_table text;
BEGIN
  FOREACH audit_table IN ARRAY ARRAY['audit_event', 'audit_tree', 'audit_leaf', 'audit_node',
    'audit_signing_key', 'audit_checkpoint', 'audit_checkpoint_export']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()',
      audit_table || '_append_only', audit_table);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()',
      audit_table || '_no_truncate', audit_table);
  END LOOP;
END
$$;
