import type { UseCaseContext } from '../../platform/context.ts';
import { requireVerifiedSubject } from '../accounts/verified-subject.ts';
import { SELF_QUERY_PURPOSE } from '../disclosure/query-own-records.ts';
import type { Querier } from '../disclosure/record-query.ts';
import { subjectNamed } from '../disclosure/subject-view.ts';
import { issueReport } from './issue-report.ts';
import type { ReportSettings } from './settings.ts';
import type { IssuedReport } from './store.ts';

export type SelfReportInput =
  /** Online, in a session real-name verification bound to the subject (002 第六条(一); R75, R97). */
  | { channel: 'ONLINE'; verifiedSubjectCode: string | null; querier: Querier }
  /** At a service point or a provider's counter, after the officer checked the identity document (R76, R83). */
  | { channel: 'ON_SITE' | 'PROVIDER_COUNTER' | 'CLI'; code: string; verification: string; querier: Querier };

/** A subject's own report: its 社会公开 and 授权查询 records (WH: 政务共享 too), in full (000 第十八条; R65, R93). */
export async function issueOwnReport(
  ctx: UseCaseContext,
  settings: ReportSettings,
  input: SelfReportInput,
): Promise<IssuedReport> {
  const code = input.channel === 'ONLINE' ? input.verifiedSubjectCode : input.code;
  const subject = await subjectNamed(ctx, requireVerifiedSubject(code));
  return issueReport(ctx, settings, {
    subject,
    reportViewer: 'self',
    viewer: { kind: 'SELF' },
    entitlement: 'full',
    purpose: null,
    querier: input.querier,
    channel: input.channel,
    // a provider's counter issues the report in its own name (R83).
    issuer: input.channel === 'PROVIDER_COUNTER' ? (input.querier.organizationName ?? undefined) : undefined,
    // 000 第十八条: 本人有效身份证明 — who checked it and how is logged with the report (R76).
    logged: {
      purpose: SELF_QUERY_PURPOSE,
      operator: input.channel === 'ONLINE' ? null : `${input.querier.account}：${input.verification}`,
    },
  });
}
