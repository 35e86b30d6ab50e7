import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Records (`r`) joined to their current version (`v`): what a record says now. */
export function recordsWithCurrentVersion(db: Db) {
  return db
    .selectFrom('credit_record as r')
    .innerJoin('credit_record_version as v', (join) =>
      join
        .onRef('v.subject_code', '=', 'r.subject_code')
        .onRef('v.record_id', '=', 'r.record_id')
        .onRef('v.version', '=', 'r.current_version'),
    );
}

export interface ArchivedRecord {
  recordId: number;
  itemCode: string;
  itemName: string;
  category: string;
  disclosure: string;
  state: string;
  flags: string[];
  providerCode: string;
  providerName: string;
  /** The provider's registered type (R18, R19), read from the organization; null before registration. */
  providerType: string | null;
  divisionCode: string;
  recordStart: string | null;
  disclosureLastDay: string | null;
  expiresOn: string | null;
  openEnded: boolean;
  recordPeriodEnd: string | null;
  repairEligibleFrom: string | null;
  currentVersion: number;
  content: Record<string, unknown>;
  submittedAt: Date;
  derivedFrom: { subjectCode: string; recordId: number } | null;
}

/** Every record filed under a subject's code, from every provider, newest record start first (R44). */
export async function listSubjectRecords(db: Db, subjectCode: string): Promise<ArchivedRecord[]> {
  const rows = await recordsWithCurrentVersion(db)
    .innerJoin('organization as o', 'o.code', 'r.provider_code')
    .innerJoin('catalog_item_version as c', (join) =>
      join.onRef('c.item_code', '=', 'r.item_code').onRef('c.version', '=', 'v.item_version'),
    )
    .select([
      'r.record_id',
      'r.item_code',
      sql<string>`c.definition->>'name'`.as('item_name'),
      'r.category',
      'r.disclosure',
      'r.state',
      'r.flags',
      'r.provider_code',
      'o.name as provider_name',
      'o.provider_type',
      'r.division_code',
      'r.record_start',
      'r.disclosure_last_day',
      'r.expires_on',
      'r.open_ended',
      'r.record_period_end',
      'r.repair_eligible_from',
      'r.current_version',
      'v.content',
      'v.submitted_at',
      'r.derived_from_subject',
      'r.derived_from_record',
    ])
    .where('r.subject_code', '=', subjectCode)
    .orderBy('r.record_start', (ob) => ob.desc().nullsLast())
    .orderBy('r.record_id', 'desc')
    .execute();
  return rows.map((row) => ({
    recordId: row.record_id,
    itemCode: row.item_code,
    itemName: row.item_name,
    category: row.category,
    disclosure: row.disclosure,
    state: row.state,
    flags: row.flags,
    providerCode: row.provider_code,
    providerName: row.provider_name,
    providerType: row.provider_type,
    divisionCode: row.division_code,
    recordStart: row.record_start,
    disclosureLastDay: row.disclosure_last_day,
    expiresOn: row.expires_on,
    openEnded: row.open_ended,
    recordPeriodEnd: row.record_period_end,
    repairEligibleFrom: row.repair_eligible_from,
    currentVersion: row.current_version,
    content: row.content as Record<string, unknown>,
    submittedAt: row.submitted_at,
    derivedFrom:
      row.derived_from_subject !== null && row.derived_from_record !== null
        ? { subjectCode: row.derived_from_subject, recordId: row.derived_from_record }
        : null,
  }));
}

export interface RecordVersion {
  version: number;
  itemVersion: number;
  content: Record<string, unknown>;
  payloadHash: string;
  providerCode: string;
  operator: string;
  channel: string;
  batchId: number;
  rowNumber: number;
  sourceId: string | null;
  submittedAt: Date;
  modifiedOn: string | null;
  workingDaysLate: number | null;
  caseReference: string | null;
}

/** Every version of one record, oldest first (R36: corrections never overwrite). */
export async function listRecordVersions(
  db: Db,
  subjectCode: string,
  recordId: number,
): Promise<RecordVersion[]> {
  const rows = await db
    .selectFrom('credit_record_version')
    .selectAll()
    .where('subject_code', '=', subjectCode)
    .where('record_id', '=', recordId)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    itemVersion: row.item_version,
    content: row.content as Record<string, unknown>,
    payloadHash: row.payload_hash,
    providerCode: row.provider_code,
    operator: row.operator,
    channel: row.channel,
    batchId: row.batch_id,
    rowNumber: row.row_number,
    sourceId: row.source_id,
    submittedAt: row.submitted_at,
    modifiedOn: row.modified_on,
    workingDaysLate: row.working_days_late,
    caseReference: row.case_reference,
  }));
}

export interface FlaggedRecord {
  subjectCode: string;
  recordId: number;
  itemCode: string;
  providerCode: string;
  flags: string[];
  createdAt: Date;
}

/** Records carrying any of `flags`, oldest first: the center's review queue (R42, DESIGN Decision 3). */
export async function listFlaggedRecords(
  db: Db,
  flags: readonly string[],
  page: { limit: number; offset: number },
): Promise<FlaggedRecord[]> {
  const rows = await db
    .selectFrom('credit_record')
    .select(['subject_code', 'record_id', 'item_code', 'provider_code', 'flags', 'created_at'])
    .where(sql<boolean>`flags <> '{}'`)
    .where(sql<boolean>`flags && ${sql.val([...flags])}::text[]`)
    .orderBy('created_at')
    .orderBy('record_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((row) => ({
    subjectCode: row.subject_code,
    recordId: row.record_id,
    itemCode: row.item_code,
    providerCode: row.provider_code,
    flags: row.flags,
    createdAt: row.created_at,
  }));
}
