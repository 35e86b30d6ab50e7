import { versionInForce } from '../../core/policy/resolver.ts';
import type { Viewer, ViewerKind } from '../../core/visibility/decide-visibility.ts';
import { RECORD_MARKER_NAMES } from '../../core/visibility/record-states.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { agencyPermissions } from './agency-permissions.ts';
import { judgeSubjectRecords } from './disclose-subject.ts';
import { subjectNamed } from './subject-view.ts';

export const EXPLAINABLE_VIEWERS = [
  'PUBLIC',
  'SELF',
  'AUTH_3P',
  'GOV',
  'CSA',
  'SCORING',
  'PROVIDER',
  'ARCHIVE',
] as const satisfies readonly ViewerKind[];

export interface RecordExplanation {
  reference: string;
  viewer: ViewerKind;
  today: string;
  storedState: string;
  stateToday: string;
  disclosure: string;
  shown: boolean;
  markers: string[];
  rule: string | null;
  reason: { zh: string; en: string } | null;
  citation: string | null;
}

async function viewerFor(
  ctx: UseCaseContext,
  kind: ViewerKind,
  organization: string | undefined,
): Promise<Viewer> {
  switch (kind) {
    case 'GOV': {
      const { queries } = versionInForce(ctx.profile, ctx.clock.today()).version.parameters;
      const permissions = await agencyPermissions(ctx.db, organization ?? null, {
        requiresApplication: queries.sharingRequiresApplication.value,
        today: ctx.clock.today().toString(),
      });
      return { kind, sharingPermissions: permissions.sharing, authorization: null };
    }
    case 'PROVIDER':
      return { kind, providerCode: organization ?? '' };
    // Without an authorization on file: what a third party or an agency gets before the subject authorizes it.
    case 'AUTH_3P':
    case 'CSA':
      return { kind, authorization: null };
    default:
      return { kind };
  }
}

/**
 * Why a record is or is not shown to a given viewer today, with the rule and the article (spec §2.F): the
 * center's answer to "why can't they see it?" without reading code. Asking is logged like an archive read.
 */
export async function explainRecord(
  ctx: UseCaseContext,
  input: { subjectCode: string; recordId: number; viewer: ViewerKind; organization?: string },
): Promise<RecordExplanation> {
  const subject = await subjectNamed(ctx, input.subjectCode);
  const viewer = await viewerFor(ctx, input.viewer, input.organization);
  const today = ctx.clock.today();
  const judged = await judgeSubjectRecords(ctx, { subject, viewer, profile: ctx.profile, today });
  const found = judged.find((j) => j.record.recordId === input.recordId);
  if (!found) throw new HttpProblem(404, 'RECORD_NOT_FOUND', '未找到该记录 / no such record');
  const { record, state, decision } = found;
  await ctx.audit.record({
    action: 'records.explain',
    objectType: 'record',
    objectId: `${record.subjectCode}/${record.recordId}`,
    payload: { viewer: input.viewer, organization: input.organization ?? null, shown: decision.shown },
  });
  return {
    reference: `${record.subjectCode}/${record.recordId}`,
    viewer: input.viewer,
    today: today.toString(),
    storedState: record.state,
    stateToday: state,
    disclosure: record.disclosure,
    shown: decision.shown,
    markers: decision.shown ? decision.markers.map((m) => RECORD_MARKER_NAMES[m]) : [],
    rule: decision.shown ? null : decision.rule,
    reason: decision.shown ? null : decision.reason,
    citation: decision.shown ? null : decision.citation,
  };
}
