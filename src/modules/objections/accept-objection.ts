import {
  admissibility,
  isObjectionGround,
  NOT_ACCEPTED_REASONS,
  objectionCaseNumber,
  stepsOnAcceptance,
} from '../../core/objections/rules.ts';
import { parseLocalDate } from '../../core/time/local-date.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { loadWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { caseNamed, paramsToday, reloadCase, requireStatus, textOrNull } from './cases.ts';
import { notifyApplicant } from './notify-applicant.ts';
import { insertSteps, type ObjectionCaseRow, touchCaseRecords, updateCase } from './store.ts';

export interface AcceptObjectionInput {
  caseNumber: string;
  /** DECLINE: the center does not accept it, for the reason it gives. */
  decision: 'ACCEPT' | 'DECLINE';
  reason?: string | null;
}

/**
 * The center accepts a received objection, or does not (R121). An inadmissible ground, or NT's missing
 * evidence, is NOT_ACCEPTED whatever the decision asked. Accepting marks the named records at once (R122,
 * R67: 000 第二十八条 作出异议标注; 003 第二十九条 ¶3; 004 第三十二条 ¶3) and starts the steps that run from
 * receipt or acceptance (R123, R128, R132).
 */
export async function acceptObjection(
  ctx: UseCaseContext,
  input: AcceptObjectionInput,
): Promise<ObjectionCaseRow> {
  const found = await caseNamed(ctx, input.caseNumber);
  requireStatus(found, ['RECEIVED'], '受理');
  const params = paramsToday(ctx);
  const refused = isObjectionGround(found.ground)
    ? admissibility(params.objections, { ground: found.ground, evidence: found.evidence })
    : 'GROUND_NOT_ADMISSIBLE';
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const caseNumber = objectionCaseNumber(ctx.profile.id, found.caseId);
  if (refused !== null || input.decision === 'DECLINE') {
    const reason = refused === null ? textOrNull(input.reason) : NOT_ACCEPTED_REASONS[refused].zh;
    if (reason === null) {
      throw new InvalidInputError('reason', '不予受理须说明理由', 'a refusal needs a reason');
    }
    await updateCase(ctx.db, found, {
      status: 'NOT_ACCEPTED',
      not_accepted_code: refused ?? 'DECLINED',
      not_accepted_reason: reason,
    });
    await notifyApplicant(ctx, found, {
      kind: 'OBJECTION_NOT_ACCEPTED',
      title: `异议申请 ${caseNumber} 不予受理`,
      body: `您的异议申请不予受理。理由：${reason}`,
    });
  } else {
    const calendar = await loadWorkingDayCalendar(ctx.db);
    const steps = stepsOnAcceptance(calendar, params.objections, {
      receivedOn: parseLocalDate(found.receivedOn),
      acceptedOn: today,
    });
    await updateCase(ctx.db, found, { status: 'ACCEPTED', accepted_at: now, accepted_on: today.toString() });
    await insertSteps(
      ctx.db,
      found,
      steps.map((s) => ({ step: s.step, startOn: s.startOn.toString(), dueOn: s.dueOn.toString() })),
    );
    await touchCaseRecords(ctx.db, found, now);
  }
  await ctx.audit.record({
    action: refused === null && input.decision === 'ACCEPT' ? 'objection.accepted' : 'objection.not_accepted',
    objectType: 'subject',
    objectId: found.subjectCode,
    payload: { case: caseNumber, refused, recordIds: found.recordIds },
  });
  return reloadCase(ctx, found);
}
