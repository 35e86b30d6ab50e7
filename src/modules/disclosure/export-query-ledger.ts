import { addDays, parseLocalDate, startOfDay } from '../../core/time/local-date.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { listQueriesByOrganization, type QueryLogRow } from './store.ts';

/**
 * An organization's query ledger (查询日志台账) for a span of days: name, time, subject, items returned and
 * purpose of every query (000 第二十条; 003 第二十三条 ¶2; R91). An agency reads its own; the center and the
 * competent department (`anyOrganization`) read any. Nothing here or anywhere deletes an entry.
 */
export async function exportQueryLedger(
  ctx: UseCaseContext,
  input: {
    organization: string | null;
    from: string;
    to: string;
    anyOrganization: boolean;
    own: string | null;
  },
): Promise<QueryLogRow[]> {
  const organization = input.organization ?? input.own;
  if (!organization)
    throw new HttpProblem(400, 'ORGANIZATION_REQUIRED', '须指定单位 / name the organization');
  if (!input.anyOrganization && organization !== input.own) {
    throw new HttpProblem(
      403,
      'FORBIDDEN',
      '只能导出本单位的查询日志台账 / only your own organization’s ledger',
    );
  }
  const from = parseLocalDate(input.from);
  const to = parseLocalDate(input.to);
  const rows = await listQueriesByOrganization(ctx.db, organization, {
    from: startOfDay(from),
    to: startOfDay(addDays(to, 1)),
  });
  await ctx.audit.record({
    action: 'query_log.export',
    objectType: 'organization',
    objectId: organization,
    payload: { from: input.from, to: input.to, entries: rows.map((r) => r.entryId) },
  });
  return rows;
}
