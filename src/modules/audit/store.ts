import { type Kysely, sql, type Transaction } from 'kysely';
import type { HashAlgorithm } from '../../platform/crypto/hash.ts';
import type { NodeHash, NodeRef } from '../../platform/crypto/merkle.ts';
import type { SignatureAlgorithm } from '../../platform/crypto/signing.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { CanonicalEvent } from './canonical.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** bytea arrives as a Buffer from node-postgres and as a plain Uint8Array from PGlite; the code compares Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface AuditEventRow {
  occurredAt: Date;
  actor: string;
  organizationCode: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  purpose: string | null;
  requestId: string | null;
  payloadHash: string;
  detail: Record<string, unknown>;
}

export async function insertAuditEvent(db: Transaction<Database>, event: AuditEventRow): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      occurred_at: event.occurredAt,
      actor: event.actor,
      organization_code: event.organizationCode,
      action: event.action,
      object_type: event.objectType,
      object_id: event.objectId,
      purpose: event.purpose,
      request_id: event.requestId,
      payload_hash: event.payloadHash,
      detail: JSON.stringify(event.detail),
    })
    .execute();
}

/**
 * Gives the transaction its id now, before it draws an event id from the sequence. The integrator's
 * barrier (integrate-events.ts) relies on it: whoever holds an event id is a transaction it can see.
 */
export async function assignTransactionId(db: Transaction<Database>): Promise<void> {
  await sql`SELECT pg_current_xact_id()`.execute(db);
}

/** Serialises integrators and checkpoint signers across instances on one PostgreSQL database. */
const INTEGRATOR_LOCK_KEY = 7_271_146;

export async function tryIntegratorLock(trx: Transaction<Database>): Promise<boolean> {
  const { rows } = await sql<{
    locked: boolean;
  }>`SELECT pg_try_advisory_xact_lock(${sql.lit(INTEGRATOR_LOCK_KEY)}) AS locked`.execute(trx);
  return rows[0]?.locked === true;
}

/** The highest event id the sequence has handed out (committed or not), or 0 before the first. */
export async function allocatedEventId(db: Db): Promise<number> {
  const { rows } = await sql<{
    last: number | null;
  }>`SELECT pg_sequence_last_value(pg_get_serial_sequence('audit_event', 'id')::regclass) AS last`.execute(
    db,
  );
  return rows[0]?.last ?? 0;
}

export async function currentSnapshot(db: Db): Promise<string> {
  const { rows } = await sql<{ snapshot: string }>`SELECT pg_current_snapshot()::text AS snapshot`.execute(
    db,
  );
  return rows[0]?.snapshot ?? '';
}

/** How many of the transactions in progress at `snapshot` are still running now. */
export async function transactionsStillRunning(db: Db, snapshot: string): Promise<number> {
  const { rows } = await sql<{ running: number }>`
    SELECT count(*)::int AS running
    FROM pg_snapshot_xip(${snapshot}::pg_snapshot) AS old(xid)
    WHERE NOT pg_visible_in_snapshot(old.xid, pg_current_snapshot())`.execute(db);
  return rows[0]?.running ?? 0;
}

export async function treeAlgorithm(db: Db): Promise<HashAlgorithm | null> {
  const row = await db
    .selectFrom('audit_tree')
    .select('hash_algorithm')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.hash_algorithm ?? null;
}

