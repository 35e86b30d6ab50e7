import type { UseCaseContext } from '../../platform/context.ts';
import { requireVerifiedSubject } from '../accounts/verified-subject.ts';
import { listNotifications } from './store.ts';

/** The notices sent to the verified subject: objection outcomes with their reasons (R122). */
export function listOwnNotifications(ctx: UseCaseContext, input: { verifiedSubjectCode: string | null }) {
  return listNotifications(ctx.db, requireVerifiedSubject(input.verifiedSubjectCode));
}
