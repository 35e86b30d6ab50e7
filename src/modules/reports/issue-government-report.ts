import type { UseCaseContext } from '../../platform/context.ts';
import {
  admitGovernmentQuery,
  type GovernmentQueryInput,
  type QueryRefusal,
} from '../disclosure/query-as-government.ts';
import type { Querier } from '../disclosure/record-query.ts';
import { issueReport } from './issue-report.ts';
import type { ReportSettings } from './settings.ts';
import type { IssuedReport } from './store.ts';

/**
 * A government user's query delivered as a report on request (R93): the same admission as an on-screen query
 * (scenario, purpose, case reference, permitted items), the report numbered and logged with the declaration.
 */
export async function issueGovernmentReport(
  ctx: UseCaseContext,
  settings: ReportSettings,
  input: GovernmentQueryInput & { querier: Querier },
): Promise<{ refused: QueryRefusal } | { refused: null; report: IssuedReport }> {
  const admission = await admitGovernmentQuery(ctx, input);
  if (admission.refused) return admission;
  const report = await issueReport(ctx, settings, {
    subject: admission.subject,
    reportViewer: 'gov',
    viewer: admission.viewer,
    entitlement: 'full',
    // 000 第十九条: what the duty needs; the items the user named, as an on-screen query returns (R84).
    items: input.items ? new Set(input.items) : undefined,
    purpose: input.purpose,
    querier: input.querier,
    channel: input.channel,
    logged: {
      scenario: input.scenario,
      scenarioBasis: input.scenarioBasis,
      caseReference: input.caseReference,
      operator: input.operator,
    },
  });
  return { refused: null, report };
}
