import { objectionCaseNumber } from '../../core/objections/rules.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { type CaseKey, insertNotification } from './store.ts';

/** A notice to the applicant about its case, in the use case's transaction (R122). */
export async function notifyApplicant(
  ctx: UseCaseContext,
  key: CaseKey,
  notice: { kind: string; title: string; body: string },
): Promise<void> {
  await insertNotification(ctx.db, {
    subjectCode: key.subjectCode,
    reference: objectionCaseNumber(ctx.profile.id, key.caseId),
    at: ctx.clock.now(),
    ...notice,
  });
}
