import type { UseCaseContext } from '../../platform/context.ts';
import { endSession } from './store.ts';

/** Ends the caller's session. */
export async function signOut(
  ctx: UseCaseContext,
  input: { sessionId: number; accountId: number },
): Promise<void> {
  await endSession(ctx.db, input.sessionId, 'logout', ctx.clock.now());
  await ctx.audit.record({
    action: 'account.sign_out',
    objectType: 'account',
    objectId: String(input.accountId),
    payload: input,
    detail: { sessionId: input.sessionId },
  });
}
