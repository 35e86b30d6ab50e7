import { type Kysely, sql, type Transaction } from 'kysely';
import type { CatalogItemDefinition } from '../../core/catalog/item.ts';
import type { Database } from '../../platform/db/schema.ts';
import { recordsWithCurrentVersion } from '../records/store.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A record as disclosure needs it: its state and periods, what it says now, and the item version it came under. */
export interface DisclosableRecord extends RecordHead {
  content: Record<string, unknown>;
}

/** What judging a record needs (Tables F-1/F-2 never read what a record says): a record without its content. */
export interface RecordHead {
  subjectCode: string;
  recordId: number;
  version: number;
  itemCode: string;
  itemVersion: number;
  providerCode: string;
  providerName: string;
  category: string;
  disclosure: string;
  state: string;
  flags: string[];
  recordStart: string | null;
  disclosureLastDay: string | null;
  recordPeriodEnd: string | null;
}

function recordHeads(db: Db) {
  return recordsWithCurrentVersion(db)
    .innerJoin('organization as o', 'o.code', 'r.provider_code')
    .select([
      'r.subject_code',
      'r.record_id',
      'r.current_version',
      'r.item_code',
      'v.item_version',
      'r.provider_code',
      'o.name as provider_name',
      'r.category',
      'r.disclosure',
      'r.state',
      'r.flags',
      'r.record_start',
      'r.disclosure_last_day',
      'r.record_period_end',
    ]);
}

function disclosableRecords(db: Db) {
  return recordHeads(db).select('v.content');
}

function toHead(row: {
  subject_code: string;
  record_id: number;
  current_version: number;
  item_code: string;
  item_version: number;
  provider_code: string;
  provider_name: string;
  category: string;
  disclosure: string;
  state: string;
  flags: string[];
  record_start: string | null;
  disclosure_last_day: string | null;
  record_period_end: string | null;
}): RecordHead {
  return {
    subjectCode: row.subject_code,
    recordId: row.record_id,
    version: row.current_version,
    itemCode: row.item_code,
    itemVersion: row.item_version,
    providerCode: row.provider_code,
    providerName: row.provider_name,
    category: row.category,
    disclosure: row.disclosure,
    state: row.state,
    flags: row.flags,
    recordStart: row.record_start,
    disclosureLastDay: row.disclosure_last_day,
    recordPeriodEnd: row.record_period_end,
  };
}

function toDisclosable(row: Parameters<typeof toHead>[0] & { content: unknown }): DisclosableRecord {
  return { ...toHead(row), content: row.content as Record<string, unknown> };
}

/** Every record filed under a subject's code (R41 links are filed under it at collection), newest first. */
export async function listDisclosableRecords(db: Db, subjectCode: string): Promise<DisclosableRecord[]> {
  const rows = await disclosableRecords(db)
    .where('r.subject_code', '=', subjectCode)
    .orderBy('r.record_start', (ob) => ob.desc().nullsLast())
    .orderBy('r.record_id', 'desc')
    .execute();
  return rows.map(toDisclosable);
}

/** The same records without their content, in the same order: for a page that shows only some of them. */
export async function listRecordHeads(db: Db, subjectCode: string): Promise<RecordHead[]> {
  const rows = await recordHeads(db)
    .where('r.subject_code', '=', subjectCode)
    .orderBy('r.record_start', (ob) => ob.desc().nullsLast())
    .orderBy('r.record_id', 'desc')
    .execute();
  return rows.map(toHead);
}

/** What the given versions of a subject's records say, keyed `record@version` (a version never changes). */
export async function findRecordContents(
  db: Db,
  subjectCode: string,
  versions: ReadonlyArray<{ recordId: number; version: number }>,
): Promise<Map<string, Record<string, unknown>>> {
  if (versions.length === 0) return new Map();
  const rows = await db
    .selectFrom('credit_record_version')
    .select(['record_id', 'version', 'content'])
    .where('subject_code', '=', subjectCode)
    .where((eb) =>
      eb(
        eb.refTuple('record_id', 'version'),
        'in',
        versions.map((v) => eb.tuple(v.recordId, v.version)),
      ),
    )
    .execute();
  return new Map(
    rows.map((row) => [`${row.record_id}@${row.version}`, row.content as Record<string, unknown>]),
  );
}

/** Where a feed page ends: the last record's change time and key. */
export interface FeedCursor {
  updatedAt: Date;
  subjectCode: string;
  recordId: number;
}

/**
 * Records changed since `since` (one provider's, or every provider's), in change order after `cursor`, with
 * whether their subject is a natural person: what a publication feed pages through.
 */
