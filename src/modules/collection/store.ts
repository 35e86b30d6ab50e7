import { type Kysely, sql, type Transaction } from 'kysely';
import type { RowReturn } from '../../core/collection/validation.ts';
import type { CollectionChannelName, Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewBatch {
  itemCode: string;
  itemVersion: number;
  providerCode: string;
  channel: CollectionChannelName;
  fileName: string | null;
  columns: readonly string[];
  submittedBy: string;
  receivedAt: Date;
  resubmits: number | null;
}

export async function insertBatch(db: Transaction<Database>, batch: NewBatch): Promise<number> {
  const row = await db
    .insertInto('collection_batch')
    .values({
      item_code: batch.itemCode,
      item_version: batch.itemVersion,
      provider_code: batch.providerCode,
      channel: batch.channel,
      file_name: batch.fileName,
      columns: JSON.stringify(batch.columns),
      submitted_by: batch.submittedBy,
      received_at: batch.receivedAt,
      progressed_at: batch.receivedAt,
      status: 'RUNNING',
      resubmits: batch.resubmits,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface BatchCounts {
  received: number;
  accepted: number;
  unchanged: number;
  returned: number;
}

export async function addToBatchCounts(
  db: Transaction<Database>,
  batchId: number,
  counts: BatchCounts,
  at: Date,
) {
  await db
    .updateTable('collection_batch')
    .set((eb) => ({
      received_rows: eb('received_rows', '+', counts.received),
      accepted: eb('accepted', '+', counts.accepted),
      unchanged: eb('unchanged', '+', counts.unchanged),
      returned: eb('returned', '+', counts.returned),
      progressed_at: at,
    }))
    .where('id', '=', batchId)
    .execute();
}

export async function finishBatch(
  db: Transaction<Database>,
  batchId: number,
  outcome: { status: 'DONE' | 'FAILED'; failure: string | null; columns: readonly string[]; at: Date },
): Promise<void> {
  await db
    .updateTable('collection_batch')
    .set({
      status: outcome.status,
      failure: outcome.failure,
      columns: JSON.stringify(outcome.columns),
      finished_at: outcome.at,
    })
    .where('id', '=', batchId)
    .execute();
}

/**
 * Ends as FAILED, with the reason, every batch still RUNNING that has not progressed since `before`; returns
 * their ids. The status condition makes it safe against a batch that finishes at the same moment.
 */
export async function failStalledBatches(
  db: Transaction<Database>,
  before: Date,
  failure: string,
  at: Date,
): Promise<number[]> {
  const rows = await db
    .updateTable('collection_batch')
    .set({ status: 'FAILED', failure, finished_at: at })
    .where('status', '=', 'RUNNING')
    .where('progressed_at', '<', before)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export interface BatchRow extends BatchCounts {
  id: number;
  itemCode: string;
  itemVersion: number;
  providerCode: string;
  providerName: string;
  channel: CollectionChannelName;
  fileName: string | null;
  columns: string[];
  submittedBy: string;
  receivedAt: Date;
  finishedAt: Date | null;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  failure: string | null;
  resubmits: number | null;
}

function batchQuery(db: Db) {
  return db
    .selectFrom('collection_batch as b')
    .innerJoin('organization as o', 'o.code', 'b.provider_code')
    .select([
      'b.id',
      'b.item_code',
      'b.item_version',
      'b.provider_code',
      'o.name as provider_name',
      'b.channel',
      'b.file_name',
      'b.columns',
      'b.submitted_by',
      'b.received_at',
      'b.finished_at',
      'b.status',
      'b.failure',
      'b.received_rows',
      'b.accepted',
      'b.unchanged',
      'b.returned',
      'b.resubmits',
    ]);
}

type BatchSelection = Awaited<ReturnType<ReturnType<typeof batchQuery>['executeTakeFirstOrThrow']>>;

function toBatchRow(row: BatchSelection): BatchRow {
  return {
    id: row.id,
    itemCode: row.item_code,
    itemVersion: row.item_version,
    providerCode: row.provider_code,
    providerName: row.provider_name,
    channel: row.channel,
    fileName: row.file_name,
    columns: row.columns,
    submittedBy: row.submitted_by,
    receivedAt: row.received_at,
    finishedAt: row.finished_at,
    status: row.status,
    failure: row.failure,
    received: row.received_rows,
    accepted: row.accepted,
    unchanged: row.unchanged,
    returned: row.returned,
    resubmits: row.resubmits,
  };
}

export async function findBatch(db: Db, batchId: number): Promise<BatchRow | undefined> {
  const row = await batchQuery(db).where('b.id', '=', batchId).executeTakeFirst();
  return row && toBatchRow(row);
}

/** Newest first; one provider's, or every provider's when `providerCode` is null (the center's overview). */
export async function listBatches(
  db: Db,
  query: { providerCode: string | null; limit: number; offset: number },
): Promise<{ items: BatchRow[]; total: number }> {
  let items = batchQuery(db);
  let count = db.selectFrom('collection_batch').select((eb) => eb.fn.countAll<number>().as('n'));
  if (query.providerCode !== null) {
    items = items.where('b.provider_code', '=', query.providerCode);
    count = count.where('provider_code', '=', query.providerCode);
  }
  const [rows, total] = await Promise.all([
    items.orderBy('b.id', 'desc').limit(query.limit).offset(query.offset).execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toBatchRow), total: total.n };
}

export interface StoredReturn {
  rowNumber: number;
  /** The row's cells by the provider's column header; forbidden values are never among them (R21). */
  cells: Record<string, string | number | boolean | null>;
  reasons: RowReturn[];
}

export async function insertReturns(
  db: Transaction<Database>,
  batchId: number,
  returns: readonly StoredReturn[],
): Promise<void> {
  if (returns.length === 0) return;
  await db
    .insertInto('collection_return')
    .values(
      returns.map((r) => ({
        batch_id: batchId,
        row_number: r.rowNumber,
        cells: JSON.stringify(r.cells),
        reasons: JSON.stringify(r.reasons),
      })),
    )
    .execute();
}

/** One page of a batch's returns in row order, after `afterRow`. */
export async function listReturns(
  db: Db,
  batchId: number,
  page: { afterRow: number; limit: number },
): Promise<StoredReturn[]> {
  const rows = await db
    .selectFrom('collection_return')
    .select(['row_number', 'cells', 'reasons'])
    .where('batch_id', '=', batchId)
    .where('row_number', '>', page.afterRow)
    .orderBy('row_number')
    .limit(page.limit)
    .execute();
  return rows.map((row) => ({
    rowNumber: row.row_number,
    cells: row.cells as StoredReturn['cells'],
    reasons: row.reasons as RowReturn[],
  }));
}

export interface RecordKey {
  subjectCode: string;
  recordKey: string;
}

export interface ExistingRecord extends RecordKey {
  recordId: number;
  currentVersion: number;
  payloadHash: string;
  state: string;
  flags: string[];
}

/**
 * The records of one item and provider that the given keys name, with their current version's hash. The
 * chunk's keys drive the join, each one probe of the unique index (subject, item, provider, key) and one of
 * the version's primary key. Filtering the records by item and provider instead let the planner read every
 * record of the provider (its own index) and hash them, which grew with the table: 70 ms a chunk at 200 k
 * records, spilling to disk (npm run bench:ingest).
 */
export async function findRecordsByKey(
  db: Db,
  scope: { itemCode: string; providerCode: string },
  keys: readonly RecordKey[],
): Promise<ExistingRecord[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<{
    subject_code: string;
    record_key: string;
    record_id: number;
    current_version: number;
    state: string;
    flags: string[];
    payload_hash: string;
  }>`
    SELECT found.*
    FROM unnest(${keys.map((key) => key.subjectCode)}::text[], ${keys.map((key) => key.recordKey)}::text[])
      AS wanted(subject_code, record_key),
    -- LIMIT keeps the planner from flattening the probe into a join it could hash (the key is unique anyway).
    LATERAL (
      SELECT r.subject_code, r.record_key, r.record_id, r.current_version, r.state, r.flags, v.payload_hash
      FROM credit_record r
      JOIN credit_record_version v
        ON v.subject_code = r.subject_code AND v.record_id = r.record_id AND v.version = r.current_version
      WHERE r.subject_code = wanted.subject_code AND r.item_code = ${scope.itemCode}
        AND r.provider_code = ${scope.providerCode} AND r.record_key = wanted.record_key
      LIMIT 1
    ) found`.execute(db);
  return rows.map((row) => ({
    subjectCode: row.subject_code,
    recordKey: row.record_key,
    recordId: Number(row.record_id),
    currentVersion: row.current_version,
    payloadHash: row.payload_hash,
    state: row.state,
    flags: row.flags,
  }));
}

/** The parts of a record that its latest version decides. */
export interface RecordState {
  category: string;
  disclosure: string;
  state: string;
  flags: readonly string[];
  divisionCode: string;
  recordStart: string | null;
  disclosureLastDay: string | null;
  expiresOn: string | null;
  openEnded: boolean;
  recordPeriodEnd: string | null;
  repairEligibleFrom: string | null;
}

export interface NewRecord extends RecordKey, RecordState {
  itemCode: string;
  providerCode: string;
  derivedFrom: { subjectCode: string; recordId: number } | null;
}

export interface NewVersion {
  itemVersion: number;
  content: Record<string, unknown>;
  payloadHash: string;
  providerCode: string;
  operator: string;
  channel: CollectionChannelName;
  batchId: number;
  rowNumber: number;
  sourceId: string | null;
  submittedAt: Date;
  modifiedOn: string | null;
  workingDaysLate: number | null;
  caseReference: string | null;
}

function recordStateColumns(state: RecordState) {
  return {
    category: state.category,
    disclosure: state.disclosure,
    state: state.state,
    flags: [...state.flags],
    division_code: state.divisionCode,
    record_start: state.recordStart,
    disclosure_last_day: state.disclosureLastDay,
    expires_on: state.expiresOn,
    open_ended: state.openEnded,
    record_period_end: state.recordPeriodEnd,
    repair_eligible_from: state.repairEligibleFrom,
  };
}

function versionColumns(subjectCode: string, recordId: number, version: number, v: NewVersion) {
  return {
    subject_code: subjectCode,
    record_id: recordId,
    version,
    item_version: v.itemVersion,
    content: JSON.stringify(v.content),
    payload_hash: v.payloadHash,
    provider_code: v.providerCode,
    operator: v.operator,
    channel: v.channel,
    batch_id: v.batchId,
    row_number: v.rowNumber,
    source_id: v.sourceId,
    submitted_at: v.submittedAt,
    modified_on: v.modifiedOn,
    working_days_late: v.workingDaysLate,
    case_reference: v.caseReference,
  };
}

/** Stores new records with their first version; returns their ids in the order given. */
export async function insertRecords(
  db: Transaction<Database>,
  records: ReadonlyArray<{ record: NewRecord; version: NewVersion }>,
  at: Date,
): Promise<number[]> {
  if (records.length === 0) return [];
  const inserted = await db
    .insertInto('credit_record')
    .values(
      records.map(({ record }) => ({
        subject_code: record.subjectCode,
        item_code: record.itemCode,
        provider_code: record.providerCode,
        record_key: record.recordKey,
        current_version: 1,
        derived_from_subject: record.derivedFrom?.subjectCode ?? null,
        derived_from_record: record.derivedFrom?.recordId ?? null,
        created_at: at,
        updated_at: at,
        ...recordStateColumns(record),
      })),
    )
    .returning(['subject_code', 'record_key', 'record_id'])
    .execute();
  const ids = new Map(inserted.map((row) => [`${row.subject_code}\u0000${row.record_key}`, row.record_id]));
  const recordIds = records.map(({ record }) => {
    const id = ids.get(`${record.subjectCode}\u0000${record.recordKey}`);
    if (id === undefined) throw new Error(`record ${record.recordKey} was not stored`);
    return id;
  });
  await db
    .insertInto('credit_record_version')
    .values(
      records.map(({ record, version }, i) =>
        versionColumns(record.subjectCode, recordIds[i] ?? 0, 1, version),
      ),
    )
    .execute();
  return recordIds;
}

/** A correction (R34–R36): a new version becomes current; the earlier ones stay as they were. */
export async function addVersion(
  db: Transaction<Database>,
  existing: ExistingRecord,
  state: RecordState,
  version: NewVersion,
  at: Date,
): Promise<number> {
  const next = existing.currentVersion + 1;
  await db
    .insertInto('credit_record_version')
    .values(versionColumns(existing.subjectCode, existing.recordId, next, version))
    .execute();
  await db
    .updateTable('credit_record')
    .set({ ...recordStateColumns(state), current_version: next, updated_at: at })
    .where('subject_code', '=', existing.subjectCode)
    .where('record_id', '=', existing.recordId)
    .execute();
  return next;
}
