import type { CatalogItemDefinition } from '../../core/catalog/item.ts';
import type { HeaderMapping } from '../../core/collection/headers.ts';
import { type CellValue, type ParsedRow, parseRow } from '../../core/collection/row.ts';
import { validateRecord } from '../../core/collection/validate-record.ts';
import type { RowReturn, ValidationContext } from '../../core/collection/validation.ts';
import { checkCode } from '../../core/identity/check-code.ts';
import { versionInForce } from '../../core/policy/resolver.ts';
import type { DataClass } from '../../core/policy/types.ts';
import { type LocalDate, parseLocalDate } from '../../core/time/local-date.ts';
import type { WorkingDayCalendar } from '../../core/time/working-day-calendar.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { payloadHash } from '../audit/record-event.ts';
import { divisionOfCode, kindOfCode } from '../subjects/kind-of-code.ts';
import type { SubjectRow } from '../subjects/store.ts';
import {
  applyRegistration,
  findLinkedSubjectCodes,
  findRegistryFacts,
  insertSubjects,
} from '../subjects/store.ts';
import { deriveResponsiblePersonRows } from './derived-records.ts';
import type { OpenBatch } from './open-batch.ts';
import { addToBatchCounts, type BatchCounts, insertReturns } from './store.ts';
import { type AcceptedRow, storeAcceptedRows } from './store-accepted.ts';

export interface IncomingRow {
  /** Data rows count from 1 (the first row after the header). */
  rowNumber: number;
  headers: readonly string[];
  cells: readonly CellValue[];
  mapping: HeaderMapping;
}

/** A row read into fields, before anything is looked up: the part of the work no transaction needs. */
export interface PreparedRow extends IncomingRow {
  parsed: ParsedRow;
  /** The content's hash: what an identical resubmission is recognised by (R34–R36). */
  payloadHash: string;
}

/**
 * Reads a chunk's rows into fields and hashes their content. Pure, so the pipeline does it for the next
 * chunk while the database stores the last one (collectTable).
 */
export function prepareRows(rows: readonly IncomingRow[], item: CatalogItemDefinition): PreparedRow[] {
  return rows.map((row) => {
    const parsed = parseRow(row.cells, row.mapping, item);
    return { ...row, parsed, payloadHash: payloadHash(parsed.content) };
  });
}

/** Registration statuses that end an organization (R45: 终止, e.g. 注销), and a person's death. */
const TERMINATION = /注销|吊销|撤销|终止|解散|歇业/;
const DEATH = /死亡/;

/**
 * Validates and stores one chunk of a batch's rows in one transaction (000 第十五条: 校验, 退回; R16: every
 * door comes here). Accepted rows become records or new versions (R33–R36), identical resubmissions change
 * nothing, returned rows are kept for the provider with their reasons and without forbidden values (R21).
 */
export async function ingestRows(
  ctx: UseCaseContext,
  input: { batch: OpenBatch; rows: readonly PreparedRow[]; calendar: WorkingDayCalendar },
): Promise<BatchCounts> {
  const { batch } = input;
  const receivedOn = ctx.clock.today();
  const params = versionInForce(ctx.profile, receivedOn).version.parameters;
  const forbidden = new Set<DataClass>(params.collection.forbiddenNaturalPersonData.value);
  if (params.collection.forbidFingerprint.value) forbidden.add('FINGERPRINT');

  const { context, knownSubjects } = await validationContext(
    ctx,
    { batch, calendar: input.calendar, receivedOn },
    input.rows.map((row) => row.parsed.facts),
  );

  const accepted: AcceptedRow[] = [];
  const returned: Array<{ rowNumber: number; cells: Record<string, CellValue>; reasons: RowReturn[] }> = [];
  for (const row of input.rows) {
    const p = row.parsed;
    const validation = validateRecord(p.facts, p.dataClasses, context);
    const reasons = mergeReasons(p.returns, validation.returns);
    if (reasons.length > 0 || !validation.subject || !validation.periods) {
      returned.push({ rowNumber: row.rowNumber, cells: providerCells(row, forbidden), reasons });
    } else {
      const check = checkCode(validation.subject.code, { today: receivedOn });
      accepted.push({
        rowNumber: row.rowNumber,
        subject: validation.subject,
        // R17: a record carries the division it belongs to; a foreign document carries none, so the provider's.
        divisionCode: divisionOfCode(check) ?? batch.provider.divisionCode,
        subjectName: p.facts.subjectName ?? null,
        legalRepresentative: p.facts.legalRepresentative ?? null,
        facts: p.facts,
        content: p.content,
        payloadHash: row.payloadHash,
        validation: { ...validation, periods: validation.periods },
        derived: null,
      });
    }
  }

  await registerSubjects(ctx, batch, receivedOn, accepted, knownSubjects);
  const stored = await storeAcceptedRows(ctx, batch, accepted);
  // 004 第二十九条 (R38): a serious negative record of an organization reaches its responsible persons.
  const derived = params.collection.derivedRecordsForResponsiblePersons.value
    ? deriveResponsiblePersonRows(receivedOn, batch, stored.stored)
    : [];
  if (derived.length > 0) {
    await registerSubjects(ctx, batch, receivedOn, derived, new Set());
    await storeAcceptedRows(ctx, batch, derived);
  }
  await insertReturns(ctx.db, batch.id, returned);

  const counts: BatchCounts = {
    received: input.rows.length,
    accepted: stored.newOrCorrected,
    unchanged: stored.unchanged,
    returned: returned.length,
  };
  await addToBatchCounts(ctx.db, batch.id, counts, ctx.clock.now());
  await ctx.audit.record({
    action: 'collection.rows',
    objectType: 'collection_batch',
    objectId: String(batch.id),
    // The hashes prove what was stored without the log holding the content.
    payload: {
      stored: stored.stored.map((s) => [s.subjectCode, s.recordId, s.version, s.row.payloadHash]),
      returned: returned.map((r) => [r.rowNumber, r.reasons.map((reason) => reason.reason)]),
    },
    detail: { ...counts, derived: derived.length },
  });
  return counts;
}