export async function listChangedRecords(
  db: Db,
  query: { since: Date; providerCode: string | null; after: FeedCursor | null; limit: number },
): Promise<Array<{ record: DisclosableRecord; subject: { name: string; kind: string }; updatedAt: Date }>> {
  let builder = disclosableRecords(db)
    .innerJoin('subject as s', 's.subject_code', 'r.subject_code')
    .select(['s.kind as subject_kind', 's.name as subject_name', 'r.updated_at'])
    .where('r.updated_at', '>=', query.since);
  if (query.providerCode !== null) builder = builder.where('r.provider_code', '=', query.providerCode);
  const after = query.after;
  if (after) {
    builder = builder.where(
      sql<boolean>`(r.updated_at, r.subject_code, r.record_id) > (${after.updatedAt}, ${after.subjectCode}, ${after.recordId})`,
    );
  }
  const rows = await builder
    .orderBy('r.updated_at')
    .orderBy('r.subject_code')
    .orderBy('r.record_id')
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({
    record: toDisclosable(row),
    subject: { name: row.subject_name, kind: row.subject_kind },
    updatedAt: row.updated_at,
  }));
}

/** The definitions of the given item versions, keyed `code@version`. */
export async function findItemDefinitions(
  db: Db,
  versions: ReadonlyArray<{ itemCode: string; itemVersion: number }>,
): Promise<Map<string, CatalogItemDefinition>> {
  const pairs = new Map(versions.map((v) => [`${v.itemCode}@${v.itemVersion}`, v]));
  if (pairs.size === 0) return new Map();
  // (item_code, version) pairs, so the primary key serves the look-up.
  const rows = await db
    .selectFrom('catalog_item_version')
    .select(['item_code', 'version', 'definition'])
    .where((eb) =>
      eb.or(
        [...pairs.values()].map((v) =>
          eb.and([eb('item_code', '=', v.itemCode), eb('version', '=', v.itemVersion)]),
        ),
      ),
    )
    .execute();
  return new Map(
    rows.map((row) => [`${row.item_code}@${row.version}`, row.definition as CatalogItemDefinition]),
  );
}

export interface QueryLogEntry {
  subjectCode: string;
  queriedAt: Date;
  viewer: string;
  channel: string;
  account: string;
  accountName: string;
  organizationCode: string | null;
  organizationName: string | null;
  scenario: string | null;
  scenarioBasis: string | null;
  purpose: string | null;
  caseReference: string | null;
  operator: string | null;
  batchId: string | null;
  reportNumber: string | null;
  returned: readonly string[];
  outcome: 'RETURNED' | 'REFUSED';
  refusalCode: string | null;
  /** The subject's authorization a third-party query ran under (R80). */
  authorizationId: number | null;
}

export async function insertQueryLogEntry(db: Db, entry: QueryLogEntry): Promise<number> {
  const row = await db
    .insertInto('query_log')
    .values({
      subject_code: entry.subjectCode,
      queried_at: entry.queriedAt,
      viewer: entry.viewer,
      channel: entry.channel,
      account: entry.account,
      account_name: entry.accountName,
      organization_code: entry.organizationCode,
      organization_name: entry.organizationName,
      scenario: entry.scenario,
      scenario_basis: entry.scenarioBasis,
      purpose: entry.purpose,
      case_reference: entry.caseReference,
      operator: entry.operator,
      batch_id: entry.batchId,
      report_number: entry.reportNumber,
      returned: JSON.stringify(entry.returned),
      outcome: entry.outcome,
      refusal_code: entry.refusalCode,
      authorization_id: entry.authorizationId,
    })
    .returning('entry_id')
    .executeTakeFirstOrThrow();
  return row.entry_id;
}

export interface QueryLogRow extends QueryLogEntry {
  entryId: number;
}

function toQueryLogRow(row: {
  entry_id: number;
  subject_code: string;
  queried_at: Date;
  viewer: string;
  channel: string;
  account: string;
  account_name: string;
  organization_code: string | null;
  organization_name: string | null;
  scenario: string | null;
  scenario_basis: string | null;
  purpose: string | null;
  case_reference: string | null;
  operator: string | null;
  batch_id: string | null;
  report_number: string | null;
  returned: string[];
  outcome: string;
  refusal_code: string | null;
  authorization_id: number | null;
}): QueryLogRow {
  return {
    entryId: row.entry_id,
    subjectCode: row.subject_code,
    queriedAt: row.queried_at,
    viewer: row.viewer,
    channel: row.channel,
    account: row.account,
    accountName: row.account_name,
    organizationCode: row.organization_code,
    organizationName: row.organization_name,
    scenario: row.scenario,
    scenarioBasis: row.scenario_basis,
    purpose: row.purpose,
    caseReference: row.case_reference,
    operator: row.operator,
    batchId: row.batch_id,
    reportNumber: row.report_number,
    returned: row.returned,
    outcome: row.outcome === 'REFUSED' ? 'REFUSED' : 'RETURNED',
    refusalCode: row.refusal_code,
    authorizationId: row.authorization_id,
  };
}

