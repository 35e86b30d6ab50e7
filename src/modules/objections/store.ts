import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type ObjectionStatus = 'RECEIVED' | 'NOT_ACCEPTED' | 'ACCEPTED' | 'FORWARDED' | 'VERIFIED' | 'CLOSED';
export type ObjectionOutcome = 'CORRECTED' | 'DELETED' | 'SUPPLEMENTED' | 'REJECTED';

/** The statuses in which a case is open: accepted and not yet closed (R67). */
export const OPEN_STATUSES: readonly ObjectionStatus[] = ['ACCEPTED', 'FORWARDED', 'VERIFIED'];

export interface CaseKey {
  subjectCode: string;
  caseId: number;
}

export interface ObjectionStepRow {
  step: string;
  startOn: string;
  dueOn: string;
  completedAt: Date | null;
  overdue: boolean;
}

export interface ObjectionCaseRow extends CaseKey {
  ground: string;
  statement: string;
  evidence: string | null;
  channel: 'ONLINE' | 'COUNTER';
  filedBy: string;
  providerCode: string;
  receivedAt: Date;
  receivedOn: string;
  acceptedAt: Date | null;
  acceptedOn: string | null;
  status: ObjectionStatus;
  notAcceptedCode: string | null;
  notAcceptedReason: string | null;
  comparison: string | null;
  forwardedAt: Date | null;
  providerVerdict: string | null;
  providerOpinion: string | null;
  providerReasons: string | null;
  providerAnsweredAt: Date | null;
  providerAnsweredBy: string | null;
  outcome: ObjectionOutcome | null;
  outcomeReasons: string | null;
  closedAt: Date | null;
  disputeRecordedAt: Date | null;
  disputeWithdrawnAt: Date | null;
  recordIds: number[];
  steps: ObjectionStepRow[];
}

type CaseTableRow = Omit<Database['objection_case'], 'case_id' | 'channel' | 'status' | 'outcome'> & {
  case_id: number;
  channel: string;
  status: string;
  outcome: string | null;
};

function toCase(row: CaseTableRow, recordIds: number[], steps: ObjectionStepRow[]): ObjectionCaseRow {
  return {
    subjectCode: row.subject_code,
    caseId: row.case_id,
    ground: row.ground,
    statement: row.statement,
    evidence: row.evidence,
    channel: row.channel as ObjectionCaseRow['channel'],
    filedBy: row.filed_by,
    providerCode: row.provider_code,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    acceptedAt: row.accepted_at,
    acceptedOn: row.accepted_on,
    status: row.status as ObjectionStatus,
    notAcceptedCode: row.not_accepted_code,
    notAcceptedReason: row.not_accepted_reason,
    comparison: row.comparison,
    forwardedAt: row.forwarded_at,
    providerVerdict: row.provider_verdict,
    providerOpinion: row.provider_opinion,
    providerReasons: row.provider_reasons,
    providerAnsweredAt: row.provider_answered_at,
    providerAnsweredBy: row.provider_answered_by,
    outcome: row.outcome as ObjectionOutcome | null,
    outcomeReasons: row.outcome_reasons,
    closedAt: row.closed_at,
    disputeRecordedAt: row.dispute_recorded_at,
    disputeWithdrawnAt: row.dispute_withdrawn_at,
    recordIds,
    steps,
  };
}

/** The subject's records among `recordIds`, with their provider and state. */
export async function findSubjectRecords(
  db: Db,
  subjectCode: string,
  recordIds: readonly number[],
): Promise<Array<{ recordId: number; providerCode: string; state: string }>> {
  if (recordIds.length === 0) return [];
  const rows = await db
    .selectFrom('credit_record')
    .select(['record_id', 'provider_code', 'state'])
    .where('subject_code', '=', subjectCode)
    .where('record_id', 'in', [...recordIds])
    .execute();
  return rows.map((row) => ({ recordId: row.record_id, providerCode: row.provider_code, state: row.state }));
}

export type NewObjectionCase = Pick<
  ObjectionCaseRow,
  | 'subjectCode'
  | 'ground'
  | 'statement'
  | 'evidence'
  | 'channel'
  | 'filedBy'
  | 'providerCode'
  | 'receivedAt'
  | 'receivedOn'
> & { recordIds: readonly number[] };

