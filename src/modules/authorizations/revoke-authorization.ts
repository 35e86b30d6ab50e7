import { HttpProblem } from '../../http/errors.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { requireVerifiedSubject } from '../accounts/verified-subject.ts';
import { type AuthorizationRow, findAuthorization, setAuthorizationStatus } from './store.ts';

/** The subject withdraws an authorization; no query may use it from now on (000 第十八条). */
export async function revokeAuthorization(
  ctx: UseCaseContext,
  input: { verifiedSubjectCode: string | null; authorizationId: number },
): Promise<AuthorizationRow> {
  const subjectCode = requireVerifiedSubject(input.verifiedSubjectCode);
  const authorization = await findAuthorization(ctx.db, subjectCode, input.authorizationId);
  if (!authorization)
    throw new HttpProblem(404, 'AUTHORIZATION_NOT_FOUND', '未找到该授权 / no such authorization');
  if (authorization.status !== 'ACTIVE') return authorization;
  const now = ctx.clock.now();
  await setAuthorizationStatus(ctx.db, authorization, 'REVOKED', now);
  await ctx.audit.record({
    action: 'authorization.revoked',
    objectType: 'subject',
    objectId: authorization.subjectCode,
    payload: { authorizationId: authorization.authorizationId },
  });
  return { ...authorization, status: 'REVOKED', revokedAt: now };
}