/** Who queried a subject, newest first (000 第二十条; R91). */
export async function listQueriesOfSubject(
  db: Db,
  subjectCode: string,
  page: { limit: number; offset: number },
): Promise<QueryLogRow[]> {
  const rows = await db
    .selectFrom('query_log')
    .selectAll()
    .where('subject_code', '=', subjectCode)
    .orderBy('queried_at', 'desc')
    .orderBy('entry_id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toQueryLogRow);
}

/** An organization's query ledger over [from, to) (查询日志台账, R91), oldest first. */
export async function listQueriesByOrganization(
  db: Db,
  organizationCode: string,
  range: { from: Date; to: Date },
): Promise<QueryLogRow[]> {
  const rows = await db
    .selectFrom('query_log')
    .selectAll()
    .where('organization_code', '=', organizationCode)
    .where('queried_at', '>=', range.from)
    .where('queried_at', '<', range.to)
    .orderBy('queried_at')
    .orderBy('entry_id')
    .execute();
  return rows.map(toQueryLogRow);
}

/**
 * The ids of a subject's records ever returned to an organization through one viewer kind, from its query-log
 * entries (`subject/record@version`, R92), in record order.
 */
export async function listDeliveredRecordIds(
  db: Db,
  query: { subjectCode: string; organizationCode: string; viewer: string },
): Promise<number[]> {
  const rows = await db
    .selectFrom('query_log')
    .select(sql<string>`jsonb_array_elements_text(returned)`.as('reference'))
    .where('subject_code', '=', query.subjectCode)
    .where('organization_code', '=', query.organizationCode)
    .where('viewer', '=', query.viewer)
    .execute();
  const ids = rows.map(({ reference }) =>
    Number(reference.slice(reference.lastIndexOf('/') + 1).split('@')[0]),
  );
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** The query-log entries of one report (R92: searched by the report code). */
export async function listQueriesOfReport(db: Db, reportNumber: string): Promise<QueryLogRow[]> {
  const rows = await db
    .selectFrom('query_log')
    .selectAll()
    .where('report_number', '=', reportNumber)
    .orderBy('entry_id')
    .execute();
  return rows.map(toQueryLogRow);
}

export interface QueryApplication {
  applicationId: string;
  organizationCode: string;
  items: string[];
  purpose: string;
  users: string;
  validFrom: string;
  validUntil: string;
  approvedBy: string;
  createdAt: Date;
}

export async function insertQueryApplication(db: Db, application: QueryApplication): Promise<void> {
  await db
    .insertInto('query_application')
    .values({
      application_id: application.applicationId,
      organization_code: application.organizationCode,
      items: application.items,
      purpose: application.purpose,
      users: application.users,
      valid_from: application.validFrom,
      valid_until: application.validUntil,
      approved_by: application.approvedBy,
      created_at: application.createdAt,
    })
    .execute();
}

function toApplication(row: {
  application_id: string;
  organization_code: string;
  items: string[];
  purpose: string;
  users: string;
  valid_from: string;
  valid_until: string;
  approved_by: string;
  created_at: Date;
}): QueryApplication {
  return {
    applicationId: row.application_id,
    organizationCode: row.organization_code,
    items: row.items,
    purpose: row.purpose,
    users: row.users,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    approvedBy: row.approved_by,
    createdAt: row.created_at,
  };
}

/** Every approved application of an agency, whatever its period. */
export async function listQueryApplications(db: Db, organizationCode: string): Promise<QueryApplication[]> {
  const rows = await db
    .selectFrom('query_application')
    .selectAll()
    .where('organization_code', '=', organizationCode)
    .orderBy('valid_until', 'desc')
    .execute();
  return rows.map(toApplication);
}

export async function findQueryApplication(
  db: Db,
  applicationId: string,
): Promise<QueryApplication | undefined> {
  const row = await db
    .selectFrom('query_application')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return row && toApplication(row);
}
