import { objectionCaseNumber } from '../../core/objections/rules.ts';
import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { caseNamed, paramsToday, reloadCase, requireStatus } from './cases.ts';
import { type ObjectionCaseRow, touchCaseRecords, updateCase } from './store.ts';

/**
 * WH: after its objection is decided, the subject records that it still disagrees, and the records carry
 * DISPUTE_PERSISTS in every query until it withdraws that (003 第二十九条 ¶3 处理完毕但信息主体仍然有异议的;
 * R130, A-46). The marker also ends when a record leaves ACTIVE (Table F-2). Recording a reconsideration or
 * litigation outcome (A-46's third end) is not built.
 */
export async function recordDispute(
  ctx: UseCaseContext,
  input: { caseNumber: string; subjectCode: string; action: 'RECORD' | 'WITHDRAW' },
): Promise<ObjectionCaseRow> {
  const found = await caseNamed(ctx, input.caseNumber);
  if (found.subjectCode !== input.subjectCode) {
    throw new HttpProblem(404, 'OBJECTION_NOT_FOUND', `未找到异议案件 ${input.caseNumber}`);
  }
  const marker = paramsToday(ctx).objections.persistentDisputeMarker;
  if (!marker.value) {
    throw new HttpProblem(409, 'NO_DISPUTE_MARKER', `本地规定未设"仍有异议"标注（${marker.source}）`);
  }
  requireStatus(found, ['CLOSED'], '标注仍有异议');
  const now = ctx.clock.now();
  const recording = input.action === 'RECORD';
  if (recording === (found.disputeRecordedAt !== null && found.disputeWithdrawnAt === null)) {
    throw new HttpProblem(409, 'OBJECTION_STATUS', recording ? '已标注仍有异议' : '没有可撤回的仍有异议标注');
  }
  await updateCase(
    ctx.db,
    found,
    recording ? { dispute_recorded_at: now, dispute_withdrawn_at: null } : { dispute_withdrawn_at: now },
  );
  await touchCaseRecords(ctx.db, found, now);
  await ctx.audit.record({
    action: recording ? 'objection.dispute_recorded' : 'objection.dispute_withdrawn',
    objectType: 'subject',
    objectId: found.subjectCode,
    payload: { case: objectionCaseNumber(ctx.profile.id, found.caseId) },
  });
  return reloadCase(ctx, found);
}
