import type { UseCaseContext } from '../../platform/context.ts';
import { findOrganization } from '../organizations/store.ts';
import {
  type GovernmentQueryInput,
  type GovernmentQueryResult,
  queryAsGovernment,
} from './query-as-government.ts';
import { type Querier, recordQuery } from './record-query.ts';
import { findQueryApplication } from './store.ts';
import { subjectNamed } from './subject-view.ts';

/**
 * Center staff query for an agency that cannot query itself (002 第九条 ¶3): only on the agency's application
 * approved by the competent department, recorded beforehand, and logged against it (R90). Without one the
 * query is blocked with ASSISTED_QUERY_APPLICATION_REQUIRED, and the attempt logged.
 */
export async function runAssistedQuery(
  ctx: UseCaseContext,
  input: Omit<GovernmentQueryInput, 'channel' | 'operator'> & {
    agency: string;
    applicationId: string | null;
    staff: Querier;
  },
): Promise<GovernmentQueryResult> {
  const today = ctx.clock.today().toString();
  const application = input.applicationId
    ? await findQueryApplication(ctx.db, input.applicationId)
    : undefined;
  const agency = await findOrganization(ctx.db, input.agency);
  const valid =
    application !== undefined &&
    agency !== undefined &&
    application.organizationCode === agency.code &&
    application.validFrom <= today &&
    today <= application.validUntil;
  const querier: Querier = {
    ...input.staff,
    organizationCode: agency?.code ?? input.agency,
    organizationName: agency?.name ?? null,
  };
  if (!valid) {
    const refusal = {
      code: 'ASSISTED_QUERY_APPLICATION_REQUIRED',
      field: 'applicationId',
      zh: '协助查询须先登记该单位经主管部门同意的查询申请（事由与内容）',
      en: "an assisted query needs the agency's approved query application",
    };
    await recordQuery(ctx, {
      subjectCode: (await subjectNamed(ctx, input.code)).subjectCode,
      viewer: 'GOV',
      channel: 'ASSISTED',
      querier,
      scenario: input.scenario,
      purpose: input.purpose,
      caseReference: input.applicationId,
      operator: input.staff.account,
      returned: [],
      outcome: 'REFUSED',
      refusalCode: refusal.code,
    });
    return { refused: refusal };
  }
  return queryAsGovernment(ctx, {
    ...input,
    caseReference: input.caseReference ?? application.applicationId,
    channel: 'ASSISTED',
    operator: input.staff.account,
    querier,
  });
}