/** The tree's algorithm: the stored one, or `algorithm` stored now for a tree that has no leaf yet. */
export async function ensureTree(
  trx: Transaction<Database>,
  algorithm: HashAlgorithm,
  now: Date,
): Promise<HashAlgorithm> {
  await trx
    .insertInto('audit_tree')
    .values({ id: 1, hash_algorithm: algorithm, created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return (await treeAlgorithm(trx)) ?? algorithm;
}

export interface TreeHead {
  size: number;
  lastEventId: number;
}

export async function treeHead(db: Db): Promise<TreeHead> {
  const last = await db
    .selectFrom('audit_leaf')
    .select(['seq', 'event_id'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { size: last.seq + 1, lastEventId: last.event_id } : { size: 0, lastEventId: 0 };
}

/** The columns of audit_event in their canonical text forms (see canonical.ts), under the names CanonicalEvent uses. */
const canonicalColumns = sql`e.id,
  to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
  e.actor, e.organization_code AS "organizationCode", e.action, e.object_type AS "objectType",
  e.object_id AS "objectId", e.purpose, e.request_id AS "requestId", e.payload_hash AS "payloadHash",
  e.detail::text AS detail`;

/**
 * The canonical bytes of canonical.ts, built by the database as one text value: the verifier and the
 * integrator then parse one column per event instead of eleven, and the encoding runs on the database's
 * core. canonicalEventBytes stays the reference; the tests hold the two to the same bytes.
 */
const canonicalText = sql.raw(
  `'gongxin.audit_event.v1' || E'\\n' || ${[
    'e.id::text',
    `to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    'e.actor',
    'e.organization_code',
    'e.action',
    'e.object_type',
    'e.object_id',
    'e.purpose',
    'e.request_id',
    'e.payload_hash',
    'e.detail::text',
  ]
    .map(
      (f) => `CASE WHEN ${f} IS NULL THEN E'-\\n' ELSE octet_length(${f})::text || ':' || ${f} || E'\\n' END`,
    )
    .join(' || ')}`,
);

export interface EventToIntegrate {
  id: number;
  canonical: string;
}

/** Committed events with afterId < id ≤ upToId, in id order, with their canonical bytes (as text). */
export async function eventsToIntegrate(
  db: Db,
  afterId: number,
  upToId: number,
  limit: number,
): Promise<EventToIntegrate[]> {
  const { rows } = await sql<EventToIntegrate>`
    SELECT e.id, ${canonicalText} AS canonical FROM audit_event e
    WHERE e.id > ${afterId} AND e.id <= ${upToId}
    ORDER BY e.id LIMIT ${limit}`.execute(db);
  return rows;
}

export async function eventBySeq(db: Db, seq: number): Promise<CanonicalEvent | undefined> {
  const { rows } = await sql<CanonicalEvent>`
    SELECT ${canonicalColumns} FROM audit_leaf l JOIN audit_event e ON e.id = l.event_id
    WHERE l.seq = ${seq}`.execute(db);
  return rows[0];
}

export interface LeafRow {
  seq: number;
  eventId: number;
  leafHash: Buffer;
}

/** Appends leaves and the subtree hashes they complete (arrays through unnest: one statement each). */
export async function appendLeaves(
  trx: Transaction<Database>,
  leaves: LeafRow[],
  nodes: NodeHash[],
): Promise<void> {
  if (leaves.length > 0) {
    await sql`INSERT INTO audit_leaf (seq, event_id, leaf_hash)
      SELECT seq, event_id, decode(leaf_hash, 'hex')
      FROM unnest(${leaves.map((l) => l.seq)}::bigint[], ${leaves.map((l) => l.eventId)}::bigint[],
                  ${leaves.map((l) => l.leafHash.toString('hex'))}::text[]) AS t(seq, event_id, leaf_hash)`.execute(
      trx,
    );
  }
  if (nodes.length > 0) {
    await sql`INSERT INTO audit_node (level, idx, hash)
      SELECT level, idx, decode(hash, 'hex')
      FROM unnest(${nodes.map((n) => n.level)}::smallint[], ${nodes.map((n) => n.index)}::bigint[],
                  ${nodes.map((n) => n.hash.toString('hex'))}::text[]) AS t(level, idx, hash)`.execute(trx);
  }
}

export const nodeKey = (ref: NodeRef): string => `${ref.level}/${ref.index}`;

/** The stored hashes of complete subtrees, by `nodeKey`; a subtree not stored is simply absent. */
export async function storedNodes(db: Db, refs: readonly NodeRef[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const leaves = refs.filter((ref) => ref.level === 0).map((ref) => ref.index);
  const inner = refs.filter((ref) => ref.level > 0);
  if (leaves.length > 0) {
    const rows = await db
      .selectFrom('audit_leaf')
      .select(['seq', 'leaf_hash'])
      .where('seq', 'in', leaves)
      .execute();
    for (const row of rows) found.set(nodeKey({ level: 0, index: row.seq }), asBuffer(row.leaf_hash));
  }
  if (inner.length > 0) {
    const { rows } = await sql<{ level: number; idx: number; hash: Buffer }>`
      SELECT n.level, n.idx, n.hash FROM audit_node n
      JOIN unnest(${inner.map((r) => r.level)}::smallint[], ${inner.map((r) => r.index)}::bigint[]) AS want(level, idx)
        ON n.level = want.level AND n.idx = want.idx`.execute(db);
    for (const row of rows) found.set(nodeKey({ level: row.level, index: row.idx }), asBuffer(row.hash));
  }
  return found;
}

export interface CheckpointRow {
  treeSize: number;
  rootHash: Buffer;
  hashAlgorithm: HashAlgorithm;
  /** The signing time in the canonical form the signature covers (see canonical.ts). */
  signedAt: string;
  keyId: string;
  signatureAlgorithm: SignatureAlgorithm;
  publicKeyPem: string;
  signature: Buffer;
}

function checkpointQuery(db: Db) {
  return db
    .selectFrom('audit_checkpoint as c')
    .innerJoin('audit_signing_key as k', 'k.key_id', 'c.key_id')
    .select([
      'c.tree_size as treeSize',
      'c.root_hash as rootHash',
      'c.hash_algorithm as hashAlgorithm',
      sql<string>`to_char(c.signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('signedAt'),
      'c.key_id as keyId',
      'k.algorithm as signatureAlgorithm',
      'k.public_key as publicKeyPem',
      'c.signature',
    ]);
}

function checkpointRow(row: CheckpointRow | undefined): CheckpointRow | undefined {
  return row && { ...row, rootHash: asBuffer(row.rootHash), signature: asBuffer(row.signature) };
}

export async function latestCheckpoint(db: Db): Promise<CheckpointRow | undefined> {
  return checkpointRow(await checkpointQuery(db).orderBy('c.tree_size', 'desc').limit(1).executeTakeFirst());
}

export async function checkpointAt(db: Db, treeSize: number): Promise<CheckpointRow | undefined> {
  return checkpointRow(await checkpointQuery(db).where('c.tree_size', '=', treeSize).executeTakeFirst());
}

export async function allCheckpoints(db: Db): Promise<CheckpointRow[]> {
  return (await checkpointQuery(db).orderBy('c.tree_size').execute()).map(
    (row) => checkpointRow(row) as CheckpointRow,
  );
}

export async function insertCheckpoint(
  trx: Transaction<Database>,
  checkpoint: Omit<CheckpointRow, 'signedAt'> & { signedAt: Date },
): Promise<void> {
  await trx
    .insertInto('audit_signing_key')
    .values({
      key_id: checkpoint.keyId,
      algorithm: checkpoint.signatureAlgorithm,
      public_key: checkpoint.publicKeyPem,
      first_used_at: checkpoint.signedAt,
    })
    .onConflict((oc) => oc.column('key_id').doNothing())
    .execute();
  await trx
    .insertInto('audit_checkpoint')
    .values({
      tree_size: checkpoint.treeSize,
      root_hash: checkpoint.rootHash,
      hash_algorithm: checkpoint.hashAlgorithm,
      signed_at: checkpoint.signedAt,
      key_id: checkpoint.keyId,
      signature: checkpoint.signature,
    })
    .execute();
}

/** Checkpoints not yet delivered to `target`, oldest first. */
export async function checkpointsNotExportedTo(
  db: Db,
  target: string,
  limit: number,
): Promise<CheckpointRow[]> {
  const rows = await checkpointQuery(db)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('audit_checkpoint_export as x')
            .select('x.tree_size')
            .whereRef('x.tree_size', '=', 'c.tree_size')
            .where('x.target', '=', target),
        ),
      ),
    )
    .orderBy('c.tree_size')
    .limit(limit)
    .execute();
  return rows.map((row) => checkpointRow(row) as CheckpointRow);
}

