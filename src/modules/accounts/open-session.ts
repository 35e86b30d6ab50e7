import type { UseCaseContext } from '../../platform/context.ts';
import { randomToken, sha256Hex } from '../../platform/security/secrets.ts';
import { type AccountRow, findSessionById, insertSession, openSessionsOf, type SessionRow } from './store.ts';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/**
 * Opens a session for an account that has just proven who it is (password or single sign-on) and records
 * it. R147: another open session of the same account from a different terminal is recorded as
 * SHARED_ACCOUNT_SUSPECTED for the center to review (000 第三十条; 002 第十四条 妥善保管账户信息).
 */
export async function openSession(
  ctx: UseCaseContext,
  account: AccountRow,
  terminal: { clientAddress: string | null; userAgent: string | null },
  policy: SessionPolicy,
  method: 'password' | 'sso',
): Promise<{ token: string; session: SessionRow }> {
  const now = ctx.clock.now();
  const others = await openSessionsOf(ctx.db, account.id);
  const token = randomToken();
  const id = await insertSession(ctx.db, {
    tokenHash: sha256Hex(token),
    accountId: account.id,
    csrfToken: randomToken(),
    createdAt: now,
    expiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
    clientAddress: terminal.clientAddress,
    userAgent: terminal.userAgent,
  });
  const signInEvent = { accountId: account.id, sessionId: id, method };
  await ctx.audit.record({
    action: 'account.sign_in',
    objectType: 'account',
    objectId: String(account.id),
    payload: signInEvent,
    detail: { method, sessionId: id },
  });
  const elsewhere = others.filter(
    (other) =>
      other.expiresAt > now &&
      other.lastSeenAt.getTime() > now.getTime() - policy.idleMinutes * 60_000 &&
      (other.clientAddress !== terminal.clientAddress || other.userAgent !== terminal.userAgent),
  );
  if (elsewhere.length > 0) {
    await ctx.audit.record({
      action: 'account.shared_suspected',
      objectType: 'account',
      objectId: String(account.id),
      payload: { ...signInEvent, otherSessions: elsewhere.map((s) => s.id) },
      detail: { code: 'SHARED_ACCOUNT_SUSPECTED', otherSessions: elsewhere.length },
    });
  }
  const session = await findSessionById(ctx.db, id);
  if (!session) throw new Error(`session ${id} vanished inside its own transaction`);
  return { token, session };
}