/** The lookups validation needs, fetched once per chunk so the rule itself stays pure and synchronous. */
async function validationContext(
  ctx: UseCaseContext,
  /** `receivedOn` is the chunk's one `today`: code checks made on it are reused (checkCode). */
  {
    batch,
    calendar,
    receivedOn: today,
  }: { batch: OpenBatch; calendar: WorkingDayCalendar; receivedOn: LocalDate },
  facts: ReadonlyArray<{ subjectUscc?: string; subjectDocumentNumber?: string }>,
): Promise<{ context: ValidationContext; knownSubjects: ReadonlySet<string> }> {
  const checks = facts
    .flatMap((f) => [f.subjectUscc, f.subjectDocumentNumber])
    .filter((code): code is string => typeof code === 'string' && code !== '')
    .map((code) => checkCode(code, { today }));
  const registry = await findRegistryFacts(
    ctx.db,
    checks.map((c) => c.normalized),
  );
  const links = await findLinkedSubjectCodes(
    ctx.db,
    checks
      .filter((c) => c.kind !== 'uscc' && c.kind !== 'resident_id' && c.kind !== 'unknown')
      .map((c) => ({ kind: c.kind, number: c.normalized })),
  );
  const linkedCodes = [...links.values()];
  const linkedRegistry = await findRegistryFacts(ctx.db, linkedCodes);
  const lifecycle = (code: string) => registry.get(code) ?? linkedRegistry.get(code);
  const context: ValidationContext = {
    profile: ctx.profile,
    receivedOn: today,
    item: batch.item.definition,
    itemPublished: batch.item.published,
    providerPermitted: batch.item.providerPermitted,
    calendar,
    subjectKnownFromRegistration: (code) => registry.get(code)?.knownFromRegistration ?? false,
    linkedCreditCode: (kind, number) => links.get(`${kind}:${number}`) ?? null,
    subjectLifecycle: (code) => {
      const known = lifecycle(code);
      return {
        terminatedOn: known?.terminatedOn ? parseLocalDate(known.terminatedOn) : null,
        diedOn: known?.diedOn ? parseLocalDate(known.diedOn) : null,
      };
    },
  };
  return { context, knownSubjects: new Set([...registry.keys(), ...linkedRegistry.keys()]) };
}

/** Form errors first, then the rules' reasons; the same reason on the same field once. */
function mergeReasons(form: readonly RowReturn[], rules: readonly RowReturn[]): RowReturn[] {
  const seen = new Set<string>();
  return [...form, ...rules].filter((reason) => {
    const key = `${reason.field ?? ''}\u0000${reason.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The row as the provider wrote it, by header, with forbidden values blanked: they are never stored (R21). */
function providerCells(row: IncomingRow, forbidden: ReadonlySet<DataClass>): Record<string, CellValue> {
  const cells: Record<string, CellValue> = {};
  for (const column of row.mapping.columns) {
    const value = row.cells[column.index] ?? null;
    cells[column.header] = column.dataClass && forbidden.has(column.dataClass) ? null : value;
  }
  return cells;
}

/**
 * Makes sure every subject an accepted row names is in the registry, and lets registration-type items
 * (R45, 000 第八条(一)) record the subject's status and its termination or death.
 */
async function registerSubjects(
  ctx: UseCaseContext,
  batch: OpenBatch,
  today: LocalDate,
  rows: readonly AcceptedRow[],
  /** Subjects the chunk's look-ups already found in the registry: nothing to insert for them. */
  known: ReadonlySet<string>,
): Promise<void> {
  const subjects = new Map<string, SubjectRow>();
  for (const row of rows) {
    if (subjects.has(row.subject.code) || known.has(row.subject.code)) continue;
    subjects.set(row.subject.code, subjectRowOf(row, today));
  }
  await insertSubjects(ctx.db, [...subjects.values()], ctx.clock.now());
  if (batch.item.definition.recordKind !== 'registration') return;
  for (const row of rows) {
    const status = row.facts.registrationStatus ?? null;
    const eventOn = row.facts.registrationEventOn?.toString() ?? null;
    await applyRegistration(ctx.db, {
      subjectCode: row.subject.code,
      name: row.subjectName,
      status,
      terminatedOn: status && TERMINATION.test(status) ? eventOn : null,
      diedOn: status && DEATH.test(status) ? eventOn : null,
    });
  }
}

function subjectRowOf(row: AcceptedRow, today: LocalDate): SubjectRow {
  const { subject } = row;
  const check = checkCode(subject.code, { today });
  return {
    subjectCode: subject.code,
    codeType: subject.codeKind,
    kind: subject.naturalPerson ? 'natural_person' : kindOfCode(check),
    name: row.subjectName ?? subject.code,
    divisionCode: row.divisionCode,
    registeredOn: null,
    legalRepresentative: subject.naturalPerson ? null : row.legalRepresentative,
  };
}
