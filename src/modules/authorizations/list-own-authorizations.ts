import type { UseCaseContext } from '../../platform/context.ts';
import { requireVerifiedSubject } from '../accounts/verified-subject.ts';
import { type AuthorizationRow, listAuthorizationsOf } from './store.ts';

/** The authorizations a subject has given, newest first, whatever their status. */
export async function listOwnAuthorizations(
  ctx: UseCaseContext,
  input: { verifiedSubjectCode: string | null },
): Promise<AuthorizationRow[]> {
  return listAuthorizationsOf(ctx.db, requireVerifiedSubject(input.verifiedSubjectCode));
}