export async function recordExport(db: Db, treeSize: number, target: string, now: Date): Promise<void> {
  await db
    .insertInto('audit_checkpoint_export')
    .values({ tree_size: treeSize, target, exported_at: now })
    .onConflict((oc) => oc.columns(['tree_size', 'target']).doNothing())
    .execute();
}

export interface LoggedEntry {
  seq: number;
  eventId: number;
  leafHash: Buffer;
  /** The canonical bytes (as text) of the event as it is stored now, or null when its row is gone. */
  canonical: string | null;
}

/** Integrated entries from `fromSeq` on, in seq order, each with its event as stored now. */
export async function loggedEntries(db: Db, fromSeq: number, limit: number): Promise<LoggedEntry[]> {
  const { rows } = await sql<LoggedEntry>`
    SELECT l.seq, l.event_id AS "eventId", l.leaf_hash AS "leafHash",
      CASE WHEN e.id IS NOT NULL THEN ${canonicalText} END AS canonical
    FROM audit_leaf l LEFT JOIN audit_event e ON e.id = l.event_id
    WHERE l.seq >= ${fromSeq}
    ORDER BY l.seq LIMIT ${limit}`.execute(db);
  for (const row of rows) row.leafHash = asBuffer(row.leafHash);
  return rows;
}

export async function countEventsUpTo(db: Db, maxId: number): Promise<number> {
  const row = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('id', '<=', maxId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function countEventsAfter(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('id', '>', id)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The lowest event id at or below `maxId` that has no leaf: a row added behind the integrator's back. */
export async function firstUnloggedEventUpTo(db: Db, maxId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('audit_event as e')
    .select('e.id')
    .where('e.id', '<=', maxId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('audit_leaf as l').select('l.seq').whereRef('l.event_id', '=', 'e.id'))),
    )
    .orderBy('e.id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** The seq of the first logged event with an id above `eventId`: where an unlogged event would sit. */
export async function seqAfterEventId(db: Db, eventId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('audit_leaf')
    .select('seq')
    .where('event_id', '>', eventId)
    .orderBy('event_id')
    .limit(1)
    .executeTakeFirst();
  return row?.seq;
}
