import type { UseCaseContext } from '../../platform/context.ts';
import { openSession, type SessionPolicy } from './open-session.ts';
import {
  type AccountRow,
  accountIdByIdentity,
  endSession,
  findAccountById,
  type SessionRow,
} from './store.ts';

/** Issuers compare without a trailing slash: `https://sso.example/` and `https://sso.example` are one issuer. */
export function canonicalIssuer(issuer: string): string {
  return issuer.replace(/\/+$/, '');
}

export type SsoSignInResult =
  | { ok: true; token: string; session: SessionRow; account: AccountRow }
  | { ok: false; reason: 'not_linked' | 'disabled' };

/**
 * Government single sign-on: the provider vouched for (`issuer`, `sub`); the account linked to that pair
 * by the center signs in. No account is ever created or linked from a sign-in.
 */
export async function ssoSignIn(
  ctx: UseCaseContext,
  input: {
    issuer: string;
    subject: string;
    clientAddress: string | null;
    userAgent: string | null;
    previousSessionId: number | null;
  },
  policy: SessionPolicy,
): Promise<SsoSignInResult> {
  const issuer = canonicalIssuer(input.issuer);
  const accountId = await accountIdByIdentity(ctx.db, issuer, input.subject);
  const account = accountId === undefined ? undefined : await findAccountById(ctx.db, accountId);
  if (account?.status !== 'active') {
    await ctx.audit.record({
      action: 'account.sign_in_failed',
      objectType: 'sso_identity',
      objectId: account ? String(account.id) : null,
      payload: { issuer, subject: input.subject },
      detail: { method: 'sso', reason: account ? 'disabled' : 'not_linked' },
    });
    return { ok: false, reason: account ? 'disabled' : 'not_linked' };
  }
  if (input.previousSessionId !== null)
    await endSession(ctx.db, input.previousSessionId, 'rotated', ctx.clock.now());
  const opened = await openSession(ctx, account, input, policy, 'sso');
  return { ok: true, ...opened, account };
}