export async function insertCase(db: Db, input: NewObjectionCase): Promise<CaseKey> {
  const row = await db
    .insertInto('objection_case')
    .values({
      subject_code: input.subjectCode,
      ground: input.ground,
      statement: input.statement,
      evidence: input.evidence,
      channel: input.channel,
      filed_by: input.filedBy,
      provider_code: input.providerCode,
      received_at: input.receivedAt,
      received_on: input.receivedOn,
      accepted_at: null,
      accepted_on: null,
      status: 'RECEIVED',
      not_accepted_code: null,
      not_accepted_reason: null,
      comparison: null,
      forwarded_at: null,
      provider_verdict: null,
      provider_opinion: null,
      provider_reasons: null,
      provider_answered_at: null,
      provider_answered_by: null,
      outcome: null,
      outcome_reasons: null,
      closed_at: null,
      dispute_recorded_at: null,
      dispute_withdrawn_at: null,
    })
    .returning('case_id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('objection_case_record')
    .values(
      input.recordIds.map((recordId) => ({
        subject_code: input.subjectCode,
        case_id: row.case_id,
        record_id: recordId,
      })),
    )
    .execute();
  return { subjectCode: input.subjectCode, caseId: row.case_id };
}

async function loadCases(db: Db, rows: CaseTableRow[]): Promise<ObjectionCaseRow[]> {
  if (rows.length === 0) return [];
  const subjects = [...new Set(rows.map((row) => row.subject_code))];
  const ids = rows.map((row) => row.case_id);
  const [links, steps] = await Promise.all([
    db
      .selectFrom('objection_case_record')
      .select(['subject_code', 'case_id', 'record_id'])
      .where('subject_code', 'in', subjects)
      .where('case_id', 'in', ids)
      .orderBy('record_id')
      .execute(),
    db
      .selectFrom('objection_step')
      .selectAll()
      .where('subject_code', 'in', subjects)
      .where('case_id', 'in', ids)
      .orderBy('start_on')
      .orderBy('step')
      .execute(),
  ]);
  const key = (subjectCode: string, caseId: number) => `${subjectCode}/${caseId}`;
  const recordsOf = new Map<string, number[]>();
  for (const link of links) {
    const list = recordsOf.get(key(link.subject_code, link.case_id)) ?? [];
    list.push(link.record_id);
    recordsOf.set(key(link.subject_code, link.case_id), list);
  }
  const stepsOf = new Map<string, ObjectionStepRow[]>();
  for (const step of steps) {
    const list = stepsOf.get(key(step.subject_code, step.case_id)) ?? [];
    list.push({
      step: step.step,
      startOn: step.start_on,
      dueOn: step.due_on,
      completedAt: step.completed_at,
      overdue: step.overdue,
    });
    stepsOf.set(key(step.subject_code, step.case_id), list);
  }
  return rows.map((row) =>
    toCase(
      row,
      recordsOf.get(key(row.subject_code, row.case_id)) ?? [],
      stepsOf.get(key(row.subject_code, row.case_id)) ?? [],
    ),
  );
}

/** One case by its id, locked for the use case that changes it. */
export async function findCase(db: Db, caseId: number): Promise<ObjectionCaseRow | undefined> {
  const row = await db
    .selectFrom('objection_case')
    .selectAll()
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  return row ? (await loadCases(db, [row]))[0] : undefined;
}

export interface CaseFilter {
  subjectCode?: string;
  providerCode?: string;
  statuses?: readonly ObjectionStatus[];
  limit: number;
}

/** Cases, newest first. */
export async function listCases(db: Db, filter: CaseFilter): Promise<ObjectionCaseRow[]> {
  let query = db.selectFrom('objection_case').selectAll();
  if (filter.subjectCode !== undefined) query = query.where('subject_code', '=', filter.subjectCode);
  if (filter.providerCode !== undefined) query = query.where('provider_code', '=', filter.providerCode);
  if (filter.statuses !== undefined) query = query.where('status', 'in', [...filter.statuses]);
  const rows = await query
    .orderBy('received_at', 'desc')
    .orderBy('case_id', 'desc')
    .limit(filter.limit)
    .execute();
  return loadCases(db, rows);
}

export type CasePatch = Partial<
  Pick<
    Database['objection_case'],
    | 'status'
    | 'accepted_at'
    | 'accepted_on'
    | 'not_accepted_code'
    | 'not_accepted_reason'
    | 'comparison'
    | 'forwarded_at'
    | 'provider_verdict'
    | 'provider_opinion'
    | 'provider_reasons'
    | 'provider_answered_at'
    | 'provider_answered_by'
    | 'outcome'
    | 'outcome_reasons'
    | 'closed_at'
    | 'dispute_recorded_at'
    | 'dispute_withdrawn_at'
  >
>;

export async function updateCase(db: Db, key: CaseKey, patch: CasePatch): Promise<void> {
  await db
    .updateTable('objection_case')
    .set(patch)
    .where('subject_code', '=', key.subjectCode)
    .where('case_id', '=', key.caseId)
    .execute();
}

export async function insertSteps(
  db: Db,
  key: CaseKey,
  steps: ReadonlyArray<{ step: string; startOn: string; dueOn: string }>,
): Promise<void> {
  if (steps.length === 0) return;
  await db
    .insertInto('objection_step')
    .values(
      steps.map((step) => ({
        subject_code: key.subjectCode,
        case_id: key.caseId,
        step: step.step,
        start_on: step.startOn,
        due_on: step.dueOn,
        completed_at: null,
      })),
    )
    .execute();
}

/** Completes the open steps named (R6: the completion timestamp). */
export async function completeSteps(db: Db, key: CaseKey, steps: readonly string[], at: Date): Promise<void> {
  if (steps.length === 0) return;
  await db
    .updateTable('objection_step')
    .set({ completed_at: at })
    .where('subject_code', '=', key.subjectCode)
    .where('case_id', '=', key.caseId)
    .where('step', 'in', [...steps])
    .where('completed_at', 'is', null)
    .execute();
}

/** The ids of the records a case names (those it suspended, with `suspendedOnly`), as a subquery. */
function caseRecordIds(db: Db, key: CaseKey, suspendedOnly = false) {
  let query = db
    .selectFrom('objection_case_record')
    .select('record_id')
    .where('subject_code', '=', key.subjectCode)
    .where('case_id', '=', key.caseId);
  if (suspendedOnly) query = query.where('suspended', '=', true);
  return query;
}

/** Marks a case's records as changed, so publication feeds carry their new markers (R67, R70). */
export async function touchCaseRecords(db: Db, key: CaseKey, at: Date): Promise<void> {
  await db
    .updateTable('credit_record')
    .set({ updated_at: at })
    .where('subject_code', '=', key.subjectCode)
    .where('record_id', 'in', caseRecordIds(db, key))
    .execute();
}

/** Moves the case's records in state `from` to state `to`; returns their ids. */
async function moveCaseRecords(
  db: Db,
  key: CaseKey,
  change: { from: string; to: string; suspendedOnly: boolean; at: Date },
): Promise<number[]> {
  const rows = await db
    .updateTable('credit_record')
    .set({ state: change.to, updated_at: change.at })
    .where('subject_code', '=', key.subjectCode)
    .where('state', '=', change.from)
    .where('record_id', 'in', caseRecordIds(db, key, change.suspendedOnly))
    .returning('record_id')
    .execute();
  const ids = rows.map((row) => row.record_id);
  if (ids.length > 0) {
    await db
      .updateTable('objection_case_record')
      .set({ suspended: change.to === 'SUSPENDED_OBJECTION' })
      .where('subject_code', '=', key.subjectCode)
      .where('case_id', '=', key.caseId)
      .where('record_id', 'in', ids)
      .execute();
  }
  return ids;
}

/** Sets the case's ACTIVE records to SUSPENDED_OBJECTION and remembers which (R126, R129); returns their ids. */
export function suspendCaseRecords(db: Db, key: CaseKey, at: Date): Promise<number[]> {
  return moveCaseRecords(db, key, { from: 'ACTIVE', to: 'SUSPENDED_OBJECTION', suspendedOnly: false, at });
}

/** Returns the records this case suspended to ACTIVE (R126: once the center has processed the result). */
export function liftCaseSuspension(db: Db, key: CaseKey, at: Date): Promise<number[]> {
  return moveCaseRecords(db, key, { from: 'SUSPENDED_OBJECTION', to: 'ACTIVE', suspendedOnly: true, at });
}

/** What disclosure needs to know of a record's objections on a day. */
export interface RecordObjectionFacts {
  objectionOpen: boolean;
  disputePersists: boolean;
  /** The provider's verification in an open case, if the case was forwarded. */
  verification: { dueOn: string; answeredAt: Date | null } | null;
}

/**
 * The objection facts of the given records of one or more subjects, in one query (R67, R126, R130): open
 * cases naming them, with the provider's due date and answer, and decided cases the subject still disputes.
 * Records without any are absent from the map, keyed `subject/record`.
 */
export async function findObjectionFacts(
  db: Db,
  records: ReadonlyArray<{ subjectCode: string; recordId: number }>,
): Promise<Map<string, RecordObjectionFacts>> {
  const facts = new Map<string, RecordObjectionFacts>();
  if (records.length === 0) return facts;
  const subjects = [...new Set(records.map((r) => r.subjectCode))];
  // Most subjects never objected: one probe of a single index answers them, without planning the join below
  // on every page view (npm run bench -- report).
  const anyCase = await db
    .selectFrom('objection_case_record')
    .select('case_id')
    .where('subject_code', 'in', subjects)
    .limit(1)
    .executeTakeFirst();
  if (!anyCase) return facts;
  // By subject, not by record: a subject's record ids would be one bind parameter each, and a subject may
  // hold more records than a statement takes parameters.
  const wanted = new Set(records.map((r) => `${r.subjectCode}/${r.recordId}`));
  const rows = await db
    .selectFrom('objection_case_record as l')
    .innerJoin('objection_case as c', (join) =>
      join.onRef('c.subject_code', '=', 'l.subject_code').onRef('c.case_id', '=', 'l.case_id'),
    )
    .leftJoin('objection_step as s', (join) =>
      join
        .onRef('s.subject_code', '=', 'c.subject_code')
        .onRef('s.case_id', '=', 'c.case_id')
        .on('s.step', '=', 'PROVIDER_VERIFICATION'),
    )
    .select([
      'l.subject_code',
      'l.record_id',
      'c.status',
      'c.dispute_recorded_at',
      's.due_on',
      's.completed_at',
    ])
    .where('l.subject_code', 'in', subjects)
    .where((eb) =>
      eb.or([
        eb('c.status', 'in', [...OPEN_STATUSES]),
        eb.and([eb('c.dispute_recorded_at', 'is not', null), eb('c.dispute_withdrawn_at', 'is', null)]),
      ]),
    )
    .execute();
  for (const row of rows) {
    const key = `${row.subject_code}/${row.record_id}`;
    if (!wanted.has(key)) continue;
    const open = (OPEN_STATUSES as readonly string[]).includes(row.status);
    const fact = facts.get(key) ?? { objectionOpen: false, disputePersists: false, verification: null };
    fact.objectionOpen ||= open;
    fact.disputePersists ||= !open && row.dispute_recorded_at !== null;
    if (open && row.due_on !== null) {
      fact.verification = { dueOn: row.due_on, answeredAt: row.completed_at };
    }
    facts.set(key, fact);
  }
  return facts;
}

/** Open steps whose due date passed before `today` and that are not yet flagged OVERDUE (R6). */
export async function listNewlyOverdueSteps(
  db: Db,
  today: string,
): Promise<Array<CaseKey & { step: string; dueOn: string; providerCode: string; status: string }>> {
  const rows = await db
    .selectFrom('objection_step as s')
    .innerJoin('objection_case as c', (join) =>
      join.onRef('c.subject_code', '=', 's.subject_code').onRef('c.case_id', '=', 's.case_id'),
    )
    .select(['s.subject_code', 's.case_id', 's.step', 's.due_on', 'c.provider_code', 'c.status'])
    .where('s.completed_at', 'is', null)
    .where('s.overdue', '=', false)
    .where('s.due_on', '<', today)
    .orderBy('s.due_on')
    .orderBy('s.case_id')
    .execute();
  return rows.map((row) => ({
    subjectCode: row.subject_code,
    caseId: row.case_id,
    step: row.step,
    dueOn: row.due_on,
    providerCode: row.provider_code,
    status: row.status,
  }));
}

export async function markStepOverdue(db: Db, key: CaseKey, step: string): Promise<void> {
  await db
    .updateTable('objection_step')
    .set({ overdue: true })
    .where('subject_code', '=', key.subjectCode)
    .where('case_id', '=', key.caseId)
    .where('step', '=', step)
    .execute();
}

export async function insertNotification(
  db: Db,
  notification: {
    subjectCode: string;
    kind: string;
    reference: string;
    title: string;
    body: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('subject_notification')
    .values({
      subject_code: notification.subjectCode,
      kind: notification.kind,
      reference: notification.reference,
      title: notification.title,
      body: notification.body,
      created_at: notification.at,
    })
    .execute();
}

/** A supervision entry against a provider; a second one for the same reference is ignored. */
export async function insertSupervisionEntry(
  db: Db,
  entry: {
    providerCode: string;
    kind: string;
    reference: string;
    dueOn: string;
    recordedOn: string;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('supervision_entry')
    .values({
      provider_code: entry.providerCode,
      kind: entry.kind,
      reference: entry.reference,
      due_on: entry.dueOn,
      recorded_on: entry.recordedOn,
      created_at: entry.at,
    })
    .onConflict((oc) => oc.columns(['provider_code', 'kind', 'reference']).doNothing())
    .execute();
}

/** The subject's notifications, newest first. */
export async function listNotifications(
  db: Db,
  subjectCode: string,
): Promise<Array<{ kind: string; reference: string; title: string; body: string; createdAt: Date }>> {
  const rows = await db
    .selectFrom('subject_notification')
    .select(['kind', 'reference', 'title', 'body', 'created_at'])
    .where('subject_code', '=', subjectCode)
    .orderBy('notification_id', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, createdAt: row.created_at }));
}
