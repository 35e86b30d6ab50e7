import type { UseCaseContext } from '../../platform/context.ts';
import { subjectNamed } from '../disclosure/subject-view.ts';
import { issueReport } from './issue-report.ts';
import type { ReportSettings } from './settings.ts';
import type { IssuedReport } from './store.ts';

/**
 * The report anyone may take of a subject's public records, without login (000 第十七条, 第二十二条; R62): only
 * ACTIVE 社会公开 records, a natural person's identifiers masked. Public data, so no query-log entry.
 */
export async function issuePublicReport(
  ctx: UseCaseContext,
  settings: ReportSettings,
  input: { code: string; channel: string },
): Promise<IssuedReport> {
  const subject = await subjectNamed(ctx, input.code);
  return issueReport(ctx, settings, {
    subject,
    reportViewer: 'public',
    viewer: { kind: 'PUBLIC' },
    entitlement: 'masked',
    purpose: null,
    querier: null,
    channel: input.channel,
  });
}
