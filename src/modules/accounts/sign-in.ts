import type { UseCaseContext } from '../../platform/context.ts';
import { verifySecret } from '../../platform/security/secrets.ts';
import { type LockoutPolicy, lockedUntil, lockoutWindowStart } from './lockout.ts';
import { openSession, type SessionPolicy } from './open-session.ts';
import {
  type AccountRow,
  endSession,
  findAccountForSignIn,
  insertLoginAttempt,
  recentLoginAttempts,
  type SessionRow,
  serializeSignIns,
} from './store.ts';

export interface SignInInput {
  username: string;
  password: string;
  clientAddress: string | null;
  userAgent: string | null;
  /** The session the browser held before, if any: it ends, so a session id never survives a sign-in. */
  previousSessionId: number | null;
}

export type SignInResult =
  | { ok: true; token: string; session: SessionRow; account: AccountRow }
  /** `invalid` never says whether the username exists; `locked` is answered for any username alike. */
  | { ok: false; reason: 'invalid' | 'locked'; lockedUntil: Date | null };

/**
 * Password sign-in. Every attempt is recorded by the username typed; `lockout.maxFailures` failures within
 * `lockout.lockMinutes` lock the username for `lockout.lockMinutes`, existing or not. A disabled account
 * fails exactly like a wrong password. On success the previous session ends (rotation) and a new one opens.
 */
export async function signIn(
  ctx: UseCaseContext,
  input: SignInInput,
  policy: { lockout: LockoutPolicy; session: SessionPolicy },
): Promise<SignInResult> {
  const now = ctx.clock.now();
  const username = input.username.trim();
  await serializeSignIns(ctx.db, username);
  const recent = await recentLoginAttempts(
    ctx.db,
    username,
    lockoutWindowStart(now, policy.lockout),
    policy.lockout.maxFailures * 4,
  );
  const lockedAlready = lockedUntil(recent, policy.lockout);
  if (lockedAlready && lockedAlready > now) {
    await insertLoginAttempt(ctx.db, {
      username,
      at: now,
      outcome: 'locked',
      clientAddress: input.clientAddress,
    });
    await ctx.audit.record({
      action: 'account.sign_in_refused',
      objectType: 'username',
      payload: { username },
      detail: { reason: 'locked' },
    });
    return { ok: false, reason: 'locked', lockedUntil: lockedAlready };
  }

  const account = await findAccountForSignIn(ctx.db, username);
  const passwordMatches = await verifySecret(account?.passwordHash ?? null, input.password);
  if (!account || !passwordMatches || account.status !== 'active') {
    await insertLoginAttempt(ctx.db, {
      username,
      at: now,
      outcome: 'failure',
      clientAddress: input.clientAddress,
    });
    await ctx.audit.record({
      action: 'account.sign_in_failed',
      objectType: 'username',
      objectId: account ? String(account.id) : null,
      payload: { username },
      detail: { reason: account?.status === 'disabled' ? 'disabled' : 'invalid_credentials' },
    });
    const lockedNow = lockedUntil([{ at: now, outcome: 'failure' }, ...recent], policy.lockout);
    return lockedNow
      ? { ok: false, reason: 'locked', lockedUntil: lockedNow }
      : { ok: false, reason: 'invalid', lockedUntil: null };
  }

  await insertLoginAttempt(ctx.db, {
    username,
    at: now,
    outcome: 'success',
    clientAddress: input.clientAddress,
  });
  if (input.previousSessionId !== null) await endSession(ctx.db, input.previousSessionId, 'rotated', now);
  const { passwordHash: _omitted, ...signedIn } = account;
  const opened = await openSession(ctx, signedIn, input, policy.session, 'password');
  return { ok: true, ...opened, account: signedIn };
}
