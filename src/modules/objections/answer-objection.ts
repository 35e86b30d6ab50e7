import { centerFinalStep, objectionCaseNumber } from '../../core/objections/rules.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { loadWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { caseNamed, paramsToday, reloadCase, requireStatus, textOrNull } from './cases.ts';
import { completeSteps, insertSteps, type ObjectionCaseRow, updateCase } from './store.ts';

export interface AnswerObjectionInput {
  caseNumber: string;
  /** The provider's own organization: only the provider of the records answers. */
  providerCode: string | null;
  verdict: 'UPHELD' | 'REJECTED';
  /** With UPHELD: 更正 / 删除 / 补充 (000 第二十七条 ¶2). */
  opinion?: 'CORRECT' | 'DELETE' | 'SUPPLEMENT' | null;
  reasons?: string | null;
}

/**
 * The provider returns its verification: the objection upheld with an opinion to correct, delete or
 * supplement, or rejected with its reasons for not acting (000 第二十七条 ¶2; 003 第二十九条 ¶2; 004 第三十二条 ¶2;
 * R124, R128, R132). A late answer is still taken; the suspension it caused lasts until the center closes the
 * case (R126). The center's last step runs from today (R125, R128).
 */
export async function answerObjection(
  ctx: UseCaseContext,
  input: AnswerObjectionInput,
): Promise<ObjectionCaseRow> {
  const found = await caseNamed(ctx, input.caseNumber);
  if (input.providerCode !== found.providerCode) {
    // Another provider's case is not its to see (deny by default).
    throw new HttpProblem(404, 'OBJECTION_NOT_FOUND', `未找到异议案件 ${input.caseNumber}`);
  }
  requireStatus(found, ['FORWARDED'], '反馈核查结果');
  const reasons = textOrNull(input.reasons);
  const opinion = input.verdict === 'UPHELD' ? (input.opinion ?? null) : null;
  if (input.verdict === 'UPHELD' && opinion === null) {
    throw new InvalidInputError(
      'opinion',
      '异议成立须提出更正、删除或补充意见',
      'an upheld objection needs an opinion',
    );
  }
  if (input.verdict === 'REJECTED' && reasons === null) {
    throw new InvalidInputError('reasons', '异议不成立须说明不予处理的理由', 'a rejection needs its reasons');
  }
  const now = ctx.clock.now();
  await completeSteps(ctx.db, found, ['PROVIDER_VERIFICATION'], now);
  const calendar = await loadWorkingDayCalendar(ctx.db);
  const final = centerFinalStep(calendar, paramsToday(ctx).objections, ctx.clock.today());
  if (final) {
    await insertSteps(ctx.db, found, [
      { step: final.step, startOn: final.startOn.toString(), dueOn: final.dueOn.toString() },
    ]);
  }
  await updateCase(ctx.db, found, {
    status: 'VERIFIED',
    provider_verdict: input.verdict,
    provider_opinion: opinion,
    provider_reasons: reasons,
    provider_answered_at: now,
    provider_answered_by: ctx.actor.id,
  });
  await ctx.audit.record({
    action: 'objection.verified',
    objectType: 'subject',
    objectId: found.subjectCode,
    payload: {
      case: objectionCaseNumber(ctx.profile.id, found.caseId),
      verdict: input.verdict,
      opinion,
      reasons,
    },
  });
  return reloadCase(ctx, found);
}
