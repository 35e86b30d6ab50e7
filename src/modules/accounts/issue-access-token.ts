import type { UseCaseContext } from '../../platform/context.ts';
import type { AccessTokens } from '../../platform/security/access-tokens.ts';
import { verifySecret } from '../../platform/security/secrets.ts';
import { apiClientSecretHash, findApiClient, noteTokenIssued } from './store.ts';

export type TokenResult =
  | { ok: true; accessToken: string; expiresIn: number; scope: string }
  | { ok: false; error: 'invalid_client' | 'invalid_scope' };

/**
 * OAuth2 client credentials (RFC 6749 §4.4): a short-lived access token for an active client that proves
 * its secret, with the scopes it asks for (all of its own when it asks for none), never more.
 */
export async function issueAccessToken(
  ctx: UseCaseContext,
  input: { clientId: string; clientSecret: string; scope: string | null },
  tokens: AccessTokens,
): Promise<TokenResult> {
  const secretHash = await apiClientSecretHash(ctx.db, input.clientId);
  const client = secretHash ? await findApiClient(ctx.db, input.clientId) : undefined;
  if (!(await verifySecret(secretHash, input.clientSecret)) || !client) {
    await ctx.audit.record({
      action: 'api_client.token_refused',
      objectType: 'api_client',
      objectId: client?.clientId ?? null,
      payload: { clientId: input.clientId },
      detail: { error: 'invalid_client' },
    });
    return { ok: false, error: 'invalid_client' };
  }
  const requested = input.scope ? input.scope.split(' ').filter(Boolean) : client.scopes;
  if (requested.some((scope) => !client.scopes.includes(scope))) return { ok: false, error: 'invalid_scope' };
  const now = ctx.clock.now();
  const { token, expiresIn } = await tokens.issue(
    { clientId: client.clientId, organizationCode: client.organizationCode, scopes: requested },
    now,
  );
  await noteTokenIssued(ctx.db, client.clientId, now);
  await ctx.audit.record({
    action: 'api_client.token',
    objectType: 'api_client',
    objectId: client.clientId,
    payload: { clientId: client.clientId, scopes: requested, issuedAt: now.toISOString() },
    detail: { scopes: requested, expiresIn },
  });
  return { ok: true, accessToken: token, expiresIn, scope: requested.join(' ') };
}
