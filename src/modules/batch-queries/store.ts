import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DisclosureAttribute } from '../../core/catalog/item.ts';
import type { BatchAccessBasis } from '../../core/policy/types.ts';
import type { BatchViewerKind } from '../../core/queries/batch.ts';
import type { BatchQueryApprovalTable, Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A party's batch access: XM's approval by the competent department or NT's sharing agreement (R98, R100). */
export interface BatchApproval {
  approvalId: string;
  organizationCode: string;
  basis: BatchAccessBasis;
  scope: string;
  /** The disclosure attributes covered. */
  attributes: DisclosureAttribute[];
  /** Catalog item codes it is narrowed to; null: every item of the attributes covered. */
  items: string[] | null;
  validFrom: string;
  validUntil: string;
  securityConditions: string;
  approvedBy: string;
  createdAt: Date;
}

export async function approvalExists(db: Db, approvalId: string): Promise<boolean> {
  const row = await db
    .selectFrom('batch_query_approval')
    .select('approval_id')
    .where('approval_id', '=', approvalId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertApproval(db: Db, approval: BatchApproval): Promise<void> {
  await db
    .insertInto('batch_query_approval')
    .values({
      approval_id: approval.approvalId,
      organization_code: approval.organizationCode,
      basis: approval.basis,
      scope: approval.scope,
      attributes: approval.attributes,
      items: approval.items,
      valid_from: approval.validFrom,
      valid_until: approval.validUntil,
      security_conditions: approval.securityConditions,
      approved_by: approval.approvedBy,
      created_at: approval.createdAt,
    })
    .execute();
}

function toApproval(row: Selectable<BatchQueryApprovalTable>): BatchApproval {
  return {
    approvalId: row.approval_id,
    organizationCode: row.organization_code,
    basis: row.basis === 'AGREEMENT' ? 'AGREEMENT' : 'APPROVAL',
    scope: row.scope,
    // Written only by insertApproval from checked attributes.
    attributes: row.attributes as DisclosureAttribute[],
    items: row.items,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    securityConditions: row.security_conditions,
    approvedBy: row.approved_by,
    createdAt: row.created_at,
  };
}

/** The agency's approval in force on `day`, else its latest one (to say when it lapsed), else none. */
export async function findApprovalFor(
  db: Db,
  organizationCode: string,
  day: string,
): Promise<BatchApproval | undefined> {
  const row = await db
    .selectFrom('batch_query_approval')
    .selectAll()
    .where('organization_code', '=', organizationCode)
    .orderBy(sql`(valid_from <= ${day} and valid_until >= ${day})`, 'desc')
    .orderBy('valid_until', 'desc')
    .executeTakeFirst();
  return row && toApproval(row);
}

export async function findApproval(db: Db, approvalId: string): Promise<BatchApproval | undefined> {
  const row = await db
    .selectFrom('batch_query_approval')
    .selectAll()
    .where('approval_id', '=', approvalId)
    .executeTakeFirst();
  return row && toApproval(row);
}

/** Every approval or agreement recorded with its party's name, the latest validity first (a small table). */
export async function listApprovals(
  db: Db,
): Promise<Array<BatchApproval & { organizationName: string | null }>> {
  const rows = await db
    .selectFrom('batch_query_approval as a')
    .leftJoin('organization as o', 'o.code', 'a.organization_code')
    .selectAll('a')
    .select('o.name as organization_name')
    .orderBy('a.valid_until', 'desc')
    .orderBy('a.approval_id')
    .execute();
  return rows.map((row) => ({ ...toApproval(row), organizationName: row.organization_name }));
}

export interface BatchQuery {
  batchId: string;
  organizationCode: string;
  approvalId: string;
  submittedBy: string;
  purpose: string;
  /** The viewer of Tables F-1/F-2 its subjects are answered for. */
  viewer: BatchViewerKind;
  /** A government unit's declared purpose from the city's list (004 第二十五条; R86), and its words for "other". */
  scenario: string | null;
  scenarioBasis: string | null;
  /** The end operator of a government system's call (R88). */
  operator: string | null;
  /** The items of the scoped query account that submitted it (R89); null: not scoped. */
  itemScope: string[] | null;
  status: 'RUNNING' | 'DONE';
  total: number;
  done: number;
  createdAt: Date;
  finishedAt: Date | null;
}

const INSERT_CHUNK = 1_000;

export async function insertBatch(
  db: Db,
  batch: Omit<BatchQuery, 'status' | 'done' | 'finishedAt'>,
  codes: readonly string[],
): Promise<void> {
  await db
    .insertInto('batch_query')
    .values({
      batch_id: batch.batchId,
      organization_code: batch.organizationCode,
      approval_id: batch.approvalId,
      submitted_by: batch.submittedBy,
      purpose: batch.purpose,
      viewer: batch.viewer,
      scenario: batch.scenario,
      scenario_basis: batch.scenarioBasis,
      operator: batch.operator,
      item_scope: batch.itemScope,
      status: 'RUNNING',
      total: batch.total,
      created_at: batch.createdAt,
    })
    .execute();
  for (let start = 0; start < codes.length; start += INSERT_CHUNK) {
    await db
      .insertInto('batch_query_row')
      .values(
        codes.slice(start, start + INSERT_CHUNK).map((code, index) => ({
          batch_id: batch.batchId,
          row_number: start + index + 1,
          code,
          subject_code: null,
          outcome: null,
          records: null,
        })),
      )
      .execute();
  }
}

export async function findBatch(db: Db, batchId: string): Promise<BatchQuery | undefined> {
  const row = await db
    .selectFrom('batch_query')
    .selectAll()
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  return (
    row && {
      batchId: row.batch_id,
      organizationCode: row.organization_code,
      approvalId: row.approval_id,
      submittedBy: row.submitted_by,
      purpose: row.purpose,
      viewer: row.viewer === 'GOV' ? 'GOV' : 'CSA',
      scenario: row.scenario,
      scenarioBasis: row.scenario_basis,
      operator: row.operator,
      itemScope: row.item_scope,
      status: row.status === 'DONE' ? 'DONE' : 'RUNNING',
      total: row.total,
      done: row.done,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
    }
  );
}

export async function runningBatchIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('batch_query')
    .select('batch_id')
    .where('status', '=', 'RUNNING')
    .execute();
  return rows.map((r) => r.batch_id);
}

export interface PendingRow {
  rowNumber: number;
  code: string;
}

/** The next rows not yet answered, locked so two runners never answer the same row twice. */
export async function takePendingRows(db: Db, batchId: string, limit: number): Promise<PendingRow[]> {
  const rows = await db
    .selectFrom('batch_query_row')
    .select(['row_number', 'code'])
    .where('batch_id', '=', batchId)
    .where('outcome', 'is', null)
    .orderBy('row_number')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => ({ rowNumber: r.row_number, code: r.code }));
}

export interface AnsweredRow {
  rowNumber: number;
  subjectCode: string | null;
  outcome: 'RETURNED' | 'SUBJECT_NOT_FOUND';
  records: unknown;
}

export async function saveAnsweredRows(db: Db, batchId: string, rows: readonly AnsweredRow[]): Promise<void> {
  for (const row of rows) {
    await db
      .updateTable('batch_query_row')
      .set({ subject_code: row.subjectCode, outcome: row.outcome, records: JSON.stringify(row.records) })
      .where('batch_id', '=', batchId)
      .where('row_number', '=', row.rowNumber)
      .execute();
  }
  await db
    .updateTable('batch_query')
    .set((eb) => ({ done: eb('done', '+', rows.length) }))
    .where('batch_id', '=', batchId)
    .execute();
}

/**
 * Marks the batch DONE once no row is left unanswered; false when another runner still holds rows (locked,
 * so this runner found none to take): that runner finishes the batch after its chunk commits.
 */
export async function finishBatch(db: Db, batchId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('batch_query')
    .set({ status: 'DONE', finished_at: at })
    .where('batch_id', '=', batchId)
    .where('status', '=', 'RUNNING')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('batch_query_row as r')
            .select('r.row_number')
            .where('r.batch_id', '=', batchId)
            .where('r.outcome', 'is', null),
        ),
      ),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface ResultRow {
  rowNumber: number;
  code: string;
  subjectCode: string | null;
  outcome: string | null;
  records: unknown;
}

/** A batch's answered rows in order, a page at a time (a results file streams them). */
export async function listResultRows(
  db: Db,
  batchId: string,
  after: number,
  limit: number,
): Promise<ResultRow[]> {
  const rows = await db
    .selectFrom('batch_query_row')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('row_number', '>', after)
    .orderBy('row_number')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    rowNumber: r.row_number,
    code: r.code,
    subjectCode: r.subject_code,
    outcome: r.outcome,
    records: r.records,
  }));
}
