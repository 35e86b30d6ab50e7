import type { UseCaseContext } from '../../platform/context.ts';
import { insertQueryLogEntry, type QueryLogEntry } from './store.ts';

/** Who queried, as the query log names them (000 第二十条: 查询人员). */
export interface Querier {
  account: string;
  accountName: string;
  organizationCode: string | null;
  organizationName: string | null;
}

type Optional =
  | 'scenario'
  | 'scenarioBasis'
  | 'purpose'
  | 'caseReference'
  | 'operator'
  | 'batchId'
  | 'reportNumber'
  | 'authorizationId';

/** A query to log; what a channel does not have (a scenario for a self-query, a batch id online) is left out. */
export type QueryRecord = Omit<QueryLogEntry, 'queriedAt' | 'refusalCode' | keyof Querier | Optional> &
  Partial<Pick<QueryLogEntry, Optional>> & { querier: Querier; refusalCode?: string };

/**
 * Writes one query-log entry (kept forever, never changed: 000 第二十条, 第三十二条 ¶2; 002 第十二条) and its
 * audit event, in the query's own transaction: a query whose log entry fails returns nothing.
 */
export async function recordQuery(ctx: UseCaseContext, query: QueryRecord): Promise<number> {
  const { querier, ...rest } = query;
  const entryId = await insertQueryLogEntry(ctx.db, {
    scenario: null,
    scenarioBasis: null,
    purpose: null,
    caseReference: null,
    operator: null,
    batchId: null,
    reportNumber: null,
    authorizationId: null,
    refusalCode: null,
    ...rest,
    ...querier,
    queriedAt: ctx.clock.now(),
  });
  await ctx.audit.record({
    action: query.outcome === 'REFUSED' ? 'query.refused' : 'query.returned',
    objectType: 'subject',
    objectId: query.subjectCode,
    purpose: query.purpose ?? null,
    payload: { entryId, returned: query.returned, reportNumber: query.reportNumber ?? null },
    detail: {
      viewer: query.viewer,
      channel: query.channel,
      scenario: query.scenario ?? null,
      records: query.returned.length,
      refusal: query.refusalCode ?? null,
    },
  });
  return entryId;
}
