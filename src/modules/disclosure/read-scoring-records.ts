import type { UseCaseContext } from '../../platform/context.ts';
import { NATURAL_PERSON_KIND } from '../subjects/kinds.ts';
import { recordReference } from './present-record.ts';
import { type Querier, recordQuery } from './record-query.ts';
import { listDeliveredRecordIds } from './store.ts';
import { type SubjectView, subjectNamed, viewSubject } from './subject-view.ts';

/** The query-log viewer of the scoring feed. */
const SCORING = 'SCORING';

export interface ScoringDelivery extends Omit<SubjectView, 'returned'> {
  /**
   * Records this consumer received for the subject before that are no longer ACTIVE, or no longer exist for it:
   * to be dropped from its evaluation (000 第十条: 不再作为…社会信用评价的依据). References only, no state: why a
   * record left (repair, opt-out, expiry) is not the consumer's to know.
   */
  withdrawn: string[];
  queryLogEntry: number;
}

/**
 * The scoring feed (XM 000 第十条, 第二十四条 ¶2, 第二十五条 ¶3, 第二十八条, 第二十九条; R74): a subject's records as
 * an evaluation, scoring or rating product (e.g. 白鹭分) may receive them, judged on the day of the call by
 * Tables F-1/F-2 for the SCORING viewer: ACTIVE 社会公开 records only, never an expired, repaired, opted-out or
 * suspended one. Weihai and Nantong encourage such products too (003 第二十七条; 004 第七条) and keep expired
 * records from every use (003 第十九条 ¶2; 004 第三十条, A-20): the same rule. Each delivery is a query-log entry
 * with its purpose; the consumer is told which records it received before are withdrawn.
 */
export async function readScoringRecords(
  ctx: UseCaseContext,
  input: { code: string; purpose: string; channel: 'API' | 'ONLINE'; querier: Querier },
): Promise<ScoringDelivery> {
  const subject = await subjectNamed(ctx, input.code);
  const { returned, ...view } = await viewSubject(ctx, {
    subject,
    viewer: { kind: SCORING },
    entitlement: 'masked',
  });
  const organization = input.querier.organizationCode;
  const delivered =
    organization === null
      ? []
      : await listDeliveredRecordIds(ctx.db, {
          subjectCode: subject.subjectCode,
          organizationCode: organization,
          viewer: SCORING,
        });
  const current = new Set(returned.map((reference) => reference.slice(0, reference.lastIndexOf('@'))));
  const naturalPerson = subject.kind === NATURAL_PERSON_KIND;
  const withdrawn = delivered
    .filter((recordId) => !current.has(`${subject.subjectCode}/${recordId}`))
    .map((recordId) =>
      recordReference(subject.subjectCode, recordId, { entitlement: 'masked', naturalPerson }),
    );
  const queryLogEntry = await recordQuery(ctx, {
    subjectCode: subject.subjectCode,
    viewer: SCORING,
    channel: input.channel,
    querier: input.querier,
    purpose: input.purpose,
    returned,
    outcome: 'RETURNED',
  });
  return { ...view, withdrawn, queryLogEntry };
}
