import type { DisclosureAttribute } from '../../core/catalog/item.ts';
import type { RecordFacts } from '../../core/collection/facts.ts';
import type { RecordFlag, RecordValidation, ValidatedSubject } from '../../core/collection/validation.ts';
import type { RecordPeriods } from '../../core/policy/record-periods.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { OpenBatch } from './open-batch.ts';
import {
  addVersion,
  type ExistingRecord,
  findRecordsByKey,
  insertRecords,
  type NewRecord,
  type NewVersion,
  type RecordState,
} from './store.ts';

/** A row that passed validation, ready to become a record or a new version of one. */
export interface AcceptedRow {
  rowNumber: number;
  subject: ValidatedSubject;
  subjectName: string | null;
  legalRepresentative: string | null;
  /** The division the record belongs to (R17): the subject's, or the provider's when the code carries none. */
  divisionCode: string;
  facts: RecordFacts;
  content: Record<string, unknown>;
  payloadHash: string;
  validation: RecordValidation & { periods: RecordPeriods };
  /** R38: the organization record a responsible person's record derives from, with its own key and audience. */
  derived: {
    subjectCode: string;
    recordId: number;
    recordKey: string;
    disclosure: DisclosureAttribute;
  } | null;
}

export interface StoredRow {
  row: AcceptedRow;
  subjectCode: string;
  recordId: number;
  version: number;
}

export interface StoreOutcome {
  /** New records and new versions, in row order. */
  stored: StoredRow[];
  newOrCorrected: number;
  unchanged: number;
}

/**
 * What makes a resubmitted row the same record (issue #5): the provider's `source_id`, else the decision
 * number (with item and subject, which the key is always scoped by), else the content itself.
 */
function recordKeyOf(row: AcceptedRow): string {
  if (row.derived) return row.derived.recordKey;
  if (row.facts.sourceId) return `source:${row.facts.sourceId}`;
  if (row.facts.documentNumber) return `document:${row.facts.documentNumber}`;
  return `content:${row.payloadHash}`;
}

/**
 * Stores accepted rows: a new key becomes a record (version 1), a known key with the same content is an
 * identical resubmission and changes nothing, a known key with other content is a correction — a new
 * version, the earlier ones kept (R36, 000 第十二条 ¶2), flagged LATE when it came after the deadline (R34,
 * R35). Rows repeating a key already seen in this chunk are stored after it, so they meet it as existing.
 */
export async function storeAcceptedRows(
  ctx: UseCaseContext,
  batch: OpenBatch,
  rows: readonly AcceptedRow[],
): Promise<StoreOutcome> {
  const outcome: StoreOutcome = { stored: [], newOrCorrected: 0, unchanged: 0 };
  let pending = rows.map((row) => ({ row, key: recordKeyOf(row) }));
  while (pending.length > 0) {
    const seen = new Set<string>();
    const now: typeof pending = [];
    const later: typeof pending = [];
    for (const entry of pending) {
      const id = `${entry.row.subject.code}\u0000${entry.key}`;
      (seen.has(id) ? later : now).push(entry);
      seen.add(id);
    }
    await storeDistinct(ctx, batch, now, outcome);
    pending = later;
  }
  outcome.stored.sort((a, b) => a.row.rowNumber - b.row.rowNumber);
  return outcome;
}

async function storeDistinct(
  ctx: UseCaseContext,
  batch: OpenBatch,
  entries: ReadonlyArray<{ row: AcceptedRow; key: string }>,
  outcome: StoreOutcome,
): Promise<void> {
  const scope = { itemCode: batch.item.definition.code, providerCode: batch.provider.code };
  const existing = new Map<string, ExistingRecord>(
    (
      await findRecordsByKey(
        ctx.db,
        scope,
        entries.map((e) => ({ subjectCode: e.row.subject.code, recordKey: e.key })),
      )
    ).map((record) => [`${record.subjectCode}\u0000${record.recordKey}`, record]),
  );
  const now = ctx.clock.now();
  const inserts: Array<{ row: AcceptedRow; record: NewRecord; version: NewVersion }> = [];
  for (const { row, key } of entries) {
    const known = existing.get(`${row.subject.code}\u0000${key}`);
    if (known && known.payloadHash === row.payloadHash) {
      outcome.unchanged += 1;
      continue;
    }
    const late = known !== undefined && (row.validation.correction?.workingDaysLate ?? 0) > 0;
    const state = recordState(batch, row, late);
    const version = versionOf(ctx, batch, row, known !== undefined);
    if (known) {
      const next = await addVersion(ctx.db, known, state, version, now);
      outcome.stored.push({ row, subjectCode: known.subjectCode, recordId: known.recordId, version: next });
    } else {
      inserts.push({
        row,
        record: {
          ...state,
          subjectCode: row.subject.code,
          recordKey: key,
          itemCode: scope.itemCode,
          providerCode: scope.providerCode,
          derivedFrom: row.derived && {
            subjectCode: row.derived.subjectCode,
            recordId: row.derived.recordId,
          },
        },
        version,
      });
    }
    outcome.newOrCorrected += 1;
  }
  const ids = await insertRecords(ctx.db, inserts, now);
  inserts.forEach((insert, i) => {
    outcome.stored.push({
      row: insert.row,
      subjectCode: insert.record.subjectCode,
      recordId: ids[i] ?? 0,
      version: 1,
    });
  });
}

function recordState(batch: OpenBatch, row: AcceptedRow, late: boolean): RecordState {
  const definition = batch.item.definition;
  const periods = row.validation.periods;
  const flags: RecordFlag[] = row.validation.flags.filter((flag) => flag !== 'LATE');
  if (late) flags.push('LATE');
  return {
    // Publication refuses an item without both (R8, R9), so a published item always has them.
    category: definition.category ?? 'other',
    disclosure: row.derived?.disclosure ?? definition.disclosure ?? 'government',
    // 003 第三十一条 (R35): a revoked decision's record leaves every channel at once.
    state: row.facts.revoked ? 'REVOKED' : (periods.stateOnAcceptance ?? 'ACTIVE'),
    flags,
    divisionCode: row.divisionCode,
    recordStart: periods.recordStart,
    disclosureLastDay: periods.disclosureLastDay,
    expiresOn: periods.expiresOn,
    openEnded: periods.openEnded,
    recordPeriodEnd: periods.recordPeriodEnd,
    repairEligibleFrom: periods.repairEligibleFrom,
  };
}

function versionOf(ctx: UseCaseContext, batch: OpenBatch, row: AcceptedRow, correction: boolean): NewVersion {
  return {
    itemVersion: batch.item.version,
    content: row.content,
    payloadHash: row.payloadHash,
    providerCode: batch.provider.code,
    operator: ctx.actor.id,
    channel: batch.channel,
    batchId: batch.id,
    rowNumber: row.rowNumber,
    sourceId: row.facts.sourceId ?? null,
    submittedAt: ctx.clock.now(),
    modifiedOn: row.facts.modifiedOn?.toString() ?? null,
    workingDaysLate: correction ? (row.validation.correction?.workingDaysLate ?? null) : null,
    caseReference: null,
  };
}
