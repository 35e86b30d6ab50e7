import type { UseCaseContext } from '../../platform/context.ts';
import { requireVerifiedSubject } from '../accounts/verified-subject.ts';
import { listQueriesOfSubject, type QueryLogRow } from './store.ts';

/**
 * Who queried the subject, when, why and what they got (000 第二十条; the "who queried me"): only in a
 * session real-name verification bound to that subject.
 */
export async function listWhoQueriedMe(
  ctx: UseCaseContext,
  input: { verifiedSubjectCode: string | null; limit: number; offset: number },
): Promise<QueryLogRow[]> {
  return listQueriesOfSubject(ctx.db, requireVerifiedSubject(input.verifiedSubjectCode), {
    limit: input.limit,
    offset: input.offset,
  });
}
