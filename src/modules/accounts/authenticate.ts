import { type Platform, runUseCase, systemActor } from '../../platform/context.ts';
import { type AccessTokens, InvalidAccessTokenError } from '../../platform/security/access-tokens.ts';
import { sha256Hex } from '../../platform/security/secrets.ts';
import type { SessionPolicy } from './open-session.ts';
import { apiClientScopesFor, isPermission, type Permission } from './permissions.ts';
import { apiClientActor, type Principal, sessionPrincipal } from './principal.ts';
import {
  endSession,
  findAccountById,
  findApiClient,
  findOrganization,
  findSessionByTokenHash,
  type SessionEndReason,
  touchSession,
} from './store.ts';

/** The outcome of reading a request's credentials: a principal, nothing at all, or credentials that failed. */
export type Authentication =
  | { principal: Principal }
  | { principal: null; failure: 'SESSION_EXPIRED' | 'INVALID_TOKEN' | null };

export const NO_CREDENTIALS: Authentication = { principal: null, failure: null };

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

function endedBecause(
  session: { expiresAt: Date; lastSeenAt: Date },
  now: Date,
  policy: SessionPolicy,
): SessionEndReason | null {
  if (now >= session.expiresAt) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return 'idle';
  return null;
}

/**
 * The principal of a session cookie's token. A session past its absolute expiry or idle for too long is
 * ended (and the ending recorded) and answers SESSION_EXPIRED; so does the session of a disabled account.
 */
export async function authenticateSession(
  platform: Platform,
  token: string,
  policy: SessionPolicy,
): Promise<Authentication> {
  const now = platform.clock.now();
  const session = await findSessionByTokenHash(platform.db, sha256Hex(token));
  if (!session || session.endedAt) return { principal: null, failure: session ? 'SESSION_EXPIRED' : null };
  const account = await findAccountById(platform.db, session.accountId);
  const reason = account?.status === 'active' ? endedBecause(session, now, policy) : 'disabled';
  if (reason || !account) {
    await runUseCase(platform, systemActor('sessions'), async (ctx) => {
      await endSession(ctx.db, session.id, reason ?? 'disabled', now);
      await ctx.audit.record({
        action: 'session.end',
        objectType: 'account',
        objectId: String(session.accountId),
        payload: { sessionId: session.id, reason },
        detail: { sessionId: session.id, reason },
      });
    });
    return { principal: null, failure: 'SESSION_EXPIRED' };
  }
  // Activity bookkeeping for the idle timeout, not an act of the user: not an audit event.
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(platform.db, session.id, now);
  }
  return { principal: sessionPrincipal(account, { ...session, lastSeenAt: now }) };
}

/**
 * The principal of a bearer access token: its signature and lifetime, then the client itself, so a
 * revoked client is refused at once, and only the scopes its organization may still hold.
 */
export async function authenticateBearer(
  platform: Platform,
  tokens: AccessTokens,
  token: string,
): Promise<Authentication> {
  try {
    const claims = await tokens.verify(token, platform.clock.now());
    const apiClient = await findApiClient(platform.db, claims.clientId);
    if (apiClient?.status !== 'active' || apiClient.organizationCode !== claims.organizationCode) {
      return { principal: null, failure: 'INVALID_TOKEN' };
    }
    const organization = await findOrganization(platform.db, apiClient.organizationCode);
    const allowed = new Set(apiClientScopesFor(organization?.kind ?? ''));
    const permissions = new Set<Permission>(
      claims.scopes.filter((scope): scope is Permission => isPermission(scope) && allowed.has(scope)),
    );
    return {
      principal: {
        actor: apiClientActor(apiClient.clientId, apiClient.organizationCode),
        role: 'api_client',
        permissions,
        organizationCode: apiClient.organizationCode,
        organizationName: apiClient.organizationName,
        account: null,
        session: null,
        apiClient: { clientId: apiClient.clientId, name: apiClient.name },
      },
    };
  } catch (error) {
    if (error instanceof InvalidAccessTokenError) return { principal: null, failure: 'INVALID_TOKEN' };
    throw error;
  }
}
