import type { UseCaseContext } from '../../platform/context.ts';
import { listCases, type ObjectionCaseRow, type ObjectionStatus } from './store.ts';

/** Who asks: the center sees every case, a provider the cases forwarded to it, a subject its own. */
export type ObjectionScope =
  | { kind: 'CENTER'; statuses?: readonly ObjectionStatus[] }
  | { kind: 'PROVIDER'; providerCode: string | null }
  | { kind: 'SUBJECT'; subjectCode: string };

const LIMIT = 200;

/**
 * Case lists: the center's queue with its due dates (R6), a provider's verification tasks (R124, R128, R132),
 * and a subject's own cases, where it sees its record's state too (R69, A-34).
 */
export async function listObjections(
  ctx: UseCaseContext,
  scope: ObjectionScope,
): Promise<ObjectionCaseRow[]> {
  switch (scope.kind) {
    case 'CENTER':
      return listCases(ctx.db, { ...(scope.statuses ? { statuses: scope.statuses } : {}), limit: LIMIT });
    case 'PROVIDER':
      if (scope.providerCode === null) return [];
      return listCases(ctx.db, {
        providerCode: scope.providerCode,
        statuses: ['FORWARDED', 'VERIFIED', 'CLOSED'],
        limit: LIMIT,
      });
    case 'SUBJECT':
      return listCases(ctx.db, { subjectCode: scope.subjectCode, limit: LIMIT });
  }
}
