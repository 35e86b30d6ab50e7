import { objectionCaseNumber } from '../../core/objections/rules.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { paramsToday } from './cases.ts';
import {
  insertSupervisionEntry,
  listNewlyOverdueSteps,
  markStepOverdue,
  suspendCaseRecords,
} from './store.ts';

export interface DeadlineRun {
  overdueSteps: number;
  suspendedRecords: number;
  supervisionEntries: number;
}

/**
 * The daily pass over objection deadlines (R6): every step still open after its due date is flagged OVERDUE,
 * WH's 7-WD target among them as the SLA warning (R128, A-45). A provider late with its verification suspends
 * the case's active records in XM (all queries) and WH (society) from the day after its due date (000 第二十八条;
 * 003 第二十九条 ¶3; R68, R126, R129); in NT publication goes on and the provider gets a supervision entry
 * instead (004 第三十二条 ¶3; R133, A-48). Runs any number of times: a step is flagged once.
 */
export async function enforceObjectionDeadlines(ctx: UseCaseContext): Promise<DeadlineRun> {
  const today = ctx.clock.today();
  const { disclosure } = paramsToday(ctx);
  const suspends = disclosure.suspensionOnOverdueVerification.value !== 'NONE';
  const now = ctx.clock.now();
  const run: DeadlineRun = { overdueSteps: 0, suspendedRecords: 0, supervisionEntries: 0 };
  for (const step of await listNewlyOverdueSteps(ctx.db, today.toString())) {
    await markStepOverdue(ctx.db, step, step.step);
    run.overdueSteps += 1;
    const caseNumber = objectionCaseNumber(ctx.profile.id, step.caseId);
    const lateProvider = step.step === 'PROVIDER_VERIFICATION' && step.status === 'FORWARDED';
    let suspended: number[] = [];
    if (lateProvider && suspends) {
      suspended = await suspendCaseRecords(ctx.db, step, now);
      run.suspendedRecords += suspended.length;
    } else if (lateProvider) {
      await insertSupervisionEntry(ctx.db, {
        providerCode: step.providerCode,
        kind: 'OBJECTION_VERIFICATION_OVERDUE',
        reference: caseNumber,
        dueOn: step.dueOn,
        recordedOn: today.toString(),
        at: now,
      });
      run.supervisionEntries += 1;
    }
    await ctx.audit.record({
      action: suspended.length > 0 ? 'objection.suspended' : 'objection.step_overdue',
      objectType: 'subject',
      objectId: step.subjectCode,
      payload: { case: caseNumber, step: step.step, dueOn: step.dueOn, suspended },
    });
  }
  return run;
}
