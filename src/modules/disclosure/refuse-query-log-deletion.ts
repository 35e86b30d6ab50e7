import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';

/**
 * R92 (002 第十二条; 000 第三十二条 ¶2): the query log is kept permanently and no one — administrators
 * included — deletes or changes an entry. The platform offers the operation only to refuse it and record
 * who tried; the database refuses it too (query_log_append_only).
 */
export async function refuseQueryLogDeletion(
  ctx: UseCaseContext,
  input: { subjectCode: string; entryId: number },
): Promise<HttpProblem> {
  await ctx.audit.record({
    action: 'query_log.delete_refused',
    objectType: 'query_log',
    objectId: `${input.subjectCode}/${input.entryId}`,
    payload: input,
  });
  return new HttpProblem(
    403,
    'QUERY_LOG_PERMANENT',
    '查询日志永久保存，任何人不得删除或修改 / the query log is permanent: no entry is deleted or changed',
  );
}
