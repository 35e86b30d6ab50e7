import type { UseCaseContext } from '../../platform/context.ts';
import type { Querier } from './record-query.ts';
import { recordQuery } from './record-query.ts';
import { type SubjectView, subjectNamed, viewSubject } from './subject-view.ts';

/** What the query log says a subject's query of itself is for. */
export const SELF_QUERY_PURPOSE = '查询自身信用信息';

export interface SelfQueryInput {
  querier: Querier;
  /** The subject the session's real-name verification bound to (null: not verified). */
  verifiedSubjectCode: string | null;
  /** The code asked for; the verified subject's own when absent. */
  code?: string;
}

export type SelfQueryResult = SubjectView & { mismatchedIdentity: boolean };

/**
 * A subject's own records after real-name verification (000 第十八条; 002 第六条(一); R65, R75): its 社会公开 and
 * 授权查询 records (WH: 政务共享 too, A-23), in full. Asking for anyone else's code gets only what the public
 * sees, and the attempt is logged as MISMATCHED_IDENTITY (R75).
 */
export async function queryOwnRecords(ctx: UseCaseContext, input: SelfQueryInput): Promise<SelfQueryResult> {
  const asked = await subjectNamed(ctx, input.code ?? input.verifiedSubjectCode ?? '');
  if (input.verifiedSubjectCode === null || asked.subjectCode !== input.verifiedSubjectCode) {
    const view = await viewSubject(ctx, {
      subject: asked,
      viewer: { kind: 'PUBLIC' },
      entitlement: 'masked',
    });
    await recordQuery(ctx, {
      subjectCode: asked.subjectCode,
      viewer: 'SELF',
      channel: 'ONLINE',
      querier: input.querier,
      returned: [],
      outcome: 'REFUSED',
      refusalCode: 'MISMATCHED_IDENTITY',
      purpose: SELF_QUERY_PURPOSE,
    });
    return { ...view, mismatchedIdentity: true };
  }
  const view = await viewSubject(ctx, { subject: asked, viewer: { kind: 'SELF' }, entitlement: 'full' });
  await recordQuery(ctx, {
    subjectCode: asked.subjectCode,
    viewer: 'SELF',
    channel: 'ONLINE',
    querier: input.querier,
    returned: view.returned,
    outcome: 'RETURNED',
    purpose: SELF_QUERY_PURPOSE,
  });
  return { ...view, mismatchedIdentity: false };
}
