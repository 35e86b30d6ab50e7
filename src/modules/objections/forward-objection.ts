import {
  type ComparisonResult,
  forwardRequired,
  objectionCaseNumber,
  providerStep,
} from '../../core/objections/rules.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { loadWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { caseNamed, paramsToday, reloadCase, requireStatus } from './cases.ts';
import { completeSteps, insertSteps, type ObjectionCaseRow, updateCase } from './store.ts';

export interface ForwardObjectionInput {
  caseNumber: string;
  /** The center's platform data comparison (R123, R127); none where the city has no comparison step (NT). */
  comparison?: ComparisonResult | null;
}

/**
 * The center records its platform data comparison and forwards the objection to the provider for
 * verification, starting the provider's due date from today (000 第二十七条; 003 第二十九条 ¶1; 004 第三十二条 ¶2):
 * XM in both cases (A-44), WH only when the platform matches the source. A WH mismatch stays with the center:
 * the comparison is recorded and the case is not forwarded (R127's correction under the case is not built;
 * the center closes the case once the provider's resubmission has corrected the record, R37).
 */
export async function forwardObjection(
  ctx: UseCaseContext,
  input: ForwardObjectionInput,
): Promise<{ forwarded: boolean; case: ObjectionCaseRow }> {
  const found = await caseNamed(ctx, input.caseNumber);
  requireStatus(found, ['ACCEPTED'], '转交核查');
  const { objections } = paramsToday(ctx);
  const comparison = input.comparison ?? null;
  const hasComparison = objections.centerComparisonWorkingDays.value !== null;
  if (hasComparison && comparison === null) {
    throw new InvalidInputError(
      'comparison',
      '须先记录平台数据与信息源的比对结果',
      'record the comparison of the platform with the source first',
    );
  }
  const now = ctx.clock.now();
  const forwarded = forwardRequired(objections, comparison) !== false;
  await completeSteps(ctx.db, found, ['COMPARISON'], now);
  if (forwarded) {
    const calendar = await loadWorkingDayCalendar(ctx.db);
    const due = providerStep(calendar, objections, ctx.clock.today());
    await insertSteps(ctx.db, found, [
      { step: due.step, startOn: due.startOn.toString(), dueOn: due.dueOn.toString() },
    ]);
  }
  await updateCase(ctx.db, found, {
    comparison,
    ...(forwarded ? { status: 'FORWARDED', forwarded_at: now } : {}),
  });
  await ctx.audit.record({
    action: forwarded ? 'objection.forwarded' : 'objection.compared',
    objectType: 'subject',
    objectId: found.subjectCode,
    payload: {
      case: objectionCaseNumber(ctx.profile.id, found.caseId),
      comparison,
      providerCode: found.providerCode,
    },
  });
  return { forwarded, case: await reloadCase(ctx, found) };
}
