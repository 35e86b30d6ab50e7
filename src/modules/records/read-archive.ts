import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { type Querier, recordQuery } from '../disclosure/record-query.ts';
import { resolveSubject } from '../subjects/resolve-subject.ts';
import { findSubjectLifecycle, listIdentityDocumentLinks } from '../subjects/store.ts';
import { type ArchivedRecord, listSubjectRecords } from './store.ts';

export interface CreditArchive {
  subject: {
    code: string;
    name: string;
    kind: string;
    divisionCode: string;
    registrationStatus: string | null;
    terminatedOn: string | null;
    diedOn: string | null;
    linkedDocuments: Array<{ kind: string; number: string }>;
  };
  records: ArchivedRecord[];
}

/**
 * A subject's credit archive (信用档案, R44; 000 第二十二条; 004 第十五条, 第十七条): every record from every
 * provider filed under its code — records submitted under a linked document included (R41), list entries
 * and derived records too — whatever their state. Reading it is logged: it holds non-public data.
 */
export async function readCreditArchive(
  ctx: UseCaseContext,
  input: { code: string; querier: Querier },
): Promise<CreditArchive> {
  const resolved = await resolveSubject(ctx.db, { code: input.code, today: ctx.clock.today() });
  if (!resolved) throw new HttpProblem(404, 'SUBJECT_NOT_FOUND', '未找到该信用主体');
  const { subject } = resolved;
  const [records, links, lifecycle] = await Promise.all([
    listSubjectRecords(ctx.db, subject.subjectCode),
    listIdentityDocumentLinks(ctx.db, subject.subjectCode),
    findSubjectLifecycle(ctx.db, subject.subjectCode),
  ]);
  await ctx.audit.record({
    action: 'records.archive_read',
    objectType: 'subject',
    objectId: subject.subjectCode,
    payload: records.map((r) => [r.recordId, r.currentVersion]),
    detail: { records: records.length },
  });
  // Spec §2.F: every ARCHIVE access is logged — in the query log too, where the subject sees who read it.
  await recordQuery(ctx, {
    subjectCode: subject.subjectCode,
    viewer: 'ARCHIVE',
    channel: 'ONLINE',
    querier: input.querier,
    purpose: '信用档案查阅',
    returned: records.map((r) => `${subject.subjectCode}/${r.recordId}@${r.currentVersion}`),
    outcome: 'RETURNED',
  });
  return {
    subject: {
      code: subject.subjectCode,
      name: subject.name,
      kind: subject.kind,
      divisionCode: subject.divisionCode,
      registrationStatus: lifecycle?.registrationStatus ?? null,
      terminatedOn: lifecycle?.terminatedOn ?? null,
      diedOn: lifecycle?.diedOn ?? null,
      linkedDocuments: links.map((l) => ({ kind: l.kind, number: l.number })),
    },
    records,
  };
}
